import CSVReading
import Foundation
import Testing

/// Runs every `Fixtures/conformance/NAME.csv` and compares its rows with `NAME.json`.
@Suite struct ConformanceCorpusTests {
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.conformance)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func corpusIsComplete() {
        #expect(Self.names.count >= 25, "conformance fixtures missing from \(FixturePaths.conformance)")
    }

    @Test(arguments: names)
    func fixtureMatchesExpectedRows(_ name: String) throws {
        let base = FixturePaths.conformance + "/" + name
        let expected = try #require(try FixturePaths.rows(ofJSON: base + ".json"), "fixture \(name): JSON is not an array of arrays of strings")
        do {
            let table = try CSVReader.read(path: base + ".csv")
            let rows = table.records.map(\.fields)
            #expect(rows == expected, "fixture \(name)")
        } catch {
            Issue.record("fixture \(name): \(error)")
        }
    }

    /// Encoding and delimiter found for the fixtures where they are the point.
    @Test(arguments: [
        ("comma_lf", TextEncoding.utf8, UInt8(ascii: ",")),
        ("tab", .utf8, UInt8(ascii: "\t")),
        ("semicolon", .utf8, UInt8(ascii: ";")),
        ("single_column", .utf8, UInt8(ascii: ",")),
        ("utf8_bom", .utf8WithBOM, UInt8(ascii: ",")),
        ("gb18030", .gb18030, UInt8(ascii: ",")),
        ("gb18030_quoted_newline", .gb18030, UInt8(ascii: ",")),
        ("utf16le_tab", .utf16LE, UInt8(ascii: "\t")),
        ("utf16be_tab", .utf16BE, UInt8(ascii: "\t")),
        ("utf16le_comma", .utf16LE, UInt8(ascii: ",")),
    ])
    func fixtureEncodingAndDelimiter(_ name: String, _ encoding: TextEncoding, _ delimiter: UInt8) throws {
        let path = FixturePaths.conformance + "/" + name + ".csv"
        let table = try CSVReader.read(path: path)
        #expect(table.encoding == encoding, "fixture \(name)")
        #expect(table.delimiter == delimiter, "fixture \(name)")
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(table.byteCount == size, "fixture \(name)")
    }
}
