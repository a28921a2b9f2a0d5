import CSVReading
import ExactArithmetic
import Findings
import Foundation
import ReportSpec

/// Reads long CSVs: one value per row — unit, year, cell code, value — with a header
/// row in Chinese or English. One file may hold many units (an office-system export,
/// or another district's totals written by `merge --csv`).
struct LongTableReader {
    let template: ReportTemplate

    /// Column names accepted for each role, compared as label keys (lowercase for English).
    static let columnNames: [Role: Set<String>] = [
        .unit: ["单位", "单位名称", "填报单位", "unit", "unitname"],
        .year: ["年度", "年份", "报告年度", "year"],
        .code: ["指标代码", "代码", "单元格代码", "指标", "cell", "code", "cellcode"],
        .value: ["数值", "值", "数据", "value"],
        .level: ["层级", "level"],
        .group: ["分组", "group"],
    ]

    enum Role: CaseIterable { case unit, year, code, value, level, group }

    /// The optional `层级` column of a file written by `merge --csv`: its `合计` rows are
    /// the submission, the unit and subtotal rows are detail for `--previous`.
    static let totalLevels: Set<String> = ["合计", "total", "总计"]

    /// Each column name's role, hashed as bytes (every file's first row is asked).
    private static let roles: [KeyBytes: Role] = {
        var roles: [KeyBytes: Role] = [:]
        for (role, names) in columnNames {
            for name in names { roles[KeyBytes(name)] = role }
        }
        return roles
    }()

    /// The column of each role when the record is a long-table header.
    static func header(_ record: CSVRecord) -> [Role: Int]? {
        // Four roles are required, so four cells with text: a form's first row (its
        // title) is passed over without working out any key.
        guard record.fields.lazy.filter({ !$0.isEmpty }).count >= 4 else { return nil }
        var columns: [Role: Int] = [:]
        for (column, field) in record.fields.enumerated() {
            // Every name is ASCII lowercase or Chinese: only ASCII capitals need folding.
            var key = LabelKey.key(field)
            if key.utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) { key = key.lowercased() }
            if let role = roles[KeyBytes(key)], columns[role] == nil { columns[role] = column }
        }
        let required: [Role] = [.unit, .year, .code, .value]
        return required.allSatisfy { columns[$0] != nil } ? columns : nil
    }

    /// True when the first non-blank record of the table is a long-table header.
    static func isLongTable(_ table: CSVTable) -> Bool {
        guard let first = table.records.first(where: { $0.fields.contains { !LabelKey.key($0).isEmpty } }) else { return false }
        return header(first) != nil
    }

    func read(_ table: CSVTable, file: SourceFile) -> (submissions: [UnitSubmission], findings: [Finding]) {
        var fileFindings: [Finding] = []
        guard let headerIndex = table.records.firstIndex(where: { Self.header($0) != nil }),
              let columns = Self.header(table.records[headerIndex]) else { return ([], []) }
        var submissions: [UnitSubmission] = []
        var byUnit: [String: Int] = [:]
        // Per unit, by figure index: the line where the figure was read.
        var seen: [[Int?]] = []
        var normalisations: [String: [NumberText.Normalisation: Int]] = [:]
        let tableNames = Dictionary(uniqueKeysWithValues: template.tables.map { ($0.id, $0.name) })
        // Worked out once per file, not per row: the roles' columns, each figure's table name.
        let unitColumn = columns[.unit]!, yearColumn = columns[.year]!, codeColumn = columns[.code]!
        let valueColumn = columns[.value]!, levelColumn = columns[.level]
        let figureTableNames = template.figures.map { tableNames[$0.tableID] ?? $0.tableID }
        // An export lists a unit's figures one after the other: the unit's cell text,
        // key and index are remembered from the row before.
        var previousUnit: (text: String, key: String, index: Int)?

        for record in table.records[(headerIndex + 1)...] {
            let fields = record.fields
            if fields.allSatisfy({ LabelKey.key($0).isEmpty }) { continue }
            func field(_ column: Int) -> String {
                column < fields.count ? fields[column].trimmingWhitespace() : ""
            }
            func location(_ column: Int) -> SourceLocation {
                SourceLocation(file: file.displayName, line: record.line, column: column + 1)
            }
            if let levelColumn {
                let level = levelColumn < fields.count ? LabelKey.key(fields[levelColumn]).lowercased() : ""
                if !Self.totalLevels.contains(level) { continue }
            }
            let unitText = field(unitColumn)
            let unit = unitText == previousUnit?.text ? previousUnit!.key : LabelKey.key(unitText)
            let code = Self.codeKey(field(codeColumn))
            guard !unit.isEmpty, !code.isEmpty else {
                let missing = unit.isEmpty ? "缺少单位名称" : "缺少指标代码"
                fileFindings.append(Finding(code: .longRowInvalid, scope: .file, location: location(unit.isEmpty ? unitColumn : codeColumn),
                                            parameters: [.init("line", String(record.line)), .init("reason", missing)]))
                continue
            }
            let u: Int
            if let previousUnit, previousUnit.key == unit {
                u = previousUnit.index
            } else if let existing = byUnit[unit] {
                u = existing
            } else {
                u = submissions.count
                byUnit[unit] = u
                var submission = UnitSubmission(unit: unit, unitSource: .longTable, file: file, figureCount: template.figures.count)
                let year = field(yearColumn)
                if let stated = Int(year.filter(\.isNumber)), year.contains(where: \.isNumber) {
                    submission.statedYear = stated
                    submission.yearLocation = location(yearColumn)
                }
                submissions.append(submission)
                seen.append(Array(repeating: nil, count: template.figures.count))
            }
            previousUnit = (unitText, unit, u)
            if let other = template.otherFormat, other.codes.contains(code), template.figure(code) == nil {
                if submissions[u].formatGiveaway == nil {
                    submissions[u].formatGiveaway = FormatGiveaway(format: other.format, text: code, location: location(codeColumn))
                }
                continue
            }
            guard let figure = template.figure(code) else {
                let suggestion = closestCode(to: code).map { "（是否应为“\($0)”？）" } ?? ""
                submissions[u].findings.append(Finding(
                    code: .unknownCellCode, scope: .file, location: location(codeColumn), cellCode: code,
                    parameters: [.init("cellCode", code), .init("format", template.format), .init("suggestion", suggestion)]))
                continue
            }
            let tableName = figureTableNames[figure.index]
            if let firstLine = seen[u][figure.index] {
                submissions[u].findings.append(Finding(
                    code: .duplicateRow, scope: .file, location: location(codeColumn), table: tableName,
                    rowLabel: figure.rowLabel, cellCode: code,
                    parameters: [.init("table", tableName), .init("row", "指标 \(code)"),
                                 .init("firstLine", String(firstLine))]))
                continue
            }
            seen[u][figure.index] = record.line
            let valueLocation = location(valueColumn)
            // A cell code names its unit: a long table's amounts are in the template's unit
            // unless the value says otherwise.
            let read = FigureReader.read(field(valueColumn), figure: figure, tableName: tableName, location: valueLocation,
                                         headerUnit: figure.unit)
            submissions[u].values[figure.index] = read.value
            submissions[u].setLocation(line: record.line, column: valueColumn + 1, at: figure.index)
            submissions[u].findings += read.findings
            if read.wasEmpty {
                submissions[u].findings.append(Finding(
                    code: .emptyCell, scope: .file, location: valueLocation, table: tableName, rowLabel: figure.rowLabel,
                    columnLabel: figure.columnLabel, cellCode: code,
                    parameters: [.init("where", figure.place(tableName: tableName))]))
            }
            for normalisation in read.normalisations { normalisations[unit, default: [:]][normalisation, default: 0] += 1 }
            submissions[u].tablesFound.insert(figure.tableID)
        }

        let requiredFigures = template.tables.filter(\.required).map { table in
            (table, table.dataRows.flatMap(\.codes).compactMap(template.figure))
        }
        for u in submissions.indices {
            if submissions[u].formatGiveaway != nil {
                submissions[u].findings = []
                continue
            }
            var unitNormalisations = file.normalisations
            for (key, count) in normalisations[submissions[u].unit] ?? [:] { unitNormalisations[key, default: 0] += count }
            submissions[u].file.normalisations = unitNormalisations
            // A long table may leave out cells; say which, per table, once.
            for (table, figures) in requiredFigures {
                let missing = figures.filter { submissions[u].values[$0.index] == nil }.map(\.code)
                guard !missing.isEmpty else { continue }
                let shown = missing.prefix(6).joined(separator: "、") + (missing.count > 6 ? " 等 \(missing.count) 个指标" : "")
                submissions[u].findings.append(Finding(
                    code: .missingRow, severity: .warning, scope: .file, location: SourceLocation(file: file.displayName),
                    table: table.name, cellCode: missing[0],
                    parameters: [.init("table", table.name), .init("row", "指标 \(shown)")]))
            }
        }
        return (submissions, fileFindings)
    }

    /// A cell code as typed: full-width letters folded, spaces dropped, upper case.
    static func codeKey(_ text: String) -> String {
        // Codes as written by nianbao and most exports: upper-case ASCII letters, digits, `_` and `.`.
        if !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E }) {
            return text
        }
        return text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }.uppercased()
    }

    private func closestCode(to code: String) -> String? {
        var best: (String, Int)?
        for figure in template.figures {
            let distance = LabelIndex.editDistance(Array(code), Array(figure.code))
            if best == nil || distance < best!.1 { best = (figure.code, distance) }
        }
        guard let best, best.1 <= 2 else { return nil }
        return best.0
    }
}
