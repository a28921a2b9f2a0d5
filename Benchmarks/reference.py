#!/usr/bin/env python3
"""Python reference for `nianbao convert`: XlsxWriter in constant_memory mode, same sheet
(bold frozen header, the same number rule and formats, widths on the first 1000 records).

    python3 Benchmarks/reference.py IN.csv OUT.xlsx
"""
import csv, os, re, sys
import xlsxwriter

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?\Z")


def width(text):
    return sum(2 if ord(ch) >= 0x800 else 1 for ch in text)


def main(src, dst):
    wb = xlsxwriter.Workbook(dst, {"constant_memory": True})
    ws = wb.add_worksheet(os.path.basename(src).split(".")[0][:31])
    bold = wb.add_format({"bold": True})
    formats = [wb.add_format({"num_format": "0" if d == 0 else "0." + "0" * d}) for d in range(16)]
    widths = []
    with open(src, encoding="utf-8-sig", newline="") as f:
        for r, record in enumerate(csv.reader(f)):
            if len(record) > len(widths):
                widths += [0] * (len(record) - len(widths))
            for c, field in enumerate(record):
                if not field:
                    continue
                m = NUMBER.match(field) if r > 0 and len(field) <= 18 else None
                if m:
                    decimals = len(m.group(2)) - 1 if m.group(2) else 0
                    digits = decimals if m.group(1) == "0" and decimals else len(m.group(1)) + decimals
                    if digits <= 15 and not (field[0] == "-" and float(field) == 0):
                        fmt = formats[decimals] if digits > 11 or (decimals and field[-1] == "0") else None
                        ws.write_number(r, c, float(field), fmt)
                        if r <= 1000:
                            widths[c] = max(widths[c], len(field))
                        continue
                ws.write_string(r, c, field, bold if r == 0 else None)
                if r <= 1000:
                    w = width(field)
                    widths[c] = max(widths[c], (w * 11 + 9) // 10 if r == 0 else w)
    ws.freeze_panes(1, 0)
    for c, w in enumerate(widths):
        if min(100, w + 2) > 8.43:
            ws.set_column(c, c, min(100, w + 2))
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
