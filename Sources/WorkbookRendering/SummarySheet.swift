import ExactArithmetic
import ReportEngine
import ReportSpec
import XlsxWriter

/// 汇总: the district totals in the official layout — title, section headings, the
/// tables of the format with their merged headers and verbatim labels. Every figure is a
/// formula over the units' rows on 明细, with its exact value cached.
struct SummarySheet {
    static let sheetName = "汇总"
    /// Widths that fit 表二's labels in A, 表三's three label columns in A–C, and numbers after.
    static let columnWidths: [Double] = [20, 18, 34] + Array(repeating: 10, count: 12)

    let report: MergeReport
    let detail: DetailLayout

    /// The first row of the tables, below the title and subtitle.
    static let tablesTop = 3

    /// Where each figure is (by `FigureSpec.index`).
    static func positions(_ template: ReportTemplate) -> [Int: (row: Int, column: Int)] {
        OfficialTableWriter.positions(template, top: tablesTop)
    }

    func write(to sheet: Worksheet, title: String, targets: FindingTargets) throws {
        let template = report.template
        try Self.writeFrame(sheet, template: template, title: title, subtitle: subtitle,
                            titleMark: targets.mark(Self.sheetName, 0, 0))
        let writer = OfficialTableWriter(template: template, sheet: sheet, columnWidths: Self.columnWidths)
        try writer.writeAll(top: Self.tablesTop, sheetName: Self.sheetName, marks: targets) { figure in
            let value = report.total[figure.index]
            if let formula = detail.sumFormula(figure: figure.index) { return .formula(formula, value) }
            return .value(value)
        }
        try sheet.activate()
    }

    private var subtitle: String {
        let counted = report.units.count
        if report.errorCount > 0 {
            return "（汇总 \(counted) 个单位；有 \(report.errorCount) 个错误未解决，见“审核结果”）"
        }
        return "（汇总 \(counted) 个单位；\(report.template.name)，\(report.template.yearsDescription)）"
    }

    /// Title, subtitle, column widths and page setup shared by 汇总 and every unit's sheet.
    static func writeFrame(_ sheet: Worksheet, template: ReportTemplate, title: String, subtitle: String,
                           titleMark: CellMark?) throws {
        let width = max(template.tables.map(\.layout.width).max() ?? 1, columnWidths.count)
        for (column, columnWidth) in columnWidths.enumerated() {
            try sheet.setColumnWidth(columnWidth, firstColumn: column)
        }
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: width - 1, text: title,
                             format: Styles.title.filled(titleMark?.fill))
        try sheet.comment(titleMark, row: 0, column: 0)
        try sheet.setRowHeight(32, row: 0)
        try sheet.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: width - 1, text: subtitle, format: Styles.subtitle)
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: 0)
        try sheet.centerHorizontally()
        try sheet.setFooter("&C第 &P 页，共 &N 页")
    }
}
