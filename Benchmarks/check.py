#!/usr/bin/env python3
"""Reads a workbook back so that a fast wrong result cannot pass.

    check.py convert OUT.xlsx IN.csv   streams the first sheet's XML and prints
        "rows cells numbers"; fails unless rows = the CSV's records and the first 200
        rows read back (openpyxl, read_only) equal the CSV, numbers as numbers.
    check.py merge OUT.xlsx [TOTALS.json]   opens the workbook (openpyxl, read_only) and prints
        the number of sheets and non-empty cells; fails on a sheet-less or unreadable file.
        With TOTALS.json (written by Benchmarks/peer_merge.py --totals), every total and group
        subtotal the workbook shows must equal the peer's exactly: 汇总 (cached values of its
        formulas, mapped to figure codes through the 明细 columns they refer to), 明细 (the
        合计 row and the "<group>小计" rows, columns found by the header row of figure codes)
        and 分组小计 (the rows under the 指标代码 header). Prints how many values were compared.
"""
import csv, json, re, sys, zipfile
from decimal import Decimal, InvalidOperation


def convert(xlsx, src):
    with open(src, encoding="utf-8-sig", newline="") as f:
        records = sum(1 for _ in csv.reader(f))
    rows = cells = numbers = 0
    tail = b""
    with zipfile.ZipFile(xlsx) as z:
        sheet = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[0]
        with z.open(sheet) as f:
            while chunk := f.read(1 << 20):
                data = tail + chunk
                cut = data.rfind(b"<")              # do not split a tag between chunks
                data, tail = data[:cut], data[cut:]
                rows += data.count(b"<row ")
                cells += data.count(b"<c ")
                numbers += len(re.findall(rb'<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?><v>', data))
        rows += tail.count(b"<row ")
    if rows != records:
        sys.exit(f"{xlsx}: {rows} rows, the CSV has {records} records")
    import openpyxl
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    ws = wb.worksheets[0]
    with open(src, encoding="utf-8-sig", newline="") as f:
        for i, (record, row) in enumerate(zip(csv.reader(f), ws.iter_rows(max_row=200, values_only=True))):
            for field, value in zip(record, row):
                expected = field
                if i > 0 and isinstance(value, (int, float)):
                    if float(field) != value:
                        sys.exit(f"{xlsx}: row {i + 1}: {value!r} for {field!r}")
                    continue
                if value != expected:
                    sys.exit(f"{xlsx}: row {i + 1}: {value!r} for {field!r}")
    print(rows, cells, numbers)


def exact(value):
    """A cell value as an exact Decimal: ints as they are, floats by their shortest repr (which
    gives back the decimal written, up to 15 significant digits), text if it is a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def merge(xlsx, totals_path=None):
    import openpyxl
    wb = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
    if not wb.sheetnames:
        sys.exit(f"{xlsx}: no sheets")
    peer = None
    if totals_path:
        with open(totals_path, encoding="utf-8") as f:
            peer = json.load(f)
        codes = set(peer["total"])
        levels = {"合计": peer["total"], **peer["groups"]}
    seen = {}   # (place, level) -> {code: cell value}
    summary = []  # 汇总's cached values, row by row
    cells = 0
    for ws in wb.worksheets:
        code_cols = None    # 明细: column -> figure code
        level_cols = None   # 分组小计: column -> level, and the column of the codes
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
            if peer is None:
                continue
            if ws.title == "汇总":
                summary.append(row)
            elif ws.title == "明细":
                if code_cols is None:
                    if codes <= set(row):
                        code_cols = {c: v for c, v in enumerate(row) if v in codes}
                elif row and isinstance(row[0], str) and (row[0] == "合计" or row[0].endswith("小计")):
                    level = "合计" if row[0] == "合计" else row[0][:-2]
                    seen[("明细", level)] = {code: row[c] if c < len(row) else None for c, code in code_cols.items()}
            elif ws.title == "分组小计":
                if "指标代码" in row:
                    at = row.index("指标代码")
                    level_cols = (at, {c: v for c, v in enumerate(row) if c > at and v in levels})
                elif level_cols and level_cols[0] < len(row) and row[level_cols[0]] in codes:
                    for c, level in level_cols[1].items():
                        seen.setdefault(("分组小计", level), {})[row[level_cols[0]]] = row[c]
    wb.close()
    if peer is None:
        print(len(wb.sheetnames), cells)
        return
    # 汇总: each total is a formula over 明细 columns; read the formulas to know which figure.
    letters = {}
    formulas = openpyxl.load_workbook(xlsx, read_only=True)
    detail_codes = next((r for r in formulas["明细"].iter_rows(values_only=True, max_row=20) if codes <= set(r)), ())
    for c, v in enumerate(detail_codes):
        if v in codes:
            letters[openpyxl.utils.get_column_letter(c + 1)] = v
    refs = [[set(re.findall(r"'?明细'?!\$?([A-Z]+)\$?[0-9]+", v or "")) if isinstance(v, str) else set() for v in r]
            for r in formulas["汇总"].iter_rows(values_only=True)]
    formulas.close()
    for r, row in enumerate(summary):
        for c, v in enumerate(row):
            cols = refs[r][c] if r < len(refs) and c < len(refs[r]) else set()
            if len(cols) == 1 and cols <= letters.keys():
                seen.setdefault(("汇总", "合计"), {})[letters[cols.pop()]] = v
    problems, compared = [], 0
    for place, wanted in (("汇总", ["合计"]), ("明细", list(levels)), ("分组小计", list(levels))):
        for level in wanted:
            got = seen.get((place, level))
            if got is None:
                problems.append(f"{place}: no values for {level}")
                continue
            for code, text in levels[level].items():
                compared += 1
                if code not in got:
                    problems.append(f"{place} {level} {code}: not in the workbook (peer {text})")
                elif exact(got[code]) != Decimal(text):
                    problems.append(f"{place} {level} {code}: nianbao {got[code]!r}, peer {text}")
    if problems:
        sys.exit(f"{xlsx}: {len(problems)} of {compared} totals differ from the Python peer's ({totals_path}):\n  "
                 + "\n  ".join(problems[:20]) + ("\n  …" if len(problems) > 20 else ""))
    print(len(wb.sheetnames), cells, f"({compared} totals = peer)")


if __name__ == "__main__":
    convert(sys.argv[2], sys.argv[3]) if sys.argv[1] == "convert" else merge(*sys.argv[2:4])
