import Findings
import ReportEngine
import ReportSpec
import Submissions
import XlsxWriter

/// A cell of the workbook.
struct CellTarget: Hashable {
    let sheet: String
    let row: Int
    let column: Int

    var a1: String { CellReference.a1(row: row, column: column) }
}

/// How a cell a finding is about is shown: filled (red for an error, yellow for a
/// warning) and with a comment naming every finding and rule about it.
struct CellMark {
    let fill: UInt32
    let comment: String
}

/// The marks on one sheet, by row and then column. A sheet writer looks a row up once and
/// then only the row's few marked columns, instead of hashing a `CellTarget` — a sheet name
/// and two numbers — for each of 明细's two million cells.
struct SheetMarks {
    fileprivate(set) var byRow: [Int: [Int: CellMark]] = [:]

    /// The marks on `row` by column; `nil` when the row has none (most rows).
    func row(_ row: Int) -> [Int: CellMark]? { byRow[row] }

    func mark(_ row: Int, _ column: Int) -> CellMark? { byRow[row]?[column] }
}

/// Where every finding points in the workbook, and the marks that makes on cells. Every
/// finding gets a target, and every target is highlighted and commented, so a link from
/// 审核结果 always lands on a cell that says what is wrong with it.
struct FindingTargets {
    let report: MergeReport
    let detail: DetailLayout
    let groupPositions: GroupSheet.Positions
    let summaryPositions: [Int: (row: Int, column: Int)]
    /// Unit name → its own sheet, when unit sheets are written.
    let unitSheets: [String: String]
    /// Positions of figures on a unit sheet (the same official layout as 汇总).
    let unitSheetPositions: [Int: (row: Int, column: Int)]
    /// File path → its row on 说明.
    let aboutFileRows: [KeyBytes: Int]

    /// 说明 rows by the name files are shown with in findings.
    private let aboutRowsByDisplayName: [KeyBytes: Int]
    /// Counted units by name, and groups by name: their index.
    private let unitIndex: [String: Int]
    private let groupIndex: [String: Int]

    private(set) var targets: [CellTarget?] = []
    /// Marks by sheet name.
    private var marks: [String: SheetMarks] = [:]

    init(report: MergeReport, detail: DetailLayout, groupPositions: GroupSheet.Positions,
         summaryPositions: [Int: (row: Int, column: Int)], unitSheets: [String: String],
         unitSheetPositions: [Int: (row: Int, column: Int)], aboutFileRows: [KeyBytes: Int]) {
        self.report = report
        self.detail = detail
        self.groupPositions = groupPositions
        self.summaryPositions = summaryPositions
        self.unitSheets = unitSheets
        self.unitSheetPositions = unitSheetPositions
        self.aboutFileRows = aboutFileRows
        // By index rather than `for file in`/`enumerated()`, which copy every SourceFile and
        // CountedUnit (ten thousand of each in a city's merge).
        var rows: [KeyBytes: Int] = [:]
        rows.reserveCapacity(report.files.count)
        for file in report.files.indices where rows[KeyBytes(report.files[file].displayName)] == nil {
            rows[KeyBytes(report.files[file].displayName)] = aboutFileRows[KeyBytes(report.files[file].path)]
        }
        aboutRowsByDisplayName = rows
        unitIndex = Dictionary(report.units.indices.map { (report.units[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        groupIndex = Dictionary(report.groups.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        targets = report.findings.map(target)
        var byCell: [CellTarget: [Finding]] = [:]
        for (finding, target) in zip(report.findings, targets) {
            if let target { byCell[target, default: []].append(finding) }
        }
        for (cell, findings) in byCell {
            let fill = findings.contains { $0.severity == .error } ? Styles.errorFill
                : findings.contains { $0.explanation == nil } ? Styles.warningFill : Styles.explainedFill
            let comment = findings.map(Self.commentLine).joined(separator: "\n")
            marks[cell.sheet, default: SheetMarks()].byRow[cell.row, default: [:]][cell.column] =
                CellMark(fill: fill, comment: String(comment.prefix(30_000)))
        }
    }

    /// The marks on one sheet (none for a sheet no finding is about).
    func marks(on sheet: String) -> SheetMarks {
        marks[sheet] ?? SheetMarks()
    }

    func mark(_ sheet: String, _ row: Int, _ column: Int) -> CellMark? {
        marks[sheet]?.mark(row, column)
    }

    /// `错误 [rule-failed] 2019:R3.3：…message`
    static func commentLine(_ finding: Finding) -> String {
        var head = finding.severity.chineseName
        if finding.explanation != nil { head += "（已说明）" }
        head += " [\(finding.code.rawValue)]"
        if let rule = finding.rule { head += " \(rule.ruleID)" }
        var line = "\(head)：\(finding.message)"
        if let explanation = finding.explanation { line += "（说明：\(explanation)）" }
        return line
    }

    private func target(_ finding: Finding) -> CellTarget? {
        let template = report.template
        let figure = finding.cellCode.flatMap { template.index(of: $0) }
        switch finding.scope {
        case .total:
            if let figure, let position = summaryPositions[figure] {
                return CellTarget(sheet: SummarySheet.sheetName, row: position.row, column: position.column)
            }
            return CellTarget(sheet: SummarySheet.sheetName, row: 0, column: 0)
        case .group(let name):
            guard let g = groupIndex[name] else { return nil }
            if let figure, let row = groupPositions.figureRows[figure] {
                return CellTarget(sheet: GroupSheet.sheetName, row: row, column: groupPositions.groupColumn(g))
            }
            return CellTarget(sheet: GroupSheet.sheetName, row: groupPositions.figureHeaderRow, column: groupPositions.groupColumn(g))
        case .unit(let name):
            if let u = unitIndex[name] {
                if let sheet = unitSheets[name] {
                    if let figure, let position = unitSheetPositions[figure] {
                        return CellTarget(sheet: sheet, row: position.row, column: position.column)
                    }
                    return CellTarget(sheet: sheet, row: 0, column: 0)
                }
                if let figure {
                    return CellTarget(sheet: DetailLayout.sheetName, row: detail.unitRows[u], column: detail.column(ofFigure: figure))
                }
                return CellTarget(sheet: DetailLayout.sheetName, row: detail.unitRows[u], column: 1)
            }
            if let row = detail.uncountedRows[name] {
                return CellTarget(sheet: DetailLayout.sheetName, row: row, column: 1)
            }
            return fileTarget(finding)
        case .file:
            return fileTarget(finding)
        }
    }

    private func fileTarget(_ finding: Finding) -> CellTarget? {
        guard let file = finding.location?.file, let row = aboutRowsByDisplayName[KeyBytes(file)] else { return nil }
        return CellTarget(sheet: AboutSheet.sheetName, row: row, column: 0)
    }
}

extension Worksheet {
    /// Adds the mark's comment to a cell (its fill is part of the cell's format).
    func comment(_ mark: CellMark?, row: Int, column: Int) throws {
        guard let mark, !mark.comment.isEmpty else { return }
        try writeComment(mark.comment, row: row, column: column, author: "nianbao")
    }
}
