#!/usr/bin/env python3
"""Generate the bundled example input of nianbao: 泉州市鲤城区, report year 2020 (format F2019).

The district sums of the unit figures below reproduce every figure of the real 2020 report
of 泉州市鲤城区 (tables 二/三/四 and the 639 / 18018 indicators of its 总体情况).
Deterministic, standard library only.  Run:  python3 generate.py
Everything is written next to this script.
"""
import csv
import io
import json
import os
from decimal import Decimal

OUT = os.path.dirname(os.path.abspath(__file__))
YEAR = 2020

# --------------------------------------------------------------------------------------
# Roster: key, unit name, group, code
# --------------------------------------------------------------------------------------
G_GOV, G_DEPT, G_STREET = "区政府", "区直部门", "街道及园区"
UNITS = [
    ("gov", "鲤城区人民政府", G_GOV),
    ("fgj", "鲤城区发改局", G_DEPT),
    ("jyj", "鲤城区教育局", G_DEPT),
    ("gaj", "鲤城公安分局", G_DEPT),
    ("mzj", "鲤城区民政局", G_DEPT),
    ("sfj", "鲤城区司法局", G_DEPT),
    ("czj", "鲤城区财政局", G_DEPT),
    ("rsj", "鲤城区人社局", G_DEPT),
    ("zjj", "鲤城区住建局", G_DEPT),
    ("cgj", "鲤城区城管局", G_DEPT),
    ("scj", "鲤城区市场监管局", G_DEPT),
    ("wjj", "鲤城区卫健局", G_DEPT),
    ("yjj", "鲤城区应急局", G_DEPT),
    ("gxj", "鲤城区工信局", G_DEPT),
    ("wtl", "鲤城区文体旅局", G_DEPT),
    ("swj", "鲤城区商务局", G_DEPT),
    ("tyj", "鲤城区退役军人事务局", G_DEPT),
    ("gxq", "泉州高新区鲤城园", G_STREET),
    ("hb", "海滨街道", G_STREET),
    ("lj", "临江街道", G_STREET),
    ("lz", "鲤中街道", G_STREET),
    ("ky", "开元街道", G_STREET),
    ("fq", "浮桥街道", G_STREET),
    ("jn", "江南街道", G_STREET),
    ("jl", "金龙街道", G_STREET),
    ("ct", "常泰街道", G_STREET),
]
UNITS = [(k, n, g, "LC%03d" % (i + 1)) for i, (k, n, g) in enumerate(UNITS)]
NAME = {k: n for k, n, g, c in UNITS}
GROUP = {k: g for k, n, g, c in UNITS}

# --------------------------------------------------------------------------------------
# T2 (二、主动公开政府信息情况).  Per unit:
#   REG, NORM: (本年新制作数量, 本年新公开数量, 对外公开总数量)
#   LIC, OMS, PUN, COE: (上一年项目数量, 本年增/减, 处理决定数量)
#   FEE: (上一年项目数量, 本年增/减)
#   PROC: (采购项目数量, 采购总金额 exactly as the unit writes it)
# --------------------------------------------------------------------------------------
Z3 = (0, 0, 0)
T2 = {
#  key    REG  NORM          LIC                 OMS                    PUN               COE            FEE       PROC
  "gov": (Z3, (14, 14, 35), (0, 0, 0),          (0, 0, 0),             (0, 0, 0),         Z3,           (0, 0),   (38, "11224071.61元")),
  "fgj": (Z3, Z3,           (12, +3, 146),      (8, +15, 1210),        (5, +3, 0),        Z3,           (0, 0),   (5, "186400元")),
  "jyj": (Z3, (2, 2, 4),    (18, +2, 532),      (26, +64, 21380),      (9, +6, 1),        Z3,           (3, 0),   (42, "658.243715万元")),
  "gaj": (Z3, Z3,           (49, +20, 39053),   (71, +188, 152300),    (98, +47, 12),     (6, +3, 0),   (4, -1),  (21, "3120480.00元")),
  "mzj": (Z3, (1, 1, 3),    (15, -2, 1264),     (48, +121, 46820),     (6, +4, 0),        Z3,           (2, +1),  (9, "612480元")),
  "sfj": (Z3, Z3,           (4, 0, 37),         (14, +22, 3420),       (0, 0, 0),         Z3,           (0, 0),   (4, "98650元")),
  "czj": (Z3, Z3,           (3, 0, 12),         (12, +18, 6530),       (2, 0, 0),         Z3,           (0, 0),   (6, "215680.90元")),
  "rsj": (Z3, (2, 2, 4),    (22, +9, 2108),     (37, +247, 142639),    (22, +18, 4),      Z3,           (1, 0),   (8, "358760.40元")),
  "zjj": (Z3, (1, 1, 3),    (36, +14, 1873),    (30, +58, 8765),       (63, +55, 8),      (2, -1, 0),   (1, -3),  (18, "2738900元")),
  "cgj": (Z3, Z3,           (27, +6, 2960),     (18, +32, 9340),       (276, +214, 58),   (11, +6, 1),  (0, 0),   (15, "1964350.72元")),
  "scj": (Z3, (1, 1, 2),    (58, +19, 11462),   (25, +83, 15870),      (312, +402, 71),   (14, +11, 1), (3, 0),   (12, "826300元")),
  "wjj": (Z3, (1, 1, 2),    (24, +8, 2391),     (34, +97, 40210),      (84, +96, 15),     (4, +2, 0),   (2, +1),  (27, "4865712.38元")),
  "yjj": (Z3, Z3,           (9, +3, 87),        (6, +11, 420),         (52, +63, 9),      (3, +1, 0),   (0, 0),   (7, "524870元")),
  "gxj": (Z3, Z3,           (2, +1, 15),        (5, +26, 610),         (3, +1, 0),        Z3,           (0, 0),   (3, "76500元")),
  "wtl": (Z3, Z3,           (11, +2, 268),      (9, +14, 1980),        (41, +38, 6),      Z3,           (0, 0),   (9, "1143250.60元")),
  "swj": (Z3, Z3,           (5, +1, 44),        (4, +7, 330),          (4, +2, 1),        Z3,           (0, 0),   (3, "64300元")),
  "tyj": (Z3, Z3,           (0, 0, 0),          (11, +19, 5860),       (0, 0, 0),         Z3,           (0, 0),   (2, "38400元")),
  "gxq": (Z3, Z3,           (3, 0, 41),         (6, +9, 740),          (5, +2, 1),        Z3,           (0, 0),   (6, "420650元")),
  "hb":  (Z3, Z3,           (2, 0, 26),         (7, +8, 4126),         (3, +6, 0),        Z3,           (0, 0),   (2, "86420.00元")),
  "lj":  (Z3, Z3,           (2, +1, 33),        (8, +12, 5318),        (3, +7, 1),        Z3,           (0, 0),   (3, "154300元")),
  "lz":  (Z3, Z3,           (1, 0, 18),         (6, +5, 3872),         (2, +5, 0),        Z3,           (0, 0),   (1, "47850.50元")),
  "ky":  (Z3, Z3,           (2, 0, 21),         (7, +9, 4455),         (3, +4, 0),        Z3,           (0, 0),   (2, "96200元")),
  "fq":  (Z3, Z3,           (1, -1, 9),         (6, -2, 2964),         (2, +5, 0),        Z3,           (0, 0),   (1, "38600元")),
  "jn":  (Z3, Z3,           (2, 0, 24),         (7, +6, 3710),         (3, +6, 1),        Z3,           (0, 0),   (2, "72480.00元")),
  "jl":  (Z3, Z3,           (1, +1, 17),        (6, +11, 4283),        (2, +4, 0),        Z3,           (0, 0),   (1, "45900元")),
  "ct":  (Z3, Z3,           (2, 0, 29),         (8, +10, 3987),        (3, +5, 0),        Z3,           (0, 0),   (2, "88750.30元")),
}
# Deliberate mistake (1): 鲤城区住建局 FEE = (1, -3): 上一年项目数量 + 本年增/减 < 0 (rule R2.5).
R25_MISTAKE = ("zjj", "FEE")

# --------------------------------------------------------------------------------------
# T3 (三、收到和处理政府信息公开申请情况): non-zero rows only, columns
#   (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)
# --------------------------------------------------------------------------------------
T3 = {
    "gov": {"NEW": (5, 0, 0, 0, 0, 0, 5), "OPEN": (3, 0, 0, 0, 0, 0, 3),
            "UNABLE_1": (1, 0, 0, 0, 0, 0, 1), "NOTPROC_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (5, 0, 0, 0, 0, 0, 5)},
    "zjj": {"NEW": (4, 1, 0, 0, 0, 0, 5), "OPEN": (2, 0, 0, 0, 0, 0, 2),
            "UNABLE_1": (1, 1, 0, 0, 0, 0, 2), "RESULT_TOTAL": (3, 1, 0, 0, 0, 0, 4),
            "COUT": (1, 0, 0, 0, 0, 0, 1)},
    "jyj": {"NEW": (3, 0, 0, 0, 0, 0, 3), "OPEN": (2, 0, 0, 0, 0, 0, 2),
            "UNABLE_2": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (3, 0, 0, 0, 0, 0, 3)},
    "czj": {"NEW": (1, 0, 0, 0, 0, 0, 1), "UNABLE_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "rsj": {"NEW": (1, 0, 0, 0, 0, 0, 1), "UNABLE_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "hb":  {"NEW": (1, 0, 0, 0, 0, 0, 1), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
}
# Deliberate mistake (2): 浮桥街道 leaves these three T3 cells (all 0) empty.
BLANK_MISTAKE = ("fq", {"PART.SCI", "DENY_3.NGO", "OTHER.LAW"})

# T4 (四、政府信息公开行政复议、行政诉讼情况): non-zero cells only
T4 = {"gov": {"LD_CORR": 1, "LD_TOTAL": 1}}

# 附：主要指标  (本年主动公开政府信息数, 累计主动公开政府信息数)
PUB = {
    "gov": (82, 2633),
    "fgj": (31, 782), "jyj": (42, 1106), "gaj": (18, 514), "mzj": (29, 703), "sfj": (24, 615),
    "czj": (35, 968), "rsj": (38, 1024), "zjj": (33, 877), "cgj": (26, 652), "scj": (37, 894),
    "wjj": (34, 869), "yjj": (22, 518), "gxj": (27, 612), "wtl": (21, 498), "swj": (15, 276),
    "tyj": (18, 251),
    "gxq": (19, 716), "hb": (12, 468), "lj": (11, 452), "lz": (13, 497), "ky": (12, 471),
    "fq": (10, 423), "jn": (11, 446), "jl": (9, 395), "ct": (10, 358),
}

# --------------------------------------------------------------------------------------
# Files and layouts.  enc: "gb18030" | "utf-8-sig" | "utf-8";  eol: "\r\n" | "\n"
# variants (letters of the brief): a canonical; b label repeated on every row of its merge
# ("bv" = vertical merges of the T3 label columns only, "bf" = every merge split and filled,
# as WPS 拆分并填充 does); c joined label columns; d half-width punctuation + stray spaces;
# e missing numbering ("e1" some labels, "e2" all section/item numbers, "e3" the 1.–8. leaf
# numbers only); f blank rows + blank first column + trailing empty columns; g page-break
# artefact; h no title and no 填报单位 line.  title/filler: whether those lines are present.
# --------------------------------------------------------------------------------------
LAYOUT = [
  # key   encoding     eol     variants        title  filler
  ("gov", "utf-8-sig", "\r\n", ["a"],          True,  True),
  ("fgj", "gb18030",   "\r\n", ["a"],          True,  True),
  ("jyj", "gb18030",   "\r\n", ["bv"],         True,  True),
  ("gaj", "utf-8-sig", "\r\n", ["c"],          True,  False),
  ("mzj", "utf-8",     "\n",   ["d"],          True,  False),
  ("sfj", "gb18030",   "\r\n", ["e1"],         True,  False),
  ("czj", "utf-8-sig", "\r\n", ["f"],          False, True),
  ("rsj", "gb18030",   "\r\n", ["g"],          False, True),
  ("zjj", "utf-8-sig", "\r\n", ["h"],          False, False),
  ("cgj", "gb18030",   "\r\n", ["a"],          True,  True),
  ("scj", "utf-8-sig", "\r\n", ["bf"],         True,  True),
  ("wjj", "gb18030",   "\r\n", ["c"],          True,  False),
  ("yjj", "utf-8-sig", "\r\n", ["d"],          True,  True),
  ("gxj", "utf-8",     "\n",   ["e2", "h"],    False, False),
  ("wtl", "gb18030",   "\r\n", ["f"],          True,  True),
  ("swj", "utf-8-sig", "\r\n", ["g", "h"],     False, False),
  ("tyj", "utf-8",     "\r\n", ["a"],          True,  True),
  ("gxq", "gb18030",   "\r\n", ["d", "f"],     True,  True),
  ("hb",  "utf-8-sig", "\r\n", ["bv", "f"],    True,  False),
  ("lj",  "utf-8-sig", "\r\n", ["a"],          True,  True),
  ("lz",  "utf-8-sig", "\r\n", ["e3", "g"],    True,  True),
  ("ky",  "gb18030",   "\r\n", ["c", "h"],     False, False),
  ("fq",  "utf-8-sig", "\r\n", ["a"],          True,  True),
]
LONG_FILE = "街道汇总导出.csv"
LONG_UNITS = ["jn", "jl", "ct"]
LONG_ENC, LONG_EOL = "utf-8-sig", "\r\n"

# --------------------------------------------------------------------------------------
# The seed report (泉州市鲤城区 2020): the district totals to reproduce.
# --------------------------------------------------------------------------------------
SEED_T2 = {
    "REG_NEWMADE": 0, "REG_NEWPUB": 0, "REG_TOTALPUB": 0,
    "NORM_NEWMADE": 22, "NORM_NEWPUB": 22, "NORM_TOTALPUB": 53,
    "LIC_PREV": 311, "LIC_DELTA": 87, "LIC_DECISIONS": 62470,
    "OMS_PREV": 419, "OMS_DELTA": 1090, "OMS_DECISIONS": 491139,
    "PUN_PREV": 1003, "PUN_DELTA": 993, "PUN_DECISIONS": 188,
    "COE_PREV": 40, "COE_DELTA": 22, "COE_DECISIONS": 2,
    "FEE_PREV": 16, "FEE_DELTA": -2,
    "PROC_COUNT": 249, "PROC_AMOUNT": Decimal("35692694.56"),
}
SEED_T3_NONZERO = {
    "NEW.NP": 15, "NEW.BIZ": 1, "NEW.TOT": 16,
    "OPEN.NP": 8, "OPEN.TOT": 8,
    "UNABLE_1.NP": 4, "UNABLE_1.BIZ": 1, "UNABLE_1.TOT": 5,
    "UNABLE_2.NP": 1, "UNABLE_2.TOT": 1,
    "NOTPROC_1.NP": 1, "NOTPROC_1.TOT": 1,
    "RESULT_TOTAL.NP": 14, "RESULT_TOTAL.BIZ": 1, "RESULT_TOTAL.TOT": 15,
    "COUT.NP": 1, "COUT.TOT": 1,
}
SEED_T4_NONZERO = {"LD_CORR": 1, "LD_TOTAL": 1}
SEED_GROUPS = {G_GOV: (82, 2633), G_DEPT: (450, 11159), G_STREET: (107, 4226)}
SEED_PUB = (639, 18018)

# ======================================================================================
# Form structure (spec §3, labels verbatim)
# ======================================================================================
T2_BLOCKS = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", "REG", ["NEWMADE", "NEWPUB", "TOTALPUB"]),
      ("规范性文件", "NORM", ["NEWMADE", "NEWPUB", "TOTALPUB"])]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", "LIC", ["PREV", "DELTA", "DECISIONS"]),
      ("其他对外管理服务事项", "OMS", ["PREV", "DELTA", "DECISIONS"])]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", "PUN", ["PREV", "DELTA", "DECISIONS"]),
      ("行政强制", "COE", ["PREV", "DELTA", "DECISIONS"])]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"],
     [("行政事业性收费", "FEE", ["PREV", "DELTA"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"],
     [("政府集中采购", "PROC", ["COUNT", "AMOUNT"])]),
]
T2_CODES = [p + "_" + s for _, _, rows in T2_BLOCKS for _, p, sfx in rows for s in sfx]
T2_KEYS = ["REG", "NORM", "LIC", "OMS", "PUN", "COE", "FEE", "PROC"]

T3_COLS = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
SEC3 = ("三、", "本年度办理结果")
G_DENY, G_UNABLE, G_NOTPROC = ("（三）", "不予公开"), ("（四）", "无法提供"), ("（五）", "不予处理")
# (row id, A label, B label, C label); None = covered by a horizontal merge.
T3_ROWS = [
    ("NEW", ("一、", "本年新收政府信息公开申请数量"), None, None),
    ("CIN", ("二、", "上年结转政府信息公开申请数量"), None, None),
    ("OPEN", SEC3, ("（一）", "予以公开"), None),
    ("PART", SEC3, ("（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）"), None),
    ("DENY_1", SEC3, G_DENY, ("1.", "属于国家秘密")),
    ("DENY_2", SEC3, G_DENY, ("2.", "其他法律行政法规禁止公开")),
    ("DENY_3", SEC3, G_DENY, ("3.", "危及“三安全一稳定”")),
    ("DENY_4", SEC3, G_DENY, ("4.", "保护第三方合法权益")),
    ("DENY_5", SEC3, G_DENY, ("5.", "属于三类内部事务信息")),
    ("DENY_6", SEC3, G_DENY, ("6.", "属于四类过程性信息")),
    ("DENY_7", SEC3, G_DENY, ("7.", "属于行政执法案卷")),
    ("DENY_8", SEC3, G_DENY, ("8.", "属于行政查询事项")),
    ("UNABLE_1", SEC3, G_UNABLE, ("1.", "本机关不掌握相关政府信息")),
    ("UNABLE_2", SEC3, G_UNABLE, ("2.", "没有现成信息需要另行制作")),
    ("UNABLE_3", SEC3, G_UNABLE, ("3.", "补正后申请内容仍不明确")),
    ("NOTPROC_1", SEC3, G_NOTPROC, ("1.", "信访举报投诉类申请")),
    ("NOTPROC_2", SEC3, G_NOTPROC, ("2.", "重复申请")),
    ("NOTPROC_3", SEC3, G_NOTPROC, ("3.", "要求提供公开出版物")),
    ("NOTPROC_4", SEC3, G_NOTPROC, ("4.", "无正当理由大量反复申请")),
    ("NOTPROC_5", SEC3, G_NOTPROC, ("5.", "要求行政机关确认或重新出具已获取信息")),
    ("OTHER", SEC3, ("（六）", "其他处理"), None),
    ("RESULT_TOTAL", SEC3, ("（七）", "总计"), None),
    ("COUT", ("四、", "结转下年度继续办理"), None, None),
]
T3_IDS = [r[0] for r in T3_ROWS]
T3_LEAVES = T3_IDS[2:21]                      # the 19 result leaves (OPEN … OTHER)
T3_CODES = [r + "." + c for r in T3_IDS for c in T3_COLS]
T4_CODES = [g + "_" + s for g in ("RV", "LD", "LR") for s in ("KEEP", "CORR", "OTHER", "PEND", "TOTAL")]
PUB_CODES = ["PUB_YEAR", "PUB_TOTAL"]
ALL_CODES = T2_CODES + T3_CODES + T4_CODES + PUB_CODES
RESULTS5 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

H2 = "二、主动公开政府信息情况"
H3 = "三、收到和处理政府信息公开申请情况"
H4 = "四、政府信息公开行政复议、行政诉讼情况"
APPX = ["附：主要指标", "指标,数值", "本年主动公开政府信息数（条）", "累计主动公开政府信息数（条）"]


# ======================================================================================
# Unit figures → cell dicts, and checks
# ======================================================================================
def parse_amount(text):
    """'1234.50元' → Decimal yuan; '12.345678万元' → Decimal yuan (exact)."""
    if text.endswith("万元"):
        v = Decimal(text[:-2]) * 10000
    else:
        assert text.endswith("元"), text
        v = Decimal(text[:-1])
    q = v.quantize(Decimal("0.01"))
    assert q == v, ("amount finer than 1 分", text)
    return q


def unit_cells(key):
    """All 200 cell values of one unit: ints, PROC_AMOUNT as Decimal yuan."""
    cells = {}
    row = dict(zip(T2_KEYS, T2[key]))
    for _, _, rows in T2_BLOCKS:
        for _, p, sfx in rows:
            vals = row[p]
            if p == "PROC":
                vals = (vals[0], parse_amount(vals[1]))
            assert len(vals) == len(sfx), (key, p)
            for s, v in zip(sfx, vals):
                cells[p + "_" + s] = v
    t3 = T3.get(key, {})
    assert set(t3) <= set(T3_IDS), key
    for r in T3_IDS:
        vals = t3.get(r, (0,) * 7)
        assert len(vals) == 7
        for c, v in zip(T3_COLS, vals):
            cells[r + "." + c] = v
    t4 = T4.get(key, {})
    assert set(t4) <= set(T4_CODES)
    for c in T4_CODES:
        cells[c] = t4.get(c, 0)
    cells["PUB_YEAR"], cells["PUB_TOTAL"] = PUB[key]
    assert list(cells) == ALL_CODES
    return cells


def check_unit(key, cells):
    """Assert every per-unit rule; return the list of deliberate rule failures."""
    failures = []
    for code, v in cells.items():
        if code.endswith("_DELTA"):
            assert isinstance(v, int), code
        elif code == "PROC_AMOUNT":
            assert isinstance(v, Decimal) and v >= 0 and v == v.quantize(Decimal("0.01")), (key, v)
        else:
            assert isinstance(v, int) and v >= 0, (key, code, v)
    assert cells["REG_NEWMADE"] == cells["REG_NEWPUB"] == cells["REG_TOTALPUB"] == 0    # R2.3
    for x in ("REG", "NORM"):                                                            # R2.7
        assert cells[x + "_TOTALPUB"] >= cells[x + "_NEWPUB"], key
    for x in ("LIC", "OMS", "PUN", "COE", "FEE"):                                         # R2.5
        if cells[x + "_PREV"] + cells[x + "_DELTA"] < 0:
            failures.append((key, "R2.5", x))
    for c in T3_COLS:
        assert cells["NEW." + c] + cells["CIN." + c] == cells["RESULT_TOTAL." + c] + cells["COUT." + c], (key, c)  # R3.1
        assert cells["RESULT_TOTAL." + c] == sum(cells[r + "." + c] for r in T3_LEAVES), (key, c)               # R3.3
    for r in T3_IDS:                                                                                              # R3.2
        assert cells[r + ".TOT"] == sum(cells[r + "." + c] for c in T3_COLS[:6]), (key, r)
    for g in ("RV", "LD", "LR"):                                                                                  # R4.x
        assert cells[g + "_TOTAL"] == sum(cells[g + "_" + s] for s in ("KEEP", "CORR", "OTHER", "PEND")), (key, g)
    assert cells["PUB_TOTAL"] >= cells["PUB_YEAR"] > 0, key
    # plausibility: sub-districts are small, 规范性文件 only from 区政府 and a few departments
    if GROUP[key] == G_STREET:
        assert cells["NORM_NEWMADE"] == 0 and cells["LIC_DECISIONS"] < 100 and cells["PUN_DECISIONS"] < 5, key
    return failures


def fmt_delta(v):
    return "+%d" % v if v > 0 else str(v)


def district_totals(all_cells):
    tot = {}
    for code in ALL_CODES:
        tot[code] = sum((c[code] for c in all_cells.values()), Decimal(0) if code == "PROC_AMOUNT" else 0)
    return tot


def check_seed(tot, all_cells):
    for code in T2_CODES:
        assert tot[code] == SEED_T2[code], (code, tot[code], SEED_T2[code])
    for code in T3_CODES:
        assert tot[code] == SEED_T3_NONZERO.get(code, 0), (code, tot[code])
    for code in T4_CODES:
        assert tot[code] == SEED_T4_NONZERO.get(code, 0), (code, tot[code])
    for g, (y, t) in SEED_GROUPS.items():
        ks = [k for k in all_cells if GROUP[k] == g]
        assert sum(all_cells[k]["PUB_YEAR"] for k in ks) == y, g
        assert sum(all_cells[k]["PUB_TOTAL"] for k in ks) == t, g
    assert (tot["PUB_YEAR"], tot["PUB_TOTAL"]) == SEED_PUB
    assert SEED_PUB == tuple(map(sum, zip(*SEED_GROUPS.values())))   # 639 = 82+450+107, 18018 = …


# ======================================================================================
# Rendering the form as Excel/WPS "Save as CSV" would
# ======================================================================================
def lab(part, drop):
    num, text = part
    return text if drop else num + text


def t3_label_cells(rid, a, b, c, v):
    """The label area of one T3 row: 3 cells (canonical) or 1 cell (variant c)."""
    e1, e2, e3 = "e1" in v, "e2" in v, "e3" in v
    some = e1 and rid in ("NEW", "CIN", "COUT", "OPEN", "PART", "OTHER")
    dropA = e2 or (some and rid in ("NEW", "CIN", "COUT"))
    dropB = e2 or (some and rid in ("OPEN", "PART", "OTHER"))
    dropC = e2 or e3
    A = lab(a, dropA)
    B = lab(b, dropB) if b else None
    C = lab(c, dropC) if c else None
    if "c" in v:
        return ["".join(x for x in (A, B, C) if x)]
    fill_v = "bv" in v or "bf" in v
    fill_h = "bf" in v
    i = T3_IDS.index(rid)
    first_a = a != SEC3 or rid == "OPEN"
    first_b = b is not None and (c is None or T3_ROWS[i - 1][2] != b)
    cellA = A if (first_a or fill_v or ("g" in v and rid == "NOTPROC_1")) else ""
    if b is None:
        return [cellA, A if fill_h else "", A if fill_h else ""]
    cellB = B if (first_b or fill_v) else ""
    if c is None:
        return [cellA, cellB, B if fill_h else ""]
    return [cellA, cellB, C]


def build_sheet(key, cells, variants, title, filler, blanks):
    v = set(variants)
    fill_h = "bf" in v
    name = NAME[key]
    rows = []

    def block(r):
        rows.append(r)

    def sep():
        if "f" in v:
            rows.append([])

    if title:
        block([name + "%d年政府信息公开工作年度报告" % YEAR])
    if filler:
        block(["填报单位：" + name])
    if title or filler:
        sep()
    # ---- T2 ----
    block([H2])
    for head, cols, items in T2_BLOCKS:
        block([head] * 4 if fill_h else [head, "", "", ""])
        block(["信息内容"] + cols + [""] * (3 - len(cols)))
        for label, p, sfx in items:
            vals = []
            for s in sfx:
                x = cells[p + "_" + s]
                if s == "AMOUNT":
                    vals.append(dict(zip(T2_KEYS, T2[key]))["PROC"][1])
                elif s == "DELTA":
                    vals.append(fmt_delta(x))
                else:
                    vals.append(str(x))
            block([label] + vals + [""] * (3 - len(vals)))
    sep()
    # ---- T3 ----
    block([H3])
    joined = "c" in v
    nl = 1 if joined else 3
    note = [T3_NOTE] * nl if fill_h else [T3_NOTE] + [""] * (nl - 1)
    blankl = [T3_NOTE] * nl if fill_h else [""] * nl
    block(note + (["申请人情况"] * 7 if fill_h else ["申请人情况"] + [""] * 6))
    block(blankl + ["自然人"] + (["法人或其他组织"] * 5 if fill_h else ["法人或其他组织"] + [""] * 4) + ["总计"])
    block(blankl + ["自然人" if fill_h else "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
                    "总计" if fill_h else ""])
    for rid, a, b, c in T3_ROWS:
        labels = t3_label_cells(rid, a, b, c, v)
        vals = []
        for col in T3_COLS:
            code = rid + "." + col
            if code in blanks:
                assert cells[code] == 0
                vals.append("")
            else:
                vals.append(str(cells[code]))
        block(labels + vals)
    sep()
    # ---- T4 ----
    block([H4])
    if fill_h:
        block(["行政复议"] * 5 + ["行政诉讼"] * 10)
        block(RESULTS5 + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5)
        block(RESULTS5 + RESULTS5 + RESULTS5)
    else:
        block(["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9)
        block(RESULTS5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4)
        block([""] * 5 + RESULTS5 + RESULTS5)
    block([str(cells[c]) for c in T4_CODES])
    sep()
    # ---- 附：主要指标 ----
    block([APPX[0]])
    block(APPX[1].split(","))
    block([APPX[2], str(cells["PUB_YEAR"])])
    block([APPX[3], str(cells["PUB_TOTAL"])])

    # ---- post-processing ----
    if "d" in v:
        rows = [[halfwidth(x) for x in r] for r in rows]
    if "f" in v:
        rows = [([""] + r) if r else [] for r in rows]
    width = max(len(r) for r in rows)
    if "d" in v:                       # text extraction: no padding, trailing empties trimmed
        out = []
        for r in rows:
            while r and r[-1] == "":
                r = r[:-1]
            out.append(r)
        rows = out
    else:                              # Excel pads every row to the used range
        if "f" in v:
            width += 2                 # a few stray empty columns further right
        rows = [r + [""] * (width - len(r)) for r in rows]
    return rows


def halfwidth(s):
    """Variant d: ASCII punctuation as text extraction gives it, plus stray spaces."""
    if not s or s.lstrip("+-").replace(".", "").isdigit() or s.endswith("元"):
        return s
    for rid_num in ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"):
        s = s.replace(rid_num, rid_num + " ")         # '（一） 予以公开'
    s = s.replace("本年增/减", "本年增 / 减").replace("其他对外管理服务事项", "其他对外管理服务事项 ")
    s = s.replace("申请人情况", " 申请人情况")
    for fw, hw in (("（", "("), ("）", ")"), ("：", ":"), ("，", ",")):
        s = s.replace(fw, hw)
    return s


def to_bytes(rows, enc, eol):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode(enc)


def long_rows(keys, all_cells):
    rows = [["单位", "年度", "指标代码", "数值"]]
    for k in keys:
        for code in ALL_CODES:
            x = all_cells[k][code]
            if code == "PROC_AMOUNT":
                s = dict(zip(T2_KEYS, T2[k]))["PROC"][1]
                assert s.endswith("元") and not s.endswith("万元")
            else:
                s = str(x)
            rows.append([NAME[k], str(YEAR), code, s])
    return rows


# ======================================================================================
def describe(variants):
    d = {"a": "a 标准版式", "bv": "b 合并单元格拆分后逐行重复分类标签（仅表三标签列）",
         "bf": "b 全部合并单元格拆分并填充（WPS“拆分并填充内容”）", "c": "c 表三标签列合并为一列（8列）",
         "d": "d 半角标点、标签内多余空格（文本提取）", "e1": "e 部分标签缺编号", "e2": "e 全部“一、”“（一）”编号缺失且缺“1.”编号",
         "e3": "e 小项缺“1.”…“8.”编号", "f": "f 表间空行、首列空白（整体右移一列）、行尾多余空列",
         "g": "g 分页残留：“三、本年度办理结果”在“（五）不予处理 1.信访举报投诉类申请”行重复", "h": "h 无标题、无填报单位行"}
    return "；".join(d[x] for x in variants)


ENC_NAME = {"gb18030": "GB18030", "utf-8-sig": "UTF-8 BOM", "utf-8": "UTF-8 无BOM"}


def main():
    # ---- consistency checks ----
    assert [k for k, *_ in UNITS] == list(T2) == list(PUB)
    assert len({n for _, n, _, _ in UNITS}) == len(UNITS)
    assert len(UNITS) == 26 and sum(g == G_DEPT for *_, g, _ in UNITS) == 16
    form_keys = [l[0] for l in LAYOUT]
    assert sorted(form_keys + LONG_UNITS) == sorted(NAME), "every unit exactly once"
    assert all(GROUP[k] == G_STREET and k != "gxq" for k in LONG_UNITS)
    assert BLANK_MISTAKE[0] in form_keys and GROUP[BLANK_MISTAKE[0]] == G_STREET
    all_cells = {k: unit_cells(k) for k in NAME}
    failures = []
    for k, c in all_cells.items():
        failures += check_unit(k, c)
    assert failures == [(R25_MISTAKE[0], "R2.5", R25_MISTAKE[1])], failures
    assert all_cells["zjj"]["FEE_PREV"] == 1 and all_cells["zjj"]["FEE_DELTA"] == -3
    for code in BLANK_MISTAKE[1]:
        assert all_cells[BLANK_MISTAKE[0]][code] == 0
    tot = district_totals(all_cells)
    check_seed(tot, all_cells)
    # every variant letter of the brief is shown by some file
    shown = {x[0] for l in LAYOUT for x in l[3]} | {"i"}
    assert shown == set("abcdefghi"), shown
    encs = [l[1] for l in LAYOUT] + [LONG_ENC]
    assert 0.28 <= encs.count("gb18030") / len(encs) <= 0.42

    # ---- write ----
    written = []

    def write(fname, data):
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        written.append(fname)

    write("units.csv", to_bytes([["单位", "分组", "代码"]] + [[n, g, c] for _, n, g, c in UNITS],
                                "utf-8-sig", "\r\n"))
    for key, enc, eol, variants, title, filler in LAYOUT:
        blanks = BLANK_MISTAKE[1] if key == BLANK_MISTAKE[0] else set()
        if "h" in variants:
            assert not title and not filler
        rows = build_sheet(key, all_cells[key], variants, title, filler, blanks)
        write(NAME[key] + ".csv", to_bytes(rows, enc, eol))
    write(LONG_FILE, to_bytes(long_rows(LONG_UNITS, all_cells), LONG_ENC, LONG_EOL))

    def s(x):
        return format(x, "f") if isinstance(x, Decimal) else str(x)

    groups = {}
    for g in (G_GOV, G_DEPT, G_STREET):
        ks = [k for k in all_cells if GROUP[k] == g]
        groups[g] = {"units": len(ks),
                     "PUB_YEAR": str(sum(all_cells[k]["PUB_YEAR"] for k in ks)),
                     "PUB_TOTAL": str(sum(all_cells[k]["PUB_TOTAL"] for k in ks))}
    expected = {
        "report_year": YEAR, "format": "F2019", "district": "泉州市鲤城区",
        "units": len(UNITS), "amount_unit": {"PROC_AMOUNT": "元"},
        "cells": {code: s(tot[code]) for code in ALL_CODES},
        "groups": groups,
        "rule_failures": [{"unit": NAME["zjj"], "rule": "R2.5", "cells": ["FEE_PREV", "FEE_DELTA"]}],
        "blank_cells": [{"unit": NAME[BLANK_MISTAKE[0]], "cells": sorted(BLANK_MISTAKE[1])}],
    }
    write("expected-totals.json",
          (json.dumps(expected, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    write("README.md", readme(tot).encode("utf-8"))
    for f in written:
        print("wrote", f)


def readme(tot):
    L = []
    L.append("# 示例：泉州市鲤城区 2020 年政府信息公开工作年度报告（汇总输入）\n")
    L.append("本目录是 nianbao 的示例输入：鲤城区 26 个单位（区政府、16 个区直部门、高新区园区和 8 个街道）"
             "按 2019 年版格式报送的 CSV 表格，汇总后须逐项重现鲤城区 2020 年年报表二、表三、表四的全部数字。\n")
    L.append("所有文件由 `generate.py` 生成（数据表在脚本开头），`verify.py` 按标签重新读取全部 CSV、逐单位校验并与年报数字核对。\n")
    L.append("## 文件\n")
    L.append("| 文件 | 单位 | 分组 | 编码 | 换行 | 版式 |")
    L.append("|---|---|---|---|---|---|")
    L.append("| units.csv | 单位名册（单位,分组,代码） | — | UTF-8 BOM | CRLF | — |")
    for key, enc, eol, variants, title, filler in LAYOUT:
        extra = []
        if not ("h" in variants):
            extra.append(("有标题" if title else "无标题") + "、" + ("有填报单位行" if filler else "无填报单位行"))
        if key == "jyj":
            extra.append("采购总金额以万元填写：" + T2["jyj"][7][1])
        if key == "zjj":
            extra.append("**错误1**")
        if key == BLANK_MISTAKE[0]:
            extra.append("**错误2**")
        L.append("| %s.csv | %s | %s | %s | %s | %s |" % (
            NAME[key], NAME[key], GROUP[key], ENC_NAME[enc], "CRLF" if eol == "\r\n" else "LF",
            describe(variants) + ("（" + "；".join(extra) + "）" if extra else "")))
    L.append("| %s | %s | %s | %s | CRLF | i 办公系统长表导出：`单位,年度,指标代码,数值`，每格一行 |" % (
        LONG_FILE, "、".join(NAME[k] for k in LONG_UNITS), G_STREET, ENC_NAME[LONG_ENC]))
    L.append("| expected-totals.json | 区级汇总期望值（按单元格代码，精确小数字符串）及分组指标 | | UTF-8 | LF | |")
    L.append("")
    L.append("Excel 另存 CSV 的规则：合并单元格的值只写在第一格，其余为空；每行补齐到已用区域宽度（d 版式为文本提取，不补齐）。"
             "增减数带符号（`+87`、`-2`、`0`）；长表导出中增减数不带“+”。\n")
    L.append("长表指标代码：表二用规格中的代码（REG_NEWMADE … PROC_AMOUNT），表四用 RV_KEEP … LR_TOTAL，"
             "表三为 `行代码.列代码`（如 `NEW.NP`、`DENY_1.TOT`、`RESULT_TOTAL.BIZ`、`COUT.TOT`），"
             "附表指标为 PUB_YEAR（本年主动公开）和 PUB_TOTAL（累计主动公开）。\n")
    L.append("## 故意保留的错误（不影响区级合计）\n")
    L.append("1. 鲤城区住建局：行政事业性收费 上一年项目数量 1、本年增/减 -3，两者之和为负，违反 R2.5；"
             "其他单位相应调整，区级合计仍为 16 / -2。")
    L.append("2. 浮桥街道：表三 %s 三格（值为 0）留空未填 0，工具应给出警告（F.4 / R3.5）。\n" % "、".join(
        "`%s`" % c for c in sorted(BLANK_MISTAKE[1])))
    L.append("## 重现的数字\n")
    L.append("- 本年主动公开 639 条（区政府 82、区直部门 450、高新区和街道 107），累计 18018 条（2633 + 11159 + 4226）。")
    L.append("- 表二：规范性文件 22/22/53；行政许可 311/+87/62470；其他对外管理服务事项 419/+1090/491139；"
             "行政处罚 1003/+993/188；行政强制 40/+22/2；行政事业性收费 16/-2；政府集中采购 249 项、%s元。" % format(tot["PROC_AMOUNT"], "f"))
    L.append("- 表三：新收 16（自然人 15、商业企业 1）；予以公开 8，无法提供 6（不掌握 5、需另行制作 1），不予处理 1，办结 15，结转下年度 1。")
    L.append("- 表四：未经复议直接起诉 结果纠正 1、总计 1，其余为 0。\n")
    L.append("## English\n")
    L.append("Example input for nianbao: the 2020 (F2019 format) submissions of the 26 units of Licheng District, "
             "Quanzhou, as clerks save them from Excel/WPS (GB18030, UTF-8 with or without BOM; CRLF/LF; "
             "layout variants a–i listed above) plus one long-format office-system export. Summed, they reproduce "
             "every figure of the district's published 2020 report (tables 2–4 and the 639 / 18018 disclosure "
             "counts by group); `expected-totals.json` holds those totals as exact decimal strings. Two deliberate "
             "mistakes (R2.5 in 鲤城区住建局, three blank T3 cells in 浮桥街道) do not change the totals. "
             "`python3 generate.py` rebuilds everything; `python3 verify.py` re-reads the CSVs by label and checks them.")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
