import CSVReading

/// What a form row's cells say before the file's state is considered: its label cells,
/// their joined key, whether figures follow, what it heads, whether it is a column header
/// row or betrays another format.
///
/// It depends only on the row's text up to its first plain number (see `LabelMemo.shape`),
/// so it is worked out once per distinct row text and then remembered: the data rows of
/// every form of a layout repeat the same labels and differ only in their figures.
final class RowShape {
    typealias Cell = (column: Int, text: String, key: String)

    /// A row's label cells as column headers of one table.
    struct Header {
        /// The tables every cell is a header of.
        let tables: [Int]
        /// Each cell's facts, in cell order.
        let facts: [LabelMemo.HeaderFacts]
        /// Where each header text stands, by key (the first cell with that key).
        let columns: [KeyBytes: Int]
    }

    /// No cell has text.
    let isBlank: Bool
    /// The leading run of cells that are labels, not figures.
    let labelCells: [Cell]
    /// The label cells' keys joined, a cell that repeats the one before dropped (WPS
    /// "split and fill", or a label on every row of its merge).
    let joined: String
    /// A figure follows the labels (or stands alone).
    let hasFigures: Bool
    /// The first cell may make the row a title or `填报单位` line, whose reading needs
    /// cells the shape leaves out (a year after the label): such rows take the full way.
    let mayBeUnitLine: Bool
    /// The first label cell that only another format has.
    let giveawayCell: Int?
    /// A row with figures under a label that is a group here (another format's row).
    let isGiveawayRow: Bool
    /// What the row heads and the row as column headers: worked out when first asked,
    /// as most rows never are.
    private var knownHeading: LabelMemo.Heading?
    private var knownHeader: Header??
    /// The bytes the shape was worked out from (`LabelMemo.shape`), to tell hash collisions apart.
    var signature: [UInt8] = []
    /// Data rows matched under each preferred table (-1: none): the entry's position, -1 for none.
    private var dataRows: [(preferred: Int, position: Int)] = []

    /// Works out the shape of `fields`, the row's cells before its first plain number;
    /// `numberFollows` tells whether there is one.
    init(fields: ArraySlice<String>, numberFollows: Bool, memo: LabelMemo) {
        var cells: [Cell] = []
        for (column, text) in zip(fields.indices, fields) {
            let key = LabelKey.key(text)
            if !key.isEmpty { cells.append((column, text, key)) }
        }
        isBlank = cells.isEmpty && !numberFollows
        mayBeUnitLine = cells.first.map { Self.mayBeUnitLine($0.key) } ?? false

        var labelCells: [Cell] = []
        for cell in cells {
            if Self.looksLikeFigure(cell.key) && (Self.isPlainNumber(cell.key) || !memo.isKnownLabel(cell.key)) { break }
            labelCells.append(cell)
        }
        self.labelCells = labelCells
        let hasFigures = labelCells.count < cells.count || numberFollows
        self.hasFigures = hasFigures
        if labelCells.count == 1 {
            joined = labelCells[0].key
        } else {
            var deduplicated: [String] = []
            for cell in labelCells where deduplicated.last.map({ !$0.hasSameUTF8(as: cell.key) }) ?? true {
                deduplicated.append(cell.key)
            }
            joined = deduplicated.joined()
        }

        // Another format's form (spec §5.5 F.3): a label only that format has, or a row
        // with figures under a label that is a group here.
        let index = memo.index
        if index.otherFormatName != nil, !index.giveawayLabels.isEmpty || !index.giveawayRowsWithFigures.isEmpty {
            giveawayCell = labelCells.firstIndex { memo.isGiveawayLabel($0.key) }
            isGiveawayRow = hasFigures && !labelCells.isEmpty && memo.isGiveawayRow(joined)
        } else {
            giveawayCell = nil
            isGiveawayRow = false
        }
    }

    /// What the row heads, when it has no figures.
    func heading(memo: LabelMemo) -> LabelMemo.Heading {
        if let knownHeading { return knownHeading }
        let heading = hasFigures ? .none : memo.heading(joined)
        knownHeading = heading
        return heading
    }

    /// The row as column headers, when it has no figures and every label cell is a header
    /// of a common table.
    func header(memo: LabelMemo) -> Header? {
        if let knownHeader { return knownHeader }
        let header = hasFigures ? nil : Self.header(labelCells, memo: memo)
        knownHeader = .some(header)
        return header
    }

    /// The data row the joined label names, `preferred` table first.
    func dataRow(preferring preferred: Int?, memo: LabelMemo) -> LabelIndex.DataRowEntry? {
        let preferred = preferred ?? -1
        let position: Int
        if let known = dataRows.first(where: { $0.preferred == preferred }) {
            position = known.position
        } else {
            position = memo.matchDataRow(joined, preferring: preferred < 0 ? nil : preferred)?.position ?? -1
            dataRows.append((preferred, position))
        }
        return position >= 0 ? memo.index.dataRows[position] : nil
    }

    private static func header(_ cells: [Cell], memo: LabelMemo) -> Header? {
        guard !cells.isEmpty else { return nil }
        var candidates: [Int]? = nil
        var facts: [LabelMemo.HeaderFacts] = []
        for cell in cells {
            let cellFacts = memo.headerFacts(cell.key)
            candidates = candidates.map { $0.filter(cellFacts.tables.contains) } ?? cellFacts.tables
            if candidates!.isEmpty { return nil }
            facts.append(cellFacts)
        }
        var columns: [KeyBytes: Int] = [:]
        for cell in cells where columns[KeyBytes(cell.key)] == nil { columns[KeyBytes(cell.key)] = cell.column }
        return Header(tables: candidates ?? [], facts: facts, columns: columns)
    }

    /// Every title and `填报单位` line starts with one of these characters or holds the title.
    private static func mayBeUnitLine(_ key: String) -> Bool {
        guard let head = key.unicodeScalars.first else { return false }
        return "填报单".unicodeScalars.contains(head) || key.containsUTF8(titleMarker)
    }

    static let titleMarker = Array("政府信息公开工作年度报告".utf8)

    /// Digits, signs, points and commas only: a figure, never a label.
    static func isPlainNumber(_ key: String) -> Bool {
        key.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2C }
    }

    /// Raw cell bytes whose key is a plain number (`isPlainNumber`), whatever the row:
    /// at least one digit, and otherwise only signs, points and commas (`-` is dropped
    /// from keys, the others kept).
    @inline(__always)
    static func isPlainNumber(raw bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digit = false
        for byte in bytes {
            if byte &- 0x30 < 10 {
                digit = true
            } else if byte != 0x2B && byte != 0x2D && byte != 0x2E && byte != 0x2C {
                return false
            }
        }
        return digit
    }

    /// A cell that is a figure rather than a label: starts like a number, or is a dash.
    static func looksLikeFigure(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        if (0x30...0x39).contains(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || first == UInt8(ascii: ",") {
            return true
        }
        guard first >= 0x80 || first == UInt8(ascii: "/") || first == UInt8(ascii: "-") else { return false }
        // One scalar standing for zero (compared as bytes: `==` on text normalises), or a run of dashes.
        if key.utf8.count <= 3, Self.zeroMarks.contains(where: key.hasSameUTF8) { return true }
        return key.unicodeScalars.allSatisfy { $0 == "—" || $0 == "-" }
    }

    static let zeroMarks = ["—", "–", "/", "−", "－", "无"]
}
