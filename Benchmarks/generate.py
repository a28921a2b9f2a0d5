#!/usr/bin/env python3
"""Seeded inputs for `make bench` (stdlib only).

    python3 Benchmarks/generate.py [DATA_DIR] [--quick]

DATA_DIR (default .build-bench/data) receives
  convert-100000.csv, convert-1000000.csv   8 mixed columns (names, titles, units,
                                            counts, signed changes, money, dates, codes)
  merge-N/forms/*.csv, merge-N/units.csv    N = 100, 1000, 10000 units: copies of the
                                            units of examples/licheng-2020, cycling
                                            through its layout variants (a-i) and
                                            encodings, every unit renamed everywhere
                                            (file name, title, 填报单位 line, long table)
Each file is written once and reused if present (delete DATA_DIR to regenerate).
--quick generates only what BENCH_QUICK=1 needs (100k rows; 100 and 1,000 units).
"""
import csv, io, os, random, sys

SEED = 20200101
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "licheng-2020")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛龚邵万钱严武戴莫孔汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉鹏飞慧国志海燕德晓东涵轩浩然欣怡"
TITLES = ["科员", "副科长", "科长", "主任科员", "四级主任科员", "一级科员", "副主任", "主任", "办事员",
          "副局长", "局长", "党组书记", "工作人员", "信息公开专员", "档案管理员"]
UNITS = ["鲤城区教育局", "鲤城区卫健局", "鲤城区人社局", "海滨街道办事处", "鲤城区市场监管局",
         "金龙街道", "鲤城区财政局", "鲤城区政务服务中心", "泉州高新区鲤城园", "鲤城公安分局"]
NOTES_UNIT = ["", "", "", "（含派出机构）", "（代章）"]


def convert_csv(path, rows, seed):
    if os.path.exists(path):
        return
    rnd = random.Random(seed)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["姓名", "职务", "单位", "件数", "增减", "金额（元）", "日期", "代码"])
        ri, ch, ch2 = rnd.randint, rnd.choice, rnd.random
        for i in range(rows):
            name = ch(SURNAMES) + ch(GIVEN) + (ch(GIVEN) if ch2() < 0.6 else "")
            unit = ch(UNITS) + ch(NOTES_UNIT)
            if ch2() < 0.02:
                unit = unit + "，" + ch(UNITS)           # a comma inside a quoted field
                unit = unit.replace("，", ",")
            count = ri(0, 5000)
            d = ri(-300, 300)
            change = f"+{d}" if d > 0 else str(d)      # signed as clerks write it: +87 is text
            money = f"{ri(0, 99_999_999) / 100:.2f}"   # cents; 12.50 keeps its 2 decimals
            date = f"20{ri(10, 24)}-{ri(1, 12):02d}-{ri(1, 28):02d}"
            code = (f"11350502MB{ri(0, 99_999_999):08d}" if ch2() < 0.5   # 18-char credit code
                    else f"LC{ri(1, 999):03d}")                            # short unit code
            w.writerow([name, ch(TITLES), unit, count, change, money, date, code])
    os.replace(tmp, path)


# ---- merge sets ------------------------------------------------------------------------

PLACE = ("东西南北中新安平和顺泰康宁德华光明文武兴隆昌盛丰永福寿吉祥瑞云山水林溪桥湖江河海"
         "金银玉石青红白绿春夏秋冬梅兰竹菊松柏桂荷凤龙鹤鹿晨阳月星辰天地长宏远广大清秀丽"
         "仁义礼智信忠孝乐善美嘉惠丹霞翠峰岭泉潭洲浦湾港亭台阁苑")
assert len(set(PLACE)) == len(PLACE) >= 100, len(set(PLACE))
PLACE = PLACE[:100]


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "bom"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "gb18030"


def encode(text, enc):
    if enc == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(enc)


def load_templates():
    """(kind, encoding, text, [original names], group) for every file of the example, in order."""
    roster = {}
    with open(os.path.join(EXAMPLE, "units.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            roster[row["单位"]] = row["分组"]
    templates = []
    for fn in sorted(os.listdir(EXAMPLE)):
        if not fn.endswith(".csv") or fn == "units.csv":
            continue
        with open(os.path.join(EXAMPLE, fn), "rb") as f:
            text, enc = decode(f.read())
        stem = fn[:-4]
        if stem in roster:
            names = [stem]
        else:  # the long export: several units in the 单位 column
            names = [n for n in roster if n in text and not any(n in fn2 for fn2 in os.listdir(EXAMPLE) if fn2 != fn)]
        assert names, fn
        templates.append((enc, text, names, roster[names[0]]))
    return templates


def new_name(old, index):
    place = PLACE[index // 100 % 100] + PLACE[index % 100]
    if index >= 10000:
        place = PLACE[index // 10000 % 100] + place
    if old.endswith("人民政府"):
        return place + "区人民政府"
    if old.startswith("鲤城区"):
        return place + "区" + old[len("鲤城区"):]
    if old.startswith("鲤城"):
        return place + old[len("鲤城"):]
    if old.endswith("园"):
        return place + "高新园"
    return place + "街道"


def merge_set(folder, size):
    marker = os.path.join(folder, "units.csv")
    if os.path.exists(marker):
        return
    forms = os.path.join(folder, "forms")
    os.makedirs(forms, exist_ok=True)
    templates = load_templates()
    roster = []
    index = 0
    t = 0
    while len(roster) < size:
        enc, text, names, group = templates[t % len(templates)]
        t += 1
        if len(roster) + len(names) > size:
            continue
        renamed = []
        # Title, 填报单位 line, long-table 单位 column (variant h names the unit only by
        # its file name, so the text may not contain it). Through placeholders, so that a
        # new name equal to another old one (金龙街道) is not renamed twice.
        for k, old in enumerate(names):
            text = text.replace(old, f"\x00{k}\x00")
        for k, old in enumerate(names):
            new = new_name(old, index)
            index += 1
            text = text.replace(f"\x00{k}\x00", new)
            renamed.append(new)
        assert "\x00" not in text
        file_name = renamed[0] if len(renamed) == 1 else f"街道汇总导出{index:05d}"
        with open(os.path.join(forms, file_name + ".csv"), "wb") as f:
            f.write(encode(text, enc))
        roster += [(n, group) for n in renamed]
    assert len({n for n, _ in roster}) == len(roster)
    with open(marker + ".tmp", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["单位", "分组", "代码"])
        for i, (n, g) in enumerate(roster, 1):
            w.writerow([n, g, f"BM{i:05d}"])
    os.replace(marker + ".tmp", marker)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    data = args[0] if args else os.path.join(ROOT, ".build-bench", "data")
    os.makedirs(data, exist_ok=True)
    for rows in ([100_000] if quick else [100_000, 1_000_000]):
        convert_csv(os.path.join(data, f"convert-{rows}.csv"), rows, SEED + rows)
    for size in ([100, 1000] if quick else [100, 1000, 10000]):
        merge_set(os.path.join(data, f"merge-{size}"), size)


if __name__ == "__main__":
    main()
