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
    private var headers: [KeyBytes: HeaderFacts] = [:]
    private var giveaways: [KeyBytes: Bool] = [:]
    private var headings: [KeyBytes: Heading] = [:]
    private var knownLabels: [KeyBytes: Bool] = [:]
    private var giveawayRows: [KeyBytes: Bool] = [:]
    /// Data rows matched, by joined label key and preferred table (-1: none); the entry's
    /// position, or -1 when nothing matches.
    private var dataRows: [RowQuery: Int] = [:]

    private struct RowQuery: Hashable {
        let joined: KeyBytes
        let preferred: Int
    }
    /// Entries kept per kind, so that a file of endless distinct texts cannot grow the memo without bound.
    static let capacity = 20_000

    init(index: LabelIndex) {
        self.index = index
    }

    /// What a row's joined label key heads, if anything.
    func heading(_ joined: String) -> Heading {
        if let known = headings[KeyBytes(joined)] { return known }
        let heading: Heading
        if let table = index.headings[joined] ?? index.headings[LabelKey.withoutNumbering(joined)] {
            heading = .table(table)
        } else if let block = index.blockHeadings[joined] {
            heading = .block(block.table)
        } else {
            heading = .none
        }
        if headings.count < Self.capacity { headings[KeyBytes(joined)] = heading }
        return heading
    }

    func headerFacts(_ key: String) -> HeaderFacts {
        if let known = headers[KeyBytes(key)] { return known }
        let keys = LabelIndex.headerKeys(key)
        let tables = keys.lazy.compactMap { self.index.headerTexts[$0] }.first ?? []
        let starts = Set(index.dataColumnHeaders.filter { _, headers in keys.contains(where: headers.contains) }.keys)
        let unit: String? = key.containsUTF8(Self.tenThousandYuan) ? "万元" : key.containsUTF8(Self.yuan) ? "元" : nil
        let facts = HeaderFacts(tables: tables, startsFiguresIn: starts, moneyUnit: unit)
        if headers.count < Self.capacity { headers[KeyBytes(key)] = facts }
        return facts
    }

    /// `LabelIndex.matchDataRow`, remembered.
    func matchDataRow(_ joined: String, preferring preferred: Int?) -> LabelIndex.DataRowEntry? {
        let query = RowQuery(joined: KeyBytes(joined), preferred: preferred ?? -1)
        if let known = dataRows[query] { return known >= 0 ? index.dataRows[known] : nil }
        let entry = index.matchDataRow(joined, preferring: preferred)
        if dataRows.count < Self.capacity { dataRows[query] = entry?.position ?? -1 }
        return entry
    }

    /// True when a row with figures under this joined label key is one only another
    /// format has (a label that is a group here carries figures there).
    func isGiveawayRow(_ joined: String) -> Bool {
        guard index.mayBeGiveaway(joined) else { return false }
        if let known = giveawayRows[KeyBytes(joined)] { return known }
        let found = LabelIndex.headerKeys(joined).contains { index.giveawayRowsWithFigures[$0] != nil }
        if giveawayRows.count < Self.capacity { giveawayRows[KeyBytes(joined)] = found }
        return found
    }

    /// `LabelIndex.isKnownLabel`, remembered.
    func isKnownLabel(_ key: String) -> Bool {
        if let known = knownLabels[KeyBytes(key)] { return known }
        let known = index.isKnownLabel(key)
        if knownLabels.count < Self.capacity { knownLabels[KeyBytes(key)] = known }
        return known
    }

    /// True when the key, or the key without its numbering or gloss, is a label only another format has.
    func isGiveawayLabel(_ key: String) -> Bool {
        guard index.mayBeGiveaway(key) else { return false }
        if let known = giveaways[KeyBytes(key)] { return known }
        let found = LabelIndex.headerKeys(key).contains { index.giveawayLabels[$0] != nil }
        if giveaways.count < Self.capacity { giveaways[KeyBytes(key)] = found }
        return found
    }

    private static let tenThousandYuan = Array("万元".utf8)
    private static let yuan = Array("元".utf8)
}
