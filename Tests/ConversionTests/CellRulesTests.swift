@testable import Conversion
import Foundation
import TestSupport
import Testing

/// The per-cell rules, on bytes: what is a number, how long text is once stored, sheet names.
@Suite struct CellRulesTests {
    func number(_ text: String) -> NumberRecognizer.Number? {
        Array(text.utf8).withUnsafeBufferPointer { NumberRecognizer.number($0) }
    }

    @Test func numbersOnlyWhenUnambiguous() {
        let numbers: [(String, Double, Int)] = [
            ("0", 0, 0), ("42", 42, 0), ("-7", -7, 0), ("-12.5", -12.5, 1), ("3.10", 3.1, 2), ("0.5", 0.5, 1),
            ("-0.25", -0.25, 2), ("123456789012345", 123_456_789_012_345, 0), ("0.123456789012345", 0.123456789012345, 15),
            ("1234567.12345678", 1234567.12345678, 8), ("0.1", 0.1, 1), ("13800138000", 13_800_138_000, 0),
        ]
        for (text, value, decimals) in numbers {
            #expect(number(text)?.value == value, "\(text)")
            #expect(number(text)?.decimals == decimals, "\(text)")
        }
        let texts = [
            "", "-", ".", "007", "00", "-01", "350102199001011234", "1234567890123456", "0595-22355663", "2023-01-15",
            "2023/1/15", "1,234", "12 345", "1e5", "1E5", "+5", ".5", "5.", "-.5", " 5", "5 ", "-0", "-0.0", "-0.00",
            "0x1F", "１２３", "5%", "¥5", "1.2.3", "--5", "=1+1", "@5", "1.0000000000000001", "0.0000000000000001",
            "12345678901234.56",
        ]
        for text in texts { #expect(number(text) == nil, "\(text) must stay text") }
    }

    /// Exactly the double Swift's own parser gives (correct rounding), for random decimals.
    @Test func valuesAreCorrectlyRounded() {
        var generator = SplitMix64(seed: 20200101)
        for _ in 0..<20_000 {
            let integerDigits = Int.random(in: 1...10, using: &generator)
            let decimals = Int.random(in: 0...(15 - integerDigits), using: &generator)
            var text = String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            if decimals > 0 {
                text += "."
                for _ in 0..<decimals { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            if Bool.random(using: &generator) { text = "-" + text }
            #expect(number(text)?.value == Double(text), "\(text)")
        }
    }

    func fitting(_ text: String, limit: Int = CellTextLimit.units) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { CellTextLimit.fittingPrefix($0, limit: limit) }
    }

    @Test func storedLengthCountsEscapesAndSurrogates() {
        #expect(fitting("abc", limit: 3) == 3)
        #expect(fitting("abcd", limit: 3) == 3)
        #expect(fitting("长长", limit: 1) == 3)           // whole characters only
        #expect(fitting("𠀀a", limit: 1) == 0)            // a surrogate pair is 2 units
        #expect(fitting("𠀀a", limit: 2) == 4)
        #expect(fitting("_x0041_", limit: 12) == 6)       // stored as _x005F_x0041_ (13); the cut one is over-counted
        #expect(fitting("_x0041_", limit: 13) == 7)
        #expect(fitting("_x004", limit: 5) == 5)          // not an escape: plain text
        #expect(fitting("\u{1}b", limit: 7) == 1)         // a control character is stored as _x0001_
        #expect(fitting("\u{FFFE}", limit: 6) == 0)
        #expect(fitting("a\tb\nc", limit: 5) == 5)        // tab and LF are kept as they are
        let long = Array(String(repeating: "x", count: 40_000).utf8)
        #expect(long.withUnsafeBufferPointer { CellTextLimit.fittingPrefix($0) } == 32_767)
        #expect(Array("a长𠀀".utf8).withUnsafeBufferPointer { CellTextLimit.utf16Length($0) } == 4)
    }

    @Test func sheetNames() {
        #expect(SheetNaming.baseName(forFile: "/收件/区教育局.csv") == "区教育局")
        #expect(SheetNaming.baseName(forFile: "名单") == "名单")
        #expect(SheetNaming.baseName(forFile: ".hidden") == ".hidden")
        #expect(SheetNaming.baseName(forFile: "a[1]:b*?.csv") == "a_1__b__")
        #expect(SheetNaming.baseName(forFile: "'quoted'.csv") == "quoted")
        #expect(SheetNaming.baseName(forFile: "History.csv") == "Sheet1")
        #expect(SheetNaming.baseName(forFile: "'.csv") == "Sheet1")
        let long = String(repeating: "长", count: 40)
        #expect(SheetNaming.baseName(forFile: long + ".csv") == String(repeating: "长", count: 31))
        #expect(SheetNaming.name(base: "名单", number: 1) == "名单")
        #expect(SheetNaming.name(base: "名单", number: 2) == "名单 (2)")
        #expect(SheetNaming.name(base: String(repeating: "长", count: 31), number: 12)
                == String(repeating: "长", count: 26) + " (12)")
    }

    /// Fields past column XFD are reported, not dropped silently.
    @Test func tooManyColumns() throws {
        let header = (1...16_386).map { "c\($0)" }.joined(separator: ",")
        let input = try ConversionHelpers.file("wide.csv", header + "\n1,2\n")
        let (output, summary) = try ConversionHelpers.convert(input)
        #expect(summary.columns == 16_386)
        #expect(summary.problemCount == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.code == .tooManyColumns && problem.line == 1 && problem.column == 16_385 && problem.length == 16_386)
        #expect(problem.message == "第 1 行有 16386 列，超过 Excel 上限 16384 列（到 XFD 列）；第 16385 列起没有写入工作表“wide”。")
        let sheet = try #require(try readBack(output)["wide"])
        #expect(sheet["XFD1"]?.value == .string("c16384"))
        try validateXlsx(output)
    }
}
