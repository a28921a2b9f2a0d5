import Findings
import Foundation
import Progress
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
    /// One sheet per unit in the official layout.
    public var unitSheets: Bool
    /// Counts the 明细 rows written, then says the workbook is being compressed.
    public var progress: ProgressCounter?

    public init(generator: String, createdEpoch: Int, unitSheets: Bool = false, progress: ProgressCounter? = nil) {
        self.generator = generator
        self.createdEpoch = createdEpoch
        self.unitSheets = unitSheets
        self.progress = progress
    }

    /// Up to this many units, every unit gets its own sheet unless asked otherwise: a
    /// district's 30–100 units stay easy to browse as tabs, and the workbook stays a few
    /// hundred kilobytes; beyond that (a city's thousands of units) 明细 serves better.
    public static let unitSheetLimit = 100

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
            created: max(1, options.createdEpoch)))
        let fixedSheets = [SummarySheet.sheetName, GroupSheet.sheetName, DetailLayout.sheetName,
                           FindingsSheet.sheetName, AboutSheet.sheetName]
        let unitSheetNames = options.unitSheets ? UnitSheet.names(for: report.units, reserved: fixedSheets) : [:]

        // Every position is known before anything is written, so that the cells findings
        // are about can be highlighted as they are written.
        let detail = DetailSheet(report: report)
        let layout = detail.layout()
        let about = AboutSheet(report: report, options: options)
        let targets = FindingTargets(
            report: report, detail: layout, groupPositions: GroupSheet.positions(report),
            summaryPositions: SummarySheet.positions(report.template), unitSheets: unitSheetNames,
            unitSheetPositions: SummarySheet.positions(report.template), aboutFileRows: about.fileRows())

        // Sheet order: 汇总, 分组小计, 明细, one sheet per unit, 审核结果, 说明.
        let summarySheet = try workbook.addWorksheet(named: SummarySheet.sheetName)
        let groupSheet = try workbook.addWorksheet(named: GroupSheet.sheetName)
        // 明细 holds nearly every cell of the workbook (two million for 10,000 units): it
        // streams, written row by row without a tree of cells to build and free.
        let detailSheet = try workbook.addWorksheet(named: DetailLayout.sheetName, streaming: true)
        var unitSheets: [(UnitSheet, Worksheet)] = []
        for unit in report.units {
            guard let name = unitSheetNames[unit.name] else { continue }
            unitSheets.append((UnitSheet(report: report, unit: unit, sheetName: name), try workbook.addWorksheet(named: name)))
        }
        let findingsSheet = try workbook.addWorksheet(named: FindingsSheet.sheetName)
        let aboutSheet = try workbook.addWorksheet(named: AboutSheet.sheetName)

        try SummarySheet(report: report, detail: layout).write(to: summarySheet, title: title, targets: targets)
        try GroupSheet(report: report, detail: layout).write(to: groupSheet, targets: targets)
        options.progress?.begin(.writingRows, total: report.units.count)
        try detail.write(to: detailSheet, layout: layout, targets: targets, progress: options.progress)
        for (unitSheet, sheet) in unitSheets { try unitSheet.write(to: sheet, targets: targets) }
        try FindingsSheet(report: report).write(to: findingsSheet, targets: targets)
        try about.write(to: aboutSheet, targets: targets)
        options.progress?.begin(.compressing)
        try workbook.close()
    }
}
