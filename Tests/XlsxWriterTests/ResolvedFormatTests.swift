import Foundation
import Testing
import TestSupport
@testable import XlsxWriter

/// Formats looked up once (`ResolvedFormat`) write exactly what `CellFormat` writes.
@Suite struct ResolvedFormatTests {
    private static let figure = CellFormat(fontName: "宋体", fontSize: 11, border: .thin, horizontalAlignment: .center,
                                           numberFormat: "0.00\"元\"")
    private static let label = CellFormat(fontName: "宋体", bold: true, fillColor: 0xF2F2F2)

    /// The same cells, with the formats given either way.
    private func build(_ url: URL, resolved: Bool) throws {
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(created: 1_700_000_000))
        let sheet = try workbook.addWorksheet(named: "明细")
        if resolved {
            let figure = try sheet.resolve(Self.figure)
            let label = try workbook.resolve(Self.label)
            for row in 0..<50 {
                try sheet.write("单位\(row)", row: row, column: 0, format: label)
                try sheet.write(Double(row) / 4, row: row, column: 1, format: figure)
                try sheet.writeFormula("=B\(row + 1)*2", cachedValue: Double(row) / 2, row: row, column: 2, format: figure)
                try sheet.writeBlank(row: row, column: 3, format: label)
            }
        } else {
            for row in 0..<50 {
                try sheet.write("单位\(row)", row: row, column: 0, format: Self.label)
                try sheet.write(Double(row) / 4, row: row, column: 1, format: Self.figure)
                try sheet.writeFormula("=B\(row + 1)*2", cachedValue: Double(row) / 2, row: row, column: 2, format: Self.figure)
                try sheet.writeBlank(row: row, column: 3, format: Self.label)
            }
        }
        try workbook.close()
    }

    @Test func writesTheSameBytesAsCellFormat() throws {
        let plain = Paths.uniqueTemporaryFile("plain.xlsx")
        let resolved = Paths.uniqueTemporaryFile("resolved.xlsx")
        try build(plain, resolved: false)
        try build(resolved, resolved: true)
        #expect(try Data(contentsOf: plain) == Data(contentsOf: resolved))
        try validateXlsx(resolved)
        let sheet = try #require(try readBack(resolved)["明细"])
        #expect(sheet["B3"]?.numberFormat == "0.00\"元\"")
        #expect(sheet["A1"]?.fill == "FFF2F2F2")
    }

    @Test func equalFormatsResolveToOne() throws {
        let workbook = try Workbook(path: Paths.uniqueTemporaryFile("cache.xlsx").path)
        let sheet = try workbook.addWorksheet(named: "Sheet1")
        let first = try sheet.resolve(Self.figure)
        try sheet.write(1, row: 0, column: 0, format: Self.figure)
        #expect(try workbook.resolve(Self.figure) == first)
        #expect(try sheet.resolve(Self.label) != first)
        #expect(workbook.formatCount == 2)
        try workbook.close()
    }

    @Test func aFormatOfAnotherWorkbookIsRefused() throws {
        let first = try Workbook(path: Paths.uniqueTemporaryFile("first.xlsx").path)
        let second = try Workbook(path: Paths.uniqueTemporaryFile("second.xlsx").path)
        let foreign = try first.resolve(Self.label)
        let sheet = try second.addWorksheet(named: "Sheet1")
        expectEveryWrite(on: sheet, with: foreign, toFail: "该格式属于另一个工作簿", code: .parameterValidation)
        try first.close()
        try second.close()
    }

    @Test func errorsAreThoseOfCellFormat() throws {
        let url = Paths.uniqueTemporaryFile("errors.xlsx")
        let workbook = try Workbook(path: url.path)
        let sheet = try workbook.addWorksheet(named: "Sheet1")
        expectXlsxError("写入工作簿失败（工作表“Sheet1”）：字号 0.0 不在 Excel 允许的 1–409 磅之间", code: .parameterValidation) {
            _ = try sheet.resolve(CellFormat(fontSize: 0))
        }
        let format = try sheet.resolve(Self.figure)
        expectXlsxError("写入工作簿失败（Sheet1!R1048577C1）：行号超出 Excel 工作表范围（第 1–1048576 行）",
                        code: .worksheetIndexOutOfRange) {
            try sheet.write(1, row: 1_048_576, column: 0, format: format)
        }
        expectXlsxError("写入工作簿失败（Sheet1!A1）：数值为 nan，Excel 只能保存有限数值", code: .parameterValidation) {
            try sheet.write(.nan, row: 0, column: 0, format: format)
        }
        expectXlsxError("写入工作簿失败（Sheet1!A2）：文本含有 NUL 字符（U+0000），XLSX 无法保存", code: .parameterValidation) {
            try sheet.write("a\u{0}b", row: 1, column: 0, format: format)
        }
        try workbook.close()
        // A format resolved before close is never used after it: every write checks first.
        expectEveryWrite(on: sheet, with: format, toFail: "工作簿已关闭，不能再写入", code: .workbookClosed)
        expectXlsxError("写入工作簿失败（工作表“Sheet1”）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            _ = try sheet.resolve(Self.figure)
        }
    }
}

/// Expects every write that takes a resolved format — a number, text, a formula and a blank,
/// in A1–D1 of `Sheet1` — to be refused with `reason`; a failure names the cell, so the write.
private func expectEveryWrite(on sheet: Worksheet, with format: ResolvedFormat, toFail reason: String,
                              code: XlsxError.Code, sourceLocation: SourceLocation = #_sourceLocation) {
    let writes: [(cell: String, write: () throws -> Void)] = [
        ("A1", { try sheet.write(1, row: 0, column: 0, format: format) }),
        ("B1", { try sheet.write("x", row: 0, column: 1, format: format) }),
        ("C1", { try sheet.writeFormula("=1", cachedValue: 1, row: 0, column: 2, format: format) }),
        ("D1", { try sheet.writeBlank(row: 0, column: 3, format: format) }),
    ]
    for (cell, write) in writes {
        expectXlsxError("写入工作簿失败（Sheet1!\(cell)）：\(reason)", code: code, sourceLocation: sourceLocation, write)
    }
}
