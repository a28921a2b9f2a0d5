import ReportSpec
@testable import Submissions
import TestSupport
import Testing

/// Label variants clerks produce must meet the official label under `LabelKey`, and
/// different labels must not.
struct LabelKeyTests {
    /// (official label, variant as typed): the variant's key is one of the official label's variants.
    static let accepted: [(official: String, typed: String)] = [
        ("（一）予以公开", "（一）予以公开"),
        ("（一）予以公开", "(一) 予以公开"),
        ("（一）予以公开", "予以公开"),
        ("（一）予以公开", " （ 一 ） 予以\u{3000}公开 "),
        ("3.危及“三安全一稳定”", "3.危及\"三安全一稳定\""),
        ("3.危及“三安全一稳定”", "3．危及‘三安全一稳定’"),
        ("3.危及“三安全一稳定”", "危及三安全一稳定"),
        ("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
        ("本年增/减", "本年增减"),
    ]

    @Test(arguments: accepted)
    func variantMatches(_ official: String, _ typed: String) {
        let variants = LabelKey.variants(of: official)
        #expect(variants.contains(LabelKey.key(typed)), "“\(typed)” → \(LabelKey.key(typed)) not in \(variants)")
    }

    /// Near misses stay different: a typo or another row is never accepted.
    static let refused: [(official: String, typed: String)] = [
        ("（一）予以公开", "（二）部分公开"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情况，不计其他情形）"),
        ("5.属于三类内部事务信息", "5.属于三类内容事务信息"),
        ("1.属于国家秘密", "2.属于国家秘密"),
    ]

    @Test(arguments: refused)
    func nearMissDoesNotMatch(_ official: String, _ typed: String) {
        #expect(!LabelKey.variants(of: official).contains(LabelKey.key(typed)), "“\(typed)” must not match “\(official)”")
    }

    @Test func keyFoldsWidthAndDropsSpacesQuotesColons() {
        #expect(LabelKey.key("（一） 予以公开") == "(一)予以公开")
        #expect(LabelKey.key("填报单位： 鲤城区教育局") == "填报单位鲤城区教育局")
        #expect(LabelKey.key("3.危及“三安全一稳定”") == "3.危及三安全一稳定")
    }

    @Test(arguments: [
        ("一、本年新收", "本年新收"), ("(一)予以公开", "予以公开"), ("1.属于国家秘密", "属于国家秘密"),
        ("1、属于国家秘密", "属于国家秘密"), ("(1)属于国家秘密", "属于国家秘密"), ("①属于国家秘密", "属于国家秘密"),
        ("十二、其他", "其他"), ("予以公开", "予以公开"), ("2019年", "2019年"),
    ])
    func withoutNumbering(_ key: String, _ expected: String) {
        #expect(LabelKey.withoutNumbering(key) == expected, "\(key)")
    }

    /// A joined label (several label columns in one cell) is the concatenation of the keys,
    /// and the label index resolves it to the leaf row.
    @Test func joinedLabelColumnsResolveToTheLeafRow() throws {
        let joined = "三、本年度办理结果（三）不予公开1.属于国家秘密"
        #expect(LabelKey.key(joined) == LabelKey.key("三、本年度办理结果") + LabelKey.key("（三）不予公开") + LabelKey.key("1.属于国家秘密"))
        let index = LabelIndex(template: try TemplateLoader.builtin(format: "2019"))
        for text in [joined, "三、 本年度办理结果 (三) 不予公开 1.属于国家秘密", "本年度办理结果不予公开属于国家秘密", "（三）不予公开1.属于国家秘密"] {
            let entry = index.matchDataRow(LabelKey.key(text), preferring: nil)
            #expect(entry?.row.codes.first == "DENY_1.NP", "“\(text)” → \(entry?.row.label ?? "nil")")
        }
        // The same leaf under another parent is another row.
        #expect(index.matchDataRow(LabelKey.key("（四）无法提供1.本机关不掌握相关政府信息"), preferring: nil)?.row.codes.first == "UNABLE_1.NP")
        #expect(index.matchDataRow(LabelKey.key("（四）无法提供1.属于国家秘密"), preferring: nil) == nil)
    }

    /// `（二）部分公开` without its gloss, alone or joined, is the 部分公开 row.
    @Test func partialDisclosureWithoutGlossIsRecognised() throws {
        let index = LabelIndex(template: try TemplateLoader.builtin(format: "2019"))
        for text in ["（二）部分公开", "(二) 部分公开", "部分公开", "三、本年度办理结果（二）部分公开", "三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] {
            #expect(index.matchDataRow(LabelKey.key(text), preferring: nil)?.row.codes.first == "PART.NP", "“\(text)”")
        }
        #expect(index.matchDataRow(LabelKey.key("（二）部分公开（区分处理的，只计这一情况，不计其他情形）"), preferring: nil) == nil)
    }
}

/// The byte-level key (ASCII, ideographs, stable punctuation, full-width forms) must give
/// exactly what NFKC gives, for every mix of those scalars with the ones that need NFKC.
struct LabelKeyFastPathTests {
    static let pieces: [String] = [
        "a", "Z", "7", " ", "\t", "\n", "-", "_", "/", "|", ":", "\"", "'", ">", "(", ")", ".", ",", "%",
        "予", "以", "公", "开", "鿿", "一", "、", "。", "“", "”", "‘", "’", "《", "》", "【", "】", "…", "—", "·",
        "（", "）", "，", "：", "；", "！", "Ａ", "ｚ", "０", "９", "－", "／", "＂", "～", "\u{3000}",
        // Scalars outside the fast path: NFKC or whitespace properties decide.
        "\u{00A0}", "\u{2013}", "\u{2015}", "\u{300C}", "\u{30FB}", "\u{200B}", "\u{FEFF}", "①", "Ⅱ", "ﬁ", "é", "e\u{0301}",
        "\u{F900}", "𠀀", "\u{2003}", "\u{FF61}", "\u{FFE5}",
    ]

    @Test func agreesWithNFKCOnEveryMix() {
        var generator = SplitMix64(seed: 2026)
        var checked = 0
        // Every piece alone and in pairs, then random strings of up to 12 pieces.
        var texts = Self.pieces
        for a in Self.pieces { for b in Self.pieces { texts.append(a + b) } }
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...12, using: &generator)
            texts.append((0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let fast = LabelKey.key(text)
            let reference = LabelKey.generalKey(text)
            #expect(fast == reference && Array(fast.utf8) == Array(reference.utf8),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) }): \(fast) ≠ \(reference)")
            checked += 1
        }
        #expect(checked > 20_000)
    }

    @Test func keepsTheTextItselfWhenNothingChanges() {
        #expect(LabelKey.key("予以公开") == "予以公开")
        #expect(LabelKey.key("（一）予以公开") == "(一)予以公开")
        #expect(LabelKey.key("本年增／减") == "本年增减")
        #expect(LabelKey.key("三、\u{3000}结果") == "三、结果")
    }
}
