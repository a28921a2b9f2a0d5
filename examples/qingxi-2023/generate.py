#!/usr/bin/env python3
"""Generate the second bundled example of nianbao: 江州市青溪区 (invented), report year 2023 (format F2021).

The district and every figure are fictional.  The units' figures are data at the top of this
script; the district totals in expected-totals.json are their exact sums (Python decimal) over
the units that count (the 2019-format form of 青溪区住建局 is excluded).
Deterministic, standard library only.  Run:  python3 generate.py
Everything is written next to this script.
"""
import csv
import io
import json
import os
from decimal import Decimal

OUT = os.path.dirname(os.path.abspath(__file__))
YEAR = 2023
DISTRICT = "江州市青溪区"

# --------------------------------------------------------------------------------------
# Roster: key, unit name, group (code QX001… in this order)
# --------------------------------------------------------------------------------------
G_GOV, G_DEPT, G_STREET = "区政府", "区直部门", "街道及园区"
UNITS = [
    ("gov", "青溪区人民政府", G_GOV),
    ("fgj", "青溪区发改局", G_DEPT),
    ("jyj", "青溪区教育局", G_DEPT),
    ("gaj", "青溪区公安分局", G_DEPT),
    ("mzj", "青溪区民政局", G_DEPT),
    ("sfj", "青溪区司法局", G_DEPT),
    ("czj", "青溪区财政局", G_DEPT),
    ("rsj", "青溪区人社局", G_DEPT),
    ("zrj", "青溪区自然资源局", G_DEPT),
    ("zjj", "青溪区住建局", G_DEPT),
    ("scj", "青溪区市场监管局", G_DEPT),
    ("wjj", "青溪区卫健局", G_DEPT),
    ("yjj", "青溪区应急局", G_DEPT),
    ("qx", "青溪街道", G_STREET),
    ("dh", "东湖街道", G_STREET),
    ("xl", "西岭街道", G_STREET),
    ("np", "南浦街道", G_STREET),
    ("bt", "北塘街道", G_STREET),
    ("kfq", "青溪经济开发区", G_STREET),
]
UNITS = [(k, n, g, "QX%03d" % (i + 1)) for i, (k, n, g) in enumerate(UNITS)]
NAME = {k: n for k, n, g, c in UNITS}
GROUP = {k: g for k, n, g, c in UNITS}

# --------------------------------------------------------------------------------------
# T2-2021 (二、主动公开政府信息情况).  Per unit:
#   REG, NORM: (本年制发件数, 本年废止件数, 现行有效件数)
#   LIC, PUN, COE: 本年处理决定数量
#   FEE: (text written in the cell, unit printed in the column header)
# --------------------------------------------------------------------------------------
Z3 = (0, 0, 0)
W = "万元"
T2 = {
#  key     REG        NORM        LIC    PUN    COE   FEE
  "gov": (Z3,        (6, 2, 41),  0,     0,     0,   ("0", W)),
  "fgj": (Z3,        (1, 0, 5),   86,    3,     0,   ("0", W)),
  "jyj": (Z3,        (1, 1, 6),   142,   2,     0,   ("45.5万元", W)),       # mistake d2: unit in the cell
  "gaj": (Z3,        Z3,          3560,  4872,  215, ("103.270815", W)),
  "mzj": (Z3,        (0, 0, 3),   38,    0,     0,   ("6.82", W)),
  "sfj": (Z3,        Z3,          6,     0,     0,   ("0", W)),
  "czj": (Z3,        (1, 0, 4),   0,     5,     0,   ("0", W)),
  "rsj": (Z3,        (0, 1, 2),   64,    18,    0,   ("0", W)),
  "zrj": (Z3,        (2, 1, 9),   412,   37,    4,   ("123456.78", "元")),  # mistake d1: header says 元
  "zjj": None,                                                             # 2019-format form, see ZJJ_2019
  "scj": (Z3,        (0, 0, 2),   2865,  326,   41,  ("12.3456", W)),
  "wjj": (Z3,        (1, 0, 3),   618,   94,    2,   ("0.058", W)),
  "yjj": (Z3,        Z3,          27,    58,    3,   ("0", W)),
  "qx":  (Z3,        Z3,          0,     46,    0,   ("0", W)),
  "dh":  (Z3,        Z3,          0,     31,    0,   ("0", W)),
  "xl":  (Z3,        Z3,          12,    19,    1,   ("0", W)),
  "np":  ((1, 0, 1), Z3,          0,     27,    0,   ("0", W)),             # mistake c: 规章 from a 街道
  "bt":  (Z3,        Z3,          0,     22,    0,   ("0", W)),
  "kfq": (Z3,        Z3,          215,   8,     0,   ("0", W)),
}
R23_MISTAKE = ("np", ["REG_MADE", "REG_VALID"])
FEE_YUAN_MISTAKE = "zrj"      # header 本年收费金额（单位：元）, cell 123456.78
FEE_WAN_TEXT_MISTAKE = "jyj"  # cell 45.5万元

# --------------------------------------------------------------------------------------
# T3-2021 (三、收到和处理政府信息公开申请情况): non-zero rows only, columns
#   (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)
# --------------------------------------------------------------------------------------
T3 = {
    "gov": {"NEW": (12, 2, 0, 0, 1, 0, 15), "CIN": (1, 0, 0, 0, 0, 0, 1),
            "OPEN": (4, 1, 0, 0, 0, 0, 5), "PART": (2, 0, 0, 0, 1, 0, 3),
            "DENY_4": (1, 0, 0, 0, 0, 0, 1), "DENY_6": (1, 0, 0, 0, 0, 0, 1),
            "UNABLE_1": (2, 1, 0, 0, 0, 0, 3), "NOTPROC_2": (1, 0, 0, 0, 0, 0, 1),
            "OTHER_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (12, 2, 0, 0, 1, 0, 15), "COUT": (1, 0, 0, 0, 0, 0, 1)},
    "fgj": {"NEW": (2, 1, 0, 0, 0, 0, 3), "OPEN": (1, 1, 0, 0, 0, 0, 2),
            "UNABLE_1": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (2, 1, 0, 0, 0, 0, 3)},
    "jyj": {"NEW": (3, 0, 0, 0, 0, 0, 3), "OPEN": (2, 0, 0, 0, 0, 0, 2),
            "UNABLE_2": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (3, 0, 0, 0, 0, 0, 3)},
    "gaj": {"NEW": (4, 0, 0, 0, 0, 0, 4), "CIN": (1, 0, 0, 0, 0, 0, 1),
            "OPEN": (1, 0, 0, 0, 0, 0, 1), "DENY_7": (1, 0, 0, 0, 0, 0, 1),
            "DENY_8": (1, 0, 0, 0, 0, 0, 1), "NOTPROC_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (4, 0, 0, 0, 0, 0, 4), "COUT": (1, 0, 0, 0, 0, 0, 1)},
    "mzj": {"NEW": (2, 0, 0, 0, 0, 0, 2), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "UNABLE_1": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (2, 0, 0, 0, 0, 0, 2)},
    "sfj": {"NEW": (1, 0, 0, 0, 0, 0, 1), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "czj": {"NEW": (1, 0, 0, 0, 0, 1, 2), "OPEN": (1, 0, 0, 0, 0, 1, 2),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 1, 2)},
    # mistake b: （七）总计 says 9 (自然人), the 21 leaves add up to 8 (4 + 1 + 2 + 1)
    "rsj": {"NEW": (8, 0, 0, 0, 0, 0, 8), "CIN": (1, 0, 0, 0, 0, 0, 1),
            "OPEN": (4, 0, 0, 0, 0, 0, 4), "PART": (1, 0, 0, 0, 0, 0, 1),
            "UNABLE_1": (2, 0, 0, 0, 0, 0, 2), "OTHER_3": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (9, 0, 0, 0, 0, 0, 9)},
    "zrj": {"NEW": (8, 2, 0, 0, 0, 0, 10), "OPEN": (3, 1, 0, 0, 0, 0, 4),
            "PART": (1, 0, 0, 0, 0, 0, 1), "DENY_4": (1, 0, 0, 0, 0, 0, 1),
            "UNABLE_1": (1, 1, 0, 0, 0, 0, 2), "OTHER_2": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (7, 2, 0, 0, 0, 0, 9), "COUT": (1, 0, 0, 0, 0, 0, 1)},
    "scj": {"NEW": (2, 2, 0, 0, 0, 0, 4), "OPEN": (1, 1, 0, 0, 0, 0, 2),
            "DENY_7": (0, 1, 0, 0, 0, 0, 1), "UNABLE_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (2, 2, 0, 0, 0, 0, 4)},
    "wjj": {"NEW": (2, 0, 0, 1, 0, 0, 3), "OPEN": (1, 0, 0, 1, 0, 0, 2),
            "NOTPROC_3": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (2, 0, 0, 1, 0, 0, 3)},
    "yjj": {"NEW": (0, 1, 0, 0, 0, 0, 1), "OPEN": (0, 1, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (0, 1, 0, 0, 0, 0, 1)},
    "qx":  {"NEW": (3, 0, 0, 0, 0, 0, 3), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "UNABLE_1": (1, 0, 0, 0, 0, 0, 1), "OTHER_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (3, 0, 0, 0, 0, 0, 3)},
    "dh":  {"NEW": (2, 0, 0, 0, 0, 0, 2), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "NOTPROC_1": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (2, 0, 0, 0, 0, 0, 2)},
    "xl":  {"NEW": (1, 0, 0, 0, 0, 0, 1), "UNABLE_1": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "np":  {"NEW": (1, 0, 0, 0, 0, 0, 1), "OPEN": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "bt":  {"NEW": (1, 0, 0, 0, 0, 0, 1), "OTHER_3": (1, 0, 0, 0, 0, 0, 1),
            "RESULT_TOTAL": (1, 0, 0, 0, 0, 0, 1)},
    "kfq": {"NEW": (1, 1, 0, 0, 0, 0, 2), "OPEN": (0, 1, 0, 0, 0, 0, 1),
            "UNABLE_1": (1, 0, 0, 0, 0, 0, 1), "RESULT_TOTAL": (1, 1, 0, 0, 0, 0, 2)},
}
R33_MISTAKE = ("rsj", ["NP", "TOT"])   # (七)总计 9 vs leaves 8 in 自然人, hence also in 总计

# T4 (四、政府信息公开行政复议、行政诉讼情况): non-zero cells only
T4 = {
    "gov": {"RV_KEEP": 2, "RV_CORR": 1, "RV_PEND": 1, "RV_TOTAL": 4,
            "LD_KEEP": 1, "LD_OTHER": 1, "LD_TOTAL": 2, "LR_KEEP": 1, "LR_TOTAL": 1},
    "gaj": {"RV_OTHER": 1, "RV_TOTAL": 1},
    "rsj": {"RV_KEEP": 1, "RV_TOTAL": 1},
    "zrj": {"RV_KEEP": 1, "RV_TOTAL": 1, "LD_PEND": 1, "LD_TOTAL": 1},
}

# 附：主要指标  (本年主动公开政府信息数, 累计主动公开政府信息数)
PUB = {
    "gov": (386, 7452),
    "fgj": (64, 1128), "jyj": (121, 2316), "gaj": (58, 947), "mzj": (73, 1204), "sfj": (41, 689),
    "czj": (96, 1735), "rsj": (88, 1562), "zrj": (104, 1877), "zjj": (79, 1460), "scj": (117, 2043),
    "wjj": (92, 1688), "yjj": (47, 812),
    "qx": (68, 1021), "dh": (54, 873), "xl": (49, 806), "np": (57, 912), "bt": (45, 754),
    "kfq": (71, 1136),
}

# --------------------------------------------------------------------------------------
# Mistake a: 青溪区住建局 re-used last year's (2019-format) workbook.  Its figures, in the
# F2019 layout (spec §3).  Plausible and internally consistent, but not counted.
# --------------------------------------------------------------------------------------
ZJJ_2019 = {
    "T2": {"REG": (0, 0, 0), "NORM": (2, 2, 11), "LIC": (18, +2, 936), "OMS": (12, +3, 1504),
           "PUN": (9, +1, 67), "COE": (2, 0, 1), "FEE": (3, -1), "PROC": (14, "2681500.00元")},
    "T3": {"NEW": (5, 1, 0, 0, 0, 0, 6), "OPEN": (3, 0, 0, 0, 0, 0, 3),
           "UNABLE_1": (1, 1, 0, 0, 0, 0, 2), "OTHER": (1, 0, 0, 0, 0, 0, 1),
           "RESULT_TOTAL": (5, 1, 0, 0, 0, 0, 6)},
    "T4": {"RV_KEEP": 1, "RV_TOTAL": 1},
}
WRONG_FORMAT = "zjj"
F2019_MARKERS = ["其他对外管理服务事项", "第二十条第（九）项", "上一年项目数量", "（六）其他处理（未拆分）"]

# --------------------------------------------------------------------------------------
# Files and layouts.  enc: "gb18030" | "utf-8-sig"; all CRLF.
# variants: a canonical; b T3 label merges split, label repeated on every row;
# c T3 label columns joined into one (8-column T3); d half-width punctuation + stray spaces
# (text extraction, rows not padded); f blank rows + blank first column + trailing empty
# columns; 2019 = last year's F2019 workbook.   title/filler: whether those lines are present.
# --------------------------------------------------------------------------------------
LAYOUT = [
  # key    encoding     variants     title  filler
  ("gov", "utf-8-sig", ["a"],        True,  True),
  ("fgj", "gb18030",   ["a"],        True,  True),
  ("jyj", "utf-8-sig", ["b"],        True,  True),
  ("gaj", "gb18030",   ["c"],        True,  False),
  ("mzj", "utf-8-sig", ["d"],        True,  True),
  ("sfj", "gb18030",   ["f"],        True,  True),
  ("czj", "utf-8-sig", ["a"],        True,  False),
  ("rsj", "utf-8-sig", ["a"],        True,  True),
  ("zrj", "gb18030",   ["b"],        True,  True),
  ("zjj", "utf-8-sig", ["2019"],     True,  True),
  ("scj", "utf-8-sig", ["c"],        True,  True),
  ("wjj", "gb18030",   ["d"],        True,  False),
  ("yjj", "utf-8-sig", ["f"],        True,  True),
  ("qx",  "utf-8-sig", ["a"],        True,  True),
  ("dh",  "utf-8-sig", ["d", "f"],   True,  True),
  ("xl",  "gb18030",   ["b", "f"],   True,  False),
  ("kfq", "utf-8-sig", ["c", "f"],   True,  True),
]
EOL = "\r\n"
LONG_FILE = "街道报表导出.csv"
LONG_UNITS = ["np", "bt"]
LONG_ENC = "utf-8-sig"

# ======================================================================================
# Form structure (spec §4, labels verbatim)
# ======================================================================================
H2 = "二、主动公开政府信息情况"
H3 = "三、收到和处理政府信息公开申请情况"
H4 = "四、政府信息公开行政复议、行政诉讼情况"
FEE_HEAD = "本年收费金额（单位：%s）"
T2_CODES = ["REG_MADE", "REG_REPEALED", "REG_VALID", "NORM_MADE", "NORM_REPEALED", "NORM_VALID",
            "LIC_DECISIONS", "PUN_DECISIONS", "COE_DECISIONS", "FEE_AMOUNT_WAN"]

T3_COLS = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
SEC3 = ("三、", "本年度办理结果")
G_DENY, G_UNABLE, G_NOTPROC, G_OTHER = ("（三）", "不予公开"), ("（四）", "无法提供"), ("（五）", "不予处理"), ("（六）", "其他处理")
T3_HEAD = [
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
]
T3_TAIL = [
    ("RESULT_TOTAL", SEC3, ("（七）", "总计"), None),
    ("COUT", ("四、", "结转下年度继续办理"), None, None),
]
T3_ROWS = T3_HEAD + [
    ("OTHER_1", SEC3, G_OTHER, ("1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
    ("OTHER_2", SEC3, G_OTHER, ("2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
    ("OTHER_3", SEC3, G_OTHER, ("3.", "其他")),
] + T3_TAIL
T3_ROWS_2019 = T3_HEAD + [("OTHER", SEC3, G_OTHER, None)] + T3_TAIL
T3_IDS = [r[0] for r in T3_ROWS]
T3_LEAVES = T3_IDS[2:23]                      # the 21 result leaves (OPEN … OTHER_3)
T3_CODES = [r + "." + c for r in T3_IDS for c in T3_COLS]
T4_CODES = [g + "_" + s for g in ("RV", "LD", "LR") for s in ("KEEP", "CORR", "OTHER", "PEND", "TOTAL")]
PUB_CODES = ["PUB_YEAR", "PUB_TOTAL"]
ALL_CODES = T2_CODES + T3_CODES + T4_CODES + PUB_CODES
RESULTS5 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
APPX = ["附：主要指标", "指标,数值", "本年主动公开政府信息数（条）", "累计主动公开政府信息数（条）"]

# F2019 T2 (spec §3.1), used only for 青溪区住建局's wrong-format file
T2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], [("规章", "REG"), ("规范性文件", "NORM")]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], [("行政许可", "LIC"), ("其他对外管理服务事项", "OMS")]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], [("行政处罚", "PUN"), ("行政强制", "COE")]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", "FEE")]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", "PROC")]),
]


# ======================================================================================
# Unit figures → cell dicts, and checks
# ======================================================================================
def fee_wan(text, header_unit):
    """The fee in 万元, exact: '45.5万元' → 45.5; '123456.78' under a 元 header → 12.345678."""
    if text.endswith("万元"):
        num, unit = text[:-2], "万元"
    elif text.endswith("元"):
        num, unit = text[:-1], "元"
    else:
        num, unit = text, header_unit
    v = Decimal(num)
    if unit == "元":
        v = v.scaleb(-4)
    yuan = v.scaleb(4)
    assert yuan == yuan.quantize(Decimal("0.01")), ("fee finer than 1 分", text)
    return v


def unit_cells(key):
    """All 202 cell values of one unit: ints, FEE_AMOUNT_WAN as Decimal 万元."""
    reg, norm, lic, pun, coe, fee = T2[key]
    cells = {}
    for p, vals in (("REG", reg), ("NORM", norm)):
        for s, v in zip(("MADE", "REPEALED", "VALID"), vals):
            cells[p + "_" + s] = v
    cells["LIC_DECISIONS"], cells["PUN_DECISIONS"], cells["COE_DECISIONS"] = lic, pun, coe
    cells["FEE_AMOUNT_WAN"] = fee_wan(*fee)
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
    """Assert every per-unit rule; return the list of deliberate failures and warnings."""
    found = []
    for code, v in cells.items():
        if code == "FEE_AMOUNT_WAN":
            assert isinstance(v, Decimal) and v >= 0, (key, v)
        else:
            assert isinstance(v, int) and v >= 0, (key, code, v)
    for s in ("MADE", "REPEALED", "VALID"):                                               # R2.3
        if cells["REG_" + s]:
            found.append((key, "R2.3", "REG_" + s))
    for c in T3_COLS:
        assert cells["NEW." + c] + cells["CIN." + c] == cells["RESULT_TOTAL." + c] + cells["COUT." + c], (key, c)  # R3.1
        if cells["RESULT_TOTAL." + c] != sum(cells[r + "." + c] for r in T3_LEAVES):                            # R3.3
            found.append((key, "R3.3", c))
    for r in T3_IDS:                                                                                              # R3.2
        assert cells[r + ".TOT"] == sum(cells[r + "." + c] for c in T3_COLS[:6]), (key, r)
    for g in ("RV", "LD", "LR"):                                                                                  # R4.x
        assert cells[g + "_TOTAL"] == sum(cells[g + "_" + s] for s in ("KEEP", "CORR", "OTHER", "PEND")), (key, g)
    assert cells["PUB_TOTAL"] >= cells["PUB_YEAR"] > 0, key
    assert cells["NORM_VALID"] >= cells["NORM_MADE"], key
    # plausibility: sub-districts are small and issue no 行政规范性文件
    if GROUP[key] == G_STREET:
        assert cells["NORM_MADE"] == 0 and cells["PUN_DECISIONS"] < 100 and cells["FEE_AMOUNT_WAN"] == 0, key
    return found


def check_2019_form():
    """The wrong-format form is internally consistent under the F2019 rules."""
    t2, t3, t4 = ZJJ_2019["T2"], ZJJ_2019["T3"], ZJJ_2019["T4"]
    for x in ("LIC", "OMS", "PUN", "COE", "FEE"):
        assert t2[x][0] + t2[x][1] >= 0                                                     # R2.5
    ids = [r[0] for r in T3_ROWS_2019]
    rows = {r: t3.get(r, (0,) * 7) for r in ids}
    for j in range(7):
        assert rows["NEW"][j] + rows["CIN"][j] == rows["RESULT_TOTAL"][j] + rows["COUT"][j]
        assert rows["RESULT_TOTAL"][j] == sum(rows[r][j] for r in ids[2:21])
    for r in ids:
        assert rows[r][6] == sum(rows[r][:6])
    for g in ("RV", "LD", "LR"):
        assert t4.get(g + "_TOTAL", 0) == sum(t4.get(g + "_" + s, 0) for s in ("KEEP", "CORR", "OTHER", "PEND"))


def district_totals(all_cells, keys):
    return {code: sum((all_cells[k][code] for k in keys), Decimal(0) if code == "FEE_AMOUNT_WAN" else 0)
            for code in ALL_CODES}


# ======================================================================================
# Rendering the form as Excel/WPS "Save as CSV" would
# ======================================================================================
def lab(part):
    return part[0] + part[1]


def t3_label_cells(rows, i, v):
    """The label area of T3 row i: 3 cells (canonical) or 1 cell (variant c)."""
    rid, a, b, c = rows[i]
    A, B, C = lab(a), (lab(b) if b else None), (lab(c) if c else None)
    if "c" in v:
        return ["".join(x for x in (A, B, C) if x)]
    fill = "b" in v
    first_a = a != SEC3 or rid == "OPEN"
    first_b = b is not None and (c is None or rows[i - 1][2] != b)
    cellA = A if (first_a or fill) else ""
    if b is None:
        return [cellA, "", ""]
    cellB = B if (first_b or fill) else ""
    return [cellA, cellB, C if c else ""]


def t3_block(rows_def, values, v):
    """Header (3 rows) and data rows of T3 in either format."""
    out = []
    nl = 1 if "c" in v else 3
    out.append([T3_NOTE] + [""] * (nl - 1) + ["申请人情况"] + [""] * 6)
    out.append([""] * nl + ["自然人", "法人或其他组织", "", "", "", "", "总计"])
    out.append([""] * nl + ["", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    for i, (rid, *_rest) in enumerate(rows_def):
        out.append(t3_label_cells(rows_def, i, v) + [str(x) for x in values.get(rid, (0,) * 7)])
    return out


def t4_block(t4):
    return [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
            RESULTS5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
            [""] * 5 + RESULTS5 + RESULTS5,
            [str(t4.get(c, 0)) for c in T4_CODES]]


def appendix(pub):
    return [[APPX[0]], APPX[1].split(","), [APPX[2], str(pub[0])], [APPX[3], str(pub[1])]]


def build_sheet(key, variants, title, filler):
    v = set(variants)
    name = NAME[key]
    rows = []
    sep = (lambda: rows.append([])) if "f" in v else (lambda: None)
    if title:
        rows.append([name + "%d年政府信息公开工作年度报告" % YEAR])
    if filler:
        rows.append(["填报单位：" + name])
    if title or filler:
        sep()
    rows.append([H2])
    if "2019" in v:
        t2 = ZJJ_2019["T2"]
        for head, cols, items in T2_2019:
            rows.append([head, "", "", ""])
            rows.append(["信息内容"] + cols + [""] * (3 - len(cols)))
            for label, p in items:
                vals = [("+%d" % x if x > 0 else str(x)) if j == 1 and p not in ("REG", "NORM", "PROC") else str(x)
                        for j, x in enumerate(t2[p])]
                rows.append([label] + vals + [""] * (3 - len(vals)))
        t3rows, t3vals, t4 = T3_ROWS_2019, ZJJ_2019["T3"], ZJJ_2019["T4"]
    else:
        reg, norm, lic, pun, coe, (fee_text, fee_unit) = T2[key]
        rows.append(["第二十条第（一）项", "", "", ""])
        rows.append(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        rows.append(["规章"] + [str(x) for x in reg])
        rows.append(["行政规范性文件"] + [str(x) for x in norm])
        rows.append(["第二十条第（五）项", "", "", ""])
        rows.append(["信息内容", "本年处理决定数量", "", ""])
        rows.append(["行政许可", str(lic), "", ""])
        rows.append(["第二十条第（六）项", "", "", ""])
        rows.append(["信息内容", "本年处理决定数量", "", ""])
        rows.append(["行政处罚", str(pun), "", ""])
        rows.append(["行政强制", str(coe), "", ""])
        rows.append(["第二十条第（八）项", "", "", ""])
        rows.append(["信息内容", FEE_HEAD % fee_unit, "", ""])
        rows.append(["行政事业性收费", fee_text, "", ""])
        t3rows, t3vals, t4 = T3_ROWS, T3.get(key, {}), T4.get(key, {})
    sep()
    rows.append([H3])
    rows += t3_block(t3rows, t3vals, v)
    sep()
    rows.append([H4])
    rows += t4_block(t4)
    sep()
    rows += appendix(PUB[key])

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
        return out
    if "f" in v:
        width += 2                     # a few stray empty columns further right
    return [r + [""] * (width - len(r)) for r in rows]


def halfwidth(s):
    """Variant d: ASCII punctuation as text extraction gives it, plus stray spaces."""
    if not s or s.replace(".", "").isdigit() or s.endswith("元") and s[0].isdigit():
        return s
    for n in ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"):
        s = s.replace(n, n + " ")                    # '（一） 予以公开'
    s = s.replace("申请人情况", " 申请人情况").replace("行政规范性文件", "行政规范性文件 ")
    for fw, hw in (("（", "("), ("）", ")"), ("：", ":"), ("，", ",")):
        s = s.replace(fw, hw)
    return s


def to_bytes(rows, enc):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=EOL, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode(enc)


def long_rows(keys, all_cells):
    rows = [["单位", "年度", "指标代码", "数值"]]
    for k in keys:
        for code in ALL_CODES:
            x = all_cells[k][code]
            rows.append([NAME[k], str(YEAR), code, format(x, "f") if isinstance(x, Decimal) else str(x)])
    return rows


# ======================================================================================
VARIANT = {"a": "a 标准版式", "b": "b 表三标签列合并单元格拆分，分类标签逐行重复",
           "c": "c 表三标签列合并为一列（表三 8 列）", "d": "d 半角标点、标签内多余空格（文本提取，行不补齐）",
           "f": "f 表间空行、首列空白（整体右移一列）、行尾多余空列", "2019": "2019 年版表格（上年模板）"}
VARIANT_EN = {"a": "canonical", "b": "T3 label merges split, labels repeated on every row",
              "c": "T3 label columns joined (8-column T3)", "d": "half-width punctuation and spaces",
              "f": "blank rows, blank first column, trailing empty columns", "2019": "last year's F2019 form"}
ENC_NAME = {"gb18030": "GB18030", "utf-8-sig": "UTF-8 BOM"}


def main():
    # ---- consistency checks ----
    keys = [k for k, *_ in UNITS]
    assert keys == list(T2) == list(PUB)
    assert len({n for _, n, _, _ in UNITS}) == len(UNITS)
    assert 10 <= sum(g == G_DEPT for *_, g, _ in UNITS) <= 12
    assert 4 <= sum(n.endswith("街道") for _, n, _, _ in UNITS) <= 5
    form_keys = [l[0] for l in LAYOUT]
    assert sorted(form_keys + LONG_UNITS) == sorted(keys), "every unit exactly once"
    assert all(GROUP[k] == G_STREET and NAME[k].endswith("街道") for k in LONG_UNITS)
    assert T2[WRONG_FORMAT] is None and dict((l[0], l[2]) for l in LAYOUT)[WRONG_FORMAT] == ["2019"]
    assert R23_MISTAKE[0] in LONG_UNITS
    check_2019_form()
    counted = [k for k in keys if k != WRONG_FORMAT]
    all_cells = {k: unit_cells(k) for k in counted}
    found = []
    for k in counted:
        found += check_unit(k, all_cells[k])
    expected_found = [(R33_MISTAKE[0], "R3.3", c) for c in R33_MISTAKE[1]] + \
                     [(R23_MISTAKE[0], "R2.3", c) for c in R23_MISTAKE[1]]
    assert sorted(found) == sorted(expected_found), found
    rsj = all_cells["rsj"]
    assert rsj["RESULT_TOTAL.NP"] == 9 and sum(rsj[r + ".NP"] for r in T3_LEAVES) == 8
    assert all_cells["zrj"]["FEE_AMOUNT_WAN"] == Decimal("12.345678")
    assert all_cells["jyj"]["FEE_AMOUNT_WAN"] == Decimal("45.5")
    fees = [all_cells[k]["FEE_AMOUNT_WAN"] for k in counted if all_cells[k]["FEE_AMOUNT_WAN"]]
    assert {2, 3, 4, 6} <= {-f.as_tuple().exponent for f in fees}, fees          # 2 to 6 decimals
    tot = district_totals(all_cells, counted)
    encs = [l[1] for l in LAYOUT] + [LONG_ENC]
    assert 0.28 <= encs.count("gb18030") / len(encs) <= 0.40
    assert {x for l in LAYOUT for x in l[2]} == set(VARIANT)

    # ---- write ----
    written = []

    def write(fname, data):
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        written.append(fname)

    write("units.csv", to_bytes([["单位", "分组", "代码"]] + [[n, g, c] for _, n, g, c in UNITS], "utf-8-sig"))
    for key, enc, variants, title, filler in LAYOUT:
        write(NAME[key] + ".csv", to_bytes(build_sheet(key, variants, title, filler), enc))
    write(LONG_FILE, to_bytes(long_rows(LONG_UNITS, all_cells), LONG_ENC))

    def s(x):
        return format(x, "f") if isinstance(x, Decimal) else str(x)

    groups = {}
    for g in (G_GOV, G_DEPT, G_STREET):
        ks = [k for k in counted if GROUP[k] == g]
        groups[g] = {"units": len(ks),
                     "PUB_YEAR": str(sum(all_cells[k]["PUB_YEAR"] for k in ks)),
                     "PUB_TOTAL": str(sum(all_cells[k]["PUB_TOTAL"] for k in ks))}
    leaves_np = sum(rsj[r + ".NP"] for r in T3_LEAVES)
    mistakes = [
        {"id": "a", "unit": NAME[WRONG_FORMAT], "file": NAME[WRONG_FORMAT] + ".csv", "rule": "F.3 / A.3",
         "severity": "error", "counted": False,
         "what": "2019 年版表格（上年模板）用于 2023 年报告：%s" % "、".join(F2019_MARKERS)},
        {"id": "b", "unit": NAME["rsj"], "file": NAME["rsj"] + ".csv", "rule": "R3.3", "severity": "error",
         "counted": True, "cells": ["RESULT_TOTAL.NP", "RESULT_TOTAL.TOT"],
         "reported": str(rsj["RESULT_TOTAL.NP"]), "leaf_sum": str(leaves_np),
         "what": "表三（七）总计 自然人 %d，各小项之和 %d（总计列同）" % (rsj["RESULT_TOTAL.NP"], leaves_np)},
        {"id": "c", "unit": NAME["np"], "file": LONG_FILE, "rule": "R2.3", "severity": "warning", "counted": True,
         "cells": list(R23_MISTAKE[1]), "what": "街道填报规章：REG_MADE 1、REG_VALID 1"},
        {"id": "d1", "unit": NAME[FEE_YUAN_MISTAKE], "file": NAME[FEE_YUAN_MISTAKE] + ".csv", "rule": "A.4",
         "severity": "conversion", "counted": True, "cells": ["FEE_AMOUNT_WAN"],
         "header": FEE_HEAD % "元", "text": T2[FEE_YUAN_MISTAKE][5][0],
         "wan": s(all_cells[FEE_YUAN_MISTAKE]["FEE_AMOUNT_WAN"]), "what": "收费金额以元填写，表头改为（单位：元）"},
        {"id": "d2", "unit": NAME[FEE_WAN_TEXT_MISTAKE], "file": NAME[FEE_WAN_TEXT_MISTAKE] + ".csv", "rule": "A.4",
         "severity": "conversion", "counted": True, "cells": ["FEE_AMOUNT_WAN"],
         "header": FEE_HEAD % "万元", "text": T2[FEE_WAN_TEXT_MISTAKE][5][0],
         "wan": s(all_cells[FEE_WAN_TEXT_MISTAKE]["FEE_AMOUNT_WAN"]), "what": "单元格内带单位“万元”"},
    ]
    expected = {
        "report_year": YEAR, "format": "F2021", "district": DISTRICT, "fictional": True,
        "units": len(UNITS), "counted_units": len(counted),
        "amount_unit": {"FEE_AMOUNT_WAN": "万元"},
        "cells": {code: s(tot[code]) for code in ALL_CODES},
        "groups": groups,
        "excluded": [NAME[WRONG_FORMAT]],
        "mistakes": mistakes,
    }
    write("expected-totals.json", (json.dumps(expected, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    write("README.md", readme(tot, groups).encode("utf-8"))
    for f in written:
        print("wrote", f)


def readme(tot, groups):
    L = []
    L.append("# 示例：江州市青溪区 2023 年政府信息公开工作年度报告（汇总输入，2021 年版格式）\n")
    L.append("本目录是 nianbao 的第二个示例输入：虚构的江州市青溪区 19 个单位（区政府、12 个区直部门、5 个街道和青溪经济开发区）"
             "按 2021 年版格式报送的 CSV 表格，含 4 类故意错误，汇总结果见 `expected-totals.json`。\n")
    L.append("区、单位和全部数字均为虚构。所有文件由 `generate.py` 生成（数据表在脚本开头），"
             "`verify.py` 按标签重新读取全部 CSV、逐单位校验并与 `expected-totals.json` 核对。\n")
    L.append("## 文件\n")
    L.append("| 文件 | 单位 | 分组 | 编码 | 版式 |")
    L.append("|---|---|---|---|---|")
    L.append("| units.csv | 单位名册（单位,分组,代码） | — | UTF-8 BOM | — |")
    for key, enc, variants, title, filler in LAYOUT:
        extra = [("有标题" if title else "无标题") + "、" + ("有填报单位行" if filler else "无填报单位行")]
        if key == WRONG_FORMAT:
            extra.append("**错误 a**")
        if key == "rsj":
            extra.append("**错误 b**")
        if key == FEE_YUAN_MISTAKE:
            extra.append("**错误 d1**：收费以元填写")
        if key == FEE_WAN_TEXT_MISTAKE:
            extra.append("**错误 d2**：`45.5万元`")
        L.append("| %s.csv | %s | %s | %s | %s（%s） |" % (
            NAME[key], NAME[key], GROUP[key], ENC_NAME[enc], "；".join(VARIANT[x] for x in variants), "；".join(extra)))
    L.append("| %s | %s | %s | %s | 办公系统长表导出：`单位,年度,指标代码,数值`，每格一行（南浦街道含**错误 c**） |" % (
        LONG_FILE, "、".join(NAME[k] for k in LONG_UNITS), G_STREET, ENC_NAME[LONG_ENC]))
    L.append("| expected-totals.json | 区级汇总期望值（按单元格代码，精确小数字符串）、分组指标、排除单位、错误清单 | | UTF-8 | |")
    L.append("")
    L.append("全部 CSV 为 CRLF 换行。Excel/WPS 另存 CSV 的规则：合并单元格的值只写在第一格，其余为空"
             "（表二（五）（六）（八）的数值合并于 B:D，CSV 中值在 B 列、C、D 为空）；每行补齐到已用区域宽度（d 版式为文本提取，不补齐）。"
             "表三（六）其他处理拆为 3 个小项（2021 年版）。\n")
    L.append("长表指标代码：表二 REG_MADE … FEE_AMOUNT_WAN（万元），表三 `行代码.列代码`（如 `NEW.NP`、`OTHER_2.TOT`、"
             "`RESULT_TOTAL.BIZ`），表四 RV_KEEP … LR_TOTAL，附表 PUB_YEAR、PUB_TOTAL；年度列为 2023。\n")
    L.append("## 故意保留的错误\n")
    L.append("- a. **青溪区住建局** 沿用上年的 2019 年版表格（标题写 2023 年，数字合理）：含“其他对外管理服务事项”“第二十条第（九）项”"
             "“上一年项目数量”和未拆分的“（六）其他处理”。nianbao 应报格式错误（F.3 / A.3）并不计入；区级合计**不含**该单位。")
    L.append("- b. **青溪区人社局** 表三（七）总计 自然人 9，而 21 个小项之和为 8（R3.3；总计列同样 9 对 8）。按所报数字计入，"
             "因此区级合计的（七）总计也比小项之和多 1。")
    L.append("- c. **南浦街道**（长表导出）填报规章 REG_MADE 1、REG_VALID 1：街道不能制定规章（R2.3，警告），按所报数字计入。")
    L.append("- d. 收费金额单位：**青溪区自然资源局** 把表头改为 `本年收费金额（单位：元）` 并填 `123456.78`，须精确换算为 12.345678 万元；"
             "**青溪区教育局** 在单元格中写 `45.5万元`，按 45.5 万元计。\n")
    L.append("## 区级合计（不含青溪区住建局）\n")
    L.append("- 本年主动公开 %s 条（区政府 %s、区直部门 %s、街道及园区 %s），累计 %s 条（%s + %s + %s）。" % (
        tot["PUB_YEAR"], groups[G_GOV]["PUB_YEAR"], groups[G_DEPT]["PUB_YEAR"], groups[G_STREET]["PUB_YEAR"],
        tot["PUB_TOTAL"], groups[G_GOV]["PUB_TOTAL"], groups[G_DEPT]["PUB_TOTAL"], groups[G_STREET]["PUB_TOTAL"]))
    L.append("- 表二：规章 %d/%d/%d；行政规范性文件 %d/%d/%d；行政许可 %d；行政处罚 %d；行政强制 %d；行政事业性收费 %s 万元。" % (
        tot["REG_MADE"], tot["REG_REPEALED"], tot["REG_VALID"], tot["NORM_MADE"], tot["NORM_REPEALED"], tot["NORM_VALID"],
        tot["LIC_DECISIONS"], tot["PUN_DECISIONS"], tot["COE_DECISIONS"], format(tot["FEE_AMOUNT_WAN"], "f")))
    L.append("- 表三：新收 %d（自然人 %d），上年结转 %d；予以公开 %d，部分公开 %d；（七）总计 %d；结转下年度 %d。" % (
        tot["NEW.TOT"], tot["NEW.NP"], tot["CIN.TOT"], tot["OPEN.TOT"], tot["PART.TOT"], tot["RESULT_TOTAL.TOT"], tot["COUT.TOT"]))
    L.append("- 表四：行政复议 %d 件（维持 %d、纠正 %d、其他 %d、未审结 %d）；未经复议直接起诉 %d 件；复议后起诉 %d 件。\n" % (
        tot["RV_TOTAL"], tot["RV_KEEP"], tot["RV_CORR"], tot["RV_OTHER"], tot["RV_PEND"], tot["LD_TOTAL"], tot["LR_TOTAL"]))
    L.append("## English\n")
    L.append("Second example input for nianbao: the 2023 (F2021 format) submissions of the 19 units of the fictional "
             "青溪区 (江州市) — district government, 12 departments, 5 sub-districts and an economic development zone — as "
             "clerks save them from Excel/WPS (GB18030 or UTF-8 with BOM, CRLF; layout variants a, b, c, d, f above) plus "
             "one long-format export holding two sub-districts. Deliberate mistakes: (a) 青溪区住建局 sent last year's "
             "F2019 form, which must be rejected and is excluded from the totals; (b) 青溪区人社局's T3 （七）总计 says 9 "
             "while its leaves add up to 8 (R3.3), counted as reported; (c) 南浦街道 reports 规章 (R2.3 warning), counted; "
             "(d) fees written in 元 under a changed header (123456.78 元 = 12.345678 万元) and as `45.5万元`. "
             "`expected-totals.json` holds the exact sums (%s 万元 of fees, %s new applications). "
             "`python3 generate.py` rebuilds everything; `python3 verify.py` re-reads the CSVs by label and checks them."
             % (format(tot["FEE_AMOUNT_WAN"], "f"), tot["NEW.TOT"]))
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
