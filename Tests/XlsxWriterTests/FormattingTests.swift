import Testing
import TestSupport
@testable import XlsxWriter

/// Formats, merges, widths and heights, read back from the file.
@Suite struct FormattingTests {
    @Test func mergeHasBordersOnEveryCell() throws {
        let format = CellFormat(fontName: "宋体", bold: true, border: .thin, horizontalAlignment: .center,
                                verticalAlignment: .center)
        let (dump, _) = try roundTrip { workbook in
            let sheet = try workbook.addWorksheet(named: "表一")
            try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 3, text: "2020 年统计年报", format: format)
            try sheet.mergeRange(firstRow: 3, firstColumn: 1, lastRow: 5, lastColumn: 1, text: "竖排",
                                 format: CellFormat(border: .medium))
        }
        let sheet = try #require(dump["表一"])
        #expect(sheet.mergedRanges == ["A1:D2", "B4:B6"])
        #expect(sheet["A1"]?.value == .string("2020 年统计年报"))
        #expect(sheet["A1"]?.alignment.horizontal == "center")
        #expect(sheet["A1"]?.alignment.vertical == "center")
        for cell in ["A1", "B1", "C1", "D1", "A2", "B2", "C2", "D2"] {
            #expect(sheet[cell]?.border.isAll("thin") == true, "\(cell)")
        }
        for cell in ["B4", "B5", "B6"] {
            #expect(sheet[cell]?.border.isAll("medium") == true, "\(cell)")
        }
    }

    @Test func fontsFillsAndAlignment() throws {
        let (dump, _) = try roundTrip { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.write("标题", row: 0, column: 0, format: CellFormat(fontName: "宋体", fontSize: 16, bold: true))
            try sheet.write("正文", row: 1, column: 0,
                            format: CellFormat(fontName: "仿宋", fontSize: 12, italic: true, underline: true,
                                               fontColor: 0xFF0000, fillColor: 0xFFFF00))
            try sheet.write("黑字", row: 2, column: 0, format: CellFormat(fontColor: 0x000000, fillColor: 0x000000))
            try sheet.write(1234.5, row: 3, column: 0,
                            format: CellFormat(horizontalAlignment: .right, verticalAlignment: .top,
                                               wrapText: true, numberFormat: "#,##0.00", indent: 2))
            try sheet.write(0.125, row: 4, column: 0, format: CellFormat(numberFormat: "0.0%"))
            try sheet.write(3, row: 5, column: 0, format: CellFormat(numberFormat: "#,##0\"万元\""))
        }
        let sheet = try #require(dump["Sheet1"])
        #expect(sheet["A1"]?.font == FontDump(name: "宋体", size: 16, bold: true, italic: false, underline: nil, color: nil))
        #expect(sheet["A2"]?.font == FontDump(name: "仿宋", size: 12, bold: false, italic: true, underline: "single",
                                              color: "FFFF0000"))
        #expect(sheet["A2"]?.fill == "FFFFFF00")
        #expect(sheet["A3"]?.font.color == "FF000000")  // black, not libxlsxwriter's "unset" 0
        #expect(sheet["A3"]?.fill == "FF000000")
        #expect(sheet["A4"]?.numberFormat == "#,##0.00")
        #expect(sheet["A4"]?.alignment == AlignmentDump(horizontal: "right", vertical: "top", wrap: true, indent: 2))
        #expect(sheet["A5"]?.numberFormat == "0.0%")
        #expect(sheet["A6"]?.numberFormat == "#,##0\"万元\"")
    }

    @Test func equalFormatsAreCreatedOnce() throws {
        let url = Paths.uniqueTemporaryFile("cache.xlsx")
        let workbook = try Workbook(path: url.path)
        let sheet = try workbook.addWorksheet(named: "Sheet1")
        for row in 0..<500 {
            try sheet.write(Double(row), row: row, column: 0, format: CellFormat(fontName: "宋体", border: .thin))
            try sheet.write("x", row: row, column: 1, format: CellFormat(fontName: "宋体", border: .thin))
            try sheet.write("y", row: row, column: 2, format: CellFormat(bold: true))
        }
        #expect(workbook.formatCount == 2)
        try workbook.close()
        let styles = try packagePart(url, "xl/styles.xml")
        #expect(styles.contains("<cellXfs count=\"3\">"))  // default + 2
    }

    @Test func columnWidthsAndRowHeights() throws {
        let fitted = TextWidth.columnWidth(forLongestText: "中华人民共和国")
        let (dump, _) = try roundTrip { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.setColumnWidth(10, firstColumn: 1, lastColumn: 2)
            try sheet.setColumnWidth(fitted, firstColumn: 0)
            try sheet.setRowHeight(30, row: 0)
            try sheet.write("中华人民共和国", row: 0, column: 0)
        }
        let sheet = try #require(dump["Sheet1"])
        // libxlsxwriter stores Excel's padded width, in 1/256 of a character:
        // trunc((width × 7 px + 5 px) / 7 px × 256) / 256, so 10 is stored as 10.7109375.
        func stored(_ width: Double) -> Double { ((width * 7 + 5) / 7 * 256).rounded(.down) / 256 }
        #expect(sheet.columnWidths["A"] == stored(fitted))
        #expect(sheet.columnWidths["B"] == 10.7109375)
        #expect(sheet.columnWidths["C"] == stored(10))
        #expect(sheet.columnWidths["D"] == nil)
        #expect(sheet.rowHeights["1"] == 30)
    }
}
