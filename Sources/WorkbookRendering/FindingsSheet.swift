import Findings
import ReportEngine
import XlsxWriter

/// 审核结果: every finding as a row — severity, code, unit, file and line:column, table,
/// row and column labels, the message, the rule with both sides and the difference — and
/// a link to the cell it is about.
struct FindingsSheet {
    static let sheetName = "审核结果"
    static let headers = ["序号", "级别", "代码", "单位/层级", "文件", "行", "列", "表", "行名称", "列名称",
                          "问题说明", "规则", "算式（指标代码）", "左边", "右边", "相差", "定位", "已说明的理由"]

    let report: MergeReport

    func write(to sheet: Worksheet, targets: FindingTargets) throws {
        let summary = report.errorCount == 0 && report.warningCount == 0
            ? "审核结果：未发现问题"
            : "审核结果：\(report.errorCount) 个错误，\(report.warningCount) 个警告（错误在前）"
        try sheet.write(summary, row: 0, column: 0, format: Styles.sectionHeading)
        for (column, header) in Self.headers.enumerated() {
            try sheet.write(header, row: 1, column: column, format: Styles.columnHeader)
        }
        var row = 2
        for (number, (finding, target)) in zip(report.findings, targets.targets).enumerated() {
            let fill = finding.explanation != nil ? Styles.explainedFill
                : finding.severity == .error ? Styles.errorFill : Styles.warningFill
            // Resolved once for the row's eighteen cells.
            let format = try sheet.resolve(Styles.text.filled(fill))
            func text(_ value: String?, _ column: Int) throws {
                if let value, !value.isEmpty {
                    try sheet.write(value, row: row, column: column, format: format)
                } else {
                    try sheet.writeBlank(row: row, column: column, format: format)
                }
            }
            try sheet.write(Double(number + 1), row: row, column: 0, format: format)
            try text(finding.severity.chineseName + (finding.explanation == nil ? "" : "（已说明）"), 1)
            try text(finding.code.rawValue, 2)
            try text(finding.subject, 3)
            try text(finding.location?.file, 4)
            try text(finding.location?.line.map(String.init), 5)
            try text(finding.location?.column.map(String.init), 6)
            try text(finding.table, 7)
            try text(finding.rowLabel, 8)
            try text(finding.columnLabel, 9)
            var message = finding.message
            if !finding.notes.isEmpty { message += "\n" + finding.notes.joined(separator: "\n") }
            try text(message, 10)
            try text(finding.rule?.ruleID, 11)
            try text(finding.rule?.equation, 12)
            try text(finding.rule?.left.description, 13)
            try text(finding.rule?.right.description, 14)
            try text(finding.rule?.difference.description, 15)
            if let target {
                var linkFormat = Styles.link
                linkFormat.fillColor = fill
                try sheet.writeInternalLink(row: row, column: 16, sheet: target.sheet, cell: target.a1,
                                            text: "\(target.sheet)!\(target.a1)", format: linkFormat)
            } else {
                try text(nil, 16)
            }
            try text(finding.explanation, 17)
            let lines = Double(max(1, (TextWidthEstimate.lines(message, width: 60))))
            try sheet.setRowHeight(max(18, lines * 15), row: row)
            row += 1
        }
        if report.findings.isEmpty {
            try sheet.write("未发现问题。", row: row, column: 0, format: Styles.note)
        }
        let widths: [Double] = [6, 10, 18, 16, 24, 6, 6, 6, 24, 12, 60, 12, 40, 8, 8, 8, 16, 30]
        for (column, width) in widths.enumerated() { try sheet.setColumnWidth(width, firstColumn: column) }
        try sheet.freezePanes(row: 2, column: 0)
        try sheet.repeatRows(first: 1, last: 1)
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(width: 1, height: 0)
    }
}

enum TextWidthEstimate {
    /// Lines a text takes in a column of `width` characters.
    static func lines(_ text: String, width: Double) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, Int((Double(TextWidth.displayWidth(String(line))) / width).rounded(.up)))
        }
    }
}
