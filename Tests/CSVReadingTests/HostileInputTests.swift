import CSVReading
import Foundation
import TestSupport
import Testing

/// Hostile and broken input made small: the limits that keep memory bounded (size, cell
/// count, field length) tested with small generated inputs and small limits, each with the
/// exact message the clerk sees.
@Suite struct HostileInputTests {
    static func temporary(_ bytes: [UInt8]) throws -> String {
        let url = Paths.uniqueTemporaryFile("hostile.csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let path = try Self.temporary(Array(repeating: UInt8(ascii: "1"), count: 2_000))
        #expect(throws: CSVReadError.tooLarge(path: path, byteCount: 2_000, limit: 1_000)) {
            try CSVReader.read(path: path, sizeLimit: 1_000)
        }
        #expect(CSVReadError.tooLarge(path: "a.csv", byteCount: 629_145_600, limit: CSVReader.defaultSizeLimit).description
            == "a.csv: 文件太大（600.0 MB，上限为 512.0 MB）。请确认选对了文件，或把数据拆成几个较小的文件分别提交。")
    }

    @Test func tooManyCellsCountsFieldsAndBlankLines() throws {
        // 3 + 1 (blank line) + 3 = 7 cells.
        let bytes = Array("a,b,c\n\nd,e,f\n".utf8)
        #expect(try CSVReader.parse(bytes: bytes, cellLimit: 7).records.count == 3)
        #expect(throws: CSVReadError.tooManyCells(path: "x.csv", line: 3, limit: 6)) {
            try CSVReader.parse(bytes: bytes, path: "x.csv", cellLimit: 6)
        }
        #expect(throws: CSVReadError.tooManyCells(path: "x.csv", line: 2, limit: 3)) {
            try CSVReader.parse(bytes: bytes, path: "x.csv", cellLimit: 3)
        }
        let path = try Self.temporary(Array(repeating: UInt8(ascii: "\n"), count: 100) + Array("a\n".utf8))
        #expect(throws: CSVReadError.tooManyCells(path: path, line: 51, limit: 50)) {
            try CSVReader.read(path: path, cellLimit: 50)
        }
        #expect(CSVReadError.tooManyCells(path: "x.csv", line: 3, limit: 10_000_000).description
            == "x.csv: 单元格太多（到第 3 行已超过 10000000 个），不像是填报的表格或长表。请确认选对了文件，或把数据拆成几个较小的文件分别提交。")
    }

    @Test func fieldOverExcelsCellLimitIsRefused() throws {
        let limit = CSVReader.maxFieldCharacters
        #expect(limit == 32_767)
        let atLimit = String(repeating: "x", count: limit)
        #expect(try CSVReader.parse(bytes: Array("a,\(atLimit)\n".utf8)).records[0].fields[1].utf8.count == limit)
        #expect(throws: CSVReadError.fieldTooLong(path: "x.csv", line: 2, column: 2, limit: limit)) {
            try CSVReader.parse(bytes: Array("a,b\nc,\(atLimit)x,d\n".utf8), path: "x.csv")
        }
        #expect(CSVReadError.fieldTooLong(path: "x.csv", line: 2, column: 2, limit: limit).description
            == "x.csv: 第 2 行第 2 列的单元格太长（超过 32767 个字符，即 Excel 单元格的上限），不像是填报的表格。请确认选对了文件，并检查该处英文双引号 \" 是否成对。")
    }

    /// The limit is in characters, not bytes: 32,767 Chinese characters (98,301 bytes) pass.
    @Test func fieldLimitCountsCharactersInQuotedFields() throws {
        let limit = CSVReader.maxFieldCharacters
        let chinese = String(repeating: "中", count: limit)
        let table = try CSVReader.parse(bytes: Array("\"\(chinese)\"\n".utf8))
        #expect(table.records[0].fields[0].count == limit)
        // A quote that pairs with one far below swallows the rows between: one huge field.
        let swallowed = "a,\"b\n" + String(repeating: "行,1\n", count: limit / 4 + 10) + "c\",d\n"
        #expect(throws: CSVReadError.fieldTooLong(path: "x.csv", line: 1, column: 2, limit: limit)) {
            try CSVReader.parse(bytes: Array(swallowed.utf8), path: "x.csv")
        }
        // Text after the closing quote counts too.
        #expect(throws: CSVReadError.fieldTooLong(path: "x.csv", line: 1, column: 1, limit: limit)) {
            try CSVReader.parse(bytes: Array("\"\(chinese)\"x\n".utf8), path: "x.csv")
        }
    }

    /// 100,000 columns are read (they are far fewer than the cell limit), quickly.
    @Test func hundredThousandColumns() throws {
        let row = Array(repeating: "1", count: 100_000).joined(separator: ",")
        let table = try CSVReader.parse(bytes: Array((row + "\n" + row + "\n").utf8))
        #expect(table.records.map(\.fields.count) == [100_000, 100_000])
    }
}
