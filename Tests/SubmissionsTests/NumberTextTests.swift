import ExactArithmetic
import ReportSpec
@testable import Submissions
import TestSupport
import Testing

/// `NumberText.parse` over a table of the texts clerks really type.
struct NumberTextTests {
    typealias N = NumberText.Normalisation

    static func value(_ text: String, _ unit: String? = nil, _ normalisations: [N] = []) -> NumberText.Outcome {
        .value(ExactDecimal(text)!, unit: unit, normalisations: normalisations)
    }

    static let scientific = "（科学计数法会丢失数字，请把单元格设为数值或文本后重新导出）"

    static let cases: [(text: String, kind: FigureKind, expected: NumberText.Outcome)] = [
        ("12", .count, value("12")),
        (" 12 ", .count, value("12")),
        ("０１２", .count, value("12", nil, [.fullWidth])),
        ("1,234", .count, value("1234", nil, [.thousandsSeparator])),
        ("1,234,567.89", .money, value("1234567.89", nil, [.thousandsSeparator])),
        ("12件", .count, value("12", "件", [.unitSuffix])),
        ("+87", .signed, value("87", nil, [.leadingPlus])),
        ("-2", .signed, value("-2")),
        ("35692694.56元", .money, value("35692694.56", "元")),
        ("12.345678万元", .money, value("12.345678", "万元")),
        ("3.0", .count, value("3", nil, [.wholeDecimal])),
        ("", .count, .empty),
        ("\u{3000}", .count, .empty),
        ("—", .count, .placeholder),
        ("-", .signed, .placeholder),
        ("/", .count, .placeholder),
        ("无", .money, .placeholder),
        ("1,2", .count, .ambiguous(reason: "逗号不是规范的千位分隔符")),
        ("12,34", .count, .ambiguous(reason: "逗号不是规范的千位分隔符")),
        ("1.234", .count, .ambiguous(reason: "件数中的“.”可能是千位分隔符")),
        ("1.2.3", .money, .ambiguous(reason: "有多个小数点")),
        ("12件3", .count, .notANumber(hint: "")),
        ("abc", .count, .notANumber(hint: "")),
        ("1.2E+05", .count, .notANumber(hint: scientific)),
        ("5%", .count, .notANumber(hint: "（应填写件数，不是百分比）")),
        ("12元", .count, .notANumber(hint: "（件数不应带金额单位“元”）")),
        ("12件", .money, .notANumber(hint: "（金额不应带单位“件”）")),
        ("1234567890123456789012345", .count, .tooLarge),
    ]

    @Test(arguments: cases.indices)
    func parse(_ i: Int) {
        let (text, kind, expected) = Self.cases[i]
        let outcome = NumberText.parse(text, kind: kind)
        #expect(outcome == expected, "“\(text)” as \(kind)")
        // Equal values at another scale would pass `==`: the scale must be as typed, except
        // that a count written as 3.0 keeps its point here (FigureReader normalises it).
        if case .value(let got, _, _) = outcome, case .value(let want, _, _) = expected, kind == .money {
            #expect(got.description == want.description, "“\(text)”: \(got) has the digits as typed")
        }
    }
}

/// The shortcut for plain integers, amounts with decimals, amounts followed by 元 or 万元
/// and empty cells must give exactly what the general reading gives, scale included.
struct NumberTextShortcutTests {
    @Test(arguments: [FigureKind.count, .signed, .money])
    func agreesWithTheGeneralReading(_ kind: FigureKind) {
        let pieces = ["0", "1", "5", "9", ".", "-", "+", ",", " ", "元", "万元", "万", "件", "１", "e"]
        var generator = SplitMix64(seed: 1127)
        var texts = ["", "0.5", "1.50", "291648.11", ".55", "12.", "1.2.3", "12.345", "-1.50", "+1.5", "00.10", "123456789012345.67",
                     "96200元", "88750.30元", "658.243715万元", "0元", "元", "万元", "万", ".5元", "12.元", "-5元", "+5元",
                     "1,000元", "5万", "5 元", "１元", "5件", "12345678901234567万元", "1234567890123456789元", "1.2.3元"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...9, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let fast = NumberText.parse(text, kind: kind)
            let general = NumberText.parseInGeneral(text, kind: kind)
            #expect(fast == general, "“\(text)” as \(kind)")
            if case .value(let a, _, _) = fast, case .value(let b, _, _) = general {
                #expect(a.description == b.description, "“\(text)”: scale as typed")
            }
        }
    }
}
