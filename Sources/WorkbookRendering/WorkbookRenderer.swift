import Findings
import Foundation
import ReportEngine
import ReportSpec
import XlsxWriter

/// What the renderer needs besides the report.
public struct RenderOptions: Sendable {
    /// `nianbao 0.1.0`.
    public var generator: String
    /// The document's creation time, seconds since 1970 (from `SOURCE_DATE_EPOCH` or the
    /// newest input), so the same inputs give the same bytes.
    public var createdEpoch: Int
    public init(generator: String, createdEpoch: Int) {
        self.generator = generator
        self.createdEpoch = createdEpoch
    }

    /// `2021-01-15 08:00:00 UTC`.
    var createdDescription: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(createdEpoch)))
    }
}

/// Writes the merge workbook: 汇总, 分组小计, 明细, 审核结果, 说明.
public struct WorkbookRenderer {
    public let report: MergeReport
    public let options: RenderOptions

    public init(report: MergeReport, options: RenderOptions) {
        self.report = report
        self.options = options
    }

    /// The workbook's title: `鲤城区2020年政府信息公开工作年度报告（汇总）`.
    public var title: String {
        let district = report.district ?? ""
        return report.template.title
            .replacing("{district}", with: district)
            .replacing("{year}", with: String(report.year)) + "（汇总）"
    }

    /// Writes the workbook to `path` (the caller's temporary file).
    ///
    /// - Throws: `XlsxError` when libxlsxwriter fails (disk full, a limit of Excel).
    public func write(to path: String) throws {
        let workbook = try Workbook(path: path)
        try workbook.setProperties(DocumentProperties(
            title: title, subject: "政府信息公开工作年度报告汇总", author: options.generator,
            company: report.district, comments: "由 \(options.generator) 根据各单位报送数据汇总生成",
            created: options.createdEpoch))
        let summarySheet = try workbook.addWorksheet(named: SummarySheet.sheetName)
        let groupSheet = try workbook.addWorksheet(named: GroupSheet.sheetName)
        let detailSheet = try workbook.addWorksheet(named: DetailLayout.sheetName)
        let findingsSheet = try workbook.addWorksheet(named: FindingsSheet.sheetName)
        let aboutSheet = try workbook.addWorksheet(named: AboutSheet.sheetName)

        let detail = DetailSheet(report: report)
        let layout = detail.layout()
        try detail.write(to: detailSheet, layout: layout)
        let summaryPositions = try SummarySheet(report: report, detail: layout).write(to: summarySheet, title: title)
        let groupPositions = try GroupSheet(report: report, detail: layout).write(to: groupSheet)
        let unitIndex = Dictionary(report.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let groupIndex = Dictionary(report.groups.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let template = report.template

        try FindingsSheet(report: report).write(to: findingsSheet) { finding in
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
                return nil
            case .unit(let name):
                guard let u = unitIndex[name] else { return nil }
                let row = layout.unitRows[u]
                return CellTarget(sheet: DetailLayout.sheetName, row: row,
                                  column: figure.map(layout.column(ofFigure:)) ?? 1)
            case .file:
                return nil
            }
        }
        try AboutSheet(report: report, options: options).write(to: aboutSheet)
        try workbook.close()
    }
}
