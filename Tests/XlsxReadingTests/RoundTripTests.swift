import Foundation
import Testing
import XlsxReading
import XlsxWriter

/// Workbooks written by our libxlsxwriter wrapper read back value for value.
@Suite struct RoundTripTests {
    @Test func textsWithChineseAndAstralCharacters() throws {
        let texts = ["单位名称", "𠀀𪚥", "  前后空格  ", "第一行\n第二行", "<&>\"'", "=1+1", "A&B 公司"]
        let path = try writeWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            for (row, text) in texts.enumerated() { try sheet.write(text, row: row, column: 0) }
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
        for (row, text) in texts.enumerated() {
            #expect(sheet.value(row: row, column: 0) == XlsxCellValue(kind: .text, text: text))
        }
        #expect(sheet.rowCount == texts.count)
        #expect(sheet.columnCount == 1)
    }

    @Test func escapeSequencesAndControlCharactersReadAsWritten() throws {
        // The writer escapes literal `_xHHHH_` as `_x005F_xHHHH_` and control characters as
        // `_xHHHH_`; reading undoes both.
        let texts = ["_x0041_", "x_x005F_y", "价格_x00A5_元", "响\u{1}铃\u{7}", "tab\there"]
        let path = try writeWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            for (row, text) in texts.enumerated() { try sheet.write(text, row: row, column: 0) }
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
        for (row, text) in texts.enumerated() {
            #expect(sheet.value(row: row, column: 0)?.text == text)
        }
    }

    @Test func numbersKeepTheirStoredDecimalText() throws {
        let numbers: [(Double, String)] = [
            (35692694.56, "35692694.56"), (0.000001, "1E-06"), (-2, "-2"), (491139, "491139"),
            (0, "0"), (1234567890123.45, "1234567890123.45"),
        ]
        let path = try writeWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            for (row, number) in numbers.enumerated() { try sheet.write(number.0, row: row, column: 1) }
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
        for (row, number) in numbers.enumerated() {
            let value = try #require(sheet.value(row: row, column: 1))
            #expect(value.kind == .number)
            #expect(value.text == number.1)
            #expect(Double(value.text) == number.0)
            #expect(value.formula == nil)
        }
    }

    @Test func formulasCarryTheirCachedValues() throws {
        let path = try writeWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.write(1.5, row: 0, column: 0)
            try sheet.writeFormula("=A1+1", cachedValue: 2.5, row: 0, column: 1)
            try sheet.writeFormula("SUM(A1:B1)", cachedValue: 4, row: 0, column: 2)
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .number, text: "1.5"))
        #expect(sheet.value(row: 0, column: 1) == XlsxCellValue(kind: .number, text: "2.5", formula: "A1+1"))
        #expect(sheet.value(row: 0, column: 2) == XlsxCellValue(kind: .number, text: "4", formula: "SUM(A1:B1)"))
    }

    @Test func severalSheetsWithChineseNamesInOrder() throws {
        let names = ["封面", "表一 基本情况", "明细", "Sheet4", "附注"]
        let path = try writeWorkbook { workbook in
            for (index, name) in names.enumerated() {
                try workbook.addWorksheet(named: name).write("第\(index + 1)张", row: 0, column: 0)
            }
        }
        let reader = try XlsxWorkbookReader(path: path)
        #expect(reader.sheetNames == names)
        for (index, name) in names.enumerated() {
            let sheet = try reader.sheet(named: name)
            #expect(sheet.name == name)
            #expect(sheet.value(row: 0, column: 0)?.text == "第\(index + 1)张")
        }
    }

    @Test func sheetNameNeedingQuotesInFormulas() throws {
        let quoted = "O'Brien 上年(汇总)"
        let path = try writeWorkbook { workbook in
            try workbook.addWorksheet(named: quoted).write(7, row: 2, column: 3)
            try workbook.addWorksheet(named: "引用").writeFormula("='O''Brien 上年(汇总)'!D3*2", cachedValue: 14, row: 0, column: 0)
        }
        let reader = try XlsxWorkbookReader(path: path)
        #expect(reader.sheetNames == [quoted, "引用"])
        #expect(try reader.sheet(named: quoted).value(row: 2, column: 3)?.text == "7")
        #expect(try reader.sheet(named: "引用").value(row: 0, column: 0)
            == XlsxCellValue(kind: .number, text: "14", formula: "'O''Brien 上年(汇总)'!D3*2"))
    }

    @Test func sheetNamesMatchIgnoringCaseAsInExcel() throws {
        let path = try writeWorkbook { workbook in
            try workbook.addWorksheet(named: "Summary").write("x", row: 0, column: 0)
        }
        #expect(try XlsxWorkbookReader(path: path).sheet(named: "SUMMARY").name == "Summary")
    }

    @Test func constantMemoryModeWritesInlineStrings() throws {
        let path = try writeWorkbook(options: WorkbookOptions(constantMemory: true)) { workbook in
            let sheet = try workbook.addWorksheet(named: "明细")
            try sheet.write("海淀街道 𠀀", row: 0, column: 0)
            try sheet.write(35692694.56, row: 0, column: 1)
            try sheet.write("_x0041_", row: 1, column: 0)
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "明细")
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .text, text: "海淀街道 𠀀"))
        #expect(sheet.value(row: 0, column: 1)?.text == "35692694.56")
        #expect(sheet.value(row: 1, column: 0)?.text == "_x0041_")
    }

    @Test func emptySheetHasNoRows() throws {
        let path = try writeWorkbook { workbook in _ = try workbook.addWorksheet(named: "空表") }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "空表")
        #expect(sheet.cells.isEmpty)
        #expect(sheet.rowCount == 0)
        #expect(sheet.columnCount == 0)
    }

    @Test func farCellsAndSparseRows() throws {
        let path = try writeWorkbook { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.write("末", row: 1_048_575, column: 16_383)
            try sheet.write("中", row: 99, column: 27)
        }
        let sheet = try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
        #expect(sheet.value(row: 1_048_575, column: 16_383)?.text == "末")
        #expect(sheet.value(row: 99, column: 27)?.text == "中")
        #expect(sheet.rowCount == 1_048_576)
        #expect(sheet.cells.count == 2)
    }
}
