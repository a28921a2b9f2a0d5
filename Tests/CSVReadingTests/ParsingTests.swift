import CSVReading
import Testing

/// The Excel-like parsing rules, one per test, on text in memory.
@Suite struct ParsingTests {
    func rows(_ text: String, delimiter: UInt8? = nil) throws -> [[String]] {
        try CSVReader.parse(bytes: Array(text.utf8), delimiter: delimiter).records.map(\.fields)
    }

    @Test func lineEndings() throws {
        #expect(try rows("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
        #expect(try rows("a,b\n\rc,d") == [["a", "b"], [""], ["c", "d"]])   // LF then CR: two line ends
    }

    @Test func quotedFields() throws {
        #expect(try rows("\"a,b\",\"c\"\"d\",\"e\nf\"") == [["a,b", "c\"d", "e\nf"]])
        #expect(try rows("\"\",\"\"\"\"") == [["", "\""]])
    }

    @Test func textAfterClosingQuoteIsAppended() throws {
        #expect(try rows("\"a\"b,c\n") == [["ab", "c"]])
        #expect(try rows("\"a\"\"x\" b\"c,d") == [["a\"x b\"c", "d"]])
        #expect(try rows("\"a\" ,b") == [["a ", "b"]])
    }

    @Test func bareQuotesAreLiteral() throws {
        #expect(try rows("5\",a\"b\"c, \"d\"") == [["5\"", "a\"b\"c", " \"d\""]])
    }

    @Test func raggedRowsAndTrailingDelimiters() throws {
        #expect(try rows("a,b,c\n1\n1,2,\n") == [["a", "b", "c"], ["1"], ["1", "2", ""]])
        #expect(try rows("a,") == [["a", ""]])
        #expect(try rows(",") == [["", ""]])
    }

    @Test func blankLinesAreRecords() throws {
        #expect(try rows("a\n\nb\n\n") == [["a"], [""], ["b"], [""]])
        #expect(try rows("\na") == [[""], ["a"]])
    }

    @Test func whitespaceIsKept() throws {
        #expect(try rows(" a , b \n") == [[" a ", " b "]])
    }

    @Test func explicitDelimiter() throws {
        #expect(try rows("a;b,c\n", delimiter: UInt8(ascii: ";")) == [["a", "b,c"]])
        #expect(try rows("a|b\n", delimiter: UInt8(ascii: "|")) == [["a", "b"]])
        #expect(try CSVReader.parse(bytes: Array("a\tb".utf8), delimiter: UInt8(ascii: ",")).delimiter == UInt8(ascii: ","))
    }

    @Test func usableDelimiters() {
        #expect(CSVReader.isUsableDelimiter(UInt8(ascii: ",")))
        #expect(CSVReader.isUsableDelimiter(UInt8(ascii: "\t")))
        #expect(!CSVReader.isUsableDelimiter(UInt8(ascii: "\"")))
        #expect(!CSVReader.isUsableDelimiter(UInt8(ascii: "\n")))
        #expect(!CSVReader.isUsableDelimiter(UInt8(ascii: "\r")))
        #expect(!CSVReader.isUsableDelimiter(0xA3))
    }

    @Test func whitespaceOnlyIsEmpty() {
        #expect(throws: CSVReadError.empty(path: "<memory>")) { try CSVReader.parse(bytes: Array(" \r\n\t\n".utf8)) }
        #expect(throws: CSVReadError.empty(path: "<memory>")) { try CSVReader.parse(bytes: []) }
    }

    @Test func onlyDelimitersIsNotEmpty() throws {
        #expect(try rows(",,\n,,\n") == [["", "", ""], ["", "", ""]])
    }

    @Test func byteCountIsTheInputSize() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)
        #expect(try CSVReader.parse(bytes: bytes).byteCount == 7)
    }

    @Test func manyRecords() throws {
        var text = "编号,名称,数量\r\n"
        for i in 1...10_000 { text += "\(i),\"单位\(i), 甲\",\(i * 3)\r\n" }
        let table = try CSVReader.parse(bytes: Array(text.utf8))
        #expect(table.records.count == 10_001)
        #expect(table.records[10_000].fields == ["10000", "单位10000, 甲", "30000"])
        #expect(table.records[10_000].line == 10_001)
    }
}
