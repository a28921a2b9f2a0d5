import Foundation
import Testing
import TestSupport
import XlsxWriter

/// Closing, abandoning and reproducible output.
@Suite struct LifecycleTests {
    private func build(_ url: URL) throws {
        let workbook = try Workbook(path: url.path)
        try workbook.setProperties(DocumentProperties(title: "2020 年统计年报", author: "区统计局", created: 1_700_000_000))
        let sheet = try workbook.addWorksheet(named: "表一")
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2, text: "标题",
                             format: CellFormat(fontName: "宋体", border: .thin))
        try sheet.write(1204, row: 1, column: 0)
        try sheet.writeFormula("=A2*2", cachedValue: 2408, row: 1, column: 1)
        try sheet.writeComment("注释", row: 1, column: 0, author: "张三")
        try workbook.close()
    }

    @Test func sameCreatedTimeGivesIdenticalBytes() throws {
        let first = Paths.uniqueTemporaryFile("a.xlsx")
        let second = Paths.uniqueTemporaryFile("b.xlsx")
        try build(first)
        try build(second)
        let a = try Data(contentsOf: first)
        let b = try Data(contentsOf: second)
        #expect(a == b)
        try validateXlsx(first)
        let dump = try readBack(first)
        #expect(dump.properties["created"] == "2023-11-14T22:13:20Z")
        #expect(dump.properties["title"] == "2020 年统计年报")
        #expect(dump.properties["creator"] == "区统计局")
    }

    @Test func abandonedWorkbookLeavesNoFile() throws {
        let url = Paths.uniqueTemporaryFile("abandoned.xlsx")
        do {
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(named: "Sheet1")
            try sheet.write("丢弃", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func closedWorkbookKeepsItsFile() throws {
        let url = Paths.uniqueTemporaryFile("kept.xlsx")
        do {
            let workbook = try Workbook(path: url.path)
            _ = try workbook.addWorksheet(named: "Sheet1")
            try workbook.close()
        }
        #expect(FileManager.default.fileExists(atPath: url.path))
        try validateXlsx(url)
    }

    @Test func workbookWithoutSheetsGetsSheet1() throws {
        let (dump, _) = try roundTrip { _ in }
        #expect(dump.sheetNames == ["Sheet1"])
    }
}
