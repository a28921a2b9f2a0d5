import Testing
import TestSupport
import XlsxWriter

/// Sheet views and print settings, read back from the file.
@Suite struct PageSetupTests {
    @Test func printSettings() throws {
        let (dump, _) = try roundTrip { workbook in
            let first = try workbook.addWorksheet(named: "封面")
            let sheet = try workbook.addWorksheet(named: "表一")
            try first.write("封面", row: 0, column: 0)
            try sheet.write("表头", row: 0, column: 0)
            try sheet.freezePanes(row: 2, column: 1)
            try sheet.repeatRows(first: 0, last: 1)
            try sheet.setPaper(.a4)
            try sheet.setLandscape()
            try sheet.fitToPages(width: 1, height: 0)
            try sheet.setMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
            try sheet.centerHorizontally()
            try sheet.hideGridlines()
            try sheet.setHeader("&C2020 年报")
            try sheet.setFooter("&C第 &P 页，共 &N 页")
            try sheet.setTabColor(0xFF0000)
            try sheet.printArea(firstRow: 0, firstColumn: 0, lastRow: 9, lastColumn: 3)
            try sheet.activate()
        }
        let sheet = try #require(dump["表一"])
        #expect(sheet.freezePanes == "B3")
        #expect(sheet.printTitleRows == "$1:$2")
        #expect(sheet.paperSize == 9)
        #expect(sheet.orientation == "landscape")
        #expect(sheet.fitToPage)
        #expect(sheet.fitToWidth == 1)
        #expect(sheet.fitToHeight == 0)
        #expect(sheet.margins["left"] == 0.5)
        #expect(sheet.margins["top"] == 0.75)
        #expect(sheet.horizontalCentered)
        #expect(!sheet.showGridlines)
        #expect(sheet.header == "&C2020 年报")
        #expect(sheet.footer == "&C第 &P 页，共 &N 页")
        #expect(sheet.tabColor == "FFFF0000")
        #expect(sheet.printArea == "'表一'!$A$1:$D$10")
        #expect(dump.activeSheet == "表一")
        #expect(dump["封面"]?.orientation != "landscape")
        #expect(dump["封面"]?.showGridlines == true)
    }

    @Test func portraitAfterLandscape() throws {
        let (dump, _) = try roundTrip { workbook in
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.setLandscape()
            try sheet.setPortrait()
            try sheet.setPaper(.a3)
        }
        #expect(dump["Sheet1"]?.orientation == "portrait")
        #expect(dump["Sheet1"]?.paperSize == 8)
    }
}
