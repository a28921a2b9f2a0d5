/// One table of a format, with its official layout laid out as a grid. A class, as the
/// template is: looked up for every row read, it costs one retain instead of one per field.
public final class TableSpec: Sendable {
    /// `T2`, `T3`, `T4`, …: used in rules and cell references.
    public let id: String
    /// The short name people use: `表二`.
    public let name: String
    /// The section heading the table sits under, verbatim: `二、主动公开政府信息情况`.
    public let heading: String
    /// False for the district's own extra tables (headline indicators).
    public let official: Bool
    /// False when a submission may leave the table out without an error.
    public let required: Bool
    public let layout: TableLayout
    /// Rows that carry figures, in order.
    public let dataRows: [DataRowSpec]
    /// Column headers, block headings and the corner note: the texts of rows that carry no figures.
    public let headerTexts: [String]
    /// Column widths in Excel character units, one per grid column.
    public let columnWidths: [Double]
    /// The cell codes of a matrix table's data rows and leaf columns (for `T3.rows`, `T3.columns`).
    public let rowIDs: [String]
    public let columnIDs: [String]

    init(id: String, name: String, heading: String, official: Bool, required: Bool, layout: TableLayout,
         dataRows: [DataRowSpec], headerTexts: [String], columnWidths: [Double], rowIDs: [String], columnIDs: [String]) {
        self.id = id
        self.name = name
        self.heading = heading
        self.official = official
        self.required = required
        self.layout = layout
        self.dataRows = dataRows
        self.headerTexts = headerTexts
        self.columnWidths = columnWidths
        self.rowIDs = rowIDs
        self.columnIDs = columnIDs
    }
}

/// A row that carries figures, with what is needed to recognise it in a CSV and to
/// place it in the official layout.
public struct DataRowSpec: Sendable, Hashable {
    public let tableID: String
    /// Labels from the outermost group to the row's own label. Empty for an
    /// unlabelled row (table 四).
    public let labelPath: [String]
    /// The figures of the row in grid order. `offset` counts grid columns from the
    /// first data column; `code` is nil for a position that holds no figure (N/A).
    public let slots: [Slot]
    /// The block heading (for block tables) the row sits under.
    public let blockHeading: String?
    /// The row's index in the table's grid.
    public let gridRow: Int
    /// The grid column of the first data slot.
    public let firstDataColumn: Int

    public struct Slot: Sendable, Hashable {
        public let code: String?
        public let offset: Int
        public let span: Int
    }

    /// The row's own label.
    public var label: String { labelPath.last ?? "" }
    /// The codes of the row's figures, without the N/A positions.
    public var codes: [String] { slots.compactMap(\.code) }
}

/// The official layout of a table as a grid of cells with merges, zero-based.
public struct TableLayout: Sendable {
    public let width: Int
    public let height: Int
    /// `cells[row][column]`.
    public let cells: [[LayoutCell]]
    public let merges: [CellRange]
    /// How many rows at the top are column headers (repeated when printing).
    public let headerRowCount: Int
    /// How many columns at the left hold row labels.
    public let labelColumnCount: Int
}

/// What one grid cell of the official layout holds.
public enum LayoutCell: Sendable, Hashable {
    case text(String, role: TextRole)
    case figure(code: String)
    /// An empty cell inside the table (bordered, no number: N/A).
    case empty
    /// Covered by a merge that starts elsewhere.
    case covered
}

public enum TextRole: String, Sendable, Hashable {
    case blockHeading
    case columnHeader
    case rowLabel
    case corner
}

/// A rectangular range of grid cells, zero-based and inclusive.
public struct CellRange: Sendable, Hashable {
    public let firstRow: Int
    public let firstColumn: Int
    public let lastRow: Int
    public let lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }
}
