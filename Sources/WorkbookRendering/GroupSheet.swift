import ExactArithmetic
import ReportEngine
import ReportSpec
import XlsxWriter

/// 分组小计: the subtotal of every group and the total. First the indicators the
/// report's 总体情况 quotes, with the sum written out (`82 + 450 + 107 = 639`) so the
/// writer copies numbers from one place; then every figure by group.
struct GroupSheet {
    static let sheetName = "分组小计"

    let report: MergeReport
    let detail: DetailLayout

    /// Where each figure's group subtotals are: row by figure index; column by group
    /// index; the total's column.
    struct Positions {
        static let firstGroupColumn = 4
        var figureRows: [Int: Int] = [:]
        var figureHeaderRow: Int
        var totalColumn: Int
        func groupColumn(_ g: Int) -> Int { Self.firstGroupColumn + g }
    }

    /// Where things are: the headline rows start at 4; after them a heading, the header
    /// row of all figures, then one row per figure.
    static func positions(_ report: MergeReport) -> Positions {
        let template = report.template
        let headlineRows = template.headlines.filter { template.index(of: $0.code) != nil }.count
        let header = 4 + headlineRows + 2
        var positions = Positions(figureHeaderRow: header, totalColumn: Positions.firstGroupColumn + report.groups.count)
        for figure in template.figures { positions.figureRows[figure.index] = header + 1 + figure.index }
        return positions
    }

    func write(to sheet: Worksheet, targets: FindingTargets) throws {
        let template = report.template
        let groups = report.groups
        let layout = Self.positions(report)
        let firstGroupColumn = Positions.firstGroupColumn
        let totalColumn = layout.totalColumn
        try sheet.write("分组小计", row: 0, column: 0, format: Styles.title)
        try sheet.setRowHeight(28, row: 0)

        // 一、总体情况引用数据
        var row = 2
        try sheet.write("一、总体情况引用数据", row: row, column: 0, format: Styles.sectionHeading)
        row += 1
        try sheet.mergeRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 3, text: "指标", format: Styles.columnHeader)
        for (g, group) in groups.enumerated() {
            try sheet.write(group.name, row: row, column: firstGroupColumn + g, format: Styles.columnHeader)
        }
        try sheet.write(MergeReport.totalName, row: row, column: totalColumn, format: Styles.columnHeader)
        try sheet.write("算式", row: row, column: totalColumn + 1, format: Styles.columnHeader)
        row += 1
        for headline in template.headlines {
            guard let index = template.index(of: headline.code) else { continue }
            let figure = template.figures[index]
            try sheet.mergeRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 3, text: headline.label, format: Styles.rowLabel)
            try writeFigureRow(sheet, row: row, figure: figure, firstGroupColumn: firstGroupColumn, totalColumn: totalColumn,
                               targets: nil)
            let parts = groups.map { $0.values[index].description }
            let equation = parts.count > 1 ? parts.joined(separator: " + ") + " = " + report.total[index].description
                                           : report.total[index].description
            try sheet.write(equation, row: row, column: totalColumn + 1, format: Styles.text)
            row += 1
        }

        // 二、全部指标
        row += 1
        try sheet.write("二、全部指标分组小计", row: row, column: 0, format: Styles.sectionHeading)
        row += 1
        for (column, header) in ["表", "行", "列", "指标代码"].enumerated() {
            try sheet.write(header, row: row, column: column, format: Styles.columnHeader)
        }
        precondition(row == layout.figureHeaderRow, "分组小计 layout drifted from GroupSheet.positions")
        for (g, group) in groups.enumerated() {
            let mark = targets.mark(Self.sheetName, row, firstGroupColumn + g)
            try sheet.write(group.name, row: row, column: firstGroupColumn + g, format: Styles.columnHeader.filled(mark?.fill))
            try sheet.comment(mark, row: row, column: firstGroupColumn + g)
        }
        try sheet.write(MergeReport.totalName, row: row, column: totalColumn, format: Styles.columnHeader)
        try sheet.freezePanes(row: row + 1, column: 4)
        row += 1
        for figure in template.figures {
            let tableName = template.table(figure.tableID)?.name ?? figure.tableID
            try sheet.write(tableName, row: row, column: 0, format: Styles.text)
            let rowText = figure.rowLabel.isEmpty ? figure.columnPath.dropLast().joined(separator: "—") : figure.rowLabel
            try sheet.write(rowText, row: row, column: 1, format: Styles.text)
            try sheet.write(figure.columnLabel, row: row, column: 2, format: Styles.text)
            try sheet.write(figure.code, row: row, column: 3, format: Styles.text)
            try writeFigureRow(sheet, row: row, figure: figure, firstGroupColumn: firstGroupColumn, totalColumn: totalColumn,
                               targets: targets)
            row += 1
        }
        try sheet.setColumnWidth(8, firstColumn: 0)
        try sheet.setColumnWidth(36, firstColumn: 1)
        try sheet.setColumnWidth(18, firstColumn: 2)
        try sheet.setColumnWidth(16, firstColumn: 3)
        try sheet.setColumnWidth(14, firstColumn: firstGroupColumn, lastColumn: totalColumn)
        try sheet.setColumnWidth(40, firstColumn: totalColumn + 1)
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(width: 1, height: 0)
    }

    private func writeFigureRow(_ sheet: Worksheet, row: Int, figure: FigureSpec, firstGroupColumn: Int, totalColumn: Int,
                                targets: FindingTargets?) throws {
        for (g, group) in report.groups.enumerated() {
            let value = group.values[figure.index]
            let mark = targets?.mark(Self.sheetName, row, firstGroupColumn + g)
            let format = Styles.figure(figure, value: value, fill: mark?.fill)
            try sheet.comment(mark, row: row, column: firstGroupColumn + g)
            if let formula = detail.sumFormula(figure: figure.index, groups: [g]) {
                try sheet.writeFormula(formula, cachedValue: value.doubleValue, row: row, column: firstGroupColumn + g, format: format)
            } else {
                try sheet.write(value.doubleValue, row: row, column: firstGroupColumn + g, format: format)
            }
        }
        let total = report.total[figure.index]
        let format = Styles.figure(figure, value: total, bold: true)
        if let formula = detail.sumFormula(figure: figure.index) {
            try sheet.writeFormula(formula, cachedValue: total.doubleValue, row: row, column: totalColumn, format: format)
        } else {
            try sheet.write(total.doubleValue, row: row, column: totalColumn, format: format)
        }
    }
}
