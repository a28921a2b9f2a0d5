import CSVReading
import Conversion
import Foundation
import TestSupport
import Testing

/// Every case of the public CSV suites and of the reader's conformance corpus, converted
/// with `text: true` (as `nianbao convert --text` does) and read back by independent readers:
/// the cells must be exactly the expected rows — every field a text cell, the empty ones as
/// empty cells, so each row is as wide as its record — and the workbook must pass
/// `validateXlsx`.
@Suite struct ConformanceConversionTests {
    /// Where a suite encodes a choice that differs from the Excel-like rules (the same list,
    /// with the same reasons, as `CSVReadingTests/PublicSuitesTests`).
    enum Deviation {
        /// The suite drops blank lines; we keep each as an empty row, as Excel does.
        case blankLinesKept
        /// The suite expects no rows from input with no content; we refuse it as `.empty`.
        case emptyInputRejected
        /// The suite's expected JSON disagrees with its own CSV (a phone number).
        case upstreamInconsistent(row: Int, field: Int, actual: String)
    }

    static let exceptions: [String: Deviation] = [
        "csv-spectrum/location_coordinates": .upstreamInconsistent(row: 1, field: 0, actual: "2095257564"),
        "rust-csv-core/trailing_lines_no_record": .blankLinesKept,
        "rust-csv-core/trailing_lines_no_record_cr": .blankLinesKept,
        "rust-csv-core/trailing_lines_no_record_crlf": .blankLinesKept,
        "rust-csv-core/empty_lines_interspersed": .blankLinesKept,
        "rust-csv-core/empty_lines_interspersed_crlf": .blankLinesKept,
        "rust-csv-core/empty_lines_interspersed_mixed": .blankLinesKept,
        "rust-csv-core/empty_lines_interspersed_cr": .blankLinesKept,
        "rust-csv-core/empty": .emptyInputRejected,
        "rust-csv-core/empty_lines": .emptyInputRejected,
        "rust-csv-core/empty_lines_crlf": .emptyInputRejected,
        "rust-csv-core/empty_lines_mixed": .emptyInputRejected,
        "rust-csv-core/empty_lines_cr": .emptyInputRejected,
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var input: String
        var expected: [[String]]
        var delimiter: UInt8?
        var testDescription: String { id }
    }

    /// Suite cases whose dialect needs at most a delimiter and whose reference parser
    /// accepts the input (as `check.py --supports delimiter --errors skip`), then the corpus.
    static let cases: [Case] = {
        var cases: [Case] = []
        for suite in ["csv-spectrum", "w3c-csvw", "rust-csv-core"] {
            let directory = ConversionHelpers.publicSuites + "/" + suite
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json")),
                  let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let entries = manifest["cases"] as? [[String: Any]] else { continue }
            for entry in entries {
                guard let name = entry["name"] as? String, let input = entry["input"] as? String,
                      let expected = entry["expected"] as? String else { continue }
                let dialect = (entry["dialect"] as? [String: Any]) ?? [:]
                guard Set(dialect.keys).isSubset(of: ["delimiter"]),
                      let rows = try? ConversionHelpers.expectedRows(directory + "/" + expected) else { continue }
                let delimiter = (dialect["delimiter"] as? String).flatMap { $0.utf8.count == 1 ? $0.utf8.first : nil }
                cases.append(Case(id: "\(suite)/\(name)", input: directory + "/" + input, expected: rows, delimiter: delimiter))
            }
        }
        let corpus = ConversionHelpers.conformance
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted()
        for name in names {
            let base = corpus + "/" + String(name.dropLast(4))
            if let rows = try? ConversionHelpers.expectedRows(base + ".json") {
                cases.append(Case(id: "conformance/" + name, input: base + ".csv", expected: rows, delimiter: nil))
            }
        }
        return cases
    }()

    @Test func everySuiteIsThere() {
        let counts = Dictionary(grouping: Self.cases, by: { $0.id.split(separator: "/")[0] }).mapValues(\.count)
        // Passes pinned in PublicSuitesTests plus their exceptions; the corpus has 25 files.
        #expect(counts["csv-spectrum"] == 12)
        #expect(counts["w3c-csvw"] == 8)
        #expect(counts["rust-csv-core"] == 49)
        #expect(counts["conformance"] ?? 0 >= 25)
        for id in Self.exceptions.keys { #expect(Self.cases.contains { $0.id == id }, "stale exception \(id)") }
    }

    @Test(arguments: cases)
    func convertsToExactlyTheExpectedCells(_ testCase: Case) throws {
        let options = CSVConverter.Options(text: true, delimiter: testCase.delimiter)
        let output = Paths.uniqueTemporaryFile("out.xlsx")
        let result = Result { () throws(ConversionError) in
            try CSVConverter(options: options).convert(input: testCase.input, output: output.path)
        }
        var expected = testCase.expected
        switch Self.exceptions[testCase.id] {
        case .emptyInputRejected:
            guard case .failure(.read(.empty)) = result else {
                Issue.record("\(testCase.id): expected the empty-file error, got \(result)")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(testCase.id): partial workbook left behind")
            return
        case .upstreamInconsistent(let row, let field, let actual):
            expected[row][field] = actual
        case .blankLinesKept, nil:
            break
        }
        let summary = try result.get()
        var rows = try ConversionHelpers.textRows(output)
        if case .blankLinesKept = Self.exceptions[testCase.id] {
            #expect(rows.contains([""]), "\(testCase.id): listed as an exception but has no blank row")
            rows = rows.filter { $0 != [""] }
        }
        #expect(rows == expected, "\(testCase.id)")
        #expect(summary.records == rows.count || Self.exceptions[testCase.id] != nil, "\(testCase.id): record count")
        #expect(summary.numberCells == 0, "\(testCase.id): text mode wrote numbers")
        try validateXlsx(output)
    }
}
