import CSVReading
@testable import Conversion
import Foundation
import TestSupport
import Testing

/// What `convert` writes, read back with independent readers (openpyxl, calamine, raw XML).
@Suite struct ConverterTests {
    static let typedCSV = """
        姓名,身份证号,编号,电话,数量,金额,日期,科学计数,公式,转义,千分位,负零,长整数
        张三,350102199001011234,007,0595-22355663,42,-12.5,2023-01-15,1e5,=1+1,_x0041_,"1,234",-0,123456789012345
        李四,11010519491231002X,0,13800138000,-7,3.10,2023/1/15,+5,@SUM(A1),_x0041__x0042_,12 345,-0.0,1234567890123456
        """

    /// Typed mode: a number only when the text is unambiguously one.
    @Test func typedCellsAreNumbersOnlyWhenUnambiguous() throws {
        let input = try ConversionHelpers.file("名单.csv", Self.typedCSV + "\n")
        let (output, summary) = try ConversionHelpers.convert(input)
        let dump = try readBack(output)
        #expect(dump.sheetNames == ["名单"])
        let sheet = try #require(dump["名单"])
        func value(_ a1: String) -> JSONValue? { sheet[a1]?.value }
        // Text, exactly as read.
        for (a1, text) in [("B2", "350102199001011234"), ("C2", "007"), ("D2", "0595-22355663"), ("G2", "2023-01-15"),
                           ("H2", "1e5"), ("I2", "=1+1"), ("J2", "_x0041_"), ("K2", "1,234"), ("L2", "-0"),
                           ("B3", "11010519491231002X"), ("G3", "2023/1/15"), ("H3", "+5"), ("I3", "@SUM(A1)"),
                           ("J3", "_x0041__x0042_"), ("K3", "12 345"), ("L3", "-0.0"), ("M3", "1234567890123456")] {
            #expect(value(a1) == .string(text), "\(a1)")
            #expect(sheet[a1]?.formula == nil, "\(a1) must not be a formula")
        }
        // Numbers, shown as written.
        #expect(value("E2") == .number(42))
        #expect(sheet["E2"]?.numberFormat == "General")
        #expect(value("F2") == .number(-12.5))
        #expect(sheet["F2"]?.numberFormat == "General")
        #expect(value("C3") == .number(0))
        #expect(value("D3") == .number(13_800_138_000))
        #expect(value("E3") == .number(-7))
        #expect(value("F3") == .number(3.1))
        #expect(sheet["F3"]?.numberFormat == "0.00")
        #expect(value("M2") == .number(123_456_789_012_345))
        #expect(sheet["M2"]?.numberFormat == "0")
        #expect(summary.numberCells == 7)
        #expect(summary.records == 3 && summary.dataRows == 2 && summary.columns == 13)
        try validateXlsx(output)
    }

    /// The header row: bold, frozen, written as text even when it looks like a number.
    @Test func headerIsBoldAndFrozen() throws {
        let input = try ConversionHelpers.file("h.csv", "2023,名称\n1,甲\n")
        let (output, summary) = try ConversionHelpers.convert(input)
        let sheet = try #require(try readBack(output)["h"])
        #expect(sheet.freezePanes == "A2")
        #expect(sheet["A1"]?.value == .string("2023"))
        #expect(sheet["A1"]?.font.bold == true)
        #expect(sheet["B1"]?.font.bold == true)
        #expect(sheet["A2"]?.value == .number(1))
        #expect(sheet["B2"]?.font.bold == false)
        #expect(summary.headerRows == 1)
        try validateXlsx(output)
    }

    @Test func noHeaderOption() throws {
        let input = try ConversionHelpers.file("plain.csv", "2023,名称\n1,甲\n")
        let (output, summary) = try ConversionHelpers.convert(input, .init(header: false))
        let sheet = try #require(try readBack(output)["plain"])
        #expect(sheet.freezePanes == nil)
        #expect(sheet["A1"]?.value == .number(2023))
        #expect(sheet["B1"]?.font.bold == false)
        #expect(summary.headerRows == 0 && summary.dataRows == 2)
        try validateXlsx(output)
    }

    /// Text mode: every field a text cell exactly as read, numbers included.
    @Test func textModeWritesEveryFieldAsText() throws {
        let input = try ConversionHelpers.file("t.csv", Self.typedCSV)
        let (output, summary) = try ConversionHelpers.convert(input, .init(text: true))
        let rows = try ConversionHelpers.textRows(output)
        let expected = try CSVReader.read(path: input.path).records.map(\.fields)
        #expect(rows == expected)
        #expect(summary.numberCells == 0)
        try validateXlsx(output)
    }

    /// Widths fit the widest text of the sampled rows, CJK characters counting double.
    @Test func columnWidthsFitCJKText() throws {
        let input = try ConversionHelpers.file("w.csv", "单位,备注,n\n区人民政府办公室,short,1\n甲,这是一段比较长的中文备注文字,2\n")
        let (output, _) = try ConversionHelpers.convert(input)
        let widths = try #require(try readBack(output)["w"]).columnWidths
        // libxlsxwriter stores Excel's padding: width w is stored as w + 0.7109375.
        #expect(widths["A"] == 18.7109375)   // 区人民政府办公室: 8 wide characters, 16 + 2
        #expect(widths["B"] == 30.7109375)   // 14 wide characters, 28 + 2
        #expect(widths["C"] == nil)                       // narrow columns keep Excel's default
        try validateXlsx(output)
    }

    /// A field over 32,767 characters: the start is written, marked and reported, never cut
    /// silently; the rest of the file is converted.
    @Test func overlongTextIsReportedAndMarked() throws {
        let long = String(repeating: "长", count: 30_000) + String(repeating: "x", count: 10_000)
        let input = try ConversionHelpers.file("long.csv", "a,b\n1,\"\(long)\"\n2,ok\n")
        let (output, summary) = try ConversionHelpers.convert(input)
        #expect(summary.problemCount == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.code == .textTooLong)
        #expect(problem.line == 2 && problem.column == 2 && problem.cell == "B2" && problem.sheet == "long")
        #expect(problem.length == 40_000 && problem.kept == 32_767)
        #expect(problem.message == "第 2 行第 2 列的文本长 40000 个字符，超过 Excel 单元格上限 32767 个字符；"
                + "工作表“long”单元格 B2 只写入了前 32767 个字符，已用红色底纹和批注标出。完整内容请查看原 CSV 文件。")
        let sheet = try #require(try readBack(output)["long"])
        let cell = try #require(sheet["B2"])
        #expect(cell.value.string == String(long.utf16.prefix(32_767))!)
        #expect(cell.fill == "FFFFC7CE")
        #expect(cell.comment == "原文共 40000 个字符，超过 Excel 单元格上限 32767 个字符，这里只保存了前 32767 个字符。完整内容见 CSV 文件第 2 行。")
        #expect(sheet["B3"]?.value == .string("ok"))
        try validateXlsx(output)
    }

    /// Escapes count: 5,000 literal `_x0041_` are 35,000 characters once stored; the cut keeps
    /// what fits after escaping and never splits a surrogate pair.
    @Test func overlongCountsEscapesAndSurrogates() throws {
        let escapes = String(repeating: "_x0041_", count: 5_000)
        let rare = String(repeating: "𠀀", count: 16_384)   // 32,768 UTF-16 units
        let input = try ConversionHelpers.file("esc.csv", "\(escapes),\(rare)\n")
        let (output, summary) = try ConversionHelpers.convert(input, .init(text: true, header: false))
        #expect(summary.problemCount == 2)
        let sheet = try #require(try readBack(output)["esc"])
        let a1 = try #require(sheet["A1"]?.value.string)
        #expect(escapes.hasPrefix(a1) && a1.utf16.count <= 32_767 && a1.count > 4_600 * 1)
        #expect(sheet["B1"]?.value == .string(String(repeating: "𠀀", count: 16_383)))
        #expect(summary.problems.map(\.kept) == [a1.utf16.count, 32_766])
        try validateXlsx(output)
    }

    /// UTF-16 LE with a byte order mark (Excel's “Unicode 文本”), tab-separated, with 𠀀.
    @Test func utf16WithRareCharacters() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "姓名\t生僻字\n𠀀先生\t𠀀𪚥\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let input = try ConversionHelpers.file("u16.txt", bytes)
        let (output, summary) = try ConversionHelpers.convert(input, .init(text: true))
        #expect(summary.encoding == .utf16LE && summary.delimiter == UInt8(ascii: "\t"))
        #expect(try ConversionHelpers.textRows(output) == [["姓名", "生僻字"], ["𠀀先生", "𠀀𪚥"]])
        try validateXlsx(output)
    }

    /// Past the sheet's last row, records continue on a new sheet under the repeated header.
    @Test func rowsContinueOnNewSheets() throws {
        let input = try ConversionHelpers.file("名单.csv", "编号,姓名\n1,甲\n2,乙\n3,丙\n4,丁\n5,戊\n")
        let (output, summary) = try ConversionHelpers.convert(input, .init(text: true, rowsPerSheet: 3))
        #expect(summary.sheetNames == ["名单", "名单 (2)", "名单 (3)"])
        #expect(summary.dataRows == 5)
        #expect(try ConversionHelpers.textRows(output, sheet: "名单") == [["编号", "姓名"], ["1", "甲"], ["2", "乙"]])
        #expect(try ConversionHelpers.textRows(output, sheet: "名单 (2)") == [["编号", "姓名"], ["3", "丙"], ["4", "丁"]])
        #expect(try ConversionHelpers.textRows(output, sheet: "名单 (3)") == [["编号", "姓名"], ["5", "戊"]])
        let dump = try readBack(output)
        #expect(dump["名单 (3)"]?.freezePanes == "A2")
        #expect(dump["名单 (3)"]?["A1"]?.font.bold == true)
        try validateXlsx(output)

        let (plain, plainSummary) = try ConversionHelpers.convert(input, .init(text: true, header: false, rowsPerSheet: 2))
        #expect(plainSummary.sheetNames == ["名单", "名单 (2)", "名单 (3)"])
        #expect(try ConversionHelpers.textRows(plain, sheet: "名单 (3)") == [["4", "丁"], ["5", "戊"]])
    }

    @Test func sheetNameOption() throws {
        let input = try ConversionHelpers.file("x.csv", "a\n1\n")
        let (output, summary) = try ConversionHelpers.convert(input, .init(sheetName: "汇总表"))
        #expect(summary.sheetNames == ["汇总表"])
        #expect(try readBack(output).sheetNames == ["汇总表"])
        #expect {
            try ConversionHelpers.convert(input, .init(sheetName: "a/b"))
        } throws: { error in
            guard case ConversionError.write(let xlsx) = error else { return false }
            return xlsx.code == .invalidSheetNameCharacter
        }
    }

    /// Unreadable input fails before any workbook is written; NUL never reaches a cell.
    @Test func unreadableInputs() throws {
        let nul = try ConversionHelpers.file("nul.csv", [0x61, 0x2C, 0x00, 0x62, 0x0A])
        let output = Paths.uniqueTemporaryFile("out.xlsx")
        #expect(throws: ConversionError.self) { try CSVConverter().convert(input: nul.path, output: output.path) }
        do {
            _ = try CSVConverter().convert(input: nul.path, output: output.path)
        } catch {
            #expect(error.description == CSVReadError.notText(path: nul.path, kind: CSVReadError.kindBinary).description)
        }
        let open = try ConversionHelpers.file("open.csv", "a,b\n1,\"2\n")
        do {
            _ = try CSVConverter().convert(input: open.path, output: output.path)
            Issue.record("an unterminated quote must fail")
        } catch {
            guard case .read(.unterminatedQuote(_, let line)) = error else { Issue.record("\(error)"); return }
            #expect(line == 2)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "abandoned workbook deleted")
    }

    /// Reproducible: with the creation time fixed, the same CSV gives the same bytes.
    @Test func sameInputSameBytes() throws {
        let input = try ConversionHelpers.file("r.csv", Self.typedCSV)
        let (first, _) = try ConversionHelpers.convert(input, .init(created: 1_700_000_000))
        let (second, _) = try ConversionHelpers.convert(input, .init(created: 1_700_000_000))
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    /// GB18030 input with characters outside GBK, converted across many chunks.
    @Test func gb18030InSmallChunks() throws {
        var bytes: [UInt8] = [0x69, 0x64, 0x2C, 0xC3, 0xFB, 0x0A]   // id,名
        for i in 0..<200 {
            bytes += Array("\(i),".utf8) + [0x95, 0x32, 0x82, 0x36, 0xD6, 0xD0, 0x0A]   // 𠀀中
        }
        let input = try ConversionHelpers.file("gb.csv", bytes)
        let (output, summary) = try ConversionHelpers.convert(input, .init(text: true, chunkSize: 5))
        #expect(summary.encoding == .gb18030)
        let rows = try ConversionHelpers.textRows(output)
        #expect(rows.count == 201)
        #expect(rows[0] == ["id", "名"])
        #expect(rows[200] == ["199", "𠀀中"])
        try validateXlsx(output)
    }
}
