import ExactArithmetic

/// One official report format, loaded from a template file: its tables with their
/// official layout, every figure with its stable cell code, the headline indicators,
/// and the rules. Nothing about a format is Swift code; a new format is a new file.
///
/// A class: the template is handed to every reader, checker and writer, and never changes.
public final class ReportTemplate: Sendable {
    /// The format's identifier, e.g. `2019`; rule ids are namespaced with it.
    public let format: String
    public let name: String
    public let issuedBy: String?
    /// The first and last report year this format applies to (`nil`: still in force).
    public let firstYear: Int
    public let lastYear: Int?
    /// The workbook title pattern with `{district}` and `{year}`.
    public let title: String
    public let tables: [TableSpec]
    /// Every figure in template order; `figures[i].index == i`.
    public let figures: [FigureSpec]
    public let headlines: [HeadlineSpec]
    /// Rules with `each` already expanded, in template order.
    public let rules: [RuleSpec]
    /// Where the template came from (a path, or `内置 2019 格式`).
    public let source: String
    /// Labels and codes that only another format has (spec §5.5 F.3).
    public let otherFormat: OtherFormatSpec?

    private let indexByCode: [String: Int]

    init(format: String, name: String, issuedBy: String?, firstYear: Int, lastYear: Int?, title: String,
         tables: [TableSpec], figures: [FigureSpec], headlines: [HeadlineSpec], rules: [RuleSpec], source: String,
         otherFormat: OtherFormatSpec? = nil) {
        self.format = format
        self.name = name
        self.issuedBy = issuedBy
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.title = title
        self.tables = tables
        self.figures = figures
        self.headlines = headlines
        self.rules = rules
        self.source = source
        self.otherFormat = otherFormat
        var index: [String: Int] = [:]
        for figure in figures { index[figure.code] = figure.index }
        self.indexByCode = index
    }

    /// The index of a cell code in `figures`, or `nil` when the format has no such cell.
    public func index(of code: String) -> Int? { indexByCode[code] }

    public func figure(_ code: String) -> FigureSpec? {
        indexByCode[code].map { figures[$0] }
    }

    public func table(_ id: String) -> TableSpec? {
        tables.first { $0.id == id }
    }

    /// True when the format applies to the report year.
    public func applies(toYear year: Int) -> Bool {
        year >= firstYear && (lastYear.map { year <= $0 } ?? true)
    }

    /// A description of the years, e.g. `2019–2020 年度` or `2021 年度起`.
    public var yearsDescription: String {
        if let lastYear { return "\(firstYear)–\(lastYear) 年度" }
        return "\(firstYear) 年度起"
    }
}

/// The kind of a figure, which decides how its text is read (R2.4, R2.1).
public enum FigureKind: String, Sendable, Codable {
    /// A whole number ≥ 0.
    case count
    /// A whole number that may be negative (the 2019 `本年增/减` columns).
    case signed
    /// An amount ≥ 0 in the unit of the figure, keeping every decimal given.
    case money
}

/// One figure (cell) of a table. A class: figures are read in the loops that run for
/// every cell of every file, and a reference costs one retain where the fields cost six.
public final class FigureSpec: Sendable, Hashable {
    /// The stable cell code, e.g. `REG_NEWMADE`, `NEW.NP`, `LD_TOTAL`.
    public let code: String
    public let index: Int
    public let tableID: String
    public let kind: FigureKind
    /// For money: the unit figures are kept in (`元` or `万元`).
    public let unit: String?
    /// For money: a value without a stated unit is a warning.
    public let unitRequired: Bool
    /// The row label path (ancestors first, the leaf last); empty for an unlabelled row.
    public let rowPath: [String]
    /// The column header path (outermost first).
    public let columnPath: [String]
    /// An Excel number format for the figure, if the template gives one.
    public let numberFormat: String?

    init(code: String, index: Int, tableID: String, kind: FigureKind, unit: String?, unitRequired: Bool,
         rowPath: [String], columnPath: [String], numberFormat: String?) {
        self.code = code
        self.index = index
        self.tableID = tableID
        self.kind = kind
        self.unit = unit
        self.unitRequired = unitRequired
        self.rowPath = rowPath
        self.columnPath = columnPath
        self.numberFormat = numberFormat
    }

    /// The row's own label (the leaf), or the empty string for an unlabelled row.
    public var rowLabel: String { rowPath.last ?? "" }
    /// The column's own label.
    public var columnLabel: String { columnPath.last ?? "" }

    public static func == (lhs: FigureSpec, rhs: FigureSpec) -> Bool {
        lhs === rhs || (lhs.code == rhs.code && lhs.index == rhs.index && lhs.tableID == rhs.tableID && lhs.kind == rhs.kind
            && lhs.unit == rhs.unit && lhs.unitRequired == rhs.unitRequired && lhs.rowPath == rhs.rowPath
            && lhs.columnPath == rhs.columnPath && lhs.numberFormat == rhs.numberFormat)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(index)
    }
}

/// What gives away a submission filled in on another format's form: labels only that
/// format has, labels that carry figures there but are a group here, cell codes.
public struct OtherFormatSpec: Sendable, Hashable {
    public let format: String
    public let labels: [String]
    public let rowsWithFigures: [String]
    public let codes: Set<String>
}

/// An indicator quoted in the report's narrative.
public struct HeadlineSpec: Sendable, Hashable {
    public let code: String
    public let label: String
}
