import Conversion
import Foundation
import TestSupport
import Testing

/// Converting in tests, and reading the result back with independent readers.
enum ConversionHelpers {
    /// `../shared/testdata/csv-suites`.
    static var publicSuites: String { Paths.shared.appendingPathComponent("testdata/csv-suites").path }
    /// The CSV reader's conformance corpus (every encoding, delimiter and line ending).
    static var conformance: String {
        Paths.packageRoot.appendingPathComponent("Tests/CSVReadingTests/Fixtures/conformance").path
    }

    /// Writes `bytes` to a fresh temporary file named `name`.
    static func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = Paths.uniqueTemporaryFile(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func file(_ name: String, _ text: String) throws -> URL {
        try file(name, Array(text.utf8))
    }

    /// Converts `input` to a fresh `out.xlsx`.
    static func convert(_ input: URL, _ options: CSVConverter.Options = .init()) throws -> (URL, ConversionSummary) {
        let output = Paths.uniqueTemporaryFile("out.xlsx")
        let summary = try CSVConverter(options: options).convert(input: input.path, output: output.path)
        return (output, summary)
    }

    /// Zero-based row and column of an A1 reference.
    static func position(_ a1: String) -> (row: Int, column: Int) {
        var column = 0
        var digits = ""
        for character in a1 {
            if let ascii = character.asciiValue, character.isLetter {
                column = column * 26 + Int(ascii - UInt8(ascii: "A") + 1)
            } else {
                digits.append(character)
            }
        }
        return (Int(digits)! - 1, column - 1)
    }

    /// Per sheet, per row (zero-based, in order), the number of cells the sheet's XML has in
    /// that row counting up to its last `<c>` element, empty ones included: the shape of each
    /// record as written. Read from the raw XML with Python's zipfile and ElementTree.
    static func rowWidths(_ xlsx: URL) throws -> [String: [Int]] {
        let script = """
            import json, re, sys, zipfile, posixpath
            import xml.etree.ElementTree as ET
            NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                  "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
            z = zipfile.ZipFile(sys.argv[1])
            wb = ET.fromstring(z.read("xl/workbook.xml"))
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target") for r in rels}
            out = {}
            for s in wb.findall("m:sheets/m:sheet", NS):
                part = posixpath.normpath(posixpath.join("xl", targets[s.get("{%s}id" % NS["r"])]))
                root = ET.fromstring(z.read(part))
                widths = {}
                for c in root.iter("{%s}c" % NS["m"]):
                    m = re.fullmatch(r"([A-Z]+)([0-9]+)", c.get("r"))
                    col = 0
                    for ch in m.group(1): col = col * 26 + ord(ch) - 64
                    row = int(m.group(2)) - 1
                    widths[row] = max(widths.get(row, 0), col)
                n = max(widths) + 1 if widths else 0
                out[s.get("name")] = [widths.get(r, 0) for r in range(n)]
            print(json.dumps(out))
            """
        let result = try runProcess("python3", ["-c", script, xlsx.path])
        guard result.status == 0 else {
            throw ProcessFailure(command: "python3 -c <row widths> \(xlsx.path)", status: result.status,
                                 output: result.stdout + result.stderr)
        }
        return try JSONDecoder().decode([String: [Int]].self, from: Data(result.stdout.utf8))
    }

    /// The rows of `sheet` as text: every cell read back (`readBack`), empty cells as `""`,
    /// each row as wide as its XML says (`rowWidths`). Non-text values are reported.
    static func textRows(_ xlsx: URL, sheet: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let dump = try readBack(xlsx)
        let name = sheet ?? dump.sheetNames[0]
        let sheetDump = try #require(dump[name], "sheet \(name)", sourceLocation: sourceLocation)
        let widths = try #require(try rowWidths(xlsx)[name], sourceLocation: sourceLocation)
        var rows = widths.map { [String](repeating: "", count: $0) }
        for (a1, cell) in sheetDump.cells {
            let (row, column) = position(a1)
            guard row < rows.count, column < rows[row].count else {
                Issue.record("\(a1) outside the cells found in the XML", sourceLocation: sourceLocation)
                continue
            }
            guard case .string(let text) = cell.value else {
                Issue.record("\(a1) is \(cell.value), not text", sourceLocation: sourceLocation)
                continue
            }
            #expect(cell.formula == nil, "\(a1) is a formula", sourceLocation: sourceLocation)
            rows[row][column] = text
        }
        return rows
    }

    /// Rows of a JSON file holding an array of arrays of strings; `nil` for anything else
    /// (`{"error": …}`). JSONDecoder, not JSONSerialization, which drops U+FEFF on Linux.
    static func expectedRows(_ path: String) throws -> [[String]]? {
        try? JSONDecoder().decode([[String]].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
