import ExactArithmetic
import Findings
import Foundation
import ReportSpec
import Submissions
import TestSupport

/// Fixture paths (relative to this file), the built-in template and the printed form of findings.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ folder: String, _ name: String) -> URL {
        root.appendingPathComponent(folder).appendingPathComponent(name)
    }

    /// The names of the fixtures in a folder with the given extension, sorted.
    static func names(_ folder: String, extension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted()
    }

    static func template() throws -> ReportTemplate {
        try TemplateLoader.builtin(format: "2019")
    }

    /// Reads files or folders with the built-in template.
    static func read(_ paths: [String]) -> ReadResult {
        SubmissionReader(template: try! template()).read(inputs: paths)
    }

    /// Writes bytes to a fresh temporary file and returns its path.
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = Paths.uniqueTemporaryFile(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func temporary(_ name: String, _ text: String) throws -> String {
        try temporary(name, Array(text.utf8))
    }
}

/// Every finding of a read, as printed (`file:line:column: 警告: [code] message`, notes
/// indented below), with `directory/` removed so the lines do not depend on where the
/// checkout is.
func printed(_ result: ReadResult, removing directory: String) -> [String] {
    (result.fileFindings + result.submissions.flatMap(\.findings)).map { printed($0, removing: directory) }
}

func printed(_ finding: Finding, removing directory: String = "") -> String {
    var text = "\(finding.location?.description ?? "-"): \(finding.severity.chineseName): [\(finding.code.rawValue)] \(finding.message)"
    for note in finding.notes { text += "\n    \(note)" }
    return directory.isEmpty ? text : text.replacingOccurrences(of: directory.hasSuffix("/") ? directory : directory + "/", with: "")
}

extension UnitSubmission {
    /// The figure with a code, or nil when the code is not in the template.
    func value(_ code: String, in template: ReportTemplate) -> ExactDecimal? {
        template.index(of: code).map { value(at: $0) }
    }
}
