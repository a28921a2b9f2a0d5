import ExactArithmetic
import Findings
import ReportSpec

/// Checks the template's rules on one set of figures (a unit, a group subtotal or the
/// total) and turns each failure into a finding with the equation, both sides' values
/// and the difference.
public struct RuleChecker: Sendable {
    public let template: ReportTemplate
    private let indices: [[Int?]]

    public init(template: ReportTemplate) {
        self.template = template
        self.indices = template.rules.map { rule in rule.cells.map { template.index(of: $0) } }
    }

    /// The findings for one level. `value(i)` gives the figure at `FigureSpec.index` i;
    /// `location(i)` where it was read (units only).
    public func check(scope: FindingScope, subject: String,
                      value: (Int) -> ExactDecimal,
                      location: (Int) -> SourceLocation? = { _ in nil }) -> [Finding] {
        var findings: [Finding] = []
        for rule in template.rules {
            guard let left = evaluate(rule.left, value), let right = evaluate(rule.right, value) else {
                continue  // A sum that overflows is reported by the roll-up.
            }
            if rule.relation.holds(left, right) { continue }
            let difference = left.subtracting(right) ?? .zero
            guard let subjectIndex = template.index(of: rule.subjectCode) else { continue }
            let figure = template.figures[subjectIndex]
            let tableName = template.table(figure.tableID)?.name ?? figure.tableID
            let equationWithValues = valuesText(rule.left, value) + " " + Self.negatedSymbol(rule.relation) + " " + valuesText(rule.right, value)
            let outcome = RuleOutcome(
                ruleID: rule.id, equation: rule.equation, equationWithValues: equationWithValues,
                relation: rule.relation.symbol, left: left, right: right, difference: difference, cells: rule.cells)
            findings.append(Finding(
                code: .ruleFailed, severity: rule.severity == .error ? .error : .warning,
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

    private func evaluate(_ terms: [Term], _ value: (Int) -> ExactDecimal) -> ExactDecimal? {
        var total = ExactDecimal.zero
        for term in terms {
            let operand: ExactDecimal
            switch term.operand {
            case .cell(let code):
                guard let index = template.index(of: code) else { return nil }
                operand = value(index)
            case .constant(let constant):
                operand = constant
            }
            guard let next = term.negated ? total.subtracting(operand) : total.adding(operand) else { return nil }
            total = next
        }
        return total
    }

    /// `8 + 4 + 1 + 1（其余 15 项为 0）`: the side's values; with more than four terms the
    /// zero terms are left out and counted.
    private func valuesText(_ terms: [Term], _ value: (Int) -> ExactDecimal) -> String {
        var parts: [String] = []
        var zeros = 0
        for term in terms {
            let operand: ExactDecimal
            switch term.operand {
            case .cell(let code): operand = template.index(of: code).map(value) ?? .zero
            case .constant(let constant): operand = constant
            }
            if terms.count > 4 && operand.isZero && term.operand != .constant(operand) {
                zeros += 1
                continue
            }
            // A negative value in parentheses, so `1 + (-3)` reads as the sum it is.
            let shown = operand.isNegative && !parts.isEmpty ? "(\(operand))" : operand.description
            let sign = term.negated ? "- " : "+ "
            parts.append(parts.isEmpty && !term.negated ? shown : sign + shown)
        }
        if parts.isEmpty { parts.append("0") }
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
