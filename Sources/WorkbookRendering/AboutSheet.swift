import ReportEngine
import Submissions
import XlsxWriter

/// 说明: what was read (every file with its size, SHA-256, encoding and how its numbers
/// had to be normalised), the template and format, the year, and what made the workbook.
struct AboutSheet {
    static let sheetName = "说明"

    let report: MergeReport
    let options: RenderOptions

    /// The row of the first file in the file list.
    func firstFileRow() -> Int { 2 + facts().count + 3 }

    /// The row of each file (by path, as bytes) in the file list.
    func fileRows() -> [KeyBytes: Int] {
        let first = firstFileRow()
        var rows: [KeyBytes: Int] = [:]
        rows.reserveCapacity(report.files.count)
        for offset in report.files.indices where rows[KeyBytes(report.files[offset].path)] == nil {
            rows[KeyBytes(report.files[offset].path)] = first + offset
        }
        return rows
    }

    func write(to sheet: Worksheet, targets: FindingTargets) throws {
        var row = 0
        try sheet.write("说明", row: row, column: 0, format: Styles.title)
        row += 2
        for (label, value) in facts() {
            try sheet.write(label, row: row, column: 0, format: Styles.boldText)
            try sheet.mergeRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 7, text: value.isEmpty ? "—" : value,
                                 format: Styles.text)
            row += 1
        }
        try writeFiles(to: sheet, from: row, targets: targets)
    }

    private func facts() -> [(String, String)] {
        let template = report.template
        var facts: [(String, String)] = [
            ("报告年度", "\(report.year) 年度"),
            ("年报格式", "\(template.name)（\(template.format) 格式，\(template.yearsDescription)）"),
            ("格式依据", template.issuedBy ?? ""),
            ("模板", template.source),
        ]
        if let district = report.district { facts.append(("汇总单位", district)) }
        facts += [
            ("名册", report.roster.map { "\($0.path)（\($0.units.count) 个单位，\($0.groups.count) 个分组）" } ?? "未提供名册：按文件中的单位汇总，不分组"),
            ("计入汇总的单位", "\(report.units.count) 个"),
            ("审核结果", "\(report.errorCount) 个错误，\(report.warningCount) 个警告"),
            ("生成程序", options.generator),
            ("生成时间", options.createdDescription),
        ]
        return facts
    }

    private func writeFiles(to sheet: Worksheet, from start: Int, targets: FindingTargets) throws {
        var row = start + 1
        try sheet.write("读取的文件", row: row, column: 0, format: Styles.sectionHeading)
        row += 1
        let headers = ["文件", "类型", "单位", "大小（字节）", "编码", "分隔符", "数值规范化", "SHA-256"]
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: row, column: column, format: Styles.columnHeader)
        }
        try sheet.repeatRows(first: row, last: row)
        row += 1
        precondition(row == firstFileRow(), "说明 layout drifted from fileRows()")
        // The units each file holds, gathered once (a long table holds many).
        var unitsByFile: [KeyBytes: [String]] = [:]
        unitsByFile.reserveCapacity(report.files.count)
        for unit in report.units.indices {
            unitsByFile[KeyBytes(report.units[unit].submission.file.path), default: []].append(report.units[unit].name)
        }
        for (submission, reason) in report.excluded {
            unitsByFile[KeyBytes(submission.file.path), default: []].append("\(submission.unit)（未计入：\(reason)）")
        }
        // One row per file, up to ten thousand: resolve the format and the sheet's marks once.
        let marks = targets.marks(on: Self.sheetName)
        let text = try sheet.resolve(Styles.text)
        for file in report.files {
            let units = unitsByFile[KeyBytes(file.path)] ?? []
            let normalisations = NumberText.Normalisation.allCases.compactMap { kind in
                file.normalisations[kind].map { "\(kind.rawValue) \($0) 处" }
            }
            let cells = [file.displayName, file.kind.rawValue, units.joined(separator: "、"), String(file.byteCount),
                         file.encoding, file.delimiter, normalisations.joined(separator: "；"), file.sha256]
            let mark = marks.mark(row, 0)
            for (column, cellText) in cells.enumerated() {
                let format = if column == 0, let mark { try sheet.resolve(Styles.text.filled(mark.fill)) } else { text }
                if cellText.isEmpty {
                    try sheet.writeBlank(row: row, column: column, format: format)
                } else {
                    try sheet.write(cellText, row: row, column: column, format: format)
                }
            }
            try sheet.comment(mark, row: row, column: 0)
            row += 1
        }
        let widths: [Double] = [30, 10, 30, 12, 16, 8, 30, 66]
        for (column, width) in widths.enumerated() { try sheet.setColumnWidth(width, firstColumn: column) }
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(width: 1, height: 0)
    }
}
