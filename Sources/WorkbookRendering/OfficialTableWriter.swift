import ExactArithmetic
import ReportSpec
import XlsxWriter

/// What goes into one figure cell of an official table.
enum FigureContent {
    /// A formula with its exact value as the cached result.
    case formula(String, ExactDecimal)
    /// A plain number.
    case value(ExactDecimal)
}

/// Writes a template table in its official layout — section heading, merged headers,
/// verbatim labels, borders on every cell of every merge — onto a sheet, starting at a
/// row. Used for 汇总 and for every unit's own sheet.
struct OfficialTableWriter {
    let template: ReportTemplate
    let sheet: Worksheet
    /// Column widths of the sheet, for row heights of wrapped labels.
    let columnWidths: [Double]

    /// Writes the heading and the grid; returns the row after the table and the sheet
    /// position of every figure (by `FigureSpec.index`).
    /// The rows a template's tables take when laid out from `top` down, each table a heading
    /// row, its grid and a blank row; and where every figure lands (by `FigureSpec.index`).
    static func positions(_ template: ReportTemplate, top: Int) -> [Int: (row: Int, column: Int)] {
        var positions: [Int: (row: Int, column: Int)] = [:]
        var row = top
        for table in template.tables {
            let layout = table.layout
            for r in 0..<layout.height {
                for c in 0..<layout.width {
                    if case .figure(let code) = layout.cells[r][c], let index = template.index(of: code) {
                        positions[index] = (row + 1 + r, c)
                    }
                }
            }
            row += layout.height + 2
        }
        return positions
    }

    /// Writes every table of the template from `top` down (see `positions`).
    func writeAll(top: Int, sheetName: String, marks: FindingTargets?, content: (FigureSpec) -> FigureContent) throws {
        var row = top
        for table in template.tables {
            row = try write(table, top: row, content: content, mark: { marks?.mark(sheetName, $0, $1) }).nextRow
        }
    }

    func write(_ table: TableSpec, top: Int, content: (FigureSpec) -> FigureContent,
               mark: (Int, Int) -> CellMark? = { _, _ in nil }) throws -> (nextRow: Int, positions: [Int: (row: Int, column: Int)]) {
        try sheet.write(table.heading, row: top, column: 0, format: Styles.sectionHeading)
        try sheet.setRowHeight(22, row: top)
        let gridTop = top + 1
        let layout = table.layout
        var positions: [Int: (row: Int, column: Int)] = [:]
        var covered = Set<Int>()  // row * width + column of cells inside a merge

        for merge in layout.merges {
            for r in merge.firstRow...merge.lastRow {
                for c in merge.firstColumn...merge.lastColumn { covered.insert(r * layout.width + c) }
            }
            let first = layout.cells[merge.firstRow][merge.firstColumn]
            let (text, format) = Self.textAndFormat(first)
            try sheet.mergeRange(firstRow: gridTop + merge.firstRow, firstColumn: merge.firstColumn,
                                 lastRow: gridTop + merge.lastRow, lastColumn: merge.lastColumn,
                                 text: text, format: format)
        }
        for r in 0..<layout.height {
            var height = 0.0
            for c in 0..<layout.width {
                let cell = layout.cells[r][c]
                let row = gridTop + r, column = c
                switch cell {
                case .figure(let code):
                    guard let figure = template.figure(code) else { continue }
                    positions[figure.index] = (row, column)
                    let cellMark = mark(row, column)
                    switch content(figure) {
                    case .formula(let formula, let value):
                        try sheet.writeFormula(formula, cachedValue: value.doubleValue, row: row, column: column,
                                               format: Styles.figure(figure, value: value, fill: cellMark?.fill))
                    case .value(let value):
                        try sheet.write(value.doubleValue, row: row, column: column,
                                        format: Styles.figure(figure, value: value, fill: cellMark?.fill))
                    }
                    try sheet.comment(cellMark, row: row, column: column)
                case .text(let text, _):
                    if !covered.contains(r * layout.width + c) {
                        try sheet.write(text, row: row, column: column, format: Self.textAndFormat(cell).format)
                    }
                    height = max(height, rowHeight(text, r: r, c: c, layout: layout))
                case .empty:
                    if !covered.contains(r * layout.width + c) {
                        try sheet.writeBlank(row: row, column: column, format: Styles.emptyCell)
                    }
                case .covered:
                    break
                }
            }
            try sheet.setRowHeight(max(20, height), row: gridTop + r)
        }
        return (gridTop + layout.height + 1, positions)
    }

    /// The height a text cell needs: its width is the merged width when merged across
    /// columns on one row; texts merged down several rows spread over them.
    private func rowHeight(_ text: String, r: Int, c: Int, layout: TableLayout) -> Double {
        var width = c < columnWidths.count ? columnWidths[c] : 10
        if let merge = layout.merges.first(where: { $0.firstRow == r && $0.firstColumn == c }) {
            width = (merge.firstColumn...merge.lastColumn).reduce(0) { $0 + ($1 < columnWidths.count ? columnWidths[$1] : 10) }
            let rows = Double(merge.lastRow - merge.firstRow + 1)
            return Styles.rowHeight(text: text, width: width) / rows
        }
        return Styles.rowHeight(text: text, width: width)
    }

    static func textAndFormat(_ cell: LayoutCell) -> (text: String, format: CellFormat) {
        switch cell {
        case .text(let text, let role):
            switch role {
            case .blockHeading: return (text, Styles.blockHeading)
            case .columnHeader: return (text, Styles.columnHeader)
            case .corner: return (text, Styles.corner)
            case .rowLabel: return (text, Styles.rowLabel)
            }
        default:
            return ("", Styles.emptyCell)
        }
    }
}
