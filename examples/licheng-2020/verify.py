#!/usr/bin/env python3
"""Independent check of the licheng-2020 example (does not import generate.py).

Reads every produced CSV back (GB18030 / UTF-8 with or without BOM), finds every figure by its
LABEL (row label + column header, not by position), checks each unit against the F2019 rules,
sums per cell and compares the district sums with the figures of the seed report
(泉州市鲤城区 2020年政府信息公开工作年度报告) and with expected-totals.json.
Exit status 0 = everything as expected.
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

# ---------------- seed report figures, typed from shared/seeds/000_412d6b6e91946c84.txt ----------------
SEED = {
    "REG_NEWMADE": "0", "REG_NEWPUB": "0", "REG_TOTALPUB": "0",
    "NORM_NEWMADE": "22", "NORM_NEWPUB": "22", "NORM_TOTALPUB": "53",
    "LIC_PREV": "311", "LIC_DELTA": "+87", "LIC_DECISIONS": "62470",
    "OMS_PREV": "419", "OMS_DELTA": "+1090", "OMS_DECISIONS": "491139",
    "PUN_PREV": "1003", "PUN_DELTA": "+993", "PUN_DECISIONS": "188",
    "COE_PREV": "40", "COE_DELTA": "+22", "COE_DECISIONS": "2",
    "FEE_PREV": "16", "FEE_DELTA": "-2",
    "PROC_COUNT": "249", "PROC_AMOUNT": "35692694.56",
}
SEED_T3 = {  # row: (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计); other rows all 0
    "NEW": "15 1 0 0 0 0 16", "CIN": "0 0 0 0 0 0 0", "OPEN": "8 0 0 0 0 0 8",
    "UNABLE_1": "4 1 0 0 0 0 5", "UNABLE_2": "1 0 0 0 0 0 1", "NOTPROC_1": "1 0 0 0 0 0 1",
    "RESULT_TOTAL": "14 1 0 0 0 0 15", "COUT": "1 0 0 0 0 0 1",
}
SEED_T4 = "0 0 0 0 0 0 1 0 0 1 0 0 0 0 0"
SEED_PUB = {"区政府": (82, 2633), "区直部门": (450, 11159), "街道及园区": (107, 4226)}
SEED_PUB_TOTAL = (639, 18018)

# ---------------- labels of the F2019 form (spec §3) ----------------
def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", "", s)

T2_ROW = {"规章": "REG", "规范性文件": "NORM", "行政许可": "LIC", "其他对外管理服务事项": "OMS",
          "行政处罚": "PUN", "行政强制": "COE", "行政事业性收费": "FEE", "政府集中采购": "PROC"}
T2_HEAD = {"本年新制作数量": "NEWMADE", "本年新公开数量": "NEWPUB", "对外公开总数量": "TOTALPUB",
           "上一年项目数量": "PREV", "本年增/减": "DELTA", "处理决定数量": "DECISIONS",
           "采购项目数量": "COUNT", "采购总金额": "AMOUNT"}
T2_BLOCK_HEADS = {norm("第二十条第（%s）项" % x) for x in "一五六八九"}
T2_EXPECTED = ["REG_NEWMADE", "REG_NEWPUB", "REG_TOTALPUB", "NORM_NEWMADE", "NORM_NEWPUB", "NORM_TOTALPUB",
               "LIC_PREV", "LIC_DELTA", "LIC_DECISIONS", "OMS_PREV", "OMS_DELTA", "OMS_DECISIONS",
               "PUN_PREV", "PUN_DELTA", "PUN_DECISIONS", "COE_PREV", "COE_DELTA", "COE_DECISIONS",
               "FEE_PREV", "FEE_DELTA", "PROC_COUNT", "PROC_AMOUNT"]
T3_COLHEAD = {"自然人": "NP", "商业企业": "BIZ", "科研机构": "SCI", "社会公益组织": "NGO",
              "法律服务机构": "LAW", "其他": "OTH"}
COLS = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]
SEC = "本年度办理结果"
GRP = {"DENY": "不予公开", "UNABLE": "无法提供", "NOTPROC": "不予处理"}
LEAF = [  # row id, core text (numbering removed)
    ("NEW", "本年新收政府信息公开申请数量"), ("CIN", "上年结转政府信息公开申请数量"),
    ("OPEN", "予以公开"), ("PART", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("DENY_1", "属于国家秘密"), ("DENY_2", "其他法律行政法规禁止公开"), ("DENY_3", "危及“三安全一稳定”"),
    ("DENY_4", "保护第三方合法权益"), ("DENY_5", "属于三类内部事务信息"), ("DENY_6", "属于四类过程性信息"),
    ("DENY_7", "属于行政执法案卷"), ("DENY_8", "属于行政查询事项"),
    ("UNABLE_1", "本机关不掌握相关政府信息"), ("UNABLE_2", "没有现成信息需要另行制作"),
    ("UNABLE_3", "补正后申请内容仍不明确"),
    ("NOTPROC_1", "信访举报投诉类申请"), ("NOTPROC_2", "重复申请"), ("NOTPROC_3", "要求提供公开出版物"),
    ("NOTPROC_4", "无正当理由大量反复申请"), ("NOTPROC_5", "要求行政机关确认或重新出具已获取信息"),
    ("OTHER", "其他处理"), ("RESULT_TOTAL", "总计"), ("COUT", "结转下年度继续办理"),
]
LEAF = [(r, norm(t)) for r, t in LEAF]
ROW_IDS = [r for r, _ in LEAF]
RESULT_LEAVES = ROW_IDS[2:21]
NUMBERING = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.")
RES5 = {"结果维持": "KEEP", "结果纠正": "CORR", "其他结果": "OTHER", "尚未审结": "PEND", "总计": "TOTAL"}
T4_CODES = [g + "_" + s for g in ("RV", "LD", "LR") for s in ("KEEP", "CORR", "OTHER", "PEND", "TOTAL")]
ALL_CODES = T2_EXPECTED + [r + "." + c for r in ROW_IDS for c in COLS] + T4_CODES + ["PUB_YEAR", "PUB_TOTAL"]
H2, H3, H4 = norm("二、主动公开政府信息情况"), norm("三、收到和处理政府信息公开申请情况"), norm("四、政府信息公开行政复议、行政诉讼情况")


class Bad(Exception):
    pass


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 BOM"
    try:
        return raw.decode("utf-8"), "UTF-8 (no BOM)"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "GB18030"


def parse_value(code, raw, where, warnings):
    s = (raw or "").strip()
    if s == "":
        warnings.append((where, "F.4", code, "blank cell read as 0"))
        s = "0"
    if code == "PROC_AMOUNT":
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(万元|元)", s)
        if not m:
            raise Bad("%s: amount %r has no unit 元/万元 (R2.8)" % (where, s))
        v = Decimal(m.group(1)) * (10000 if m.group(2) == "万元" else 1)
        if v != v.quantize(Decimal("0.01")):
            raise Bad("%s: amount %r is finer than 1 分" % (where, s))
        return v.quantize(Decimal("0.01"))
    if code.endswith("_DELTA"):
        if not re.fullmatch(r"[+-]?\d+", s):
            raise Bad("%s: %s = %r is not a signed integer" % (where, code, s))
        return int(s)
    if not re.fullmatch(r"\d+", s):
        raise Bad("%s: %s = %r is not a non-negative integer" % (where, code, s))
    return int(s)


def ffill(row, start, stop):
    out, last = {}, ""
    for j in range(start, stop):
        if j < len(row) and row[j]:
            last = row[j]
        out[j] = last
    return out


def parse_form(fname, text, warnings):
    rows = list(csv.reader(io.StringIO(text)))
    N = [[norm(c) for c in r] for r in rows]
    notes = []

    def find(pred, start=0):
        for i in range(start, len(N)):
            if any(pred(c) for c in N[i]):
                return i
        raise Bad("%s: section not found" % fname)

    i2, i3, i4 = find(lambda c: c == H2), find(lambda c: c == H3), find(lambda c: c == H4)
    ia = find(lambda c: c.startswith("附") and "主要指标" in c)
    if not (i2 < i3 < i4 < ia):
        raise Bad("%s: sections out of order" % fname)
    unit = os.path.splitext(fname)[0]
    named = []
    for r in N[:i2]:
        for c in r:
            if c.endswith("2020年政府信息公开工作年度报告"):
                named.append(c[: -len("2020年政府信息公开工作年度报告")]); notes.append("title")
            elif c.startswith("填报单位:"):
                named.append(c[len("填报单位:"):]); notes.append("填报单位")
    for n in named:
        if n != norm(unit):
            raise Bad("%s: names unit %r" % (fname, n))
    if not named:
        notes.append("unit from file name only")
    shift = next(j for j, c in enumerate(N[i2]) if c)
    if shift:
        notes.append("shifted %d col" % shift)
    if any(not any(r) for r in N[i2:ia]):
        notes.append("blank rows")
    cells = {}
    where = fname

    # ---- T2 ----
    header = None
    for i in range(i2 + 1, i3):
        r = N[i]
        nz = [j for j, c in enumerate(r) if c]
        if not nz:
            continue
        f, t = nz[0], r[nz[0]]
        if t in T2_BLOCK_HEADS:
            if any(r[j] != t for j in nz):
                raise Bad("%s: stray text in block head row %d" % (where, i + 1))
            header = None
            continue
        if t == "信息内容":
            header = {}
            for j in nz[1:]:
                if r[j] not in T2_HEAD:
                    raise Bad("%s: unknown T2 column header %r" % (where, r[j]))
                header[j] = T2_HEAD[r[j]]
            continue
        if t not in T2_ROW or header is None:
            raise Bad("%s: unknown T2 label %r (row %d)" % (where, t, i + 1))
        for j in nz[1:]:
            if j not in header:
                raise Bad("%s: value %r outside the T2 columns (row %d)" % (where, r[j], i + 1))
        for j, suf in header.items():
            code = T2_ROW[t] + "_" + suf
            if code not in T2_EXPECTED or code in cells:
                raise Bad("%s: unexpected or duplicate T2 cell %s" % (where, code))
            cells[code] = parse_value(code, rows[i][j] if j < len(rows[i]) else "", where, warnings)

    # ---- T3 ----
    h1 = find(lambda c: c == "自然人", i3)
    h2 = find(lambda c: c == "商业企业", i3)
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
    seen, sec_ctx, grp_ctx, sec_rows, missing_num = [], False, None, [], 0
    for i in range(h2 + 1, i4):
        r = N[i]
        if not any(r):
            continue
        label = "".join(r[:col["NP"]])
        stripped = NUMBERING.sub("", label)
        hits = [rid for rid, core in LEAF if core in stripped]
        if len(hits) != 1:
            raise Bad("%s: T3 row label %r matches %r" % (where, label, hits))
        rid = hits[0]
        core = dict(LEAF)[rid]
        rest = stripped.replace(core, "")
        g = rid.split("_")[0] if rid.split("_")[0] in GRP else None
        if SEC in label:
            sec_ctx = True
            sec_rows.append(rid)
        if rid in ("NEW", "CIN", "COUT"):
            sec_ctx = False
        elif not sec_ctx:
            raise Bad("%s: %s not under 三、本年度办理结果" % (where, rid))
        rest = rest.replace(SEC, "")
        for gk, gl in GRP.items():
            if gl in rest:
                grp_ctx = gk
                rest = rest.replace(gl, "")
        if g is None:
            grp_ctx = None
        elif grp_ctx != g:
            raise Bad("%s: %s not under （…）%s" % (where, rid, GRP[g]))
        if rest:
            raise Bad("%s: T3 label %r has unexpected text %r (F.1)" % (where, label, rest))
        parts = [c for c in r[:col["NP"]] if c]
        missing_num += sum(1 for c in set(parts) if not NUMBERING.match(c))
        if any(c for c in r[col["TOT"] + 1:]):
            raise Bad("%s: values right of the 总计 column in row %s" % (where, rid))
        for c in COLS:
            code = rid + "." + c
            j = col[c]
            cells[code] = parse_value(code, rows[i][j] if j < len(rows[i]) else "", where, warnings)
        seen.append(rid)
    if seen != ROW_IDS:
        raise Bad("%s: T3 rows %r differ from the form (F.2)" % (where, seen))
    if len(sec_rows) == 20:
        notes.append("三、本年度办理结果 on every row")
    elif sec_rows != ["OPEN"]:
        notes.append("三、本年度办理结果 repeated at %s (page-break artefact)" % ",".join(sec_rows[1:]))
    if missing_num:
        notes.append("%d T3 labels without numbering" % missing_num)
    if any("(" in c for r in rows[h2 + 1:i4] for c in r):
        notes.append("ASCII punctuation")
    if any(re.search(r"\S\s+\S", c) for r in rows[i2:ia] for c in r):
        notes.append("spaces in labels")

    # ---- T4 ----
    r1 = find(lambda c: c == "行政复议", i4)
    a, b, d = N[r1], N[r1 + 1], N[r1 + 2]
    data = r1 + 3
    start = a.index("行政复议")
    g1 = ffill(a, start, start + 15)
    sub = ffill(b, start + 5, start + 15)
    codes = {}
    for j in range(start, start + 15):
        if g1[j] == "行政复议":
            res, grp = b[j], "RV"
            if j < len(d) and d[j] and d[j] != res:
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
        cells[code] = parse_value(code, rows[data][j] if j < len(rows[data]) else "", where, warnings)

    # ---- 附：主要指标 ----
    for i in range(ia + 1, len(N)):
        r = N[i]
        for j, c in enumerate(r):
            key = ("PUB_YEAR" if c == norm("本年主动公开政府信息数（条）") else
                   "PUB_TOTAL" if c == norm("累计主动公开政府信息数（条）") else None)
            if key:
                val = next(rows[i][k] for k in range(j + 1, len(r)) if r[k])
                cells[key] = parse_value(key, val, where, warnings)
    if list(cells) != ALL_CODES:
        missing = [c for c in ALL_CODES if c not in cells]
        raise Bad("%s: cells missing %r" % (where, missing[:5]))
    return unit, cells, notes


def parse_long(fname, text, warnings):
    rows = list(csv.reader(io.StringIO(text)))
    if rows[0] != ["单位", "年度", "指标代码", "数值"]:
        raise Bad("%s: header %r" % (fname, rows[0]))
    out = {}
    for r in rows[1:]:
        if not any(r):
            continue
        unit, year, code, val = r
        if year != "2020" or code not in ALL_CODES:
            raise Bad("%s: row %r" % (fname, r))
        d = out.setdefault(unit, {})
        if code in d:
            raise Bad("%s: duplicate %s %s" % (fname, unit, code))
        d[code] = parse_value(code, val, fname + "/" + unit, warnings)
    for unit, d in out.items():
        if set(d) != set(ALL_CODES):
            raise Bad("%s: %s lacks %r" % (fname, unit, sorted(set(ALL_CODES) - set(d))[:5]))
        out[unit] = {c: d[c] for c in ALL_CODES}
    return out


def unit_rules(unit, c):
    errs = []
    for k in ("REG_NEWMADE", "REG_NEWPUB", "REG_TOTALPUB"):
        if c[k]:
            errs.append((unit, "R2.3", k))
    for x in ("LIC", "OMS", "PUN", "COE", "FEE"):
        if c[x + "_PREV"] + c[x + "_DELTA"] < 0:
            errs.append((unit, "R2.5", x))
    for x in ("REG", "NORM"):
        if c[x + "_TOTALPUB"] < c[x + "_NEWPUB"]:
            errs.append((unit, "R2.7", x))
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
    return errs


def main():
    fails = []

    def check(cond, msg):
        print(("  ok   " if cond else "  FAIL ") + msg)
        if not cond:
            fails.append(msg)

    with open(os.path.join(HERE, "units.csv"), "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf"), "units.csv is UTF-8 with BOM")
    roster_rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    check(roster_rows[0] == ["单位", "分组", "代码"], "units.csv header 单位,分组,代码")
    roster = {r[0]: r[1] for r in roster_rows[1:] if r}
    codes = [r[2] for r in roster_rows[1:] if r]
    check(len(set(codes)) == len(codes) == len(roster), "units.csv: %d units, unique names and codes" % len(roster))

    warnings, data, layout = [], {}, []
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".csv") and f != "units.csv")
    print("files:")
    for fname in files:
        with open(os.path.join(HERE, fname), "rb") as f:
            raw = f.read()
        text, enc = decode(raw)
        eol = "CRLF" if b"\r\n" in raw else "LF"
        try:
            if fname == "街道汇总导出.csv":
                got = parse_long(fname, text, warnings)
                for u, c in got.items():
                    if u in data:
                        raise Bad("%s reported twice" % u)
                    data[u] = c
                notes = ["long format: " + "、".join(got)]
            else:
                unit, c, notes = parse_form(fname, text, warnings)
                if unit in data:
                    raise Bad("%s reported twice" % unit)
                data[unit] = c
        except Bad as e:
            check(False, str(e))
            continue
        print("  %-22s %-14s %-4s %s" % (fname, enc, eol, "; ".join(notes)))
    check(set(data) == set(roster), "every roster unit read exactly once (%d units)" % len(data))

    # ---- per-unit rules ----
    errors = []
    for u, c in data.items():
        errors += unit_rules(u, c)
    print("per-unit rule failures:", errors)
    print("warnings:", [(w[0], w[1], w[2]) for w in warnings])
    check(errors == [("鲤城区住建局", "R2.5", "FEE")], "only deliberate mistake 1: 鲤城区住建局 FEE 1 + (-3) < 0 (R2.5)")
    check(sorted(w[2] for w in warnings) == ["DENY_3.NGO", "OTHER.LAW", "PART.SCI"]
          and {w[0] for w in warnings} == {"浮桥街道.csv"},
          "only deliberate mistake 2: 浮桥街道 three blank T3 cells (F.4)")

    # ---- district sums against the seed ----
    tot = {k: sum((c[k] for c in data.values()), Decimal(0) if k == "PROC_AMOUNT" else 0) for k in ALL_CODES}
    seed = {k: (Decimal(v) if k == "PROC_AMOUNT" else int(v)) for k, v in SEED.items()}
    for r in ROW_IDS:
        vals = [int(x) for x in SEED_T3.get(r, "0 0 0 0 0 0 0").split()]
        for col, v in zip(COLS, vals):
            seed[r + "." + col] = v
    for code, v in zip(T4_CODES, SEED_T4.split()):
        seed[code] = int(v)
    seed["PUB_YEAR"], seed["PUB_TOTAL"] = SEED_PUB_TOTAL
    diff = [(k, tot[k], seed[k]) for k in ALL_CODES if tot[k] != seed[k]]
    check(not diff, "district sums = seed report for all %d cells %s" % (len(ALL_CODES), diff[:5] if diff else ""))
    print("  T2: 规范性文件 %d/%d/%d  行政许可 %d/%+d/%d  其他对外管理服务事项 %d/%+d/%d" % tuple(
        tot[k] for k in T2_EXPECTED[3:12]))
    print("      行政处罚 %d/%+d/%d  行政强制 %d/%+d/%d  行政事业性收费 %d/%+d  政府集中采购 %d, %s元" % tuple(
        [tot[k] for k in T2_EXPECTED[12:21]] + [tot["PROC_AMOUNT"]]))
    print("  T3: 新收 NP %d BIZ %d TOT %d; 予以公开 %d; 无法提供 %d+%d; 不予处理 %d; 总计 %d; 结转 %d" % tuple(
        tot[k] for k in ("NEW.NP", "NEW.BIZ", "NEW.TOT", "OPEN.TOT", "UNABLE_1.TOT", "UNABLE_2.TOT",
                         "NOTPROC_1.TOT", "RESULT_TOTAL.TOT", "COUT.TOT")))
    print("  T4: " + " ".join(str(tot[k]) for k in T4_CODES))
    check(not unit_rules("district", tot), "district total passes R2.x, R3.1–R3.3, R4.x")
    for g, (y, t) in SEED_PUB.items():
        gy = sum(c["PUB_YEAR"] for u, c in data.items() if roster[u] == g)
        gt = sum(c["PUB_TOTAL"] for u, c in data.items() if roster[u] == g)
        check((gy, gt) == (y, t), "group %s: PUB_YEAR %d, PUB_TOTAL %d" % (g, gy, gt))

    # ---- expected-totals.json ----
    with open(os.path.join(HERE, "expected-totals.json"), encoding="utf-8") as f:
        exp = json.load(f)
    as_str = {k: (format(v, "f") if isinstance(v, Decimal) else str(v)) for k, v in tot.items()}
    check(exp["cells"] == as_str, "expected-totals.json cells = sums read back (%d codes)" % len(exp["cells"]))
    check({g: (int(v["PUB_YEAR"]), int(v["PUB_TOTAL"])) for g, v in exp["groups"].items()} == SEED_PUB,
          "expected-totals.json groups = seed 82/2633, 450/11159, 107/4226")
    print("RESULT:", "ALL CHECKS PASSED" if not fails else "%d FAILED" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
