import CSVReading
import Findings
import Submissions

/// The expected units (`units.csv`): one row per unit with its name, group and an
/// optional code. Groups give the subtotals the report's narrative quotes.
public struct Roster: Sendable {
    public struct Unit: Sendable, Hashable {
        public let name: String
        public let group: String
        public let code: String?
        /// Position in the file: the order units are listed in.
        public let order: Int
        public let line: Int
        let key: String
    }

    public let path: String
    public let units: [Unit]
    /// Group names in order of first appearance.
    public let groups: [String]
    /// Problems with rows of the roster itself.
    public let findings: [Finding]
    /// Unit positions by name key and by code key (the first unit wins), so that matching
    /// a submission does not scan the roster. Keys are NFKC already: hashed as bytes.
    private let byKey: [KeyBytes: Int]
    private let byCode: [KeyBytes: Int]

    /// The group of units that have no group in the roster.
    public static let ungrouped = "未分组"

    public init(units: [Unit], path: String, findings: [Finding] = []) {
        self.path = path
        self.units = units
        var groups: [String] = []
        for unit in units where !groups.contains(unit.group) { groups.append(unit.group) }
        self.groups = groups
        self.findings = findings
        var byKey: [KeyBytes: Int] = [:]
        var byCode: [KeyBytes: Int] = [:]
        byKey.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            if byKey[KeyBytes(unit.key)] == nil { byKey[KeyBytes(unit.key)] = index }
            if let code = unit.code.map({ KeyBytes(LabelKey.key($0)) }), byCode[code] == nil { byCode[code] = index }
        }
        self.byKey = byKey
        self.byCode = byCode
    }

    /// Reads a roster CSV. The header names the columns (单位/单位名称/unit, 分组/group,
    /// 代码/code); without a recognisable header the columns are unit, group, code.
    ///
    /// - Throws: `CSVReadError` when the file cannot be read at all.
    public static func load(path: String) throws(CSVReadError) -> Roster {
        let table = try CSVReader.read(path: path)
        var records = table.records.filter { $0.fields.contains { !LabelKey.key($0).isEmpty } }
        var columns = (unit: 0, group: 1, code: 2)
        if let first = records.first {
            let keys = first.fields.map { LabelKey.key($0).lowercased() }
            func find(_ names: Set<String>) -> Int? { keys.firstIndex { names.contains($0) } }
            if let unit = find(["单位", "单位名称", "unit", "name", "名称"]) {
                columns.unit = unit
                columns.group = find(["分组", "组别", "类别", "group"]) ?? -1
                columns.code = find(["代码", "单位代码", "编码", "code"]) ?? -1
                records.removeFirst()
            }
        }
        var units: [Unit] = []
        var findings: [Finding] = []
        var seen: [KeyBytes: Int] = [:]
        for record in records {
            func field(_ column: Int) -> String {
                column >= 0 && column < record.fields.count ? record.fields[column].trimmingCharacters(in: .whitespaces) : ""
            }
            let name = field(columns.unit)
            let key = LabelKey.key(name)
            guard !key.isEmpty else {
                findings.append(Finding(code: .rosterInvalid, scope: .file,
                                        location: SourceLocation(file: path, line: record.line, column: columns.unit + 1),
                                        parameters: [.init("line", String(record.line)), .init("reason", "缺少单位名称")]))
                continue
            }
            if let first = seen[KeyBytes(key)] {
                findings.append(Finding(code: .rosterInvalid, scope: .file,
                                        location: SourceLocation(file: path, line: record.line, column: columns.unit + 1),
                                        parameters: [.init("line", String(record.line)),
                                                     .init("reason", "的“\(name)”与第 \(first) 行重复，已忽略")]))
                continue
            }
            seen[KeyBytes(key)] = record.line
            let group = field(columns.group)
            let code = field(columns.code)
            units.append(Unit(name: name, group: group.isEmpty ? ungrouped : group, code: code.isEmpty ? nil : code,
                              order: units.count, line: record.line, key: key))
        }
        return Roster(units: units, path: path, findings: findings)
    }

    /// The roster unit a submission's unit name refers to: the same name (after label
    /// normalisation), the unit's code, or — when exactly one unit fits — a name that
    /// one contains at its end (`鲤城区教育局` for `区教育局`).
    public func match(_ name: String) -> (unit: Unit, loose: Bool)? {
        let key = LabelKey.key(name)
        if let index = byKey[KeyBytes(key)] ?? byCode[KeyBytes(key)] { return (units[index], false) }
        guard key.count >= 3 else { return nil }
        let candidates = units.filter { $0.key.count >= 3 && ($0.key.hasSuffix(key) || key.hasSuffix($0.key)) }
        return candidates.count == 1 ? (candidates[0], true) : nil
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}"]
}
