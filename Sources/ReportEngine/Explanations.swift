import CSVReading
import Findings
import Submissions

/// `--explanations FILE`: written reasons (说明) that accept warnings, one per row —
/// unit, rule (a rule id such as `R3.6` or `2019:R3.6`, or a finding code such as
/// `same-as-last-year`), text. An accepted warning is shown as such everywhere and no
/// longer counts; an error cannot be explained away.
public struct Explanations: Sendable {
    public struct Entry: Sendable, Hashable {
        public let unit: String
        public let rule: String
        public let text: String
        public let line: Int
    }

    public let path: String
    public let entries: [Entry]

    public init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads the file. The header names the columns (单位/unit, 规则/rule/代码/code,
    /// 说明/text/explanation/reason); without a header they are unit, rule, text.
    ///
    /// - Throws: `CSVReadError` when the file cannot be read.
    public static func load(path: String) throws(CSVReadError) -> Explanations {
        let table = try CSVReader.read(path: path)
        var records = table.records.filter { $0.fields.contains { !LabelKey.key($0).isEmpty } }
        var columns = (unit: 0, rule: 1, text: 2)
        if let first = records.first {
            let keys = first.fields.map { LabelKey.key($0).lowercased() }
            if let unit = keys.firstIndex(where: { ["单位", "单位名称", "unit"].contains($0) }),
               let rule = keys.firstIndex(where: { ["规则", "代码", "规则代码", "rule", "code"].contains($0) }),
               let text = keys.firstIndex(where: { ["说明", "理由", "原因", "text", "explanation", "reason"].contains($0) }) {
                columns = (unit, rule, text)
                records.removeFirst()
            }
        }
        let entries = records.compactMap { record -> Entry? in
            func field(_ column: Int) -> String {
                column < record.fields.count ? record.fields[column].trimmingCharacters(in: .whitespaces) : ""
            }
            let text = field(columns.text)
            guard !field(columns.unit).isEmpty, !field(columns.rule).isEmpty, !text.isEmpty else { return nil }
            return Entry(unit: field(columns.unit), rule: field(columns.rule), text: text, line: record.line)
        }
        return Explanations(path: path, entries: entries)
    }

    /// Applies the explanations: matching warnings get the text; a matching error gets a
    /// note that it still has to be corrected; an explanation that matches nothing is
    /// itself reported.
    public func apply(to findings: [Finding]) -> [Finding] {
        var result = findings
        var used = Set<Int>()
        for index in result.indices {
            let finding = result[index]
            guard let subject = finding.subject else { continue }
            for (e, entry) in entries.enumerated() where Self.unitMatches(entry.unit, subject) && Self.ruleMatches(entry.rule, finding) {
                used.insert(e)
                if finding.severity == .warning {
                    result[index].explanation = entry.text
                } else {
                    result[index].notes.append("已有说明“\(entry.text)”，但错误不能以说明消除，请更正数据")
                }
                break
            }
        }
        for (e, entry) in entries.enumerated() where !used.contains(e) {
            result.append(Finding(code: .explanationUnused, scope: .file,
                                  location: SourceLocation(file: path, line: entry.line),
                                  parameters: [.init("line", String(entry.line)), .init("unit", entry.unit), .init("rule", entry.rule)]))
        }
        return result
    }

    static func unitMatches(_ name: String, _ subject: String) -> Bool {
        let a = LabelKey.key(name), b = LabelKey.key(subject)
        return a == b || (a.count >= 3 && b.count >= 3 && (a.hasSuffix(b) || b.hasSuffix(a)))
    }

    static func ruleMatches(_ rule: String, _ finding: Finding) -> Bool {
        let key = rule.trimmingCharacters(in: .whitespaces)
        if key == finding.code.rawValue { return true }
        guard let id = finding.rule?.ruleID else { return false }
        return key == id || id.hasSuffix(":" + key)
    }
}
