import CSVReading
import Testing

@Suite struct DelimiterSniffingTests {
    func sniffed(_ text: String) throws -> Character {
        Character(Unicode.Scalar(try CSVReader.parse(bytes: Array(text.utf8)).delimiter))
    }

    @Test func eachDelimiter() throws {
        #expect(try sniffed("a,b\n1,2\n") == ",")
        #expect(try sniffed("a\tb\n1\t2\n") == "\t")
        #expect(try sniffed("a;b\n1;2\n") == ";")
    }

    @Test func oneColumnUsesComma() throws {
        #expect(try sniffed("名单\n张三\n") == ",")
    }

    @Test func delimitersInsideQuotesDoNotCount() throws {
        #expect(try sniffed("\"a,b,c\";d\n\"1,2,3\";4\n") == ";")
        #expect(try sniffed("a\t\"x,\ny,z\"\nb\tc\n") == "\t")
    }

    @Test func mostLinesWins() throws {
        // Commas only in some lines (thousands separators), tabs in every line.
        #expect(try sniffed("名称\t数量\n甲\t1,234\n乙\t56\n丙\t78\n") == "\t")
        // Decimal commas in a semicolon file.
        #expect(try sniffed("a;b\n1,5;2\n3;4,25\n") == ";")
    }

    @Test func mostConsistentCountWinsWhenLineCountsTie() throws {
        // Both appear in every line; tabs are 2 per line, commas vary.
        #expect(try sniffed("a\tb\tc,d\ne,f,g\th\ti\nj\tk\tl,m,n,o\n") == "\t")
    }

    @Test func tiesPreferCommaThenTab() throws {
        #expect(try sniffed("a,b\tc\n") == ",")
        #expect(try sniffed("a;b\tc\n") == "\t")
    }

    @Test func utf16TiesPreferTab() throws {
        let text = "a,b\tc\r\n"
        let table = try CSVReader.parse(bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(table.delimiter == UInt8(ascii: "\t"))
        #expect(table.records[0].fields == ["a,b", "c"])
    }

    @Test func blankLinesDoNotMatter() throws {
        #expect(try sniffed("\n\na;b\n\n1;2\n") == ";")
    }
}
