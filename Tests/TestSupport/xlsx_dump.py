#!/usr/bin/env python3
"""xlsx_dump.py FILE.xlsx -- print an independent read-back of a workbook as JSON.

Used by TestSupport.readBack(_:) so tests never verify the writer with itself.

Readers:
  * openpyxl, loaded twice: formulas (value = formula text) and data_only=True (cached values);
    fonts, fills, alignment, number formats, comments, links, page setup, freeze panes.
  * python-calamine for string values: it decodes _xHHHH_ escapes as Excel does, while openpyxl
    only strips "x005F_" from shared strings (lossy) and leaves inline strings undecoded.
  * the raw sheet XML + styles.xml for borders, header/footer and the style of every <c>:
    openpyxl replaces the non-anchor cells of a merged range by MergedCell objects and invents
    edge borders for them from the anchor cell, which would hide a missing border.

Output (keys sorted, UTF-8):
  {"sheet_names": [...], "active_sheet": "...", "properties": {"title", "subject", "creator",
   "keywords", "description", "category", "created": "2023-11-14T22:13:20Z"},
   "sheets": {name: {"cells": {"A1": {...}}, "merged_ranges": ["A1:D1"], "column_widths": {"A": 10.7},
                     "row_heights": {"1": 30.0}, "freeze_panes": "A2" | null,
                     "print_title_rows": "1:2" | null, "print_area": ... | null, "paper_size": 9 | null,
                     "orientation": "landscape" | "portrait" | null, "fit_to_width": .., "fit_to_height": ..,
                     "fit_to_page": bool, "show_gridlines": bool, "horizontal_centered": bool,
                     "tab_color": "FFFF0000" | null, "margins": {...}, "header": str | null, "footer": str | null}}}
  cell: {"value": str/number/bool/null, "formula": str | null, "cached": value | null,
         "number_format": str, "font": {"name","size","bold","italic","underline","color"},
         "fill": "FFRRGGBB" | null, "border": {"left","right","top","bottom"} (style names or null),
         "alignment": {"horizontal","vertical","wrap","indent"}, "comment": str | null,
         "comment_author": str | null, "hyperlink": {"location","target","display"} | null}
Only cells with a value, a border, a comment or a link are listed.
"""
import json
import posixpath
import re
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

warnings.simplefilter("ignore")
import openpyxl  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
XESC = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_xstring(s):
    """ECMA-376 Part 1, 22.4.2.4 ST_Xstring: _xHHHH_ is the character U+HHHH."""
    return XESC.sub(lambda m: chr(int(m.group(1), 16)), s) if isinstance(s, str) else s


def col_letters(i):
    s, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def raw_parts(path):
    """sheet name -> (cell ref -> border dict, header, footer), straight from the XML."""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
    styles = ET.fromstring(z.read("xl/styles.xml"))
    borders = []
    for b in styles.findall("m:borders/m:border", NS):
        sides = {}
        for side in ("left", "right", "top", "bottom"):
            el = b.find(f"m:{side}", NS)
            sides[side] = el.get("style") if el is not None else None
        borders.append(sides)
    xf_border = [int(xf.get("borderId", "0")) for xf in styles.findall("m:cellXfs/m:xf", NS)]
    out = {}
    for s in wb.findall("m:sheets/m:sheet", NS):
        target = targets[s.get("{%s}id" % NS["r"])]
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        root = ET.fromstring(z.read(part))
        cell_borders = {}
        for c in root.iter("{%s}c" % NS["m"]):
            xf = int(c.get("s", "0"))
            sides = borders[xf_border[xf]] if xf < len(xf_border) and xf_border[xf] < len(borders) else {}
            if any(sides.values()):
                cell_borders[c.get("r")] = sides
        hf = root.find("m:headerFooter", NS)
        header = footer = None
        if hf is not None:
            h, f = hf.find("m:oddHeader", NS), hf.find("m:oddFooter", NS)
            header = h.text if h is not None else None
            footer = f.text if f is not None else None
        out[s.get("name")] = (cell_borders, header, footer)
    return out


def calamine_strings(path):
    """sheet name -> cell ref -> string value as Excel would show it."""
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(path)
    out = {}
    for name in wb.sheet_names:
        sh = wb.get_sheet_by_name(name)
        r0, c0 = sh.start or (0, 0)
        cells = {}
        for ri, row in enumerate(sh.to_python(skip_empty_area=True)):
            for ci, v in enumerate(row):
                if isinstance(v, str) and v != "":
                    cells[f"{col_letters(c0 + ci)}{r0 + ri + 1}"] = v
        out[name] = cells
    return out


def jsonable(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def color(c):
    if c is None or getattr(c, "type", None) != "rgb" or not isinstance(c.rgb, str):
        return None
    return c.rgb


def dump(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    raw = raw_parts(path)
    strings = calamine_strings(path)
    props = wb.properties
    result = {"sheet_names": wb.sheetnames, "active_sheet": wb.active.title if wb.active else None, "sheets": {},
              "properties": {"title": props.title, "subject": props.subject, "creator": props.creator,
                             "keywords": props.keywords, "description": props.description,
                             "category": props.category,
                             "created": props.created.strftime("%Y-%m-%dT%H:%M:%SZ") if props.created else None}}
    for ws in wb.worksheets:
        cws = cached[ws.title]
        cell_borders, header, footer = raw.get(ws.title, ({}, None, None))
        cells = {}
        coords = {c.coordinate for row in ws.iter_rows() for c in row
                  if not isinstance(c, openpyxl.cell.cell.MergedCell)
                  and (c.value is not None or c.comment is not None or c.hyperlink is not None)}
        coords |= set(cell_borders)
        for coord in sorted(coords, key=lambda a: (int(re.sub(r"[A-Z]", "", a)), len(re.sub(r"\d", "", a)), a)):
            c = ws[coord]
            merged = isinstance(c, openpyxl.cell.cell.MergedCell)
            value = c.value
            formula = None
            if isinstance(value, str) and c.data_type == "f":
                formula, value = value, cws[coord].value
                cached_value = jsonable(cws[coord].value)
            else:
                cached_value = None
                if isinstance(value, str):
                    value = strings.get(ws.title, {}).get(coord, decode_xstring(value))
            font = c.font
            fill = c.fill
            al = c.alignment
            entry = {
                "value": jsonable(value),
                "formula": formula,
                "cached": cached_value,
                "merged_part": merged,
                "number_format": c.number_format,
                "font": {"name": font.name, "size": float(font.sz) if font.sz is not None else None,
                         "bold": bool(font.b), "italic": bool(font.i), "underline": font.u,
                         "color": color(font.color)},
                "fill": color(fill.fgColor) if fill is not None and fill.fill_type == "solid" else None,
                "border": cell_borders.get(coord, {"left": None, "right": None, "top": None, "bottom": None}),
                "alignment": {"horizontal": al.horizontal, "vertical": al.vertical,
                              "wrap": bool(al.wrap_text), "indent": int(al.indent or 0)},
                "comment": decode_xstring(c.comment.text) if c.comment is not None else None,
                "comment_author": (c.comment.author or None) if c.comment is not None else None,
                "hyperlink": ({"location": c.hyperlink.location, "target": c.hyperlink.target,
                               "display": c.hyperlink.display} if c.hyperlink is not None else None),
            }
            cells[coord] = entry
        widths = {}
        for dim in ws.column_dimensions.values():
            if dim.customWidth and dim.width is not None and dim.min is not None:
                for i in range(dim.min, dim.max + 1):
                    widths[get_column_letter(i)] = float(dim.width)
        heights = {str(r): float(d.height) for r, d in ws.row_dimensions.items() if d.height is not None}
        ps = ws.page_setup
        m = ws.page_margins
        result["sheets"][ws.title] = {
            "cells": cells,
            "merged_ranges": sorted(str(r) for r in ws.merged_cells.ranges),
            "column_widths": widths,
            "row_heights": heights,
            "freeze_panes": ws.freeze_panes,
            "print_title_rows": ws.print_title_rows,
            "print_area": ws.print_area if ws.print_area else None,
            "paper_size": int(ps.paperSize) if ps.paperSize is not None else None,
            "orientation": ps.orientation,
            # ECMA-376 defaults both to 1 when the attribute is absent
            "fit_to_width": int(ps.fitToWidth) if ps.fitToWidth is not None else 1,
            "fit_to_height": int(ps.fitToHeight) if ps.fitToHeight is not None else 1,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "show_gridlines": bool(ws.sheet_view.showGridLines) if ws.sheet_view.showGridLines is not None else True,
            "horizontal_centered": bool(ws.print_options.horizontalCentered),
            "tab_color": ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor is not None else None,
            "margins": {"left": m.left, "right": m.right, "top": m.top, "bottom": m.bottom},
            "header": header,
            "footer": footer,
        }
    return result


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: xlsx_dump.py FILE.xlsx")
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(dump(sys.argv[1]), sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)
    sys.stdout.write("\n")
