import ExactArithmetic
import Findings
import ReportSpec

/// A file that was read, as listed on the 说明 sheet.
public struct SourceFile: Sendable, Hashable {
    /// The path as given on the command line (or found in a folder).
    public var path: String
    /// The name shown in messages: the path relative to what was given, else the file name.
    public var displayName: String
    public var byteCount: Int
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// `UTF-8`, `GB18030`, …; empty when the file could not be decoded.
    public var encoding: String
    /// `逗号`, `制表符`, `分号`.
    public var delimiter: String
    public var kind: Kind
    /// How many figures needed each normalisation to be read.
    public var normalisations: [NumberText.Normalisation: Int]

    public enum Kind: String, Sendable, Hashable {
        case form = "填报表格"
        case long = "长表"
        case unreadable = "无法读取"
    }

    public init(path: String, displayName: String, byteCount: Int, sha256: String, encoding: String,
                delimiter: String, kind: Kind, normalisations: [NumberText.Normalisation: Int] = [:]) {
        self.path = path
        self.displayName = displayName
        self.byteCount = byteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.kind = kind
        self.normalisations = normalisations
    }
}

/// Where a unit's name was found.
public enum UnitNameSource: Sendable, Hashable {
    /// A `填报单位：…` line.
    case reportingUnitLine(line: Int)
    /// The title line, `××局2020年政府信息公开工作年度报告`.
    case title(line: Int)
    /// Nothing in the file named it: the file name.
    case fileName
    /// The unit column of a long table.
    case longTable

    public var description: String {
        switch self {
        case .reportingUnitLine(let line): "第 \(line) 行“填报单位”"
        case .title(let line): "第 \(line) 行标题"
        case .fileName: "文件名"
        case .longTable: "长表“单位”列"
        }
    }
}

/// One unit's figures as read from one file.
public struct UnitSubmission: Sendable {
    public var unit: String
    public var unitSource: UnitNameSource
    /// The report year the file states (title, 填报年度 or the long table's year column).
    public var statedYear: Int?
    public var yearLocation: SourceLocation?
    public var file: SourceFile
    /// Figures by `FigureSpec.index`; `nil` where the file gave none (counted as 0).
    public var values: [ExactDecimal?]
    /// Where each figure was read in `file`, by `FigureSpec.index`: line and column, 0 where
    /// it was not read. Two numbers instead of a `SourceLocation` (a file name and two
    /// optionals) per figure: at 10,000 units that is 16 MB instead of 110 MB.
    private var positions: [(line: Int32, column: Int32)]
    /// The ids of the tables found in the file.
    public var tablesFound: Set<String>
    /// Problems found while reading this unit's figures.
    public var findings: [Finding]
    /// Set when the file was filled in on another format's form: what gave it away.
    public var formatGiveaway: FormatGiveaway?

    public init(unit: String, unitSource: UnitNameSource, file: SourceFile, figureCount: Int) {
        self.unit = unit
        self.unitSource = unitSource
        self.file = file
        self.values = Array(repeating: nil, count: figureCount)
        self.positions = Array(repeating: (0, 0), count: figureCount)
        self.tablesFound = []
        self.findings = []
    }

    /// A figure, with a missing one counted as zero.
    public func value(at index: Int) -> ExactDecimal {
        values[index] ?? .zero
    }

    /// Where a figure was read; nil when the file did not give it.
    public func location(at index: Int) -> SourceLocation? {
        let position = positions[index]
        guard position.line > 0 else { return nil }
        return SourceLocation(file: file.displayName, line: Int(position.line), column: Int(position.column))
    }

    /// Records where a figure was read: a 1-based line and column of `file`.
    public mutating func setLocation(line: Int, column: Int, at index: Int) {
        positions[index] = (Int32(clamping: line), Int32(clamping: column))
    }
}

/// A label or cell code that only another format has, and where it was found.
public struct FormatGiveaway: Sendable, Hashable {
    /// The other format, e.g. `2019`.
    public var format: String
    /// The label or code as written in the file.
    public var text: String
    public var location: SourceLocation
}

/// Everything read from the inputs of one run.
public struct ReadResult: Sendable {
    public var files: [SourceFile]
    public var submissions: [UnitSubmission]
    /// Problems with whole files (unreadable, no table found).
    public var fileFindings: [Finding]

    public init(files: [SourceFile] = [], submissions: [UnitSubmission] = [], fileFindings: [Finding] = []) {
        self.files = files
        self.submissions = submissions
        self.fileFindings = fileFindings
    }
}

extension FigureSpec {
    /// The figure's place in words: `表三“1.本机关不掌握相关政府信息”行“自然人”列`.
    public func place(tableName: String) -> String {
        if rowLabel.isEmpty {
            return "\(tableName)“\(columnPath.joined(separator: "—"))”列"
        }
        return "\(tableName)“\(rowLabel)”行“\(columnLabel)”列"
    }
}
