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

    /// Writes the sheet; returns where each figure is (by `FigureSpec.index`).
    func write(to sheet: Worksheet, title: String) throws -> [Int: (row: Int, column: Int)] {
        let template = report.template
        let width = max(template.tables.map(\.layout.width).max() ?? 1, Self.columnWidths.count)
        for (column, columnWidth) in Self.columnWidths.enumerated() {
            try sheet.setColumnWidth(columnWidth, firstColumn: column)
        }
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: width - 1, text: title, format: Styles.title)
        try sheet.setRowHeight(32, row: 0)
        let counted = report.units.count
        var subtitle = "（汇总 \(counted) 个单位；\(template.name)，\(template.yearsDescription)）"
        if report.errorCount > 0 {
            subtitle = "（汇总 \(counted) 个单位；有 \(report.errorCount) 个错误未解决，见“审核结果”）"
        }
        try sheet.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: width - 1, text: subtitle, format: Styles.subtitle)

        let writer = OfficialTableWriter(template: template, sheet: sheet, columnWidths: Self.columnWidths)
        var row = 3
        var positions: [Int: (row: Int, column: Int)] = [:]
        for table in template.tables {
            let written = try writer.write(table, top: row, content: { figure in
                let value = report.total[figure.index]
                if let formula = detail.sumFormula(figure: figure.index) { return .formula(formula, value) }
                return .value(value)
            })
            positions.merge(written.positions) { first, _ in first }
            row = written.nextRow
        }
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: 0)
        try sheet.centerHorizontally()
        try sheet.setFooter("&C第 &P 页，共 &N 页")
        try sheet.activate()
        return positions
    }
}
