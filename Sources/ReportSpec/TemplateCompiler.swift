import ExactArithmetic

/// Turns a decoded template file into a `ReportTemplate`: lays out every table as its
/// official grid, assigns cell codes, expands and parses the rules, and collects every
/// problem before failing once (as XcodeGen's SpecValidation does).
struct TemplateCompiler {
    let file: TemplateFile
    let source: String
    private(set) var issues: [TemplateIssue] = []
    private var figures: [FigureSpec] = []
    private var seenCodes: [String: String] = [:]

    init(file: TemplateFile, source: String) {
        self.file = file
        self.source = source
    }

    mutating func compile() throws(TemplateValidationError) -> ReportTemplate {
        var tables: [TableSpec] = []
        var tableIDs = Set<String>()
        for (t, table) in file.tables.enumerated() {
            let path = "tables[\(t)]"
            if !tableIDs.insert(table.id).inserted {
                issue(path + ".id", "表格 id “\(table.id)” 重复")
            }
            switch table.layout {
            case "blocks": if let spec = blocksTable(table, path: path) { tables.append(spec) }
            case "matrix": if let spec = matrixTable(table, path: path) { tables.append(spec) }
            default: issue(path + ".layout", "未知的 layout “\(table.layout)”，应为 blocks 或 matrix")
            }
        }
        let headlines = (file.headlines ?? []).enumerated().map { i, headline in
            if seenCodes[headline.code] == nil {
                issue("headlines[\(i)].code", "指标代码“\(headline.code)”不在任何表格中")
            }
            return HeadlineSpec(code: headline.code, label: headline.label)
        }
        var rules: [RuleSpec] = []
        for (r, rule) in (file.rules ?? []).enumerated() {
            rules += expand(rule, path: "rules[\(r)]", tables: tables)
        }
        if !issues.isEmpty { throw TemplateValidationError(source: source, issues: issues) }
        return ReportTemplate(
            format: file.format, name: file.name, issuedBy: file.issuedBy,
            firstYear: file.years.from, lastYear: file.years.to,
            title: file.title ?? "{district}{year}年政府信息公开工作年度报告",
            tables: tables, figures: figures, headlines: headlines, rules: rules, source: source,
            otherFormat: file.otherFormat.map {
                OtherFormatSpec(format: $0.format, labels: $0.labels ?? [], rowsWithFigures: $0.rowsWithFigures ?? [],
                                codes: Set($0.codes ?? []))
            })
    }

    // MARK: Figures

    private mutating func addFigure(code: String, path: String, tableID: String, kind: String?, unit: String?,
                                    unitRequired: Bool?, rowPath: [String], columnPath: [String], numberFormat: String?) {
        if let other = seenCodes[code] {
            issue(path, "指标代码“\(code)”重复（已在 \(other) 使用）")
            return
        }
        seenCodes[code] = path
        let figureKind = FigureKind(rawValue: kind ?? "count")
        if figureKind == nil {
            issue(path + ".kind", "未知的 kind “\(kind ?? "")”，应为 count、signed 或 money")
        }
        if figureKind == .money, let unit, !MoneyUnit.known.contains(unit) {
            issue(path + ".unit", "未知的金额单位“\(unit)”，应为 元 或 万元")
        }
        figures.append(FigureSpec(
            code: code, index: figures.count, tableID: tableID, kind: figureKind ?? .count,
            unit: figureKind == .money ? (unit ?? "元") : unit, unitRequired: unitRequired ?? false,
            rowPath: rowPath, columnPath: columnPath, numberFormat: numberFormat))
    }

    // MARK: Block tables (表二 and the indicators)

    private mutating func blocksTable(_ table: TableFile, path: String) -> TableSpec? {
        guard let blocks = table.blocks, !blocks.isEmpty else {
            issue(path + ".blocks", "layout: blocks 的表格需要 blocks")
            return nil
        }
        guard let width = table.width, width >= 2 else {
            issue(path + ".width", "layout: blocks 的表格需要 width（至少 2 列）")
            return nil
        }
        var grid: [[LayoutCell]] = []
        var merges: [CellRange] = []
        var dataRows: [DataRowSpec] = []
        var headerTexts: [String] = []
        func emptyRow() -> [LayoutCell] { Array(repeating: .empty, count: width) }

        for (b, block) in blocks.enumerated() {
            let blockPath = "\(path).blocks[\(b)]"
            if let heading = block.heading {
                var row = Array(repeating: LayoutCell.covered, count: width)
                row[0] = .text(heading, role: .blockHeading)
                merges.append(CellRange(firstRow: grid.count, firstColumn: 0, lastRow: grid.count, lastColumn: width - 1))
                grid.append(row)
                headerTexts.append(heading)
            }
            // The column header row.
            var header = emptyRow()
            var column = 0
            var columnLabels = Array(repeating: "", count: width)
            for entry in block.columns {
                // Count every entry, so that headers wider than the table are reported below.
                guard column < width else { column += entry?.span ?? 1; continue }
                if let entry {
                    header[column] = .text(entry.text, role: .columnHeader)
                    headerTexts.append(entry.text)
                    for c in column..<min(width, column + entry.span) { columnLabels[c] = entry.text }
                    if entry.span > 1 {
                        for c in (column + 1)..<min(width, column + entry.span) { header[c] = .covered }
                        merges.append(CellRange(firstRow: grid.count, firstColumn: column, lastRow: grid.count,
                                                lastColumn: min(width, column + entry.span) - 1))
                    }
                    column += entry.span
                } else {
                    column += 1
                }
            }
            if column != width {
                issue(blockPath + ".columns", "列标题共占 \(column) 列，与表格宽度 \(width) 不符")
            }
            grid.append(header)

            for (r, rowFile) in block.rows.enumerated() {
                let rowPath = "\(blockPath).rows[\(r)]"
                var row = emptyRow()
                row[0] = .text(rowFile.label, role: .rowLabel)
                var slots: [DataRowSpec.Slot] = []
                var offset = 0
                for (c, cell) in rowFile.cells.enumerated() {
                    let span = cell?.span ?? 1
                    let gridColumn = 1 + offset
                    guard gridColumn + span <= width else {
                        issue(rowPath + ".cells", "数据单元格超出表格宽度 \(width)")
                        break
                    }
                    if let cell {
                        row[gridColumn] = .figure(code: cell.code)
                        if span > 1 {
                            for g in (gridColumn + 1)..<(gridColumn + span) { row[g] = .covered }
                            merges.append(CellRange(firstRow: grid.count, firstColumn: gridColumn, lastRow: grid.count,
                                                    lastColumn: gridColumn + span - 1))
                        }
                        var columnPath = [String]()
                        if let heading = block.heading { columnPath.append(heading) }
                        columnPath.append(columnLabels[gridColumn])
                        addFigure(code: cell.code, path: "\(rowPath).cells[\(c)]", tableID: table.id, kind: cell.kind,
                                  unit: cell.unit, unitRequired: cell.unitRequired,
                                  rowPath: [rowFile.label], columnPath: columnPath, numberFormat: cell.numberFormat)
                    }
                    slots.append(.init(code: cell?.code, offset: offset, span: span))
                    offset += span
                }
                dataRows.append(DataRowSpec(tableID: table.id, labelPath: [rowFile.label], slots: slots,
                                            blockHeading: block.heading, gridRow: grid.count, firstDataColumn: 1))
                grid.append(row)
            }
        }
        let layout = TableLayout(width: width, height: grid.count, cells: grid, merges: merges,
                                 headerRowCount: 0, labelColumnCount: 1)
        return TableSpec(id: table.id, name: table.name, heading: table.heading, official: table.official ?? true,
                         required: table.required ?? true, layout: layout, dataRows: dataRows,
                         headerTexts: headerTexts, columnWidths: widths(table, width: width, path: path),
                         rowIDs: [], columnIDs: [])
    }

    // MARK: Matrix tables (表三, 表四)

    private struct Leaf<T> {
        var node: T
        var path: [String]
    }

    private mutating func matrixTable(_ table: TableFile, path: String) -> TableSpec? {
        guard let columnNodes = table.columns, !columnNodes.isEmpty,
              let rowNodes = table.rows, !rowNodes.isEmpty else {
            issue(path, "layout: matrix 的表格需要 columns 和 rows")
            return nil
        }
        // Flatten the column tree: leaves in order, with their depth.
        func columnDepth(_ nodes: [ColumnNodeFile]) -> Int {
            nodes.map { 1 + columnDepth($0.columns ?? []) }.max() ?? 0
        }
        func rowDepth(_ nodes: [RowNodeFile]) -> Int {
            nodes.map { ($0.label == nil ? 0 : 1) + rowDepth($0.rows ?? []) }.max() ?? 0
        }
        let headerRows = columnDepth(columnNodes)
        let labelColumns = rowDepth(rowNodes)
        var leafColumns: [Leaf<ColumnNodeFile>] = []
        var leafRows: [Leaf<RowNodeFile>] = []
        func collectColumns(_ nodes: [ColumnNodeFile], _ prefix: [String]) {
            for node in nodes {
                if let children = node.columns, !children.isEmpty {
                    collectColumns(children, prefix + [node.label])
                } else {
                    leafColumns.append(Leaf(node: node, path: prefix + [node.label]))
                }
            }
        }
        func collectRows(_ nodes: [RowNodeFile], _ prefix: [String]) {
            for node in nodes {
                let here = node.label.map { prefix + [$0] } ?? prefix
                if let children = node.rows, !children.isEmpty {
                    collectRows(children, here)
                } else {
                    leafRows.append(Leaf(node: node, path: here))
                }
            }
        }
        collectColumns(columnNodes, [])
        collectRows(rowNodes, [])

        let width = labelColumns + leafColumns.count
        let height = headerRows + leafRows.count
        var grid = Array(repeating: Array(repeating: LayoutCell.empty, count: width), count: height)
        var merges: [CellRange] = []
        var headerTexts: [String] = []

        func place(_ range: CellRange, _ cell: LayoutCell) {
            for r in range.firstRow...range.lastRow {
                for c in range.firstColumn...range.lastColumn { grid[r][c] = .covered }
            }
            grid[range.firstRow][range.firstColumn] = cell
            if range.firstRow != range.lastRow || range.firstColumn != range.lastColumn { merges.append(range) }
        }

        if labelColumns > 0 {
            let corner = table.corner ?? ""
            place(CellRange(firstRow: 0, firstColumn: 0, lastRow: headerRows - 1, lastColumn: labelColumns - 1),
                  corner.isEmpty ? .empty : .text(corner, role: .corner))
            if !corner.isEmpty { headerTexts.append(corner) }
        }
        // Column headers: an inner node spans its leaves; a leaf reaches down to the last header row.
        var nextLeaf = 0
        func placeColumns(_ nodes: [ColumnNodeFile], depth: Int) {
            for node in nodes {
                let first = nextLeaf
                if let children = node.columns, !children.isEmpty {
                    placeColumns(children, depth: depth + 1)
                    place(CellRange(firstRow: depth, firstColumn: labelColumns + first, lastRow: depth,
                                    lastColumn: labelColumns + nextLeaf - 1), .text(node.label, role: .columnHeader))
                } else {
                    nextLeaf += 1
                    place(CellRange(firstRow: depth, firstColumn: labelColumns + first, lastRow: headerRows - 1,
                                    lastColumn: labelColumns + first), .text(node.label, role: .columnHeader))
                }
                headerTexts.append(node.label)
            }
        }
        placeColumns(columnNodes, depth: 0)
        // Row labels: an inner node spans its leaves downwards; a leaf reaches right to the last label column.
        var nextRow = 0
        func placeRows(_ nodes: [RowNodeFile], depth: Int) {
            for node in nodes {
                let first = nextRow
                if let children = node.rows, !children.isEmpty {
                    placeRows(children, depth: depth + (node.label == nil ? 0 : 1))
                    if let label = node.label {
                        place(CellRange(firstRow: headerRows + first, firstColumn: depth, lastRow: headerRows + nextRow - 1,
                                        lastColumn: depth), .text(label, role: .rowLabel))
                    }
                } else {
                    nextRow += 1
                    if let label = node.label {
                        place(CellRange(firstRow: headerRows + first, firstColumn: depth, lastRow: headerRows + first,
                                        lastColumn: labelColumns - 1), .text(label, role: .rowLabel))
                    }
                }
            }
        }
        placeRows(rowNodes, depth: 0)

        var dataRows: [DataRowSpec] = []
        var rowIDs: [String] = []
        let columnIDs = leafColumns.compactMap(\.node.id)
        if columnIDs.count != leafColumns.count {
            issue(path + ".columns", "每个最底层的列都需要 id")
        }
        for (r, leafRow) in leafRows.enumerated() {
            let gridRow = headerRows + r
            if let id = leafRow.node.id { rowIDs.append(id) }
            var slots: [DataRowSpec.Slot] = []
            for (c, leafColumn) in leafColumns.enumerated() {
                guard let columnID = leafColumn.node.id else { continue }
                let code = leafRow.node.id.map { "\($0).\(columnID)" } ?? columnID
                grid[gridRow][labelColumns + c] = .figure(code: code)
                addFigure(code: code, path: "\(path).rows[\(r)]/columns[\(c)]", tableID: table.id, kind: leafColumn.node.kind,
                          unit: nil, unitRequired: nil, rowPath: leafRow.path, columnPath: leafColumn.path, numberFormat: nil)
                slots.append(.init(code: code, offset: c, span: 1))
            }
            dataRows.append(DataRowSpec(tableID: table.id, labelPath: leafRow.path, slots: slots, blockHeading: nil,
                                        gridRow: gridRow, firstDataColumn: labelColumns))
        }
        let layout = TableLayout(width: width, height: height, cells: grid, merges: merges,
                                 headerRowCount: headerRows, labelColumnCount: labelColumns)
        return TableSpec(id: table.id, name: table.name, heading: table.heading, official: table.official ?? true,
                         required: table.required ?? true, layout: layout, dataRows: dataRows, headerTexts: headerTexts,
                         columnWidths: widths(table, width: width, path: path), rowIDs: rowIDs, columnIDs: columnIDs)
    }

    private mutating func widths(_ table: TableFile, width: Int, path: String) -> [Double] {
        guard let given = table.columnWidths else { return Array(repeating: 12, count: width) }
        if given.count != width {
            issue(path + ".columnWidths", "columnWidths 有 \(given.count) 项，表格有 \(width) 列")
            return Array(repeating: 12, count: width)
        }
        return given
    }

    // MARK: Rules

    private mutating func expand(_ rule: RuleFile, path: String, tables: [TableSpec]) -> [RuleSpec] {
        let severity: RuleSeverity
        switch rule.severity ?? "error" {
        case "error": severity = .error
        case "warning": severity = .warning
        default:
            issue(path + ".severity", "未知的 severity “\(rule.severity ?? "")”，应为 error 或 warning")
            severity = .error
        }
        var levels = Set(RuleLevel.allCases)
        if let names = rule.levels {
            levels = []
            for name in names {
                if let level = RuleLevel(rawValue: name) {
                    levels.insert(level)
                } else {
                    issue(path + ".levels", "未知的 level “\(name)”，应为 unit、group 或 total")
                }
            }
        }
        if let tableID = rule.table, !tables.contains(where: { $0.id == tableID }) {
            issue(path + ".table", "规则引用了不存在的表格“\(tableID)”")
        }
        // Each variable's values, variables in name order so that expansion is deterministic.
        var variables: [(name: String, values: [String])] = []
        for (name, values) in (rule.each ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch values {
            case .list(let list):
                variables.append((name, list))
            case .reference(let reference):
                let parts = reference.split(separator: ".").map(String.init)
                guard parts.count == 2, let table = tables.first(where: { $0.id == parts[0] }),
                      parts[1] == "rows" || parts[1] == "columns" else {
                    issue("\(path).each.\(name)", "“\(reference)”应为列表，或 表格id.rows / 表格id.columns")
                    return []
                }
                variables.append((name, parts[1] == "rows" ? table.rowIDs : table.columnIDs))
            }
        }
        var instances: [[(String, String)]] = [[]]
        for variable in variables {
            instances = instances.flatMap { prefix in variable.values.map { prefix + [(variable.name, $0)] } }
        }
        var result: [RuleSpec] = []
        for bindings in instances {
            func substitute(_ text: String) -> String {
                var out = text
                for (name, value) in bindings { out = out.replacing("{\(name)}", with: value) }
                return out
            }
            let check = substitute(rule.check).split(whereSeparator: \.isNewline).joined(separator: " ")
            let equation = check.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            switch EquationParser.parse(equation) {
            case .failure(let error):
                issue(path + ".check", "无法解析“\(equation)”：\(error.reason)")
                return result
            case .success(let parsed):
                let codes = (parsed.left + parsed.right).compactMap { term -> String? in
                    if case .cell(let code) = term.operand { return code }
                    return nil
                }
                for code in codes where seenCodes[code] == nil {
                    issue(path + ".check", "规则引用了不存在的指标代码“\(code)”")
                }
                guard let firstCode = codes.first else {
                    issue(path + ".check", "规则中没有任何指标代码")
                    return result
                }
                let subject = rule.cell.map(substitute) ?? firstCode
                if seenCodes[subject] == nil { issue(path + ".cell", "cell 引用了不存在的指标代码“\(subject)”") }
                result.append(RuleSpec(
                    id: "\(file.format):\(rule.id)", templateID: rule.id,
                    instance: bindings.map { "\($0.0)=\($0.1)" }.joined(separator: ","),
                    tableID: rule.table, severity: severity, levels: levels, requiresRoster: rule.requiresRoster ?? false,
                    relation: parsed.relation,
                    left: parsed.left, right: parsed.right, subjectCode: subject,
                    message: rule.message, equation: equation))
            }
        }
        return result
    }

    private mutating func issue(_ path: String, _ message: String) {
        issues.append(TemplateIssue(path: path, message: message))
    }
}

/// The money units a template may name, and their power of ten relative to 元.
public enum MoneyUnit {
    public static let known: Set<String> = ["元", "万元"]

    /// log10 of the unit in 元: 元 → 0, 万元 → 4.
    public static func exponent(_ unit: String) -> Int? {
        switch unit {
        case "元": 0
        case "万元": 4
        default: nil
        }
    }
}
