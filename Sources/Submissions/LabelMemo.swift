import CSVReading

/// What the recogniser works out about a cell's key, remembered for the files one
/// thread reads: every file repeats the same labels, so each is worked out once and
/// then costs a dictionary lookup. Not shared between threads.
final class LabelMemo {
    /// A cell key as a column header.
    struct HeaderFacts {
        /// The tables that use it as a column header or corner (empty: not a header).
        let tables: [Int]
        /// The tables whose figures start under it (a leaf column label, a block's first data column).
        let startsFiguresIn: Set<Int>
        /// The money unit it states (`本年收费金额（单位：元）`), if any.
        let moneyUnit: String?
    }

    /// A row whose cells are all labels, as a heading.
    enum Heading {
        /// A section heading (`三、收到和处理政府信息公开申请情况`): the table.
        case table(Int)
        /// A block heading (`第二十条第（一）项`): its table.
        case block(Int)
        case none
    }

    let index: LabelIndex
    private var headers = Remembered<KeyBytes, HeaderFacts>()
    private var giveaways = Remembered<KeyBytes, Bool>()
    private var headings = Remembered<KeyBytes, Heading>()
    private var knownLabels = Remembered<KeyBytes, Bool>()
    private var giveawayRows = Remembered<KeyBytes, Bool>()
    /// Data rows matched, by joined label key and preferred table (-1: none); the entry's
    /// position, or -1 when nothing matches.
    private var dataRows = Remembered<RowQuery, Int>()

    /// Row shapes by the hash of their signature; the bytes of the row being looked up.
    private var shapes: [Int: RowShape] = [:]
    private var signature: [UInt8] = []

    private struct RowQuery: RememberedKey {
        let joined: KeyBytes
        let preferred: Int

        var byteCount: Int { joined.byteCount }
    }

    /// Entries kept per kind, and the longest text kept (a label is a few dozen characters,
    /// a row's signature a few hundred bytes), so that files of endless distinct or very long
    /// texts cannot grow a thread's memo beyond some tens of megabytes; the rest is worked
    /// out each time.
    static let capacity = 20_000
    static let longestKey = 1_024
    /// Row shapes: a layout has a hundred or so distinct rows, so a few thousand cover any folder.
    static let shapeCapacity = 5_000
    static let longestSignature = 1_024

    /// Answers by key: each worked out once, kept while there is room.
    private struct Remembered<Key: RememberedKey, Value> {
        private var values: [Key: Value] = [:]

        mutating func value(_ key: Key, workOut: () -> Value) -> Value {
            if let known = values[key] { return known }
            let value = workOut()
            if values.count < LabelMemo.capacity, key.byteCount <= LabelMemo.longestKey { values[key] = value }
            return value
        }
    }

    init(index: LabelIndex) {
        self.index = index
    }

    /// The shape of a form row, worked out once per distinct text. What the shape depends
    /// on — the signature — is the row's cells up to its first plain number (then only
    /// that there is one): the figures after it are the same kind of cell whatever they say.
    func shape(of record: CSVRecord) -> RowShape {
        // A local buffer: no exclusivity check per byte appended to a class property.
        var signature = self.signature
        self.signature = []
        defer { self.signature = signature }
        signature.removeAll(keepingCapacity: true)
        var prefixEnd = record.fields.count
        for (column, field) in record.fields.enumerated() {
            var field = field
            let isNumber = field.withUTF8 { bytes -> Bool in
                if RowShape.isPlainNumber(raw: bytes) { return true }
                // Length first, so that no run of cells can spell another.
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { signature.append(contentsOf: $0) }
                signature.append(contentsOf: bytes)
                return false
            }
            if isNumber {
                prefixEnd = column
                signature.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
                break
            }
        }
        let hash = signature.withUnsafeBytes { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
        if let known = shapes[hash], known.signature == signature { return known }
        let shape = RowShape(fields: record.fields[..<prefixEnd], numberFollows: prefixEnd < record.fields.count, memo: self)
        // A title or 填报单位 line names one unit: not worth a place.
        if !shape.mayBeUnitLine, shapes.count < Self.shapeCapacity, signature.count <= Self.longestSignature, shapes[hash] == nil {
            shape.signature = signature
            shapes[hash] = shape
        }
        return shape
    }

    /// The row shapes kept (for the tests of the bounds).
    var shapesKept: Int { shapes.count }

    /// What a row's joined label key heads, if anything.
    func heading(_ joined: String) -> Heading {
        headings.value(KeyBytes(joined)) {
            if let table = index.headings[joined] ?? index.headings[LabelKey.withoutNumbering(joined)] { return .table(table) }
            if let block = index.blockHeadings[joined] { return .block(block.table) }
            return .none
        }
    }

    func headerFacts(_ key: String) -> HeaderFacts {
        headers.value(KeyBytes(key)) {
            let keys = LabelIndex.headerKeys(key)
            let tables = keys.lazy.compactMap { self.index.headerTexts[$0] }.first ?? []
            let starts = Set(index.dataColumnHeaders.filter { _, headers in keys.contains(where: headers.contains) }.keys)
            let unit: String? = key.containsUTF8(Self.tenThousandYuan) ? "万元" : key.containsUTF8(Self.yuan) ? "元" : nil
            return HeaderFacts(tables: tables, startsFiguresIn: starts, moneyUnit: unit)
        }
    }

    /// `LabelIndex.matchDataRow`, remembered.
    func matchDataRow(_ joined: String, preferring preferred: Int?) -> LabelIndex.DataRowEntry? {
        let position = dataRows.value(RowQuery(joined: KeyBytes(joined), preferred: preferred ?? -1)) {
            index.matchDataRow(joined, preferring: preferred)?.position ?? -1
        }
        return position >= 0 ? index.dataRows[position] : nil
    }

    /// True when a row with figures under this joined label key is one only another
    /// format has (a label that is a group here carries figures there).
    func isGiveawayRow(_ joined: String) -> Bool {
        guard index.mayBeGiveaway(joined) else { return false }
        return giveawayRows.value(KeyBytes(joined)) {
            LabelIndex.headerKeys(joined).contains { index.giveawayRowsWithFigures[$0] != nil }
        }
    }

    /// `LabelIndex.isKnownLabel`, remembered.
    func isKnownLabel(_ key: String) -> Bool {
        knownLabels.value(KeyBytes(key)) { index.isKnownLabel(key) }
    }

    /// True when the key, or the key without its numbering or gloss, is a label only another format has.
    func isGiveawayLabel(_ key: String) -> Bool {
        guard index.mayBeGiveaway(key) else { return false }
        return giveaways.value(KeyBytes(key)) { LabelIndex.headerKeys(key).contains { index.giveawayLabels[$0] != nil } }
    }

    private static let tenThousandYuan = Array("万元".utf8)
    private static let yuan = Array("元".utf8)
}

/// A memo key that tells its size, so that long texts are not kept.
private protocol RememberedKey: Hashable {
    var byteCount: Int { get }
}

extension KeyBytes: RememberedKey {
    var byteCount: Int { key.utf8.count }
}
