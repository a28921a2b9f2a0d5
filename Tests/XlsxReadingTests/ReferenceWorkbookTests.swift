import Foundation
import Testing
import XlsxReading

/// The Excel-saved workbooks in ../shared/testdata/xlsx-reference; expected values were
/// looked up with `unzip -p FILE xl/worksheets/sheet1.xml` and `xl/sharedStrings.xml`.
@Suite struct ReferenceWorkbookTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Reference.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".xlsx") }.sorted()
    }()

    @Test func theFolderHoldsAllFiftyFourFiles() {
        #expect(Self.files.count == 54)
    }

    @Test(arguments: files)
    func everyReferenceWorkbookReadsWithoutError(_ name: String) throws {
        let reader = try XlsxWorkbookReader(path: Reference.path(name))
        #expect(!reader.sheetNames.isEmpty)
        for sheetName in reader.sheetNames { _ = try reader.sheet(named: sheetName) }
    }

    @Test func sharedStringAndNumber() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("simple01.xlsx")).sheet(named: "Sheet1")
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .text, text: "Hello"))
        #expect(sheet.value(row: 1, column: 0) == XlsxCellValue(kind: .number, text: "123"))
        #expect(sheet.rowCount == 2)
    }

    @Test func threeSheetsResolvedThroughRelationships() throws {
        let reader = try XlsxWorkbookReader(path: Reference.path("simple02.xlsx"))
        #expect(reader.sheetNames == ["Sheet1", "Data Sheet", "Sheet3"])
        #expect(try reader.sheet(named: "Data Sheet").cells.isEmpty)
        let third = try reader.sheet(named: "Sheet3")
        #expect(third.value(row: 1, column: 1)?.text == "Foo")
        #expect(third.value(row: 2, column: 1)?.text == "Bar")
        #expect(third.value(row: 3, column: 2) == XlsxCellValue(kind: .number, text: "234"))
    }

    @Test func lastRowAndLastColumn() throws {
        let last = try XlsxWorkbookReader(path: Reference.path("data03.xlsx")).sheet(named: "Sheet1")
        #expect(last.value(row: 0, column: 16_383)?.text == "123")
        #expect(last.value(row: 1_048_575, column: 16_383)?.text == "456")
        #expect(last.rowCount == 1_048_576)
        #expect(last.columnCount == 16_384)
    }

    @Test func richTextRunsConcatenate() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("escapes03.xlsx")).sheet(named: "Sheet1")
        #expect(sheet.value(row: 2, column: 0)?.text == "ab\"<>'cdefg")
        let inline = try XlsxWorkbookReader(path: Reference.path("optimize08.xlsx")).sheet(named: "Sheet1")
        #expect(inline.value(row: 2, column: 0)?.text == " abcdefg ")  // xml:space="preserve" runs
    }

    @Test func entitiesInSharedStrings() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("escapes07.xlsx")).sheet(named: "Sheet1")
        #expect(sheet.value(row: 0, column: 0)?.text
            == #"http://example.com/!"$%&'( )*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~"#)
    }

    @Test func inlineStringsWithControlCharacterEscapes() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("optimize06.xlsx")).sheet(named: "Sheet1")
        #expect(sheet.value(row: 0, column: 0)?.text == "\u{0}")
        #expect(sheet.value(row: 1, column: 0)?.text == "\u{1}")
        #expect(sheet.value(row: 9, column: 0)?.text == "\t")
        #expect(sheet.value(row: 10, column: 0)?.text == "\n")
        #expect(sheet.value(row: 31, column: 0)?.text == "\u{1F}")
        #expect(sheet.value(row: 32, column: 0)?.text == " ")
        #expect(sheet.value(row: 38, column: 0)?.text == "&")
    }

    @Test func booleans() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("types02.xlsx")).sheet(named: "Sheet1")
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .boolean, text: "TRUE"))
        #expect(sheet.value(row: 1, column: 0) == XlsxCellValue(kind: .boolean, text: "FALSE"))
    }

    @Test func numbersInExponentForm() throws {
        let sheet = try XlsxWorkbookReader(path: Reference.path("types11.xlsx")).sheet(named: "Sheet1")
        let expected = ["0", "1", "-1", "1.2", "-1.2", "120000000", "1.2E+20", "1.2E-20",
                        "-1.2E+20", "-1.2E-20", "1E+100", "1E-100"]
        #expect((0..<12).map { sheet.value(row: $0, column: 0)?.text } == expected)
    }

    @Test func formulaWithNumberAndStringResults() throws {
        let number = try XlsxWorkbookReader(path: Reference.path("data07.xlsx")).sheet(named: "Sheet1")
        #expect(number.value(row: 0, column: 0) == XlsxCellValue(kind: .number, text: "3", formula: "1+2"))
        let text = try XlsxWorkbookReader(path: Reference.path("data09.xlsx")).sheet(named: "Sheet1")
        #expect(text.value(row: 0, column: 0) == XlsxCellValue(kind: .text, text: "AB", formula: #""A" & "B""#))
    }

    @Test func sheetNamesWithCharactersNeedingQuotes() throws {
        #expect(try XlsxWorkbookReader(path: Reference.path("quote_name01.xlsx")).sheetNames
            == ["Sheet 1", "Sheet 2", "Sheet!3", "Sheet\"4", "Sheet#5", "Sheet$6", "Sheet%7", "Sheet&8"])
        #expect(try XlsxWorkbookReader(path: Reference.path("quote_name02.xlsx")).sheetNames
            == ["Sheet'1", "S'heet'2", "Sheet(3", "Sheet)4", "Sheet+5", "Sheet,6", "Sheet-7", "Sheet;8"])
        let reader = try XlsxWorkbookReader(path: Reference.path("quote_name03.xlsx"))
        #expect(reader.sheetNames.first == "Sheet<1")
        #expect(try reader.sheet(named: "Sheet~8").value(row: 4, column: 2)?.text == "15")
    }
}
