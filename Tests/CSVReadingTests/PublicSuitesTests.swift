import CSVReading
import Foundation
import Testing

/// The public parser suites in `../shared/testdata/csv-suites` (see its README and check.py).
///
/// Cases whose dialect needs anything but `delimiter` (comment lines, other quote or escape
/// characters, other record terminators) are skipped, as `check.py --supports delimiter`
/// does: those are options this reader does not offer. Cases without a dialect are read with
/// a sniffed delimiter, as real files are.
@Suite struct PublicSuitesTests {
    enum Deviation {
        /// The suite drops blank lines; we keep each as the row `[""]`, as Excel does.
        /// Checked: our rows without the blank ones equal the expected rows.
        case blankLinesKept
        /// The suite expects no rows from input with no content; we refuse it as `.empty`.
        case emptyInputRejected
        /// The suite's expected JSON disagrees with its own CSV (a phone number).
        /// Checked: every other field equals the expected one.
        case upstreamInconsistent(row: Int, field: Int, actual: String)
    }

    /// Where a suite encodes a choice that differs from the Excel-like rules, with the reason.
    static let exceptions: [String: (deviation: Deviation, reason: String)] = [
        "csv-spectrum/location_coordinates": (.upstreamInconsistent(row: 1, field: 0, actual: "2095257564"),
            "upstream JSON gives phone 1234567890, the CSV holds 2095257564 (bare quotes are kept literally, as Excel does)"),
        "rust-csv-core/trailing_lines_no_record": (.blankLinesKept, "csv-core drops blank lines (LF); Excel keeps them as empty rows"),
        "rust-csv-core/trailing_lines_no_record_cr": (.blankLinesKept, "csv-core drops blank lines (CR); Excel keeps them as empty rows"),
        "rust-csv-core/trailing_lines_no_record_crlf": (.blankLinesKept, "csv-core drops blank lines (CRLF); Excel keeps them as empty rows"),
        "rust-csv-core/empty_lines_interspersed": (.blankLinesKept, "csv-core drops blank lines (LF); Excel keeps them as empty rows"),
        "rust-csv-core/empty_lines_interspersed_crlf": (.blankLinesKept, "csv-core drops blank lines (CRLF); Excel keeps them as empty rows"),
        "rust-csv-core/empty_lines_interspersed_mixed": (.blankLinesKept, "csv-core drops blank lines (mixed); Excel keeps them as empty rows"),
        "rust-csv-core/empty_lines_interspersed_cr": (.blankLinesKept, "csv-core drops blank lines (CR); Excel keeps them as empty rows"),
        "rust-csv-core/empty": (.emptyInputRejected, "a zero-byte submission is an error for the clerk, not zero rows"),
        "rust-csv-core/empty_lines": (.emptyInputRejected, "a file of only line breaks is an error for the clerk, not zero rows"),
        "rust-csv-core/empty_lines_crlf": (.emptyInputRejected, "a file of only line breaks is an error for the clerk, not zero rows"),
        "rust-csv-core/empty_lines_mixed": (.emptyInputRejected, "a file of only line breaks is an error for the clerk, not zero rows"),
        "rust-csv-core/empty_lines_cr": (.emptyInputRejected, "a file of only line breaks is an error for the clerk, not zero rows"),
    ]

    /// Cases that must pass as the suite expects them, per suite (total cases minus
    /// exceptions minus skipped dialects). Pinned so a silently skipped case shows up.
    static let expectedPasses = ["csv-spectrum": 11, "w3c-csvw": 8, "rust-csv-core": 37]

    struct Case {
        var name: String
        var input: String
        var expected: String
        var dialect: [String: Any]
    }

    static func cases(of suite: String) throws -> [Case] {
        let directory = FixturePaths.publicSuites + "/" + suite
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(manifest["cases"] as? [[String: Any]])
        return try entries.map { entry in
            Case(name: try #require(entry["name"] as? String),
                 input: directory + "/" + (try #require(entry["input"] as? String)),
                 expected: directory + "/" + (try #require(entry["expected"] as? String)),
                 dialect: (entry["dialect"] as? [String: Any]) ?? [:])
        }
    }

    @Test(arguments: ["csv-spectrum", "w3c-csvw", "rust-csv-core"])
    func suite(_ suite: String) throws {
        #expect(FileManager.default.fileExists(atPath: FixturePaths.publicSuites + "/check.py"),
                "public suites not found at \(FixturePaths.publicSuites)")
        var passed = 0, excepted = 0, skipped = 0
        for testCase in try Self.cases(of: suite) {
            let id = "\(suite)/\(testCase.name)"
            if !Set(testCase.dialect.keys).subtracting(["delimiter"]).isEmpty {
                skipped += 1
                #expect(Self.exceptions[id] == nil, "\(id): both skipped and listed as an exception")
                continue
            }
            var delimiter: UInt8?
            if let value = testCase.dialect["delimiter"] {
                let text = try #require(value as? String, "\(id): delimiter \(value)")
                let bytes = Array(text.utf8)
                try #require(bytes.count == 1, "\(id): delimiter \(text)")
                delimiter = bytes[0]
            }
            guard let expected = try FixturePaths.rows(ofJSON: testCase.expected) else {
                skipped += 1   // {"error": …}: the reference parser rejects the input
                continue
            }
            let result = Result { () throws(CSVReadError) in try CSVReader.read(path: testCase.input, delimiter: delimiter) }

            if let (deviation, reason) = Self.exceptions[id] {
                excepted += 1
                switch deviation {
                case .blankLinesKept:
                    let rows = try result.get().records.map(\.fields)
                    #expect(rows.contains([""]), "\(id): listed as an exception (\(reason)) but has no blank row any more")
                    #expect(rows.filter { $0 != [""] } == expected, "\(id) without blank rows")
                case .emptyInputRejected:
                    #expect(throws: CSVReadError.empty(path: testCase.input), "\(id)") { try result.get() }
                case .upstreamInconsistent(let row, let field, let actual):
                    var rows = try result.get().records.map(\.fields)
                    #expect(rows[row][field] == actual, "\(id)")
                    rows[row][field] = expected[row][field]
                    #expect(rows == expected, "\(id) apart from row \(row) field \(field)")
                }
                continue
            }
            switch result {
            case .success(let table):
                let rows = table.records.map(\.fields)
                #expect(rows == expected, "\(id)")
                if rows == expected { passed += 1 }
            case .failure(let error):
                Issue.record("\(id): \(error)")
            }
        }
        print("csv-suites \(suite): \(passed) passed, \(excepted) exceptions, \(skipped) skipped (dialect)")
        #expect(passed == Self.expectedPasses[suite], "\(suite): pass count")
    }

    @Test func everyExceptionNamesARealCase() throws {
        var all: Set<String> = []
        for suite in Self.expectedPasses.keys {
            for testCase in try Self.cases(of: suite) { all.insert("\(suite)/\(testCase.name)") }
        }
        for name in Self.exceptions.keys { #expect(all.contains(name), "stale exception \(name)") }
    }
}
