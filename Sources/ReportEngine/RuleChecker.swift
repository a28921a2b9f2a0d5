import ExactArithmetic
import Findings
import ReportSpec

/// Checks the template's rules on one set of figures (a unit, a group subtotal or the
/// total) and turns each failure into a finding with the equation, both sides' values
/// and the difference.
public struct RuleChecker: Sendable {
    public let template: ReportTemplate
    /// The rules with their cells resolved to figure indices once, not per unit.
    private let compiled: [CompiledRule]

    public init(template: ReportTemplate) {
        self.template = template
        compiled = template.rules.map { CompiledRule($0, template: template) }
    }

    /// A rule ready to evaluate: a class, so that going through the rules for each of
    /// thousands of units costs no copying of the rule's fields.
    private final class CompiledRule: Sendable {
        enum Operand: Sendable {
            case figure(Int)
            /// A cell the template does not have: the rule cannot be judged.
            case unknown
            case previousCell(String)
            case constant(ExactDecimal)

            var isConstant: Bool {
                if case .constant = self { return true }
                return false
            }
        }

        let rule: RuleSpec
        let left: [(negated: Bool, operand: Operand)]
        let right: [(negated: Bool, operand: Operand)]

        init(_ rule: RuleSpec, template: ReportTemplate) {
            func resolve(_ terms: [Term]) -> [(negated: Bool, operand: Operand)] {
                terms.map { term in
                    switch term.operand {
                    case .cell(let code): (term.negated, template.index(of: code).map(Operand.figure) ?? .unknown)
                    case .previousCell(let code): (term.negated, .previousCell(code))
                    case .constant(let constant): (term.negated, .constant(constant))
                    }
                }
            }
            self.rule = rule
            left = resolve(rule.left)
            right = resolve(rule.right)
        }
    }

    /// The findings for one level. `value(i)` gives the figure at `FigureSpec.index` i;
    /// `location(i)` where it was read (units only); `previous` last year's figures of the
    /// same unit, group or total by cell code — cross-year rules are checked only with
    /// them, and only when they hold every cell the rule needs.
    public func check(scope: FindingScope, subject: String, group: String? = nil, onRoster: Bool = false,
                      overrides: RuleOverrides = RuleOverrides(),
                      previous: [String: ExactDecimal]? = nil,
                      value: (Int) -> ExactDecimal,
                      location: (Int) -> SourceLocation? = { _ in nil }) -> [Finding] {
        let resolved: (CompiledRule.Operand) -> ExactDecimal? = { operand in
            switch operand {
            case .figure(let index): value(index)
            case .unknown: nil
            case .previousCell(let code): previous?[code]
            case .constant(let constant): constant
            }
        }
        var findings: [Finding] = []
        let level: RuleLevel
        switch scope {
        case .group: level = .group
        case .total: level = .total
        case .unit, .file: level = .unit
        }
        for compiledRule in compiled where compiledRule.rule.levels.contains(level) && (onRoster || !compiledRule.rule.requiresRoster) {
            // Without last year's figures (or a cell of them) a cross-year rule cannot be
            // judged; a sum that overflows is reported by the roll-up.
            guard let left = evaluate(compiledRule.left, resolved), let right = evaluate(compiledRule.right, resolved),
                  !compiledRule.rule.relation.holds(left, right) else { continue }
            let rule = compiledRule.rule
            guard let severity = overrides.severity(of: rule, group: group) else { continue }
            let difference = left.subtracting(right) ?? .zero
            guard let subjectIndex = template.index(of: rule.subjectCode) else { continue }
            let figure = template.figures[subjectIndex]
            let tableName = template.table(figure.tableID)?.name ?? figure.tableID
            let equationWithValues = valuesText(compiledRule.left, resolved) + " " + Self.negatedSymbol(rule.relation) + " "
                + valuesText(compiledRule.right, resolved)
            let outcome = RuleOutcome(
                ruleID: rule.id, equation: rule.equation, equationWithValues: equationWithValues,
                relation: rule.relation.symbol, left: left, right: right, difference: difference, cells: rule.cells)
            findings.append(Finding(
                code: .ruleFailed, severity: severity == .error ? .error : .warning,
                scope: scope, subject: subject, location: location(subjectIndex),
                table: tableName, rowLabel: figure.rowLabel, columnLabel: figure.columnLabel, cellCode: figure.code,
                parameters: [
                    .init("where", figure.place(tableName: tableName)),
                    .init("message", rule.message),
                    .init("rule", rule.id),
                    .init("equation", equationWithValues),
                    .init("left", left.description),
                    .init("right", right.description),
                    .init("difference", difference.description),
                ],
                rule: outcome))
        }
        return findings
    }

    private func evaluate(_ terms: [(negated: Bool, operand: CompiledRule.Operand)],
                          _ operand: (CompiledRule.Operand) -> ExactDecimal?) -> ExactDecimal? {
        var total = ExactDecimal.zero
        for term in terms {
            guard let value = operand(term.operand),
                  let next = term.negated ? total.subtracting(value) : total.adding(value) else { return nil }
            total = next
        }
        return total
    }

    /// `8 + 4 + 1 + 1（其余 15 项为 0）`: the side's values; with more than four terms the
    /// zero terms are left out and counted.
    private func valuesText(_ terms: [(negated: Bool, operand: CompiledRule.Operand)],
                            _ value: (CompiledRule.Operand) -> ExactDecimal?) -> String {
        var parts: [String] = []
        var zeros = 0
        for term in terms {
            let operand = value(term.operand) ?? .zero
            if terms.count > 4 && operand.isZero && !term.operand.isConstant {
                zeros += 1
                continue
            }
            // A negative value in parentheses, so `1 + (-3)` reads as the sum it is.
            let shown = operand.isNegative && !parts.isEmpty ? "(\(operand))" : operand.description
            let sign = term.negated ? "- " : "+ "
            parts.append(parts.isEmpty && !term.negated ? shown : sign + shown)
        }
        if parts.isEmpty { return "0（\(zeros) 项均为 0）" }
        var text = parts.joined(separator: " ")
        if zeros > 0 { text += "（其余 \(zeros) 项为 0）" }
        return text
    }

    static func negatedSymbol(_ relation: Relation) -> String {
        switch relation {
        case .equal: "≠"
        case .greaterOrEqual: "<"
        case .lessOrEqual: ">"
        case .greater: "≤"
        case .less: "≥"
        }
    }
}

/// Severity changes asked for on the command line (`--rule R2.3=error`,
/// `--rule 街道及园区:R2.3=off`): for every group, or for one roster group.
public struct RuleOverrides: Sendable {
    public struct Entry: Sendable, Hashable {
        public let group: String?
        /// The rule id as written in the template, e.g. `R2.3`.
        public let ruleID: String
        /// nil switches the rule off.
        public let severity: RuleSeverity?
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The severity of a rule for a unit of `group` (or a level without a group): the last
    /// matching group-specific entry, else the last general one, else the template's. nil: off.
    public func severity(of rule: RuleSpec, group: String?) -> RuleSeverity? {
        let matching = entries.filter { $0.ruleID == rule.templateID || $0.ruleID == rule.id }
        if let group, let specific = matching.last(where: { $0.group == group }) { return specific.severity }
        if let general = matching.last(where: { $0.group == nil }) { return general.severity }
        return rule.severity
    }

    /// Parses `R2.3=error`, `街道及园区:R2.3=off` (also `警告`, `错误`, `关闭`); the error is a
    /// Chinese description of what is wrong.
    public static func parse(_ text: String, template: ReportTemplate) -> Result<Entry, RuleOverrideError> {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return .failure(RuleOverrideError(text: text, reason: "应写成 规则=级别，例如 R2.3=error")) }
        var target = parts[0]
        var group: String?
        if let colon = target.lastIndex(where: { $0 == ":" || $0 == "：" }) {
            group = String(target[..<colon])
            target = String(target[target.index(after: colon)...])
        }
        guard template.rules.contains(where: { $0.templateID == target || $0.id == target }) else {
            let known = Array(Set(template.rules.map(\.templateID))).sorted().joined(separator: "、")
            return .failure(RuleOverrideError(text: text, reason: "\(template.format) 年版格式中没有规则“\(target)”；已有规则：\(known)"))
        }
        let severity: RuleSeverity?
        switch parts[1].lowercased() {
        case "error", "错误": severity = .error
        case "warning", "警告": severity = .warning
        case "off", "关闭", "不检查": severity = nil
        default: return .failure(RuleOverrideError(text: text, reason: "级别“\(parts[1])”应为 error、warning 或 off"))
        }
        return .success(Entry(group: group, ruleID: target, severity: severity))
    }
}

public struct RuleOverrideError: Error, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "--rule \(text)：\(reason)" }
}
