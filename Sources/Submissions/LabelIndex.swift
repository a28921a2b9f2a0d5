import Foundation
import ReportSpec

/// The template's labels as comparison keys, built once per template, and the matching
/// of a row's label cells against them.
struct LabelIndex: Sendable {
    /// A class, so that handing an entry around costs one retain.
    final class DataRowEntry: Sendable {
        /// Position in `dataRows`: identifies the row within a file's reading.
        let position: Int
        let table: Int
        let row: DataRowSpec
        /// The figure of each slot (nil for N/A positions) and the key of its column label.
        let slotFigures: [FigureSpec?]
        let slotColumnKeys: [String?]
        /// Accepted keys of the row's own label, longest first.
        let leafVariants: [String]
        /// Accepted keys of each ancestor label (outermost first), and of the block heading.
        let ancestorVariants: [[String]]

        init(position: Int, table: Int, row: DataRowSpec, slotFigures: [FigureSpec?], slotColumnKeys: [String?],
             leafVariants: [String], ancestorVariants: [[String]]) {
            self.position = position
            self.table = table
            self.row = row
            self.slotFigures = slotFigures
            self.slotColumnKeys = slotColumnKeys
            self.leafVariants = leafVariants
            self.ancestorVariants = ancestorVariants
        }
    }

    /// A data row's accepted label keys as UTF-8 bytes, for matching without Unicode
    /// grapheme work in the loop that runs for every row of every file.
    struct DataRowBytes: Sendable {
        let leaves: [[UInt8]]
        let ancestors: [[[UInt8]]]
    }

    let template: ReportTemplate
    let dataRows: [DataRowEntry]
    let dataRowBytes: [DataRowBytes]
    /// Data rows by the last scalar of any accepted key of their own label.
    let entriesByLastScalar: [Unicode.Scalar: [Int]]
    /// Section heading keys → table index.
    let headings: [String: Int]
    /// Block heading keys → (table index, block heading as written in the template).
    let blockHeadings: [String: (table: Int, heading: String)]
    /// Column header and corner keys → table indices using them.
    let headerTexts: [String: [Int]]
    /// Keys of the leaf column labels of matrix tables and the first data column headers of
    /// blocks: where they are found tells where the figures start.
    let dataColumnHeaders: [Int: Set<String>]
    /// For every table, the keys of the first header entry of a block (信息内容, 指标).
    let blockLabelHeaders: [Int: Set<String>]

    /// Keys of labels only another format has, and of labels that carry figures only there.
    let giveawayLabels: [String: String]
    let giveawayRowsWithFigures: [String: String]
    /// The other format's name (`2021`), when the template names one.
    let otherFormatName: String?
    /// The last scalars of those keys: a cell ending otherwise (and not in a gloss) is no giveaway.
    let giveawayLastScalars: Set<Unicode.Scalar>

    init(template: ReportTemplate) {
        self.template = template
        var giveawayLabels: [String: String] = [:]
        var giveawayRows: [String: String] = [:]
        if let other = template.otherFormat {
            for label in other.labels {
                for variant in LabelKey.variants(of: label) { giveawayLabels[variant] = label }
            }
            for label in other.rowsWithFigures {
                for variant in LabelKey.variants(of: label) { giveawayRows[variant] = label }
            }
        }
        self.otherFormatName = template.otherFormat?.format
        self.giveawayLabels = giveawayLabels
        self.giveawayRowsWithFigures = giveawayRows
        self.giveawayLastScalars = Set((Array(giveawayLabels.keys) + Array(giveawayRows.keys)).compactMap(\.unicodeScalars.last))
        var dataRows: [DataRowEntry] = []
        var headings: [String: Int] = [:]
        var blockHeadings: [String: (Int, String)] = [:]
        var headerTexts: [String: [Int]] = [:]
        var dataColumnHeaders: [Int: Set<String>] = [:]
        var blockLabelHeaders: [Int: Set<String>] = [:]
        for (t, table) in template.tables.enumerated() {
            for variant in LabelKey.variants(of: table.heading) { headings[variant] = t }
            for row in table.dataRows {
                var ancestors = Array(row.labelPath.dropLast()).map { LabelKey.variants(of: $0) }
                if let block = row.blockHeading { ancestors.insert(LabelKey.variants(of: block), at: 0) }
                let leaf = row.labelPath.last.map { LabelKey.variants(of: $0).sorted { $0.count > $1.count } } ?? []
                let figures = row.slots.map { $0.code.flatMap(template.figure) }
                dataRows.append(DataRowEntry(position: dataRows.count, table: t, row: row,
                                             slotFigures: figures, slotColumnKeys: figures.map { $0.map { LabelKey.key($0.columnLabel) } },
                                             leafVariants: leaf, ancestorVariants: ancestors))
                if let block = row.blockHeading {
                    for variant in LabelKey.variants(of: block) { blockHeadings[variant] = (t, block) }
                }
            }
            for text in table.headerTexts {
                for variant in LabelKey.variants(of: text) where !(headerTexts[variant] ?? []).contains(t) {
                    headerTexts[variant, default: []].append(t)
                }
            }
            // Where the figures start: the first data column's header.
            let layout = table.layout
            var starts = Set<String>()
            var labels = Set<String>()
            for r in 0..<layout.height {
                for c in 0..<layout.width {
                    guard case .text(let text, let role) = layout.cells[r][c], role == .columnHeader else { continue }
                    if c == 0 && layout.labelColumnCount == 1 && layout.headerRowCount == 0 {
                        labels.formUnion(LabelKey.variants(of: text))
                    } else if c >= layout.labelColumnCount && (layout.headerRowCount == 0 || Self.isLeafHeader(layout, r, c)) {
                        starts.formUnion(LabelKey.variants(of: text))
                    }
                }
            }
            dataColumnHeaders[t] = starts
            blockLabelHeaders[t] = labels
        }
        self.dataRows = dataRows
        var entriesByLastScalar: [Unicode.Scalar: [Int]] = [:]
        self.dataRowBytes = dataRows.enumerated().map { index, entry in
            for leaf in entry.leafVariants {
                if let last = leaf.unicodeScalars.last, !(entriesByLastScalar[last] ?? []).contains(index) {
                    entriesByLastScalar[last, default: []].append(index)
                }
            }
            return DataRowBytes(leaves: entry.leafVariants.map { Array($0.utf8) },
                                ancestors: entry.ancestorVariants.map { $0.map { Array($0.utf8) } })
        }
        self.entriesByLastScalar = entriesByLastScalar
        self.headings = headings
        self.blockHeadings = blockHeadings
        self.headerTexts = headerTexts
        self.dataColumnHeaders = dataColumnHeaders
        self.blockLabelHeaders = blockLabelHeaders
    }

    /// A matrix header cell is a leaf when nothing below it in the header is another label.
    private static func isLeafHeader(_ layout: TableLayout, _ row: Int, _ column: Int) -> Bool {
        for r in (row + 1)..<max(row + 1, layout.headerRowCount) {
            if case .text = layout.cells[r][column] { return false }
        }
        return true
    }

    /// Every accepted key of a header cell: as written, without numbering, without a gloss
    /// such as `（单位：元）`.
    static func headerKeys(_ key: String) -> [String] {
        var keys = [key]
        let bare = LabelKey.withoutNumbering(key)
        if bare != key { keys.append(bare) }
        if key.utf8.last == UInt8(ascii: ")") { keys.append(LabelKey.withoutGloss(key)) }
        return keys
    }

    /// The data row whose labels the joined key spells: the row's own label last,
    /// preceded by any of its ancestors (in order, each optional). Rows of `preferred`
    /// are tried first; the longest match wins.
    func matchDataRow(_ joinedKey: String, preferring preferred: Int?) -> DataRowEntry? {
        guard let last = joinedKey.unicodeScalars.last, let candidates = entriesByLastScalar[last] else { return nil }
        // Compared as UTF-8 bytes: the keys are normalised already, and a byte suffix of
        // valid UTF-8 that is itself a whole key starts on a scalar boundary.
        var joined = joinedKey
        return joined.withUTF8 { bytes -> DataRowEntry? in
            var best: (entry: Int, score: Int)?
            for index in candidates {
                let entry = dataRowBytes[index]
                for leaf in entry.leaves where bytes.hasSuffix(leaf, before: bytes.count) {
                    var rest = bytes.count - leaf.count
                    for ancestor in entry.ancestors.reversed() {
                        if let match = ancestor.first(where: { !$0.isEmpty && bytes.hasSuffix($0, before: rest) }) {
                            rest -= match.count
                        }
                    }
                    guard rest == 0 else { continue }
                    // Prefer the current table, then the longest (most exact) leaf.
                    let score = leaf.count * 2 + (dataRows[index].table == preferred ? 1 : 0)
                    if best == nil || score > best!.score { best = (index, score) }
                    break
                }
            }
            return best.map { dataRows[$0.entry] }
        }
    }

    /// True when a cell with this key can be a giveaway label (or a row joined from it):
    /// its last scalar ends one, or it ends in a gloss that may hide one.
    func mayBeGiveaway(_ key: String) -> Bool {
        guard let last = key.unicodeScalars.last else { return false }
        return last == ")" || giveawayLastScalars.contains(last)
    }

    /// True when the key is a known label of any kind (so a cell starting with a digit,
    /// like `1.属于国家秘密`, is still a label).
    func isKnownLabel(_ key: String) -> Bool {
        if headings[key] != nil || blockHeadings[key] != nil || headerTexts[key] != nil { return true }
        return matchDataRow(key, preferring: nil) != nil
    }

    /// The template row label closest to an unknown one, for a "did you mean" hint.
    func closestRowLabel(to key: String, in table: Int?) -> String? {
        var best: (label: String, distance: Int)?
        for entry in dataRows where table == nil || entry.table == table {
            guard let label = entry.row.labelPath.last else { continue }
            let candidate = LabelKey.withoutNumbering(LabelKey.key(label))
            let distance = Self.editDistance(Array(LabelKey.withoutNumbering(key)), Array(candidate))
            if best == nil || distance < best!.distance { best = (label, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.label
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when the first `end` bytes end with `suffix`.
    func hasSuffix(_ suffix: [UInt8], before end: Int) -> Bool {
        guard suffix.count <= end else { return false }
        return suffix.withUnsafeBufferPointer { tail in
            tail.isEmpty || memcmp(baseAddress! + (end - tail.count), tail.baseAddress!, tail.count) == 0
        }
    }
}
