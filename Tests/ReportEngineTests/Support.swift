import ExactArithmetic
import Findings
import Foundation
import ReportEngine
import ReportSpec
import Submissions
import TestSupport

/// Inputs built in code: rosters and long CSVs written to a fresh temporary folder, read
/// with the real reader, so every figure has a file, line and column.
struct Inbox {
    let folder: URL
    let template: ReportTemplate

    init() throws {
        folder = Paths.uniqueTemporaryFile("inbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        template = try TemplateLoader.builtin(format: "2019")
    }

    /// Every required figure of the template in order: the rows of a complete long CSV.
    var codes: [String] { template.tables.filter(\.required).flatMap(\.dataRows).flatMap(\.codes) }

    /// The line of a code in a file written by `write`: after the header, in `codes` order.
    func line(of code: String) -> Int { codes.firstIndex(of: code)! + 2 }

    /// Writes `name` as a long CSV of one unit: `values` (code → text as typed), 0 elsewhere.
    @discardableResult
    func write(_ name: String, unit: String, year: Int = 2020, _ values: [String: String] = [:]) throws -> String {
        var lines = ["单位,年度,指标代码,数值"]
        for code in codes { lines.append("\(unit),\(year),\(code),\(values[code] ?? (code == "PROC_AMOUNT" ? "0元" : "0"))") }
        let path = folder.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func roster(_ text: String, name: String = "units.csv") throws -> Roster {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Roster.load(path: path)
    }

    /// Reads the given files (in this order) with the built-in template.
    func read(_ paths: [String]) -> ReadResult {
        SubmissionReader(template: template).read(inputs: paths)
    }

    func merge(_ paths: [String], roster: Roster?, year: Int = 2020) -> MergeReport {
        Merger(template: template, year: year).merge(read(paths), roster: roster)
    }

    /// A finding as printed, with this folder removed from paths.
    func printed(_ finding: Finding) -> String {
        let prefix = finding.location?.description ?? finding.subject ?? "-"
        let subject = finding.location != nil ? (finding.subject.map { "\($0)：" } ?? "") : ""
        let text = "\(prefix): \(finding.severity.chineseName): [\(finding.code.rawValue)] \(subject)\(finding.message)"
        return text.replacingOccurrences(of: folder.path + "/", with: "")
    }

    func value(_ values: [ExactDecimal], _ code: String) -> ExactDecimal {
        values[template.index(of: code)!]
    }
}

extension Array where Element == Finding {
    func with(_ code: FindingCode) -> [Finding] { filter { $0.code == code } }
}
