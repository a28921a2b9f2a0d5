import ExactArithmetic

/// How bad a finding is. An error makes the exit status 1; a warning alone leaves it 0.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    /// The word printed before the message: `错误` or `警告`.
    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        // Errors sort first.
        lhs == .error && rhs == .warning
    }
}

/// What a finding is about: one unit's submission, a group subtotal, or the total.
public enum FindingScope: Hashable, Sendable {
    case file
    case unit(String)
    case group(String)
    case total
}

/// Where in a file a finding applies; everything a person reads is one-based.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, omitting what is unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A failed rule: the equation as written in the template and with values, both
/// sides, the difference, and the cells that contributed (as Arelle reports a
/// calculation inconsistency).
public struct RuleOutcome: Hashable, Sendable {
    public var ruleID: String
    /// The equation over cell codes after substitution, e.g. `NEW.NP + CIN.NP = RESULT_TOTAL.NP + COUT.NP`.
    public var equation: String
    /// The same equation in words and values, e.g. `一、本年新收 15 + 二、上年结转 0 = … 14 + … 1`.
    public var equationWithValues: String
    public var relation: String
    public var left: ExactDecimal
    public var right: ExactDecimal
    /// `left − right`.
    public var difference: ExactDecimal
    /// Every cell code on either side, in order of appearance.
    public var cells: [String]

    public init(ruleID: String, equation: String, equationWithValues: String, relation: String,
                left: ExactDecimal, right: ExactDecimal, difference: ExactDecimal, cells: [String]) {
        self.ruleID = ruleID
        self.equation = equation
        self.equationWithValues = equationWithValues
        self.relation = relation
        self.left = left
        self.right = right
        self.difference = difference
        self.cells = cells
    }
}

/// One problem found in the input or the figures. Findings are values collected in a
/// report, never thrown: a run goes on after a bad submission.
public struct Finding: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    public var scope: FindingScope
    /// The unit, group or total the finding is about, as shown to people.
    public var subject: String?
    public var location: SourceLocation?
    /// The table's short name (`表三`), when the finding is about a table.
    public var table: String?
    public var rowLabel: String?
    public var columnLabel: String?
    /// The cell code the finding is about (the first cell of a failed rule).
    public var cellCode: String?
    /// The named parameters of the message template, in a stable order.
    public var parameters: [MessageParameter]
    public var rule: RuleOutcome?
    /// Extra lines that point elsewhere (another file, the other cells of a rule).
    public var notes: [String]
    /// An accepted explanation, when a warning has been explained.
    public var explanation: String?

    public init(code: FindingCode, severity: Severity? = nil, scope: FindingScope, subject: String? = nil,
                location: SourceLocation? = nil, table: String? = nil, rowLabel: String? = nil,
                columnLabel: String? = nil, cellCode: String? = nil, parameters: [MessageParameter] = [],
                rule: RuleOutcome? = nil, notes: [String] = []) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.scope = scope
        self.subject = subject
        self.location = location
        self.table = table
        self.rowLabel = rowLabel
        self.columnLabel = columnLabel
        self.cellCode = cellCode
        self.parameters = parameters
        self.rule = rule
        self.notes = notes
        self.explanation = nil
    }

    /// The message in Chinese, rendered from the code's template and the parameters.
    public var message: String {
        code.render(parameters)
    }

    /// Value of a named parameter.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }
}

/// A named value in a message template.
public struct MessageParameter: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == Finding {
    /// Errors first, then by subject, file, line and column; stable for equal keys.
    public func sortedForDisplay() -> [Finding] {
        sortedStably { x, y in
            if x.severity != y.severity { return x.severity < y.severity }
            if (x.subject ?? "") != (y.subject ?? "") { return (x.subject ?? "") < (y.subject ?? "") }
            return Self.locationOrder(x, y)
        }
    }

    /// For the terminal, read over the phone: problems with whole files first, then each
    /// unit's findings together (units with errors first), then the group subtotals, then
    /// the total; errors first within each, then by file, line and column.
    public func groupedByUnit() -> [Finding] {
        func rank(_ scope: FindingScope) -> Int {
            switch scope {
            case .file: 0
            case .unit: 1
            case .group: 2
            case .total: 3
            }
        }
        let unitsWithErrors = Set(filter { $0.severity == .error && $0.explanation == nil }.compactMap(\.subject))
        return sortedStably { x, y in
            if rank(x.scope) != rank(y.scope) { return rank(x.scope) < rank(y.scope) }
            let sx = x.subject ?? "", sy = y.subject ?? ""
            let ex = unitsWithErrors.contains(sx), ey = unitsWithErrors.contains(sy)
            if ex != ey { return ex }
            if sx != sy { return sx < sy }
            if x.severity != y.severity { return x.severity < y.severity }
            return Self.locationOrder(x, y)
        }
    }

    /// By file, line and column; `nil` (equal) keeps the original order.
    private static func locationOrder(_ x: Finding, _ y: Finding) -> Bool? {
        let fx = x.location?.file ?? "", fy = y.location?.file ?? ""
        if fx != fy { return fx < fy }
        let lx = x.location?.line ?? 0, ly = y.location?.line ?? 0
        if lx != ly { return lx < ly }
        let cx = x.location?.column ?? 0, cy = y.location?.column ?? 0
        if cx != cy { return cx < cy }
        return nil
    }

    /// Sorted by `less` (nil: equal), equal elements kept in their original order.
    private func sortedStably(_ less: (Finding, Finding) -> Bool?) -> [Finding] {
        // Positions are sorted, not findings: moving a finding copies every field it has.
        indices.sorted { a, b in less(self[a], self[b]) ?? (a < b) }.map { self[$0] }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning && $0.explanation == nil }.count }
}
