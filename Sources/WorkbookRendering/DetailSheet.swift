import ExactArithmetic
import Progress
import ReportEngine
import ReportSpec
import XlsxWriter

/// Where things are on the 明细 sheet, so that totals elsewhere can be formulas over the
/// units' figures.
struct DetailLayout {
    static let sheetName = "明细"
    static let firstFigureColumn = 4
    static let headerRows = 5

    /// Sheet row of each counted unit, by index into `MergeReport.units`.
    var unitRows: [Int] = []
    /// The unit rows of each group, as contiguous ranges (empty groups have none).
    var groupRanges: [ClosedRange<Int>?] = []
    var groupSubtotalRows: [Int?] = []
    var totalRow = 0
    /// Units that are not counted (not submitted, not on the roster, on another format's
    /// form), listed under the total so that their findings point somewhere.
    var uncounted: [(name: String, group: String, reason: String)] = []
    var uncountedRows: [String: Int] = [:]
    var uncountedHeaderRow: Int { totalRow + 2 }

    func column(ofFigure index: Int) -> Int { Self.firstFigureColumn + index }

    /// `SUM('明细'!E6:E12,'明细'!E14:E30)`: a figure summed over the unit rows of the given
    /// groups (all groups when nil); `nil` when there are no units.
    func sumFormula(figure index: Int, groups: [Int]? = nil, qualified: Bool = true) -> String? {
        let column = CellReference.columnLetters(self.column(ofFigure: index))
        let prefix = qualified ? CellReference.quotedSheetName(Self.sheetName) + "!" : ""
        let ranges = (groups ?? Array(groupRanges.indices)).compactMap { groupRanges[$0] }
        guard !ranges.isEmpty else { return nil }
        let parts = ranges.map { range in
            range.count == 1
                ? "\(prefix)\(column)\(range.lowerBound + 1)"
                : "\(prefix)\(column)\(range.lowerBound + 1):\(column)\(range.upperBound + 1)"
        }
        return "SUM(" + parts.joined(separator: ",") + ")"
    }
}

/// 明细: one row per unit, one column per figure, with a subtotal row after each group
/// and the total at the bottom; every subtotal and total is a formula over the unit rows.
struct DetailSheet {
    let report: MergeReport

    func layout() -> DetailLayout {
        var layout = DetailLayout()
        layout.unitRows = Array(repeating: 0, count: report.units.count)
        var row = DetailLayout.headerRows
        let showSubtotals = report.groups.count > 1 || report.roster != nil
        for group in report.groups {
            if group.unitIndices.isEmpty {
                layout.groupRanges.append(nil)
            } else {
                let first = row
                for unit in group.unitIndices {
                    layout.unitRows[unit] = row
                    row += 1
                }
                layout.groupRanges.append(first...(row - 1))
            }
            if showSubtotals {
                layout.groupSubtotalRows.append(row)
                row += 1
            } else {
                layout.groupSubtotalRows.append(nil)
            }
        }
        layout.totalRow = row
        let counted = Set(report.units.map(\.name))
        for (submission, reason) in report.excluded where !counted.contains(submission.unit) {
            if layout.uncountedRows[submission.unit] == nil {
                let group = report.roster?.match(submission.unit)?.unit.group ?? ""
                layout.uncounted.append((submission.unit, group, reason))
                layout.uncountedRows[submission.unit] = 0
            }
        }
        for unit in report.roster?.units ?? [] where !counted.contains(unit.name) && layout.uncountedRows[unit.name] == nil {
            layout.uncounted.append((unit.name, unit.group, "未报送"))
            layout.uncountedRows[unit.name] = 0
        }
        for (offset, unit) in layout.uncounted.enumerated() {
            layout.uncountedRows[unit.name] = layout.uncountedHeaderRow + 1 + offset
        }
        return layout
    }

    /// Writes the sheet row by row, top to bottom, so that it can stream (see
    /// `Workbook.addWorksheet(named:streaming:)`): units group by group, each group's
    /// subtotal after its units, then the total and the units not counted.
    func write(to sheet: Worksheet, layout: DetailLayout, targets: FindingTargets, progress: ProgressCounter? = nil) throws {
        let template = report.template
        let figures = template.figures
        let lastColumn = DetailLayout.firstFigureColumn + figures.count - 1
        try sheet.write("明细：各单位数据（每行一个单位，每列一个指标；小计、合计为公式）", row: 0, column: 0, format: Styles.sectionHeading)
        try writeHeader(sheet, layout: layout)

        // One row per unit and a cell per figure: two million cells for 10,000 units, so
        // formats are resolved once (FigureFormats) and marks looked up once per row.
        let marks = targets.marks(on: DetailLayout.sheetName)
        var figureFormats = FigureFormats(sheet: sheet, template: template)
        let text = try sheet.resolve(Styles.text)
        let units = report.units
        for (g, group) in report.groups.enumerated() {
            for index in group.unitIndices {
                let row = layout.unitRows[index]
                let rowMarks = marks.row(row)
                try sheet.write(Double(index + 1), row: row, column: 0, format: text)
                if let nameMark = rowMarks?[1] {
                    try sheet.write(units[index].name, row: row, column: 1, format: Styles.text.filled(nameMark.fill))
                    try sheet.comment(nameMark, row: row, column: 1)
                } else {
                    try sheet.write(units[index].name, row: row, column: 1, format: text)
                }
                try sheet.write(units[index].group, row: row, column: 2, format: text)
                // Once per row: reading through `units[index]` in the loop copies the submission per cell.
                let submission = units[index].submission
                try sheet.write(submission.file.displayName, row: row, column: 3, format: text)
                for figure in figures.indices {
                    let value = submission.value(at: figure)
                    let column = layout.column(ofFigure: figure)
                    let mark = rowMarks?[column]
                    let format = if let mark {
                        try sheet.resolve(Styles.figure(figures[figure], value: value, fill: mark.fill))
                    } else {
                        try figureFormats.format(figure: figure, value: value)
                    }
                    try sheet.write(value.doubleValue, row: row, column: column, format: format)
                    try sheet.comment(mark, row: row, column: column)
                }
                progress?.advance()
            }
            if let row = layout.groupSubtotalRows[g] {
                try writeTotalRow(sheet, row: row, label: MergeReport.groupSubject(group.name), values: group.values,
                                  layout: layout, groups: [g])
            }
        }
        try writeTotalRow(sheet, row: layout.totalRow, label: MergeReport.totalName, values: report.total,
                          layout: layout, groups: nil)
        if !layout.uncounted.isEmpty {
            try sheet.write("未计入汇总的单位", row: layout.uncountedHeaderRow, column: 1, format: Styles.sectionHeading)
            for unit in layout.uncounted {
                let row = layout.uncountedRows[unit.name]!
                let mark = marks.mark(row, 1)
                try sheet.write(unit.name, row: row, column: 1, format: Styles.text.filled(mark?.fill))
                try sheet.comment(mark, row: row, column: 1)
                try sheet.write(unit.group.isEmpty ? "—" : unit.group, row: row, column: 2, format: Styles.text)
                try sheet.write(unit.reason, row: row, column: 3, format: Styles.text)
            }
        }

        try sheet.setColumnWidth(6, firstColumn: 0)
        try sheet.setColumnWidth(max(16, report.units.map { TextWidth.columnWidth(forLongestText: $0.name) }.max() ?? 16),
                                 firstColumn: 1)
        try sheet.setColumnWidth(12, firstColumn: 2)
        try sheet.setColumnWidth(24, firstColumn: 3)
        try sheet.setColumnWidth(11, firstColumn: DetailLayout.firstFigureColumn, lastColumn: lastColumn)
        try sheet.freezePanes(row: DetailLayout.headerRows, column: 2)
        try sheet.repeatRows(first: 1, last: 4)
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
    }

    /// Rows 1–4: 序号, 单位, 分组 and 文件 each span the four rows; each figure's column
    /// gives its table, row, column and code. Written row by row, the four spans merged once
    /// the last row is written (`Worksheet.mergeWrittenRange`).
    private func writeHeader(_ sheet: Worksheet, layout: DetailLayout) throws {
        let template = report.template
        let spanning = ["序号", "单位", "分组", "文件"]
        let figureLabels: [(FigureSpec) -> String] = [
            { template.table($0.tableID)?.name ?? $0.tableID },
            { $0.rowLabel.isEmpty ? $0.columnPath.dropLast().joined(separator: "—") : $0.rowLabel },
            { $0.columnLabel },
            { $0.code },
        ]
        let heights: [Int: Double] = [2: 60, 3: 30]
        for (offset, label) in figureLabels.enumerated() {
            let row = 1 + offset
            if let height = heights[row] { try sheet.setRowHeight(height, row: row) }
            for (column, text) in spanning.enumerated() {
                if offset == 0 {
                    try sheet.write(text, row: row, column: column, format: Styles.columnHeader)
                } else {
                    try sheet.writeBlank(row: row, column: column, format: Styles.columnHeader)
                }
            }
            for figure in template.figures {
                try sheet.write(label(figure), row: row, column: layout.column(ofFigure: figure.index), format: Styles.columnHeader)
            }
        }
        let lastRow = figureLabels.count
        for (column, text) in spanning.enumerated() {
            try sheet.mergeWrittenRange(firstRow: 1, firstColumn: column, lastRow: lastRow, lastColumn: column,
                                        text: text, format: Styles.columnHeader)
        }
    }

    private func writeTotalRow(_ sheet: Worksheet, row: Int, label: String, values: [ExactDecimal],
                               layout: DetailLayout, groups: [Int]?) throws {
        let labelFormat = CellFormat(fontName: Styles.song, fontSize: Styles.bodySize, bold: true,
                                     fillColor: Styles.subtotalFill, border: .thin, verticalAlignment: .center)
        try sheet.mergeRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 3, text: label, format: labelFormat)
        for figure in report.template.figures {
            let value = values[figure.index]
            let format = Styles.figure(figure, value: value, bold: true, fill: Styles.subtotalFill)
            let column = layout.column(ofFigure: figure.index)
            if let formula = layout.sumFormula(figure: figure.index, groups: groups, qualified: false) {
                try sheet.writeFormula(formula, cachedValue: value.doubleValue, row: row, column: column, format: format)
            } else {
                try sheet.write(value.doubleValue, row: row, column: column, format: format)
            }
        }
    }
}
