#!/usr/bin/env python3
"""Writes 青溪区2022年汇总.csv: the fictional 青溪区's figures of 2022 in the long format
that `nianbao merge --csv` writes (单位,分组,层级,年度,指标代码,数值), for the cross-year
checks of the 2023 example (`--previous`), and 2023年审核说明.csv, the written reasons
for the warnings of those checks (`--explanations`).

Usage: generate.py 2023.csv   where 2023.csv is `nianbao merge examples/qingxi-2023
--units examples/qingxi-2023/units.csv -o x.xlsx --csv 2023.csv`.

The 2022 figures are the 2023 ones moved back a year so that the cross-year rules hold:
carried over out of 2022 = carried in to 2023 (R3.6), documents in force at the end of
2022 = in force at the end of 2023 - made + repealed in 2023 (R2.2), and 2022's other
figures differ from 2023's. Two deliberate exceptions:
  * 青溪区民政局 carried 1 application out of 2022 that its 2023 report does not carry in
    (R3.6 warning for the unit, its group and the total; explained in 2023年审核说明.csv);
  * 西岭街道 sent 2023 the same figures as in 2022 (the copy-paste warning).
"""
import csv, sys
from decimal import Decimal
from collections import OrderedDict

BROKEN_CARRY = "青溪区民政局"
COPIED = "西岭街道"

def main(source):
    rows = list(csv.reader(open(source, encoding="utf-8-sig")))
    header, body = rows[0], rows[1:]
    units = OrderedDict()   # unit -> (group, {code: Decimal})
    codes = []
    for unit, group, level, year, code, value in body:
        if level != "单位":
            continue
        units.setdefault(unit, (group, OrderedDict()))[1][code] = Decimal(value)
        if code not in codes:
            codes.append(code)
    last = OrderedDict()
    for unit, (group, now) in units.items():
        before = OrderedDict(now)
        if unit != COPIED:
            for column in ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]:
                before[f"COUT.{column}"] = now[f"CIN.{column}"]
            for kind in ["REG", "NORM"]:
                before[f"{kind}_VALID"] = now[f"{kind}_VALID"] - now[f"{kind}_MADE"] + now[f"{kind}_REPEALED"]
            # Last year was a little busier everywhere.
            for code in ["NEW.NP", "NEW.TOT", "OPEN.NP", "OPEN.TOT", "RESULT_TOTAL.NP", "RESULT_TOTAL.TOT"]:
                before[code] = now[code] + 2
            for code in ["LIC_DECISIONS", "PUN_DECISIONS"]:
                before[code] = (now[code] * Decimal("1.1")).quantize(Decimal(1))
            before["PUB_TOTAL"] = now["PUB_TOTAL"] - now["PUB_YEAR"]
        if unit == BROKEN_CARRY:
            before["COUT.NP"] += 1
            before["COUT.TOT"] += 1
        last[unit] = (group, before)

    def total(members):
        sums = OrderedDict((code, Decimal(0)) for code in codes)
        for _, figures in members:
            for code in codes:
                sums[code] += figures[code]
        return sums

    out = [header]
    out += [["青溪区", "", "合计", "2022", code, str(v)] for code, v in total(last.values()).items()]
    groups = OrderedDict()
    for unit, (group, figures) in last.items():
        groups.setdefault(group, []).append((group, figures))
    for group, members in groups.items():
        out += [[f"{group}小计", group, "分组小计", "2022", code, str(v)] for code, v in total(members).items()]
    for unit, (group, figures) in last.items():
        out += [[unit, group, "单位", "2022", code, str(v)] for code, v in figures.items()]
    with open("青溪区2022年汇总.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(out)
    reason = "2022 年报告发布后核实：1 件申请实为 2023 年 1 月收到，已计入 2023 年新收"
    with open("2023年审核说明.csv", "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([
            ["单位", "规则", "说明"],
            [BROKEN_CARRY, "R3.6", reason],
            [f"{units[BROKEN_CARRY][0]}小计", "R3.6", f"同{BROKEN_CARRY}：{reason}"],
            ["合计", "R3.6", f"同{BROKEN_CARRY}：{reason}"],
        ])

if __name__ == "__main__":
    main(sys.argv[1])
