#!/usr/bin/env python3
"""Reads a workbook back so that a fast wrong result cannot pass.

    check.py convert OUT.xlsx IN.csv   streams the first sheet's XML and prints
        "rows cells numbers"; fails unless rows = the CSV's records and the first 200
        rows read back (openpyxl, read_only) equal the CSV, numbers as numbers.
    check.py merge OUT.xlsx            opens the workbook (openpyxl, read_only) and prints
        the sheet names' count; fails on a sheet-less or unreadable file.
"""
import csv, re, sys, zipfile


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


def merge(xlsx):
    import openpyxl
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    if not wb.sheetnames:
        sys.exit(f"{xlsx}: no sheets")
    cells = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    print(len(wb.sheetnames), cells)


if __name__ == "__main__":
    convert(sys.argv[2], sys.argv[3]) if sys.argv[1] == "convert" else merge(sys.argv[2])
