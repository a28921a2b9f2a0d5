import ReportEngine
import ReportSpec
import XlsxWriter

/// One unit's figures in the official layout, as the unit reported them; every cell a
/// finding is about is highlighted and carries a comment naming the rule.
struct UnitSheet {
    let report: MergeReport
    let unit: CountedUnit
    let sheetName: String

    func write(to sheet: Worksheet, targets: FindingTargets) throws {
        let template = report.template
        let title = "\(unit.name)\(report.year)年政府信息公开工作年度报告（报送数据）"
        let subtitle = "（分组：\(unit.group)；来源：\(unit.submission.file.displayName)）"
        try SummarySheet.writeFrame(sheet, template: template, title: title, subtitle: subtitle,
                                    titleMark: targets.mark(sheetName, 0, 0))
        let writer = OfficialTableWriter(template: template, sheet: sheet, columnWidths: SummarySheet.columnWidths)
        try writer.writeAll(top: SummarySheet.tablesTop, sheetName: sheetName, marks: targets) { figure in
            .value(unit.submission.value(at: figure.index))
        }
    }

    /// Sheet names for the units: the unit's name made acceptable to Excel (no `[]:*?/\`,
    /// at most 31 characters, unique ignoring case, none of the fixed sheets' names).
    static func names(for units: [CountedUnit], reserved: [String]) -> [String: String] {
        var used = Set(reserved.map { $0.lowercased() })
        var names: [String: String] = [:]
        for unit in units {
            var base = String(unit.name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "单位" }
            var candidate = String(base.utf16Prefix(31))
            var number = 2
            while used.contains(candidate.lowercased()) || candidate.lowercased() == "history" {
                let suffix = "(\(number))"
                candidate = String(base.utf16Prefix(31 - suffix.utf16.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            names[unit.name] = candidate
        }
        return names
    }
}

extension String {
    /// The longest prefix of whole characters that fits in `limit` UTF-16 units.
    func utf16Prefix(_ limit: Int) -> Substring {
        var count = 0
        var end = startIndex
        for character in self {
            let length = character.utf16.count
            if count + length > limit { break }
            count += length
            end = index(after: end)
        }
        return self[..<end]
    }
}
