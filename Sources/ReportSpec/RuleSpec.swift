import ExactArithmetic

/// One rule instance over cell codes: `left relation right`, each side a signed sum of
/// cells and constants. Rules are linear, so a rule that holds for every unit holds
/// for their sum (spec §5.6 A.2); the engine checks every level anyway.
public struct RuleSpec: Sendable, Hashable {
    /// The namespaced id, e.g. `2019:R3.1`.
    public let id: String
    /// The id as written in the template, e.g. `R3.1`.
    public let templateID: String
    /// The variable values of this instance, e.g. `c=NP`; empty without `each`.
    public let instance: String
    public let tableID: String?
    public let severity: RuleSeverity
    /// The levels the rule is checked on: units, group subtotals, the total.
    public let levels: Set<RuleLevel>
    /// Checked only for units on a roster: a rule about what kind of unit it is (R2.3)
    /// cannot judge a unit nobody has described.
    public let requiresRoster: Bool
    public let relation: Relation
    public let left: [Term]
    public let right: [Term]
    /// The cell a finding of this rule is about (the first cell unless `cell:` says otherwise).
    public let subjectCode: String
    /// The Chinese message from the template.
    public let message: String
    /// The check after substitution, e.g. `NEW.NP + CIN.NP = RESULT_TOTAL.NP + COUT.NP`.
    public let equation: String

    /// The previous year's cell codes the rule uses (`prev.COUT.NP` → `COUT.NP`).
    public var previousCells: [String] {
        (left + right).compactMap { term in
            if case .previousCell(let code) = term.operand { return code }
            return nil
        }
    }

    /// Every cell code of the rule, in order of appearance.
    public var cells: [String] {
        (left + right).compactMap { term in
            if case .cell(let code) = term.operand { return code }
            return nil
        }
    }
}

public enum RuleLevel: String, Sendable, Hashable, CaseIterable {
    case unit
    case group
    case total
}

public enum RuleSeverity: String, Sendable, Hashable {
    case error
    case warning
}

public enum Relation: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case greater = ">"
    case less = "<"

    /// Whether `left relation right` holds.
    public func holds(_ left: ExactDecimal, _ right: ExactDecimal) -> Bool {
        switch self {
        case .equal: left == right
        case .greaterOrEqual: left >= right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .less: left < right
        }
    }

    /// The symbol shown to people.
    public var symbol: String {
        switch self {
        case .equal: "="
        case .greaterOrEqual: "≥"
        case .lessOrEqual: "≤"
        case .greater: ">"
        case .less: "<"
        }
    }
}

/// A signed operand of a rule side.
public struct Term: Sendable, Hashable {
    public let negated: Bool
    public let operand: Operand

    public enum Operand: Sendable, Hashable {
        case cell(String)
        /// A figure of the previous year's report, written `prev.CODE` (cross-year rules).
        case previousCell(String)
        case constant(ExactDecimal)
    }
}
