import Findings
import Foundation

/// Prints findings to stderr, one per line, `file:line:column: 错误: [code] message`, with
/// colour only on a terminal (see swift-format's StderrDiagnosticPrinter).
enum Diagnostics {
    static var useColour: Bool {
        isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The one-line form of a finding.
    static func line(_ finding: Finding, colour: Bool = false) -> String {
        var prefix = finding.location?.description ?? finding.subject ?? ""
        if prefix.isEmpty { prefix = "nianbao" }
        var severity = finding.severity.chineseName
        if finding.explanation != nil { severity += "（已说明）" }
        if colour {
            let code = finding.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            severity = code + severity + "\u{1B}[0m"
        }
        var subject = ""
        if let name = finding.subject, finding.location != nil { subject = "\(name)：" }
        var text = "\(prefix): \(severity): [\(finding.code.rawValue)] \(subject)\(finding.message)"
        for note in finding.notes { text += "\n    \(note)" }
        if let explanation = finding.explanation { text += "\n    说明：\(explanation)" }
        return text
    }

    static func print(_ findings: [Finding]) {
        let colour = useColour
        for finding in findings {
            printError(line(finding, colour: colour))
        }
    }

    static func printError(_ text: String) {
        ProgressLine.clear()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
