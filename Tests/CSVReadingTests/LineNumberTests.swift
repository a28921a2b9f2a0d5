import CSVReading
import Testing

@Suite struct LineNumberTests {
    func parse(_ text: String) throws -> [CSVRecord] {
        try CSVReader.parse(bytes: Array(text.utf8)).records
    }

    @Test func recordsAfterAMultiLineFieldStartOnTheRightLine() throws {
        let records = try parse("a,b,c\n1,\"x\ny\nz\",3\n4,5,6\n")
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].fields == ["1", "x\ny\nz", "3"])
        #expect(records[1].fieldLines == [2, 2, 4])
        #expect(records[1].line(ofField: 0) == 2)
        #expect(records[1].line(ofField: 1) == 2)
        #expect(records[1].line(ofField: 2) == 4)
        #expect(records[0].fieldLines == nil)
        #expect(records[2].fieldLines == nil)
        #expect(records[2].line(ofField: 1) == 5)
    }

    @Test func crlfCountsOnceAndLoneCRCountsInsideQuotes() throws {
        let records = try parse("h\r\n\"a\r\nb\rc\",x,\"y\r\n\",z\r\nlast")
        #expect(records.map(\.line) == [1, 2, 6])
        #expect(records[1].fieldLines == [2, 4, 4, 5])
        #expect(records[1].fields == ["a\r\nb\rc", "x", "y\r\n", "z"])
    }

    @Test func multiLineFieldLastInRecordLeavesFieldLinesNil() throws {
        let records = try parse("a,\"b\nc\"\nd\n")
        #expect(records[0].fieldLines == nil)
        #expect(records[0].line == 1)
        #expect(records[1].line == 3)
    }

    @Test func blankLinesCountAsLines() throws {
        let records = try parse("a\n\n\r\n\rb\n")
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
        #expect(records.map(\.fields) == [["a"], [""], [""], [""], ["b"]])
    }

    @Test func lineOfMissingFieldIsTheLastFieldsLine() throws {
        let records = try parse("\"a\nb\",c\n")
        #expect(records[0].line(ofField: 7) == 2)
        #expect(try parse("a,b\n")[0].line(ofField: 7) == 1)
    }

    @Test func unterminatedQuoteReportsTheLineWhereTheFieldStarted() {
        #expect(throws: CSVReadError.unterminatedQuote(path: "<memory>", line: 3)) {
            try CSVReader.parse(bytes: Array("a\r\nb\r\nc,\"open\r\nmore\r\n".utf8))
        }
    }
}
