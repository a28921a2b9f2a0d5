import Foundation
import Testing
import TestSupport

/// Runs the built `nianbao` binary, as a user would.
enum Nianbao {
    /// The binary: `NIANBAO_BIN`, else `.build/debug/nianbao` (built by `make test` before the tests).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["NIANBAO_BIN"] { return path }
        return Paths.packageRoot.appendingPathComponent(".build/debug/nianbao").path
    }

    /// A fixed document time, so outputs can be compared byte for byte.
    static let epoch = "1609459200"

    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs nianbao in the package root (so example paths print as `examples/…`).
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("\(binary) is missing: run `swift build` (or `make test`) first")
            return Run(status: -1, stdout: "", stderr: "")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = epoch
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        let result = try runProcess(binary, arguments, environment: environment, currentDirectory: Paths.packageRoot)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    static let example = "examples/licheng-2020"

    /// `merge` on the bundled 2020 example into a fresh temporary workbook.
    static func mergeExample(output: URL) throws -> Run {
        try run(["merge", example, "--units", "\(example)/units.csv", "--year", "2020", "-o", output.path])
    }

    static var goldenDirectory: URL {
        Paths.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")
    }
}

extension SheetDump {
    /// The cell's value as text (numbers without a trailing `.0`), or "" when empty.
    func text(_ a1: String) -> String {
        guard let cell = cells[a1] else { return "" }
        switch cell.cached ?? cell.value {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return String(b)
        case .null: return ""
        }
    }

    /// The row (1-based) whose column A holds `text`.
    func row(whereA text: String) -> Int? {
        cells.filter { key, cell in key.hasPrefix("A") && key.dropFirst().allSatisfy(\.isNumber) && cell.value.string == text }
            .compactMap { Int($0.key.dropFirst()) }.min()
    }

    /// Every non-empty cell as `A1<TAB>value<TAB>formula`, sorted by row then column, for goldens.
    var goldenText: String {
        func key(_ a1: String) -> (Int, Int) {
            let letters = a1.prefix { $0.isLetter }
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
            return (Int(a1.dropFirst(letters.count)) ?? 0, column)
        }
        return cells.keys.sorted { key($0) < key($1) }.compactMap { a1 -> String? in
            let value = text(a1)
            guard !value.isEmpty else { return nil }
            var line = "\(a1)\t\(value)"
            if let formula = cells[a1]?.formula { line += "\t\(formula)" }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
