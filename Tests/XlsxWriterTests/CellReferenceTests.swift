import Testing
import XlsxWriter

@Suite struct CellReferenceTests {
    @Test(arguments: [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnLetters(column: Int, letters: String) {
        #expect(CellReference.columnLetters(column) == letters)
    }

    @Test func a1() {
        #expect(CellReference.a1(row: 0, column: 0) == "A1")
        #expect(CellReference.a1(row: 2, column: 1) == "B3")
        #expect(CellReference.a1(row: 1_048_575, column: 16_383) == "XFD1048576")
        #expect(CellReference.a1(sheet: "表一", row: 2, column: 1) == "'表一'!B3")
        #expect(CellReference.a1(sheet: "Sheet1", row: 0, column: 0) == "Sheet1!A1")
    }

    @Test func range() {
        #expect(CellReference.range(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3) == "A1:D1")
        #expect(CellReference.range(firstRow: 4, firstColumn: 2, lastRow: 4, lastColumn: 2) == "C5")
    }

    @Test(arguments: [
        ("Sheet1", "Sheet1"), ("Data_2020", "Data_2020"), ("_x", "_x"), ("v1.2", "v1.2"), ("ABCD1", "ABCD1"), ("Rate", "Rate"),
        ("My Sheet", "'My Sheet'"), ("表一", "'表一'"), ("汇总表", "'汇总表'"), ("O'Brien", "'O''Brien'"),
        ("A1", "'A1'"), ("xfd10", "'xfd10'"), ("R1C1", "'R1C1'"), ("R", "'R'"), ("c", "'c'"), ("RC", "'RC'"),
        ("R2", "'R2'"), ("1abc", "'1abc'"), ("a-b", "'a-b'"), ("Ünits", "'Ünits'"), ("", "''"),
    ])
    func quotedSheetName(name: String, quoted: String) {
        #expect(CellReference.quotedSheetName(name) == quoted)
    }
}
