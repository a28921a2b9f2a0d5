import Foundation
import Testing

/// Compares `actual` with the golden file `directory/named`.
///
/// When the golden is missing or `NIANBAO_RECORD=1`, writes it and fails the test, so a
/// new golden is never accepted unseen: review it, then run again. A mismatch fails with
/// a line diff (`-` golden, `+` actual).
public func assertGolden(_ actual: String, named: String, in directory: URL,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(named)
    let record = ProcessInfo.processInfo.environment["NIANBAO_RECORD"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded golden \(url.path); review it and run the test again.", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Cannot record golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing, expected != actual else { return }
    Issue.record("\(named) differs from the golden (- golden, + actual):\n\(lineDiff(expected, actual))",
                 sourceLocation: sourceLocation)
}

/// A line diff of two texts: unchanged lines with two spaces, removed with `-`, added with `+`
/// (longest common subsequence; long unchanged runs are elided).
public func lineDiff(_ old: String, _ new: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // LCS table, fine for golden-sized texts.
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    var lines: [(Character, String)] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] {
            lines.append((" ", a[i])); i += 1; j += 1
        } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
            lines.append(("-", a[i])); i += 1
        } else {
            lines.append(("+", b[j])); j += 1
        }
    }
    // Keep two lines of context around each change.
    let changed = lines.indices.filter { lines[$0].0 != " " }
    var keep = Set<Int>()
    for k in changed { for c in max(0, k - 2)...min(lines.count - 1, k + 2) { keep.insert(c) } }
    var out: [String] = []
    var skipped = false
    for (k, line) in lines.enumerated() {
        if keep.contains(k) {
            out.append("\(line.0 == " " ? " " : String(line.0)) \(line.1)")
            skipped = false
        } else if !skipped {
            out.append("  …")
            skipped = true
        }
    }
    return out.joined(separator: "\n")
}
