import Foundation
import Testing
import TestSupport
import XlsxWriter

/// Every refusal with its exact message; the workbook stays usable afterwards.
@Suite struct ErrorTests {
    /// A fresh workbook with one sheet named Sheet1.
    private func sheet() throws -> (Workbook, Worksheet, URL) {
        let url = Paths.uniqueTemporaryFile("errors.xlsx")
        let workbook = try Workbook(path: url.path)
        return (workbook, try workbook.addWorksheet(named: "Sheet1"), url)
    }

    @Test func badSheetNames() throws {
        let (workbook, _, _) = try sheet()
        expectXlsxError("写入工作簿失败（工作表“a[b”）：工作表名称不能含有“[”（不允许 [ ] : * ? / \\）",
                        code: .invalidSheetNameCharacter) { _ = try workbook.addWorksheet(named: "a[b") }
        expectXlsxError("写入工作簿失败（工作表“年报/汇总”）：工作表名称不能含有“/”（不允许 [ ] : * ? / \\）",
                        code: .invalidSheetNameCharacter) { _ = try workbook.addWorksheet(named: "年报/汇总") }
        let long = String(repeating: "表", count: 32)
        expectXlsxError("写入工作簿失败（工作表“\(long)”）：工作表名称有 32 个字符，超过 Excel 上限 31",
                        code: .sheetNameLengthExceeded) { _ = try workbook.addWorksheet(named: long) }
        expectXlsxError("写入工作簿失败（工作表“'abc”）：工作表名称不能以单引号开头或结尾",
                        code: .sheetNameStartEndApostrophe) { _ = try workbook.addWorksheet(named: "'abc") }
        expectXlsxError("写入工作簿失败（工作表“”）：工作表名称为空",
                        code: .parameterValidation) { _ = try workbook.addWorksheet(named: "") }
        expectXlsxError("写入工作簿失败（工作表“history”）：工作表名称“history”为 Excel 保留",
                        code: .parameterValidation) { _ = try workbook.addWorksheet(named: "history") }
        expectXlsxError("写入工作簿失败（工作表“a\tb”）：工作表名称含有控制字符 U+0009",
                        code: .parameterValidation) { _ = try workbook.addWorksheet(named: "a\tb") }
        // 31 characters is fine.
        _ = try workbook.addWorksheet(named: String(repeating: "表", count: 31))
        try workbook.close()
    }

    @Test func duplicateSheetNamesIgnoringCase() throws {
        let (workbook, _, url) = try sheet()
        expectXlsxError("写入工作簿失败（工作表“SHEET1”）：已有名为“Sheet1”的工作表（Excel 不区分大小写）",
                        code: .sheetNameAlreadyUsed) { _ = try workbook.addWorksheet(named: "SHEET1") }
        _ = try workbook.addWorksheet(named: "äpfel")
        // libxlsxwriter compares ASCII case only; the Swift check catches this one.
        expectXlsxError("写入工作簿失败（工作表“Äpfel”）：已有名为“äpfel”的工作表（Excel 不区分大小写）",
                        code: .sheetNameAlreadyUsed) { _ = try workbook.addWorksheet(named: "Äpfel") }
        #expect(workbook.worksheetNames == ["Sheet1", "äpfel"])
        try workbook.close()
        try validateXlsx(url)
    }

    @Test func textTooLong() throws {
        let (workbook, sheet, url) = try sheet()
        expectXlsxError("写入工作簿失败（Sheet1!A1）：文本长 32768 个字符（UTF-16），超过 Excel 上限 32767",
                        code: .maxStringLengthExceeded) { try sheet.write(String(repeating: "a", count: 32_768), row: 0, column: 0) }
        // 16,384 astral characters are 32,768 UTF-16 units, Excel's unit.
        expectXlsxError("写入工作簿失败（Sheet1!A2）：文本长 32768 个字符（UTF-16），超过 Excel 上限 32767",
                        code: .maxStringLengthExceeded) { try sheet.write(String(repeating: "𠀀", count: 16_384), row: 1, column: 0) }
        expectXlsxError("写入工作簿失败（Sheet1!A3）：文本转义 _xHHHH_ 序列后长 60853 个字符（UTF-16），超过 Excel 上限 32767",
                        code: .maxStringLengthExceeded) { try sheet.write(String(repeating: "_x0041_", count: 4_681), row: 2, column: 0) }
        try workbook.close()
        try validateXlsx(url)
    }

    @Test func nulIsRefused() throws {
        let (workbook, sheet, _) = try sheet()
        expectXlsxError("写入工作簿失败（Sheet1!B2）：文本含有 NUL 字符（U+0000），XLSX 无法保存",
                        code: .parameterValidation) { try sheet.write("a\u{0}b", row: 1, column: 1) }
        expectXlsxError("写入工作簿失败（Sheet1!B2）：文本含有 NUL 字符（U+0000），XLSX 无法保存",
                        code: .parameterValidation) { try sheet.writeComment("\u{0}", row: 1, column: 1) }
        expectXlsxError("写入工作簿失败（工作表“Sheet1”）：页眉含有不允许的字符 U+0000",
                        code: .parameterValidation) { try sheet.setHeader("&C\u{0}") }
        try workbook.close()
    }

    @Test func badFormulasAndNumbers() throws {
        let (workbook, sheet, url) = try sheet()
        for formula in ["", "=", "  ", "= "] {
            expectXlsxError("写入工作簿失败（Sheet1!C3）：公式为空", code: .parameterValidation) {
                try sheet.writeFormula(formula, cachedValue: 0, row: 2, column: 2)
            }
        }
        expectXlsxError("写入工作簿失败（Sheet1!A1）：数值为 nan，Excel 只能保存有限数值", code: .parameterValidation) {
            try sheet.write(.nan, row: 0, column: 0)
        }
        expectXlsxError("写入工作簿失败（Sheet1!A2）：公式的缓存值为 inf，Excel 只能保存有限数值", code: .parameterValidation) {
            try sheet.writeFormula("=1/0", cachedValue: .infinity, row: 1, column: 0)
        }
        try workbook.close()
        try validateXlsx(url)
    }

    @Test func outsideTheSheet() throws {
        let (workbook, sheet, _) = try sheet()
        expectXlsxError("写入工作簿失败（Sheet1!R1048577C1）：行号超出 Excel 工作表范围（第 1–1048576 行）",
                        code: .worksheetIndexOutOfRange) { try sheet.write(1, row: 1_048_576, column: 0) }
        expectXlsxError("写入工作簿失败（Sheet1!R1C16385）：列号超出 Excel 工作表范围（A–XFD 列）",
                        code: .worksheetIndexOutOfRange) { try sheet.write("x", row: 0, column: 16_384) }
        expectXlsxError("写入工作簿失败（Sheet1!R0C1）：行号超出 Excel 工作表范围（第 1–1048576 行）",
                        code: .worksheetIndexOutOfRange) { try sheet.writeBlank(row: -1, column: 0) }
        try sheet.write("最后一格", row: 1_048_575, column: 16_383)
        try workbook.close()
    }

    @Test func badMerges() throws {
        let (workbook, sheet, url) = try sheet()
        let border = CellFormat(border: .thin)
        expectXlsxError("写入工作簿失败（Sheet1!B2）：合并区域只有一个单元格", code: .parameterValidation) {
            try sheet.mergeRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 1, text: "x", format: border)
        }
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1, text: "x", format: border)
        expectXlsxError("写入工作簿失败（Sheet1!B2:C3）：合并区域与已合并的 A1:B2 重叠", code: .parameterValidation) {
            try sheet.mergeRange(firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 2, text: "y", format: border)
        }
        expectXlsxError("写入工作簿失败（Sheet1!D1:C1）：合并区域的起止颠倒", code: .parameterValidation) {
            try sheet.mergeRange(firstRow: 0, firstColumn: 3, lastRow: 0, lastColumn: 2, text: "y")
        }
        try workbook.close()
        try validateXlsx(url)
    }

    @Test func emptyCommentAndBadLinks() throws {
        let (workbook, sheet, _) = try sheet()
        expectXlsxError("写入工作簿失败（Sheet1!A1）：批注内容为空", code: .parameterValidation) {
            try sheet.writeComment("", row: 0, column: 0)
        }
        expectXlsxError("写入工作簿失败（Sheet1!A1）：链接目标“a1”不是 A1 形式的单元格", code: .parameterValidation) {
            try sheet.writeInternalLink(row: 0, column: 0, sheet: "Sheet1", cell: "a1")
        }
        expectXlsxError("写入工作簿失败（Sheet1!A1）：链接目标工作表名称为空", code: .parameterValidation) {
            try sheet.writeInternalLink(row: 0, column: 0, sheet: "")
        }
        try workbook.close()
    }

    @Test func headersWithPicturesOrTooLong() throws {
        let (workbook, sheet, url) = try sheet()
        for header in ["&L&G", "&&G", "&C&[Picture]"] {
            expectXlsxError("写入工作簿失败（工作表“Sheet1”）：页眉不支持图片占位符 &G 或 &[Picture]", code: .featureNotSupported) {
                try sheet.setHeader(header)
            }
        }
        expectXlsxError("写入工作簿失败（工作表“Sheet1”）：页脚长 256 个字符，超过 Excel 上限 255", code: .string255LengthExceeded) {
            try sheet.setFooter(String(repeating: "页", count: 256))
        }
        try sheet.setFooter(String(repeating: "页", count: 255))
        try workbook.close()  // libxlsxwriter 1.1.4 would double-free here after an unmatched &G
        try validateXlsx(url)
    }

    @Test func badFormats() throws {
        let (workbook, sheet, _) = try sheet()
        expectXlsxError("写入工作簿失败（Sheet1!A1）：字号 0.0 不在 Excel 允许的 1–409 磅之间", code: .parameterValidation) {
            try sheet.write("x", row: 0, column: 0, format: CellFormat(fontSize: 0))
        }
        expectXlsxError("写入工作簿失败（Sheet1!A1）：填充颜色 0x1000000 不是 0xRRGGBB 颜色", code: .parameterValidation) {
            try sheet.write("x", row: 0, column: 0, format: CellFormat(fillColor: 0x1000000))
        }
        let longFormat = String(repeating: "0", count: 128)
        expectXlsxError("写入工作簿失败（Sheet1!A1）：数字格式“\(longFormat)”长 128 字节，超过 libxlsxwriter 上限 127",
                        code: .parameterValidation) {
            try sheet.write(1, row: 0, column: 0, format: CellFormat(numberFormat: longFormat))
        }
        expectXlsxError("写入工作簿失败（Sheet1!B:B）：列宽 300.0 不在 Excel 允许的 0–255 之间", code: .parameterValidation) {
            try sheet.setColumnWidth(300, firstColumn: 1)
        }
        try workbook.close()
    }

    @Test func badPropertiesAndPaths() throws {
        let (workbook, _, _) = try sheet()
        expectXlsxError("写入工作簿失败（\(workbook.path)）：文档创建时间 0 不在 1–253402300799 秒（1970–9999 年）之间",
                        code: .parameterValidation) { try workbook.setProperties(DocumentProperties(created: 0)) }
        expectXlsxError("写入工作簿失败（\(workbook.path)）：文档属性“标题”含有不允许的字符 U+0001",
                        code: .parameterValidation) { try workbook.setProperties(DocumentProperties(title: "\u{1}")) }
        try workbook.close()
        expectXlsxError("写入工作簿失败（/nonexistent-nianbao-dir/out.xlsx）：输出目录 /nonexistent-nianbao-dir 不存在",
                        code: .creatingXlsxFile) { _ = try Workbook(path: "/nonexistent-nianbao-dir/out.xlsx") }
        let url = Paths.uniqueTemporaryFile("t.xlsx")
        expectXlsxError("写入工作簿失败（\(url.path)）：临时文件目录 /nonexistent-nianbao-tmp 不存在",
                        code: .creatingTmpfile) {
            _ = try Workbook(path: url.path, options: .init(constantMemory: true, temporaryDirectory: "/nonexistent-nianbao-tmp"))
        }
    }

    @Test func writingAfterClose() throws {
        let (workbook, sheet, url) = try sheet()
        try workbook.close()
        #expect(!workbook.isOpen)
        expectXlsxError("写入工作簿失败（Sheet1!A1）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            try sheet.write("x", row: 0, column: 0)
        }
        expectXlsxError("写入工作簿失败（Sheet1!B2）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            try sheet.write(1, row: 1, column: 1, format: CellFormat(bold: true))
        }
        expectXlsxError("写入工作簿失败（工作表“Sheet1”）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            try sheet.setPaper(.a4)
        }
        expectXlsxError("写入工作簿失败（工作表“Sheet2”）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            _ = try workbook.addWorksheet(named: "Sheet2")
        }
        expectXlsxError("写入工作簿失败（\(url.path)）：工作簿已关闭，不能再写入", code: .workbookClosed) {
            try workbook.close()
        }
        try validateXlsx(url)
    }

    @Test func codeTexts() {
        #expect(XlsxError.Code.creatingXlsxFile.description == "Error creating output xlsx file. Usually a permissions error.")
        #expect(XlsxError.Code.maxStringLengthExceeded.description == "String exceeds Excel's limit of 32,767 characters.")
        #expect(XlsxError.Code.workbookClosed.description == "工作簿已关闭")
        #expect(XlsxError.Code(rawValue: 999).description == "未知错误码 999")
        #expect(XlsxError.Code(rawValue: -7).description == "未知错误码 -7")
        #expect(XlsxError(code: .zipFileOperation).description
                == "写入工作簿失败：Zip generic error ZIP_ERRNO while creating the xlsx file.")
        #expect(XlsxError(code: .creatingXlsxFile, context: .init(path: "/tmp/a.xlsx")).description
                == "写入工作簿失败（/tmp/a.xlsx）：Error creating output xlsx file. Usually a permissions error.")
        #expect(XlsxError(code: Code(rawValue: 999), message: "x", context: .init(sheet: "表一", cell: "B3")).description
                == "写入工作簿失败（'表一'!B3）：x")
    }

    private typealias Code = XlsxError.Code
}
