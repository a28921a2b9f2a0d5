#!/usr/bin/env python3
"""Python peer of `nianbao merge` for `make bench`: the same job, written independently and plainly.

    python3 Benchmarks/peer_merge.py FORMS... --units units.csv --year 2020 -o out.xlsx [--totals t.json]

Reads the roster and every CSV submission (form layouts as Excel/WPS save them, or the long
table 单位,年度,指标代码,数值), finds each figure by its labels as the template
(templates/2019.yaml or 2021.yaml) names them, sums units into group subtotals and the total
with decimal.Decimal, checks the template's rules on every unit, subtotal and total, and writes
an XlsxWriter workbook (constant_memory) with the sheets 汇总, 分组小计, 明细 and 审核结果.
--totals writes {"units": n, "total": {code: "exact decimal"}, "groups": {group: {...}}}.
Exit status 0: no error; 1: errors or missing units; 2: bad command or nothing readable.
"""
import argparse, csv, io, itertools, json, os, re, sys, unicodedata
from decimal import Decimal
from functools import lru_cache

import xlsxwriter
import yaml
from xlsxwriter.utility import xl_col_to_name

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUMBERING = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|(?<![\d.])\d{1,2}\.(?!\d)")
NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|条|项|个)?")
BLANKS = {"", "-", "—", "–", "－", "/", "——"}


@lru_cache(maxsize=None)
def key(text):
    """A label's comparison key: NFKC, no numbering (一、 (一) 1.), no spaces or punctuation."""
    s = NUMBERING.sub("", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PZC")


@lru_cache(maxsize=None)
def clean(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def looks_number(text):
    s = clean(text)
    return bool(s) and (s in BLANKS or NUMBER.fullmatch(s) is not None)


# ---- template ---------------------------------------------------------------------------

class Figure:
    def __init__(self, code, table, row, col, spec):
        spec = spec if isinstance(spec, dict) else {}
        self.code, self.table, self.row, self.col = code, table, row, col
        self.kind = spec.get("kind", "count")
        self.unit, self.unit_required = spec.get("unit"), spec.get("unitRequired", False)


def tree_leaves(nodes, path=()):
    """(node, labels from the top) for every leaf of a column or row tree."""
    for n in nodes:
        p = path + ((n.get("label") or ""),)
        if "columns" in n or "rows" in n:
            yield from tree_leaves(n.get("columns") or n.get("rows"), p)
        else:
            yield n, p


class Template:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.raw = yaml.safe_load(f)
        self.format, self.title = str(self.raw["format"]), self.raw["title"]
        self.tables, self.figures, self.headings = self.raw["tables"], [], {}
        for t in self.tables:
            self.headings[key(t["heading"])] = t
            if t["layout"] == "blocks":
                t["header_keys"] = {key(b["columns"][0]) for b in t["blocks"]}
                t["row_index"] = {}
                for b in t["blocks"]:
                    for row in b["rows"]:
                        t["row_index"][key(row["label"])] = (b, row)
                        for col, cell in zip(b["columns"][1:], row["cells"]):
                            if cell:
                                code = cell["code"] if isinstance(cell, dict) else cell
                                self.figures.append(Figure(code, t["name"], row["label"], col, cell))
            else:
                t["col_leaves"] = [(n, tuple(key(x) for x in p)) for n, p in tree_leaves(t["columns"])]
                t["row_leaves"] = [n for n, _ in tree_leaves(t["rows"])]
                t["leaf_index"] = {key(n["label"]): n for n in t["row_leaves"] if n["label"]}
                t["parents"] = {key(lab) for _, p in tree_leaves(t["rows"]) for lab in p[:-1] if lab}
                assert len(t["leaf_index"]) == len([n for n in t["row_leaves"] if n["label"]]), "ambiguous row labels"
                for r in t["row_leaves"]:
                    for c, _ in t["col_leaves"]:
                        code = f"{r['id']}.{c['id']}" if r["id"] else c["id"]
                        self.figures.append(Figure(code, t["name"], r["label"] or "", c["label"], c))
        self.index = {f.code: i for i, f in enumerate(self.figures)}
        self.rules = list(self.compile_rules())

    def compile_rules(self):
        for rule in self.raw.get("rules", []):
            if "prev." in rule["check"]:
                continue  # needs last year's figures (--previous), not part of this job
            each = rule.get("each") or {}
            names = list(each)
            values = [self.each_values(each[n]) for n in names]
            for combo in itertools.product(*values):
                env = dict(zip(names, combo))
                text = re.sub(r"\{(\w+)\}", lambda m: env[m.group(1)], rule["check"])
                lhs, op, rhs = re.split(r"\s*(>=|<=|=|<|>)\s*", " ".join(text.split()), maxsplit=1)
                cell = re.sub(r"\{(\w+)\}", lambda m: env[m.group(1)], rule.get("cell", "")) or \
                    re.search(r"[A-Z][\w.]*", lhs).group(0)
                yield dict(id=rule["id"], severity=rule.get("severity", "error"), text=text, op=op,
                           levels=rule.get("levels"), lhs=self.linear(lhs), rhs=self.linear(rhs),
                           cell=self.index[cell], message=rule["message"])

    def each_values(self, spec):
        if isinstance(spec, list):
            return spec
        table, part = spec.split(".")
        t = next(t for t in self.tables if t["id"] == table)
        if part == "columns":
            return [n["id"] for n, _ in t["col_leaves"]]
        return [n["id"] for n in t["row_leaves"]]

    def linear(self, side):
        """'A + B - C - 3' -> ([index of A, index of B], [index of C], Decimal(-3))"""
        plus, minus, const, sign = [], [], Decimal(0), 1
        for tok in re.findall(r"[+-]|[A-Za-z_][\w.]*|\d+(?:\.\d+)?", side):
            if tok in "+-":
                sign = 1 if tok == "+" else -1
                continue
            if tok[0].isdigit():
                const += sign * Decimal(tok)
            else:
                (plus if sign > 0 else minus).append(self.index[tok])
            sign = 1
        return plus, minus, const


# ---- reading ----------------------------------------------------------------------------

def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 BOM"
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "GB18030"


def read_csv(path):
    with open(path, "rb") as f:
        text, _ = decode(f.read())
    first = text.split("\n", 1)[0]
    delim = "\t" if first.count("\t") > first.count(",") else ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    return [(reader.line_num, row) for row in reader]


_decimals = {}


def parse_value(fig, raw, report):
    """Decimal for a figure as people write it; report(severity, code, message) for problems."""
    s = clean(raw)
    if s in BLANKS:
        shown = f"写作“{raw.strip()}”" if raw.strip() else "为空"
        report("warning", "empty-cell", f"{fig.table}“{fig.row}”行“{fig.col}”列{shown}，按 0 计；应填写 0")
        s = "0"
    m = NUMBER.fullmatch(s)
    if not m:
        report("error", "bad-number", f"“{fig.row}”行“{fig.col}”列的 {raw!r} 不是数字")
        return Decimal(0)
    sign, digits, frac, unit = m.groups()
    value = _decimals.get(s)
    if value is None:  # the same few strings come back thousands of times: one Decimal each
        value = _decimals[s] = Decimal(sign + digits.replace(",", "") + ("." + frac if frac else ""))
    if unit == "万元" and fig.kind == "money" and fig.unit == "元":
        value *= 10000
    if fig.kind == "money":
        if fig.unit_required and unit not in ("元", "万元"):
            report("warning", "amount-unit", f"“{fig.row}”行“{fig.col}”未注明单位（元或万元）")
    elif value != value.to_integral_value():
        report("error", "fraction", f"“{fig.row}”行“{fig.col}”列应为整数：{raw}")
    elif value < 0 and fig.kind != "signed":
        report("error", "negative", f"“{fig.row}”行“{fig.col}”列不能为负数：{raw}")
    return value


def unit_name(rows, stem):
    """The unit named by a 填报单位 line, else by the title, else the file name; and the title's year."""
    filler = title = year = None
    for _, row in rows[:6]:
        for cell in row:
            s = clean(cell)
            if s.startswith("填报单位"):
                filler = s[4:].lstrip(":")
            m = re.match(r"(.*?)(\d{4})年度?政府信息公开工作年度报告", s)
            if m:
                title, year = m.group(1) or None, int(m.group(2))
    return filler or title or stem, year


def matrix_columns(t, header_rows):
    """Column index -> leaf column node, from the header rows' label paths (merged cells are
    blank after their first cell: a blank with labels below it takes its left neighbour's label)."""
    width = max(len(r) for r in header_rows)
    grid = [[key(c) for c in r] + [""] * (width - len(r)) for r in header_rows]
    for r, line in enumerate(grid):
        for c in range(1, width):
            if not line[c] and any(grid[rr][c] for rr in range(r + 1, len(grid))):
                line[c] = line[c - 1]
    found = {}
    for c in range(width):
        path = tuple(dict.fromkeys(g[c] for g in grid if g[c]))
        hits = [n for n, p in t["col_leaves"] if p == path] or \
               [n for n, p in t["col_leaves"] if path and len(path) < len(p) and p[-len(path):] == path]
        if len(hits) == 1:
            found[c] = hits[0]
    return found


def parse_form(tpl, rows, report):
    """{code: (text as written, line, column)} from one filled-in form."""
    values, table, state = {}, None, {}
    for line, row in rows:
        keys = [key(c) for c in row]
        first = next((j for j, k in enumerate(keys) if k), None)
        if first is None:
            continue
        if keys[first] in tpl.headings:
            table, state = tpl.headings[keys[first]], {"header": {}, "head_rows": [], "cols": None}
            continue
        if table is None:
            continue
        cells = []  # (code, column index)
        if table["layout"] == "blocks":
            if keys[first] in table["header_keys"]:
                state["header"] = {k: j for j, k in enumerate(keys) if k and j > first}
                continue
            hit = table["row_index"].get(keys[first])
            if not hit:
                if any(looks_number(c) for c in row[first + 1:] if c.strip()):
                    report("warning", "unknown-row", f"{table['name']}中无法识别的行“{row[first]}”，未计入", line)
                continue
            block, spec = hit
            for pos, (col, cell) in enumerate(zip(block["columns"][1:], spec["cells"])):
                if cell:
                    code = cell["code"] if isinstance(cell, dict) else cell
                    cells.append((code, state["header"].get(key(col), first + 1 + pos)))
        else:
            cols = state["cols"]
            limit = min(cols) if cols else len(row)
            labels = [k for j, k in enumerate(keys[:limit]) if k and not looks_number(row[j])]
            leaf = None
            for k in labels:  # joined labels: 三、本年度办理结果（三）不予公开1.属于国家秘密
                while (parent := next((p for p in table["parents"] if k.startswith(p) and k != p), None)):
                    k = k[len(parent):]
                leaf = table["leaf_index"].get(k, leaf)
            numeric = any(looks_number(c) for c in row)
            unlabelled = not labels and numeric and all(looks_number(c) for c in row if c.strip())
            if leaf is None and not (unlabelled and any(n["label"] is None for n in table["row_leaves"])):
                if cols is None:
                    state["head_rows"].append(row)
                elif numeric and labels:
                    report("warning", "unknown-row", f"{table['name']}中无法识别的行“{'、'.join(labels)}”，未计入", line)
                continue
            if cols is None:
                if not numeric:
                    state["head_rows"].append(row)
                    continue
                cols = state["cols"] = matrix_columns(table, state["head_rows"] or [[]])
                missing = [n["label"] for n, _ in table["col_leaves"] if n not in cols.values()]
                if missing:
                    report("error", "column-missing", f"{table['name']}找不到列：{'、'.join(missing)}", line)
            rid = leaf["id"] if leaf else None
            for j, node in cols.items():
                cells.append((f"{rid}.{node['id']}" if rid else node["id"], j))
        for code, j in cells:
            if code not in values:
                values[code] = (row[j] if j < len(row) else "", line, j + 1)
    return values


def read_submissions(tpl, path, report):
    """[(unit name, year, {code: (raw, line, col)})] from one CSV file."""
    rows = read_csv(path)
    head = next((r for _, r in rows if any(c.strip() for c in r)), [])
    names = [key(c).lower() for c in head]
    if ({"单位", "unit"} & set(names)) and ({"指标代码", "cell", "code"} & set(names)):
        col = {k: names.index(n) for k, opts in (("unit", ("单位", "unit")), ("year", ("年度", "year")),
               ("code", ("指标代码", "cell", "code")), ("value", ("数值", "value"))) for n in opts if n in names}
        units = {}
        for line, r in rows[1:]:
            if not any(c.strip() for c in r):
                continue
            get = lambda k: r[col[k]].strip() if k in col and col[k] < len(r) else ""
            unit = units.setdefault(get("unit"), [int(get("year")) if get("year").isdigit() else None, {}])
            if get("code") not in tpl.index:
                report("error", "unknown-code", f"未知的指标代码 {get('code')!r}", line)
            unit[1].setdefault(get("code"), (get("value"), line, col["value"] + 1))
        return [(name, y, v) for name, (y, v) in units.items()]
    name, year = unit_name(rows, os.path.splitext(os.path.basename(path))[0])
    values = parse_form(tpl, rows, report)
    if not values:
        report("error", "not-a-form", "找不到年报表格（表二、表三、表四）或长表表头")
    return [(name, year, values)] if values else []


# ---- checking ---------------------------------------------------------------------------

OPS = {"=": lambda a, b: a == b, ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b,
       "<": lambda a, b: a < b, ">": lambda a, b: a > b}


def check_rules(tpl, vec, level, report, where=lambda i: (None, None)):
    for rule in tpl.rules:
        if rule["levels"] and level not in rule["levels"]:
            continue
        left, right = (sum(map(vec.__getitem__, plus), const) - sum(map(vec.__getitem__, minus), Decimal(0))
                       for plus, minus, const in (rule["lhs"], rule["rhs"]))
        if not OPS[rule["op"]](left, right):
            fig = tpl.figures[rule["cell"]]
            report(rule["severity"], "rule-failed", f"{fig.table}“{fig.row}”行“{fig.col}”列：{rule['message']}。"
                   f"{rule['text']}：左边 {left}，右边 {right}，相差 {left - right}（规则 {tpl.format}:{rule['id']}）",
                   *where(rule["cell"]), rule=rule["id"], cell=rule["cell"])


# ---- workbook ---------------------------------------------------------------------------

def num(d):
    return int(d) if d == d.to_integral_value() else float(d)


def write_workbook(path, tpl, title, groups, units, totals, findings):
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    font = {"font_name": "宋体", "font_size": 11}
    f_title = wb.add_format({**font, "bold": True, "font_size": 16, "align": "center"})
    f_bold = wb.add_format({**font, "bold": True})
    f_head = wb.add_format({**font, "bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True})
    f_label = wb.add_format({**font, "border": 1, "text_wrap": True, "valign": "vcenter"})
    f_num = wb.add_format({**font, "border": 1})
    f_money = wb.add_format({**font, "border": 1, "num_format": "#,##0.00"})
    fmt = [f_money if f.kind == "money" else f_num for f in tpl.figures]
    summary, by_group, detail, audit = (wb.add_worksheet(n) for n in ("汇总", "分组小计", "明细", "审核结果"))

    # 明细 layout first: 汇总 refers to its 合计 row.
    first_unit_row, row = 3, 3
    spans = []
    for g in groups:
        n = sum(1 for u in units if u["group"] == g)
        spans.append((g, row, row + n - 1, row + n))
        row += n + 1
    total_row = row

    # 汇总: the totals in the form's layout, each a formula over 明细's 合计 row with its value.
    def total_cell(r, c, code):
        i = tpl.index[code]
        summary.write_formula(r, c, f"='明细'!{xl_col_to_name(4 + i)}{total_row + 1}", fmt[i], num(totals["合计"][i]))

    summary.merge_range(0, 0, 0, 9, title + "（汇总）", f_title)
    r = 2
    for t in tpl.tables:
        summary.write(r, 0, t["heading"], f_bold)
        r += 1
        if t["layout"] == "blocks":
            for b in t["blocks"]:
                if b.get("heading"):
                    summary.merge_range(r, 0, r, t["width"] - 1, b["heading"], f_label)
                    r += 1
                for c, label in enumerate(b["columns"]):
                    summary.write(r, c, label or "", f_head)
                for spec in b["rows"]:
                    r += 1
                    summary.write(r, 0, spec["label"], f_label)
                    for c, cell in enumerate(spec["cells"], 1):
                        if cell:
                            total_cell(r, c, cell["code"] if isinstance(cell, dict) else cell)
                        else:
                            summary.write_blank(r, c, None, f_num)
                r += 1
        else:
            depth = max((len(p) for _, p in tree_leaves(t["rows"]) if p[-1]), default=0)
            levels = max(len(p) for _, p in t["col_leaves"])
            if depth:
                summary.write(r, 0, t.get("corner") or "", f_label)
            col = depth

            def header(nodes, level, start):
                width = 0
                for n in nodes:
                    sub = n.get("columns")
                    w = header(sub, level + 1, start + width) if sub else 1
                    cells[level].append((start + width, start + width + w - 1, n["label"]))
                    width += w
                return width
            cells = [[] for _ in range(levels)]
            header(t["columns"], 0, col)
            for level in range(levels):
                for a, b, label in sorted(cells[level]):
                    (summary.merge_range(r, a, r, b, label, f_head) if b > a else summary.write(r, a, label, f_head))
                r += 1

            def body(nodes, level):
                nonlocal r
                for n in nodes:
                    if n.get("label"):
                        summary.write(r, level, n["label"], f_label)
                    if "rows" in n:
                        body(n["rows"], level + 1)
                        continue
                    for c, (cn, _) in enumerate(t["col_leaves"]):
                        total_cell(r, depth + c, f"{n['id']}.{cn['id']}" if n["id"] else cn["id"])
                    r += 1
            body(t["rows"], 0)
        r += 1
    summary.set_column(0, 2, 22)
    summary.set_column(3, 16, 11)

    # 分组小计: the headline figures with their sums written out, then every figure by group.
    heads = [h for h in tpl.raw.get("headlines", []) if h["code"] in tpl.index]
    by_group.write_row(0, 0, ["指标"] + groups + ["合计", "算式"], f_head)
    for r, h in enumerate(heads, 1):
        i = tpl.index[h["code"]]
        parts = [totals[g][i] for g in groups]
        by_group.write(r, 0, h["label"], f_label)
        by_group.write_row(r, 1, [num(v) for v in parts + [totals["合计"][i]]], fmt[i])
        by_group.write(r, len(groups) + 2, " + ".join(str(v) for v in parts) + f" = {totals['合计'][i]}", f_label)
    r = len(heads) + 2
    by_group.write_row(r, 0, ["表", "行", "列", "指标代码"] + groups + ["合计"], f_head)
    for i, f in enumerate(tpl.figures):
        r += 1
        by_group.write_row(r, 0, [f.table, f.row, f.col, f.code], f_label)
        by_group.write_row(r, 4, [num(totals[g][i]) for g in groups + ["合计"]], fmt[i])
    by_group.set_column(0, 0, 30)

    # 明细: one row per unit, one column per figure; subtotals and the total as formulas.
    detail.write_row(0, 4, [f"{f.table} {f.row}" for f in tpl.figures], f_head)   # rows in order:
    detail.write_row(1, 4, [f.col for f in tpl.figures], f_head)                  # constant_memory
    detail.write_row(2, 0, ["序号", "单位", "分组", "文件"] + [f.code for f in tpl.figures], f_head)
    detail.freeze_panes(first_unit_row, 2)
    row = first_unit_row
    for g, top, bottom, sub in spans:
        for u in (u for u in units if u["group"] == g):
            detail.write_row(row, 0, [u["seq"], u["name"], g, u["file"]], f_label)
            for c, v in enumerate(u["values"]):
                detail.write_number(row, 4 + c, num(v), fmt[c])
            row += 1
        detail.write(sub, 0, g + "小计", f_head)
        for i in range(len(tpl.figures)):
            col = xl_col_to_name(4 + i)
            detail.write_formula(sub, 4 + i, f"=SUM({col}{top + 1}:{col}{bottom + 1})" if bottom >= top else "=0",
                                 fmt[i], num(totals[g][i]))
        row = sub + 1
    detail.write(total_row, 0, "合计", f_head)
    for i in range(len(tpl.figures)):
        col = xl_col_to_name(4 + i)
        refs = ",".join(f"{col}{s + 1}" for _, _, _, s in spans) or "0"
        detail.write_formula(total_row, 4 + i, f"=SUM({refs})", fmt[i], num(totals["合计"][i]))

    # 审核结果: one row per finding, errors first.
    audit.write_row(0, 0, ["序号", "级别", "代码", "单位", "文件", "行", "列", "规则", "说明"], f_head)
    for r, fd in enumerate(findings, 1):
        audit.write_row(r, 0, [r, "错误" if fd["severity"] == "error" else "警告", fd["code"], fd["unit"],
                               fd["file"], fd["line"] or "", fd["col"] or "", fd["rule"], fd["message"]], f_label)
    audit.set_column(8, 8, 80)
    wb.close()


# ---- main -------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--units", required=True)
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--template")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--totals")
    args = ap.parse_args()
    tpl = Template(args.template or os.path.join(ROOT, "templates", "2019.yaml" if args.year <= 2020 else "2021.yaml"))
    findings = []

    def reporter(unit, path):
        def report(severity, code, message, line=None, col=None, rule="", cell=None):
            findings.append(dict(severity=severity, code=code, unit=unit, file=path, line=line, col=col,
                                 rule=rule, message=message, cell=cell))
        return report

    roster, groups = {}, []
    for _, r in read_csv(args.units)[1:]:
        if r and r[0].strip():
            roster[clean(r[0])] = (len(roster) + 1, r[0].strip(), r[1].strip() if len(r) > 1 else "")
            if roster[clean(r[0])][2] not in groups:
                groups.append(roster[clean(r[0])][2])

    files = []
    for p in args.inputs:
        files += sorted(os.path.join(p, n) for n in os.listdir(p) if n.lower().endswith(".csv")) if os.path.isdir(p) else [p]
    files = [f for f in files if os.path.abspath(f) != os.path.abspath(args.units)]
    seen, units = {}, []
    for path in files:
        try:
            subs = read_submissions(tpl, path, reporter("", path))
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            reporter("", path)("error", "unreadable", f"无法读取：{e}")
            continue
        for name, year, raw in subs:
            report = reporter(name, path)
            if clean(name) not in roster:
                report("error", "unit-not-in-roster", f"单位“{name}”不在名册中，不计入汇总")
                continue
            if clean(name) in seen:
                report("error", "duplicate-unit", f"单位“{name}”重复报送（已计 {seen[clean(name)]}），只计一次")
                continue
            if year and year != args.year:
                report("error", "year-mismatch", f"报送的是 {year} 年度，汇总的是 {args.year} 年度")
            seen[clean(name)] = path
            vec = []
            for f in tpl.figures:
                got = raw.get(f.code)
                if got is None:
                    report("error", "figure-missing", f"缺少{f.table}“{f.row}”行“{f.col}”列（{f.code}），按 0 计")
                    vec.append(Decimal(0))
                else:
                    vec.append(parse_value(f, got[0], lambda s, c, m: report(s, c, m, got[1], got[2], cell=tpl.index[f.code])))
            seq, roster_name, group = roster[clean(name)]
            units.append(dict(seq=seq, name=roster_name, group=group, file=path, values=vec))
            check_rules(tpl, vec, "unit", report, lambda i: raw.get(tpl.figures[i].code, (0, None, None))[1:])
    for k, (seq, name, group) in roster.items():
        if k not in seen:
            reporter(name, "")("error", "unit-missing", f"名册中的单位“{name}”没有报送")
    if not units:
        print("没有读到任何单位的数据", file=sys.stderr)
        return 2

    units.sort(key=lambda u: (groups.index(u["group"]), u["seq"]))
    zero = [Decimal(0)] * len(tpl.figures)
    totals = {g: [sum(col, Decimal(0)) for col in zip(*([u["values"] for u in units if u["group"] == g] or [zero]))]
              for g in groups}
    totals["合计"] = [sum(col, Decimal(0)) for col in zip(*(totals[g] for g in groups))]
    for level in groups + ["合计"]:
        check_rules(tpl, totals[level], "group" if level in groups else "total", reporter(level, ""))

    findings.sort(key=lambda f: f["severity"] != "error")
    district = next((n[:-4] for _, n, _ in roster.values() if n.endswith("人民政府")), "")
    title = tpl.title.format(district=district, year=args.year)
    out_tmp = args.output + ".tmp.xlsx"
    write_workbook(out_tmp, tpl, title, groups, units, totals, findings)
    os.replace(out_tmp, args.output)
    if args.totals:
        text = lambda d: format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))
        with open(args.totals, "w", encoding="utf-8") as f:
            json.dump({"units": len(units), "total": {x.code: text(v) for x, v in zip(tpl.figures, totals["合计"])},
                       "groups": {g: {x.code: text(v) for x, v in zip(tpl.figures, totals[g])} for g in groups}},
                      f, ensure_ascii=False, indent=1)

    errors = sum(f["severity"] == "error" for f in findings)
    for fd in findings:
        where = f"{fd['file']}:{fd['line']}:{fd['col']}" if fd["line"] else fd["file"] or fd["unit"]
        print(f"{where}: {'错误' if fd['severity'] == 'error' else '警告'}: [{fd['code']}] {fd['unit']}：{fd['message']}",
              file=sys.stderr)
    print(f"读取 {len(files)} 个文件，汇总 {len(units)} 个单位（{len(groups)} 个分组），{args.year} 年度，"
          f"{tpl.format} 格式；{errors} 个错误，{len(findings) - errors} 个警告。工作簿：{args.output}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
