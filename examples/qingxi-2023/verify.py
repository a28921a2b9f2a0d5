#!/usr/bin/env python3
"""Independent check of the qingxi-2023 example (does not import generate.py).

Reads every CSV back (GB18030 / UTF-8 with or without BOM), recognises the form's format,
finds every figure by its LABEL (row label + column header, not by position), converts fees
to 万元 exactly, checks each unit against the F2021 rules, sums per cell with decimal and
compares with expected-totals.json and a few hand-typed headline figures.  Checks that
exactly the deliberate mistakes of the README show up.  Exit status 0 = all as expected.
"""
import csv
import io
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = "2023"

# ---------------- headline figures, typed by hand from the README ----------------
HEADLINE = {"NEW.TOT": 66, "RESULT_TOTAL.TOT": 66, "FEE_AMOUNT_WAN": Decimal("180.340093"),
            "PUB_YEAR": 1631, "PUB_TOTAL": 28955}
HEADLINE_GROUPS = {"区政府": (386, 7452), "区直部门": (901, 16001), "街道及园区": (344, 5502)}
# fees as the units mean them, in 万元: 公安 103.270815, 自然资源 123456.78元, 市场监管 12.3456,
# 卫健 0.058, 教育 45.5万元, 民政 6.82
HEADLINE_FEES = ["103.270815", "12.345678", "12.3456", "0.058", "45.5", "6.82"]

# ---------------- the deliberate mistakes (README) ----------------
EXP_REJECTED = {"青溪区住建局.csv": ["其他对外管理服务事项", "第二十条第(九)项", "上一年项目数量", "(六)其他处理 unsplit"]}
EXP_ERRORS = [("青溪区人社局", "R3.3", "NP"), ("青溪区人社局", "R3.3", "TOT")]
EXP_WARNINGS = [("南浦街道", "R2.3", "REG_MADE"), ("南浦街道", "R2.3", "REG_VALID")]
EXP_CONVERSIONS = [("青溪区教育局", "45.5万元", "万元", Decimal("45.5")),
                   ("青溪区自然资源局", "123456.78", "元", Decimal("12.345678"))]


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", "", s)


# ---------------- labels of the F2021 form (spec §4) ----------------
H2, H3, H4 = norm("二、主动公开政府信息情况"), norm("三、收到和处理政府信息公开申请情况"), norm("四、政府信息公开行政复议、行政诉讼情况")
T2_BLOCK_HEADS = {norm("第二十条第（%s）项" % x) for x in "一五六八"}
T2_ROW = {"规章": "REG", "行政规范性文件": "NORM", "行政许可": "LIC", "行政处罚": "PUN", "行政强制": "COE",
          "行政事业性收费": "FEE"}
T2_HEAD = {"本年制发件数": "MADE", "本年废止件数": "REPEALED", "现行有效件数": "VALID", "本年处理决定数量": "DECISIONS"}
FEE_HEAD = re.compile(r"本年收费金额\(单位:(万元|元)\)")
T2_CODES = ["REG_MADE", "REG_REPEALED", "REG_VALID", "NORM_MADE", "NORM_REPEALED", "NORM_VALID",
            "LIC_DECISIONS", "PUN_DECISIONS", "COE_DECISIONS", "FEE_AMOUNT_WAN"]
F2019_MARKERS = [norm("其他对外管理服务事项"), norm("第二十条第（九）项"), norm("上一年项目数量")]

T3_COLHEAD = {"自然人": "NP", "商业企业": "BIZ", "科研机构": "SCI", "社会公益组织": "NGO",
              "法律服务机构": "LAW", "其他": "OTH"}
COLS = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]
SEC = norm("本年度办理结果")
GRP = {"DENY": norm("不予公开"), "UNABLE": norm("无法提供"), "NOTPROC": norm("不予处理"), "OTHER": norm("其他处理")}
LEAF = [  # row id, core text (numbering, section and group labels removed)
    ("NEW", "本年新收政府信息公开申请数量"), ("CIN", "上年结转政府信息公开申请数量"),
    ("OPEN", "予以公开"), ("PART", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("DENY_1", "属于国家秘密"), ("DENY_2", "其他法律行政法规禁止公开"), ("DENY_3", "危及“三安全一稳定”"),
    ("DENY_4", "保护第三方合法权益"), ("DENY_5", "属于三类内部事务信息"), ("DENY_6", "属于四类过程性信息"),
    ("DENY_7", "属于行政执法案卷"), ("DENY_8", "属于行政查询事项"),
    ("UNABLE_1", "本机关不掌握相关政府信息"), ("UNABLE_2", "没有现成信息需要另行制作"),
    ("UNABLE_3", "补正后申请内容仍不明确"),
    ("NOTPROC_1", "信访举报投诉类申请"), ("NOTPROC_2", "重复申请"), ("NOTPROC_3", "要求提供公开出版物"),
    ("NOTPROC_4", "无正当理由大量反复申请"), ("NOTPROC_5", "要求行政机关确认或重新出具已获取信息"),
    ("OTHER_1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("OTHER_2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("OTHER_3", "其他"),
    ("RESULT_TOTAL", "总计"), ("COUT", "结转下年度继续办理"),
]
LEAF_BY_CORE = {norm(t): r for r, t in LEAF}
ROW_IDS = [r for r, _ in LEAF]
RESULT_LEAVES = ROW_IDS[2:23]
NUMBERING = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.")
RES5 = {"结果维持": "KEEP", "结果纠正": "CORR", "其他结果": "OTHER", "尚未审结": "PEND", "总计": "TOTAL"}
T4_CODES = [g + "_" + s for g in ("RV", "LD", "LR") for s in ("KEEP", "CORR", "OTHER", "PEND", "TOTAL")]
ALL_CODES = T2_CODES + [r + "." + c for r in ROW_IDS for c in COLS] + T4_CODES + ["PUB_YEAR", "PUB_TOTAL"]
TITLE_TAIL = "年政府信息公开工作年度报告"


class Bad(Exception):
    pass


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 BOM"
    try:
        return raw.decode("utf-8"), "UTF-8 (no BOM)"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "GB18030"


def parse_count(code, raw, where):
    s = (raw or "").strip()
    if not re.fullmatch(r"\d+", s):
        raise Bad("%s: %s = %r is not a non-negative integer (blank or text)" % (where, code, s))
    return int(s)


def parse_fee(raw, header_unit, where, conversions, unit):
    """Fee text → Decimal 万元, exactly.  A unit written in the cell wins over the header's."""
    s = norm(raw)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(万元|元)?", s)
    if not m:
        raise Bad("%s: fee %r is not an amount" % (where, raw))
    cell_unit = m.group(2)
    u = cell_unit or header_unit
    v = Decimal(m.group(1))
    if u == "元":
        v = v.scaleb(-4)
    if cell_unit or header_unit != "万元":
        conversions.append((unit, raw.strip(), u, v))
    return v


def title_year(N, i2):
    """Unit names from the title / 填报单位 lines above T2, and the title's year."""
    named, years = [], []
    for r in N[:i2]:
        for c in r:
            m = re.fullmatch(r"(.+?)(\d{4})" + TITLE_TAIL, c)
            if m:
                named.append(m.group(1)); years.append(m.group(2))
            elif c.startswith("填报单位:"):
                named.append(c[len("填报单位:"):])
    return named, years


def find_row(N, pred, start=0, stop=None, what="row"):
    for i in range(start, len(N) if stop is None else stop):
        if any(pred(c) for c in N[i]):
            return i
    raise Bad("%s not found" % what)


def t3_label(r, ncol):
    return NUMBERING.sub("", "".join(r[:ncol]))


def f2019_markers(N):
    """F.3: which markers of the superseded F2019 form does the sheet contain?"""
    found = [m for m in F2019_MARKERS if any(c == m for r in N for c in r)]
    try:
        i3 = find_row(N, lambda c: c == H3)
        i4 = find_row(N, lambda c: c == H4, i3)
        for r in N[i3:i4]:
            nums = [j for j, c in enumerate(r) if re.fullmatch(r"\d+", c)]
            if nums and t3_label(r, nums[0]).replace(SEC, "") == GRP["OTHER"]:
                found.append("(六)其他处理 unsplit")
                break
    except Bad:
        pass
    return found


def ffill(row, start, stop):
    out, last = {}, ""
    for j in range(start, stop):
        if j < len(row) and row[j]:
            last = row[j]
        out[j] = last
    return out


def parse_form(fname, rows, conversions):
    N = [[norm(c) for c in r] for r in rows]
    unit = os.path.splitext(fname)[0]
    notes = []
    where = fname

    def find(pred, start=0, what="section"):
        try:
            return find_row(N, pred, start)
        except Bad:
            raise Bad("%s: %s not found" % (fname, what))

    i2, i3, i4 = find(lambda c: c == H2, what="二"), find(lambda c: c == H3, what="三"), find(lambda c: c == H4, what="四")
    ia = find(lambda c: c.startswith("附") and "主要指标" in c, what="附：主要指标")
    if not (i2 < i3 < i4 < ia):
        raise Bad("%s: sections out of order" % fname)
    named, years = title_year(N, i2)
    for n in named:
        if n != norm(unit):
            raise Bad("%s: names unit %r" % (fname, n))
    if years != [YEAR]:
        raise Bad("%s: title year %r" % (fname, years))
    notes.append("title" + ("+填报单位" if len(named) == 2 else ""))
    shift = next(j for j, c in enumerate(N[i2]) if c)
    if shift:
        notes.append("shifted %d col" % shift)
    if any(not any(r) for r in N[i2:ia]):
        notes.append("blank rows")
    cells = {}

    # ---- T2-2021 ----
    header, heads_seen = None, []
    for i in range(i2 + 1, i3):
        r = N[i]
        nz = [j for j, c in enumerate(r) if c]
        if not nz:
            continue
        t = r[nz[0]]
        if t in T2_BLOCK_HEADS:
            if len(nz) != 1:
                raise Bad("%s: stray text in block head row %d" % (where, i + 1))
            heads_seen.append(t)
            header = None
            continue
        if t == "信息内容":
            header = {}
            for j in nz[1:]:
                m = FEE_HEAD.fullmatch(r[j])
                if m:
                    header[j] = ("AMOUNT_WAN", m.group(1))
                elif r[j] in T2_HEAD:
                    header[j] = (T2_HEAD[r[j]], None)
                else:
                    raise Bad("%s: unknown T2 column header %r (F.1)" % (where, r[j]))
            continue
        if t not in T2_ROW or header is None:
            raise Bad("%s: unknown T2 label %r (row %d)" % (where, t, i + 1))
        for j in nz[1:]:
            if j not in header:
                raise Bad("%s: value %r outside the T2 columns, row %d (merged B:D must leave C, D empty)"
                          % (where, r[j], i + 1))
        for j, (suf, hunit) in header.items():
            code = T2_ROW[t] + "_" + suf
            if code not in T2_CODES or code in cells:
                raise Bad("%s: unexpected or duplicate T2 cell %s" % (where, code))
            text = rows[i][j] if j < len(rows[i]) else ""
            if suf == "AMOUNT_WAN":
                cells[code] = parse_fee(text, hunit, where, conversions, unit)
            else:
                cells[code] = parse_count(code, text, where)
    if heads_seen != [norm("第二十条第（%s）项" % x) for x in "一五六八"]:
        raise Bad("%s: T2 blocks %r" % (where, heads_seen))

    # ---- T3-2021 ----
    h1 = find(lambda c: c == "自然人", i3, "T3 header")
    h2 = find(lambda c: c == "商业企业", i3, "T3 header")
    if not (i3 < h1 <= h2 < i4):
        raise Bad("%s: T3 header not found" % where)
    col = {"NP": N[h1].index("自然人")}
    col["TOT"] = next(j for j in range(col["NP"] + 1, len(N[h1])) if N[h1][j] == "总计")
    for j, c in enumerate(N[h2]):
        if c in T3_COLHEAD and c != "自然人":
            col[T3_COLHEAD[c]] = j
    if [col[c] for c in COLS] != list(range(col["NP"], col["NP"] + 7)):
        raise Bad("%s: T3 columns not in the form's order: %r" % (where, col))
    head_text = "".join(N[k][j] for k in range(i3 + 1, h2 + 1) for j in range(len(N[k])))
    for must in ("勾稽关系", "申请人情况", "法人或其他组织"):
        if must not in head_text:
            raise Bad("%s: T3 header lacks %s" % (where, must))
    nlab = col["NP"] - shift
    notes.append("T3 %d label col%s" % (nlab, "s" if nlab > 1 else ""))
    seen, sec_ctx, grp_ctx, sec_rows = [], False, None, 0
    for i in range(h2 + 1, i4):
        r = N[i]
        if not any(r):
            continue
        label = t3_label(r, col["NP"])
        if SEC in label:
            sec_ctx = True
            sec_rows += 1
            label = label.replace(SEC, "")
        for gk, gl in GRP.items():
            if label.startswith(gl) and label != gl:
                grp_ctx = gk
                label = label[len(gl):]
        rid = LEAF_BY_CORE.get(label)
        if rid is None:
            raise Bad("%s: unknown T3 row label %r (row %d)" % (where, "".join(rows[i][:col["NP"]]), i + 1))
        g = rid.split("_")[0] if rid.split("_")[0] in GRP else None
        if rid in ("NEW", "CIN", "COUT"):
            sec_ctx = False
        elif not sec_ctx:
            raise Bad("%s: %s not under 三、本年度办理结果" % (where, rid))
        if g is None:
            grp_ctx = None
        elif grp_ctx != g:
            raise Bad("%s: %s not under （…）%s" % (where, rid, GRP[g]))
        if any(c for c in r[col["TOT"] + 1:]):
            raise Bad("%s: values right of the 总计 column in row %s" % (where, rid))
        for c in COLS:
            code = rid + "." + c
            cells[code] = parse_count(code, rows[i][col[c]] if col[c] < len(rows[i]) else "", where)
        seen.append(rid)
    if seen != ROW_IDS:
        raise Bad("%s: T3 rows %r differ from the form (F.2)" % (where, seen))
    if sec_rows > 1:
        notes.append("三、本年度办理结果 on every row")
    raw_labels = [c for r in rows[i2:ia] for c in r if c and not re.fullmatch(r"[\d.]+(万元|元)?", c.strip())]
    if any(re.search(r"[(),:]|\s", c) for c in raw_labels):
        notes.append("half-width punctuation/spaces")

    # ---- T4 ----
    r1 = find(lambda c: c == "行政复议", i4, "T4 header")
    a, b, d = N[r1], N[r1 + 1], N[r1 + 2]
    data = r1 + 3
    start = a.index("行政复议")
    g1 = ffill(a, start, start + 15)
    sub = ffill(b, start + 5, start + 15)
    codes = {}
    for j in range(start, start + 15):
        if g1[j] == "行政复议":
            res, grp = b[j], "RV"
            if j < len(d) and d[j]:
                raise Bad("%s: T4 header mismatch at column %d" % (where, j))
        elif g1[j] == "行政诉讼":
            grp = {"未经复议直接起诉": "LD", "复议后起诉": "LR"}.get(sub[j])
            res = d[j] if j < len(d) else ""
        else:
            raise Bad("%s: T4 header %r" % (where, g1[j]))
        if grp is None or res not in RES5:
            raise Bad("%s: T4 column %d header unreadable" % (where, j))
        codes[j] = grp + "_" + RES5[res]
    if sorted(codes.values()) != sorted(T4_CODES):
        raise Bad("%s: T4 columns %r" % (where, codes))
    if any(c for j, c in enumerate(N[data]) if j not in codes):
        raise Bad("%s: stray cell in T4 data row" % where)
    for j, code in codes.items():
        cells[code] = parse_count(code, rows[data][j] if j < len(rows[data]) else "", where)

    # ---- 附：主要指标 ----
    for i in range(ia + 1, len(N)):
        r = N[i]
        for j, c in enumerate(r):
            key = ("PUB_YEAR" if c == norm("本年主动公开政府信息数（条）") else
                   "PUB_TOTAL" if c == norm("累计主动公开政府信息数（条）") else None)
            if key:
                val = next(rows[i][k] for k in range(j + 1, len(r)) if r[k])
                cells[key] = parse_count(key, val, where)
    if sorted(cells) != sorted(ALL_CODES):
        raise Bad("%s: cells missing %r" % (where, [c for c in ALL_CODES if c not in cells][:5]))
    return unit, {c: cells[c] for c in ALL_CODES}, notes


def parse_long(fname, rows):
    if rows[0] != ["单位", "年度", "指标代码", "数值"]:
        raise Bad("%s: header %r" % (fname, rows[0]))
    out = {}
    for r in rows[1:]:
        if not any(r):
            continue
        unit, year, code, val = r
        if year != YEAR or code not in ALL_CODES:
            raise Bad("%s: row %r" % (fname, r))
        d = out.setdefault(unit, {})
        if code in d:
            raise Bad("%s: duplicate %s %s" % (fname, unit, code))
        if code == "FEE_AMOUNT_WAN":
            if not re.fullmatch(r"\d+(\.\d+)?", val):
                raise Bad("%s: fee %r" % (fname, val))
            d[code] = Decimal(val)
        else:
            d[code] = parse_count(code, val, fname + "/" + unit)
    for unit, d in out.items():
        if set(d) != set(ALL_CODES):
            raise Bad("%s: %s lacks %r" % (fname, unit, sorted(set(ALL_CODES) - set(d))[:5]))
        out[unit] = {c: d[c] for c in ALL_CODES}
    return out


def unit_rules(unit, c):
    """(errors, warnings) of one unit or of the total."""
    errs, warns = [], []
    for k in ("REG_MADE", "REG_REPEALED", "REG_VALID"):
        if c[k]:
            warns.append((unit, "R2.3", k))
    for col in COLS:
        if c["NEW." + col] + c["CIN." + col] != c["RESULT_TOTAL." + col] + c["COUT." + col]:
            errs.append((unit, "R3.1", col))
        if c["RESULT_TOTAL." + col] != sum(c[r + "." + col] for r in RESULT_LEAVES):
            errs.append((unit, "R3.3", col))
    for r in ROW_IDS:
        if c[r + ".TOT"] != sum(c[r + "." + col] for col in COLS[:6]):
            errs.append((unit, "R3.2", r))
    for g in ("RV", "LD", "LR"):
        if c[g + "_TOTAL"] != sum(c[g + "_" + s] for s in ("KEEP", "CORR", "OTHER", "PEND")):
            errs.append((unit, "R4", g))
    if not (0 < c["PUB_YEAR"] <= c["PUB_TOTAL"]):
        errs.append((unit, "PUB", "PUB_YEAR/PUB_TOTAL"))
    return errs, warns


def main():
    fails = []

    def check(cond, msg):
        print(("  ok   " if cond else "  FAIL ") + msg)
        if not cond:
            fails.append(msg)

    with open(os.path.join(HERE, "units.csv"), "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw, "units.csv is UTF-8 with BOM, CRLF")
    roster_rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    check(roster_rows[0] == ["单位", "分组", "代码"], "units.csv header 单位,分组,代码")
    roster = {r[0]: r[1] for r in roster_rows[1:] if r}
    codes = [r[2] for r in roster_rows[1:] if r]
    check(len(set(codes)) == len(codes) == len(roster) == 19, "units.csv: %d units, unique names and codes" % len(roster))

    data, rejected, conversions, encs = {}, {}, [], {}
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".csv") and f != "units.csv")
    print("files:")
    for fname in files:
        with open(os.path.join(HERE, fname), "rb") as f:
            raw = f.read()
        text, enc = decode(raw)
        encs[fname] = enc
        lone_lf = raw.count(b"\n") - raw.count(b"\r\n")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        try:
            if fname == "街道报表导出.csv":
                got = parse_long(fname, rows)
                for u, c in got.items():
                    if u in data:
                        raise Bad("%s reported twice" % u)
                    data[u] = c
                notes = ["long format: " + "、".join(got)]
            else:
                N = [[norm(c) for c in r] for r in rows]
                markers = f2019_markers(N)
                if markers:
                    # F.3 / A.3: a 2019-format form in a 2023 report is rejected and not counted
                    try:
                        parse_form(fname, rows, [])
                        readable = "2021 parser accepted it!"
                    except Bad as e:
                        readable = "2021 parser also refuses: " + str(e).split(": ", 1)[1]
                    named, years = title_year(N, find_row(N, lambda c: c == H2))
                    rejected[fname] = markers
                    print("  %-20s %-10s REJECTED wrong format (F2019 form, title year %s): %s; %s" % (
                        fname, enc, ",".join(years), "、".join(markers), readable))
                    continue
                unit, c, notes = parse_form(fname, rows, conversions)
                if unit in data:
                    raise Bad("%s reported twice" % unit)
                data[unit] = c
        except Bad as e:
            check(False, str(e))
            continue
        print("  %-20s %-10s %s%s" % (fname, enc, "; ".join(notes), "" if not lone_lf else " [LF!]"))
        if lone_lf:
            fails.append(fname + " has LF line ends")

    # ---- files, encodings ----
    n_gb = sum(e == "GB18030" for e in encs.values())
    check(set(encs.values()) == {"GB18030", "UTF-8 BOM"} and 0.28 <= n_gb / len(encs) <= 0.40,
          "encodings: %d of %d files GB18030, the others UTF-8 with BOM; all CRLF" % (n_gb, len(encs)))

    # ---- mistake a: wrong format ----
    check(rejected == EXP_REJECTED, "mistake a: only 青溪区住建局.csv rejected as F2019, markers %s"
          % "、".join(rejected.get("青溪区住建局.csv", [])))
    counted = set(roster) - {"青溪区住建局"}
    check(set(data) == counted, "every other roster unit read exactly once (%d units counted)" % len(data))

    # ---- per-unit rules ----
    errors, warnings = [], []
    for u in sorted(data):
        e, w = unit_rules(u, data[u])
        errors += e
        warnings += w
    print("  per-unit rule errors:", errors)
    print("  per-unit warnings:", warnings)
    print("  fee conversions:", [(u, t, un, format(v, "f")) for u, t, un, v in conversions])
    check(sorted(errors) == sorted(EXP_ERRORS), "mistake b: only 青溪区人社局 R3.3 (（七）总计 NP 9 ≠ leaves %d)"
          % sum(data["青溪区人社局"][r + ".NP"] for r in RESULT_LEAVES))
    check(sorted(warnings) == sorted(EXP_WARNINGS), "mistake c: only 南浦街道 R2.3 (REG_MADE 1, REG_VALID 1)")
    check(sorted(conversions) == sorted(EXP_CONVERSIONS),
          "mistake d: 123456.78 元 → 12.345678 万元 (自然资源局), 45.5万元 (教育局); no other conversion")

    # ---- district sums ----
    tot = {k: sum((c[k] for c in data.values()), Decimal(0) if k == "FEE_AMOUNT_WAN" else 0) for k in ALL_CODES}
    e, w = unit_rules("district", tot)
    check(sorted(x[1:] for x in e) == [("R3.3", "NP"), ("R3.3", "TOT")] and
          sorted(x[1:] for x in w) == [("R2.3", "REG_MADE"), ("R2.3", "REG_VALID")],
          "district total: only the inherited R3.3 (NP, TOT) and R2.3 (REG_MADE, REG_VALID)")
    for k, v in HEADLINE.items():
        check(tot[k] == v, "headline %s = %s" % (k, format(tot[k], "f") if isinstance(tot[k], Decimal) else tot[k]))
    check(tot["FEE_AMOUNT_WAN"] == sum(Decimal(x) for x in HEADLINE_FEES), "FEE_AMOUNT_WAN = sum of the six fees")
    groups = {}
    for g in HEADLINE_GROUPS:
        groups[g] = (sum(c["PUB_YEAR"] for u, c in data.items() if roster[u] == g),
                     sum(c["PUB_TOTAL"] for u, c in data.items() if roster[u] == g))
        check(groups[g] == HEADLINE_GROUPS[g], "group %s: PUB_YEAR %d, PUB_TOTAL %d" % ((g,) + groups[g]))
    print("  T2: 规章 %d/%d/%d  行政规范性文件 %d/%d/%d  许可 %d  处罚 %d  强制 %d  收费 %s 万元" % tuple(
        [tot[k] for k in T2_CODES[:9]] + [format(tot["FEE_AMOUNT_WAN"], "f")]))
    print("  T3: 新收 NP %d TOT %d; 结转入 %d; 予以公开 %d; 部分公开 %d; 总计 %d; 结转 %d" % tuple(
        tot[k] for k in ("NEW.NP", "NEW.TOT", "CIN.TOT", "OPEN.TOT", "PART.TOT", "RESULT_TOTAL.TOT", "COUT.TOT")))
    print("  T4: " + " ".join(str(tot[k]) for k in T4_CODES))

    # ---- expected-totals.json ----
    with open(os.path.join(HERE, "expected-totals.json"), encoding="utf-8") as f:
        exp = json.load(f)
    as_str = {k: (format(v, "f") if isinstance(v, Decimal) else str(v)) for k, v in tot.items()}
    check(exp["cells"] == as_str and list(exp["cells"]) == ALL_CODES,
          "expected-totals.json cells = sums read back (%d codes, F2021 order)" % len(exp["cells"]))
    check({g: (int(v["PUB_YEAR"]), int(v["PUB_TOTAL"])) for g, v in exp["groups"].items()} == groups,
          "expected-totals.json groups = sums by group")
    check(exp["excluded"] == ["青溪区住建局"], "expected-totals.json excluded = [青溪区住建局]")
    ms = {m["id"]: m for m in exp["mistakes"]}
    check(sorted(ms) == ["a", "b", "c", "d1", "d2"]
          and ms["a"]["unit"] == "青溪区住建局" and not ms["a"]["counted"]
          and ms["b"]["unit"] == "青溪区人社局" and (ms["b"]["reported"], ms["b"]["leaf_sum"]) == ("9", "8")
          and ms["c"]["unit"] == "南浦街道" and ms["c"]["cells"] == ["REG_MADE", "REG_VALID"]
          and (ms["d1"]["unit"], ms["d1"]["text"], ms["d1"]["wan"]) == ("青溪区自然资源局", "123456.78", "12.345678")
          and (ms["d2"]["unit"], ms["d2"]["text"], ms["d2"]["wan"]) == ("青溪区教育局", "45.5万元", "45.5"),
          "expected-totals.json mistakes a, b, c, d1, d2 match what was found")
    print("RESULT:", "ALL CHECKS PASSED" if not fails else "%d FAILED" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
