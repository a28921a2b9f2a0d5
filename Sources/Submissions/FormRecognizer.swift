import CSVReading
import ExactArithmetic
import Findings
import Foundation
import ReportSpec

/// Recognises the official tables in a form CSV by their labels, not their positions,
/// and reads one unit's figures.
///
/// A row is one of: a title or `填报单位` line; a section heading (`三、收到和处理…`);
/// a block heading (`第二十条第（一）项`); a column header row; a data row, whose label
/// cells spell a template row (joined or not, with or without numbering and repeated
/// group labels); or anything else (notes, prose), which is skipped — unless it carries
/// numbers inside a table, which makes it an unknown row.
struct FormRecognizer {
    let template: ReportTemplate
    let index: LabelIndex
    /// The thread's memo of worked-out labels (see `LabelMemo`).
    let memo: LabelMemo

    init(template: ReportTemplate, index: LabelIndex, memo: LabelMemo? = nil) {
        self.template = template
        self.index = index
        self.memo = memo ?? LabelMemo(index: index)
    }

    /// Reads the unit's figures; `nil` when the file holds no table of the template.
    func recognise(_ table: CSVTable, file: SourceFile) -> UnitSubmission? {
        var state = State(template: template, index: index, file: file)
        for record in table.records {
            state.consume(record, memo: memo)
        }
        return state.finish()
    }

    private struct State {
        let template: ReportTemplate
        let index: LabelIndex
        let file: SourceFile
        var submission: UnitSubmission
        var unitFromLine: (name: String, line: Int)?
        var unitFromTitle: (name: String, line: Int)?
        var currentTable: Int?
        /// Where the figures start, per table, from its header rows.
        var dataStart: [Int?]
        /// Rows already read: position in the label index's data rows → the line where it was read.
        var rowsRead: [Int?]
        /// Per table: a heading, header or row of it was seen.
        var tablesSeen: [Bool]
        var normalisations: [NumberText.Normalisation: Int] = [:]
        /// The unit a column header states (`本年收费金额（单位：元）`), per table and column.
        var headerUnits: [[Int: String]?]
        /// Where each column header stood in the table's latest header row, by key.
        var headerColumns: [[KeyBytes: Int]?]
        /// The first label that only another format has.
        var giveaway: FormatGiveaway?

        init(template: ReportTemplate, index: LabelIndex, file: SourceFile) {
            self.template = template
            self.index = index
            self.file = file
            // Per table and per data row, by position: arrays, not dictionaries, in the per-row work.
            dataStart = Array(repeating: nil, count: template.tables.count)
            tablesSeen = Array(repeating: false, count: template.tables.count)
            headerUnits = Array(repeating: nil, count: template.tables.count)
            headerColumns = Array(repeating: nil, count: template.tables.count)
            rowsRead = Array(repeating: nil, count: index.dataRows.count)
            self.submission = UnitSubmission(unit: "", unitSource: .fileName, file: file, figureCount: template.figures.count)
        }

        mutating func consume(_ record: CSVRecord, memo: LabelMemo) {
            let shape = memo.shape(of: record)
            if shape.isBlank { return }

            // Title and 填报单位 lines.
            if shape.mayBeUnitLine {
                let keys = record.fields.lazy.map(LabelKey.key).filter { !$0.isEmpty }
                if let first = keys.first, consumeUnitLine(first, next: keys.dropFirst().first, line: record.line) { return }
            }
            let labelCells = shape.labelCells
            if giveaway == nil, let otherFormat = index.otherFormatName {
                if let cell = shape.giveawayCell.map({ labelCells[$0] }) {
                    giveaway = FormatGiveaway(format: otherFormat, text: cell.text,
                                              location: SourceLocation(file: file.displayName, line: record.line, column: cell.column + 1))
                } else if shape.isGiveawayRow {
                    giveaway = FormatGiveaway(format: otherFormat, text: labelCells.map(\.text).joined(separator: " "),
                                              location: SourceLocation(file: file.displayName, line: record.line, column: labelCells[0].column + 1))
                }
            }

            if !shape.hasFigures {
                switch shape.heading(memo: memo) {
                case .table(let table), .block(let table):
                    currentTable = table
                    tablesSeen[table] = true
                    return
                case .none:
                    break
                }
                if let header = shape.header(memo: memo) {
                    consumeHeaderRow(header, cells: labelCells)
                    return
                }
            }
            if let entry = shape.dataRow(preferring: currentTable, memo: memo) {
                currentTable = entry.table
                tablesSeen[entry.table] = true
                readRow(entry, record: record, labelEnd: labelCells.last!.column)
                return
            }
            // Text in a figure's cell (`规章,abc,0,3`) is not part of the label: the row is
            // the label before it, when that text stands where the table's figures start.
            if let table = currentTable, let start = dataStart[table],
               let cut = labelCells.firstIndex(where: { $0.column >= start }), cut > 0 {
                var shorter: [String] = []
                for cell in labelCells[..<cut] where shorter.last != cell.key { shorter.append(cell.key) }
                if let entry = index.matchDataRow(shorter.joined(), preferring: table) {
                    currentTable = entry.table
                    tablesSeen[entry.table] = true
                    readRow(entry, record: record, labelEnd: labelCells[cut - 1].column)
                    return
                }
            }
            // An unlabelled data row (表四): figures right after its header.
            if labelCells.isEmpty, let table = currentTable,
               let entry = index.dataRows.first(where: { $0.table == table && $0.row.labelPath.isEmpty }),
               rowsRead[entry.position] == nil {
                readRow(entry, record: record, labelEnd: nil)
                return
            }
            if shape.hasFigures, !labelCells.isEmpty, let table = currentTable {
                let tableSpec = template.tables[table]
                let label = labelCells.map(\.text).joined(separator: " ")
                let suggestion = index.closestRowLabel(to: shape.joined, in: table).map { "（是否应为“\($0)”？）" } ?? ""
                submission.findings.append(Finding(
                    code: .unknownRow, scope: .file,
                    location: SourceLocation(file: file.displayName, line: record.line, column: labelCells[0].column + 1),
                    table: tableSpec.name, rowLabel: label,
                    parameters: [.init("table", tableSpec.name), .init("label", label), .init("suggestion", suggestion)]))
            }
        }

        /// Title (`××2020年政府信息公开工作年度报告`) and `填报单位：××` lines.
        /// `key` and `next` are the label keys of the row's first two cells. One or two
        /// such lines in every file: compared as bytes (keys are normalised already).
        mutating func consumeUnitLine(_ key: String, next: String?, line: Int) -> Bool {
            for prefix in Self.unitLinePrefixes where key.hasUTF8Prefix(prefix) {
                var name = String(key.utf8.dropFirst(prefix.utf8.count))!
                if name.isEmpty, let next { name = next }
                name = Self.cleanUnitName(name)
                if !name.isEmpty, unitFromLine == nil { unitFromLine = (name, line) }
                return true
            }
            if key.hasUTF8Prefix("填报年度") || key.hasUTF8Prefix("报告年度") {
                if let (year, _) = Self.year(in: key + (next ?? "")), submission.statedYear == nil {
                    submission.statedYear = year
                    submission.yearLocation = SourceLocation(file: file.displayName, line: line, column: 1)
                }
                return true
            }
            if key.containsUTF8(RowShape.titleMarker) {
                if let (year, offset) = Self.year(in: key) {
                    if submission.statedYear == nil {
                        submission.statedYear = year
                        submission.yearLocation = SourceLocation(file: file.displayName, line: line, column: 1)
                    }
                    // The unit is what stands before the year.
                    let name = Self.cleanUnitName(key.utf8Prefix(offset))
                    if !name.isEmpty, unitFromTitle == nil { unitFromTitle = (name, line) }
                }
                return true
            }
            return false
        }

        static let unitLinePrefixes = ["填报单位", "报送单位", "单位名称"]

        /// The unit's name without what often follows it on the same line (`（盖章）`,
        /// `填报日期：…`, `联系人：…`) or precedes the year in a title (`关于`).
        static func cleanUnitName(_ name: String) -> String {
            var result = name
            for marker in Self.unitNameMarkers {
                if let offset = result.utf8Offset(of: marker) { result = result.utf8Prefix(offset) }
            }
            for suffix in ["(盖章)", "(公章)", "盖章", "关于"] where result.hasUTF8Suffix(suffix) {
                result = String(result.utf8.dropLast(suffix.utf8.count))!
            }
            return result
        }

        static let unitNameMarkers = ["填报日期", "填报时间", "报送日期", "日期", "联系人", "联系电话", "电话", "负责人", "填报人", "审核人"]
            .map { Array($0.utf8) }

        /// The first plausible report year (2000–2099) in a text: four ASCII digits that no
        /// other digit touches, and the UTF-8 offset where they start.
        static func year(in text: String) -> (year: Int, offset: Int)? {
            var text = text
            return text.withUTF8 { bytes -> (Int, Int)? in
                func isDigit(_ index: Int) -> Bool { bytes[index] &- UInt8(ascii: "0") < 10 }
                guard bytes.count >= 4 else { return nil }
                for start in 0...(bytes.count - 4)
                where bytes[start] == UInt8(ascii: "2") && bytes[start + 1] == UInt8(ascii: "0") && isDigit(start + 2) && isDigit(start + 3) {
                    if start > 0, isDigit(start - 1) { continue }
                    if start + 4 < bytes.count, isDigit(start + 4) { continue }
                    return (2000 + Int(bytes[start + 2] - UInt8(ascii: "0")) * 10 + Int(bytes[start + 3] - UInt8(ascii: "0")), start)
                }
                return nil
            }
        }

        /// A row of column headers (every cell a header text of one table): remembers
        /// where that table's figures start.
        mutating func consumeHeaderRow(_ header: RowShape.Header, cells: [RowShape.Cell]) {
            let tables = header.tables
            let table = (currentTable.flatMap { tables.contains($0) ? $0 : nil }) ?? tables[0]
            currentTable = table
            tablesSeen[table] = true
            // A unit stated in a header, e.g. 本年收费金额（单位：元）, applies to its column.
            var units: [Int: String] = [:]
            for (cell, cellFacts) in zip(cells, header.facts) {
                if let unit = cellFacts.moneyUnit { units[cell.column] = unit }
            }
            headerUnits[table] = units
            // Where each column header stands: a block whose header spreads its columns
            // over the width (信息内容, 上一年项目数量, (blank), 本年增/减) puts its figures there.
            headerColumns[table] = header.columns
            if let first = zip(cells, header.facts).first(where: { $0.1.startsFiguresIn.contains(table) })?.0.column {
                // Blocks: the header row of each block; matrices: the leftmost leaf over all header rows.
                if template.tables[table].layout.headerRowCount == 0 {
                    dataStart[table] = first
                } else {
                    dataStart[table] = min(dataStart[table] ?? first, first)
                }
            }
        }

        /// Reads the figures of a recognised row.
        mutating func readRow(_ entry: LabelIndex.DataRowEntry, record: CSVRecord, labelEnd: Int?) {
            let tableSpec = template.tables[entry.table]
            if let firstLine = rowsRead[entry.position] {
                submission.findings.append(Finding(
                    code: .duplicateRow, scope: .file,
                    location: SourceLocation(file: file.displayName, line: record.line, column: (labelEnd ?? 0) + 1),
                    table: tableSpec.name, rowLabel: entry.row.label,
                    parameters: [.init("table", tableSpec.name), .init("row", entry.row.label), .init("firstLine", String(firstLine))]))
                return
            }
            rowsRead[entry.position] = record.line
            // The figures start where the header says, unless the label runs into that
            // column (a header row not shifted like the data rows); then right after the label.
            var start: Int
            if let headerStart = dataStart[entry.table], labelEnd.map({ $0 < headerStart }) ?? true {
                start = headerStart
            } else {
                start = (labelEnd ?? -1) + 1
            }
            if labelEnd == nil, dataStart[entry.table] == nil {
                start = record.fields.firstIndex { !$0.isEmpty } ?? 0
            }
            var emptyColumns: [(label: String, column: Int, code: String)] = []
            // Each slot's column: its place after the start, or — for blocks (表二) whose
            // header row spreads the columns out — where its column header stands.
            let isBlock = template.tables[entry.table].layout.headerRowCount == 0
            let blockHeaderColumns = isBlock ? headerColumns[entry.table] : nil
            let columns = entry.row.slots.indices.map { slot -> Int in
                let column = start + entry.row.slots[slot].offset
                guard let blockHeaderColumns, let columnKey = entry.slotColumnKeys[slot],
                      let headerColumn = blockHeaderColumns[KeyBytes(columnKey)], headerColumn > (labelEnd ?? -1) else { return column }
                return headerColumn
            }
            var lastSlotColumn = start - 1
            for (slot, column) in columns.enumerated() { lastSlotColumn = max(lastSlotColumn, column + entry.row.slots[slot].span - 1) }
            let headerUnitColumns = headerUnits[entry.table]
            for (slot, column) in columns.enumerated() {
                let text = column < record.fields.count ? record.fields[column] : ""
                guard let figure = entry.slotFigures[slot] else {
                    // An N/A position: text there is an extra value, unless a figure of the row reads that column.
                    let isFigureColumn = columns.indices.contains { entry.slotFigures[$0] != nil && columns[$0] == column }
                    if !isFigureColumn, !LabelKey.key(text).isEmpty {
                        extraValue(text, column: column, record: record, tableSpec: tableSpec, entry: entry)
                    }
                    continue
                }
                let line = record.line(ofField: column)
                let location = SourceLocation(file: file.displayName, line: line, column: column + 1)
                submission.setLocation(line: line, column: column + 1, at: figure.index)
                let read = FigureReader.read(text, figure: figure, tableName: tableSpec.name, location: location,
                                             headerUnit: headerUnitColumns?[column])
                submission.values[figure.index] = read.value
                if !read.findings.isEmpty { submission.findings += read.findings }
                for normalisation in read.normalisations { normalisations[normalisation, default: 0] += 1 }
                if read.wasEmpty { emptyColumns.append((figure.columnLabel, column, figure.code)) }
            }
            // Values past the row's last column: one finding for the row, however many there are.
            let extras = ((lastSlotColumn + 1)..<max(lastSlotColumn + 1, record.fields.count))
                .filter { !LabelKey.key(record.fields[$0]).isEmpty }
            if let first = extras.first {
                extraValue(record.fields[first], column: first, record: record, tableSpec: tableSpec, entry: entry,
                           notes: extras.count > 1 ? ["此后还有 \(extras.count - 1) 个多余数值（至第 \(extras.last! + 1) 列），同样已忽略"] : [])
            }
            if !emptyColumns.isEmpty {
                let place: String
                if entry.row.label.isEmpty {
                    place = "\(tableSpec.name)“\(emptyColumns.map(\.label).joined(separator: "”“"))”列"
                } else {
                    place = "\(tableSpec.name)“\(entry.row.label)”行“\(emptyColumns.map(\.label).joined(separator: "”“"))”列"
                }
                submission.findings.append(Finding(
                    code: .emptyCell, scope: .file,
                    location: SourceLocation(file: file.displayName, line: record.line, column: emptyColumns[0].column + 1),
                    table: tableSpec.name, rowLabel: entry.row.label, columnLabel: emptyColumns.map(\.label).joined(separator: "、"),
                    cellCode: emptyColumns[0].code,
                    parameters: [.init("where", place)],
                    notes: emptyColumns.count > 1 ? ["涉及指标：" + emptyColumns.map(\.code).joined(separator: "、")] : []))
            }
        }

        mutating func extraValue(_ text: String, column: Int, record: CSVRecord, tableSpec: TableSpec, entry: LabelIndex.DataRowEntry,
                                 notes: [String] = []) {
            let place = entry.row.label.isEmpty ? "\(tableSpec.name)的数据行" : "\(tableSpec.name)“\(entry.row.label)”行"
            submission.findings.append(Finding(
                code: .extraValue, scope: .file,
                location: SourceLocation(file: file.displayName, line: record.line, column: column + 1),
                table: tableSpec.name, rowLabel: entry.row.label,
                parameters: [.init("where", place + "的数据"), .init("text", text)], notes: notes))
        }

        /// Names the unit, reports missing tables and rows, and returns the submission.
        mutating func finish() -> UnitSubmission? {
            guard tablesSeen.contains(true) || giveaway != nil else { return nil }
            if let line = unitFromLine {
                submission.unit = line.name
                submission.unitSource = .reportingUnitLine(line: line.line)
            } else if let title = unitFromTitle {
                submission.unit = title.name
                submission.unitSource = .title(line: title.line)
            } else {
                submission.unit = SubmissionReader.unitName(fromFileName: file.path)
                submission.unitSource = .fileName
            }
            if let giveaway {
                // Filled in on another format's form: the figures cannot be mapped, and
                // the problems of reading them in this format would only be noise.
                submission.formatGiveaway = giveaway
                submission.findings = []
                return submission
            }
            for (t, table) in template.tables.enumerated() {
                let entries = index.dataRows.filter { $0.table == t }
                if !entries.contains(where: { rowsRead[$0.position] != nil }) {
                    if table.required {
                        submission.findings.append(Finding(
                            code: .missingTable, scope: .file, location: SourceLocation(file: file.displayName),
                            table: table.name, parameters: [.init("table", table.name), .init("heading", table.heading)]))
                    }
                    continue
                }
                submission.tablesFound.insert(table.id)
                for entry in entries where rowsRead[entry.position] == nil {
                    let row = entry.row
                    let label = row.label.isEmpty ? "数据" : row.label
                    submission.findings.append(Finding(
                        code: .missingRow, scope: .file, location: SourceLocation(file: file.displayName),
                        table: table.name, rowLabel: row.label, cellCode: row.codes.first,
                        parameters: [.init("table", table.name), .init("row", label)]))
                }
            }
            submission.file.normalisations = normalisations
            return submission
        }
    }
}
