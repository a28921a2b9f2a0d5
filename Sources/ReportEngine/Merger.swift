import Dispatch
import ExactArithmetic
import Findings
import Foundation
import Progress
import ReportSpec
import Submissions

/// One unit counted in the totals.
public struct CountedUnit: Sendable {
    public let name: String
    public let group: String
    public let code: String?
    public let submission: UnitSubmission
}

/// A group of units and its subtotal.
public struct GroupTotal: Sendable {
    public let name: String
    /// Indices into `MergeReport.units`.
    public let unitIndices: [Int]
    public let values: [ExactDecimal]
}

/// Everything a merge produces: the counted units, group subtotals and the total, every
/// finding, and what was read. The workbook, the terminal and `--json` all render this.
public struct MergeReport: Sendable {
    public let template: ReportTemplate
    public let year: Int
    public let district: String?
    public let roster: Roster?
    /// Counted units, in roster order (then in the order they were read).
    public let units: [CountedUnit]
    public let groups: [GroupTotal]
    public let total: [ExactDecimal]
    public let files: [SourceFile]
    /// Every finding, errors first (see `Array<Finding>.sortedForDisplay`).
    public let findings: [Finding]
    /// Submissions that were read but not counted, with the reason.
    public let excluded: [(submission: UnitSubmission, reason: String)]

    public var errorCount: Int { findings.errorCount }
    public var warningCount: Int { findings.warningCount }

    /// The subject name of the total: `全区合计` style.
    public static let totalName = "合计"

    public static func groupSubject(_ group: String) -> String { "\(group)小计" }
}

/// Matches submissions to the roster, adds them up exactly per group and in total, and
/// checks every rule on every unit, every group subtotal and the total (spec §5.6).
public struct Merger: Sendable {
    public let template: ReportTemplate
    public let year: Int

    public var overrides: RuleOverrides
    /// Last year's figures, for the cross-year rules.
    public var previous: PreviousYear?
    /// Written reasons that accept warnings.
    public var explanations: Explanations?
    /// Counts the units checked, for a progress display.
    public var progress: ProgressCounter?

    public init(template: ReportTemplate, year: Int, overrides: RuleOverrides = RuleOverrides(),
                previous: PreviousYear? = nil) {
        self.template = template
        self.year = year
        self.overrides = overrides
        self.previous = previous
    }

    public func merge(_ read: ReadResult, roster: Roster?, district: String? = nil) -> MergeReport {
        var findings = read.fileFindings + (roster?.findings ?? [])
        var counted: [(unit: CountedUnit, order: Int)] = []
        var excluded: [(UnitSubmission, String)] = []
        var byUnit: [String: Int] = [:]  // roster name (or own name) → index in counted
        var accounted = Set<String>()     // units that submitted, counted or not
        let checker = RuleChecker(template: template)
        // Each counted unit's rule checks, run after this loop on every core; their findings
        // go where the loop would have put them (before position `at` of `findings`).
        var unitChecks: [(at: Int, counted: Int)] = []
        progress?.begin(.checkingUnits, total: read.submissions.count)

        for (position, submission) in read.submissions.enumerated() {
            defer { progress?.advance() }
            var submission = submission
            var name = submission.unit
            var group = Roster.ungrouped
            var code: String?
            var order = Int.max / 2 + position
            if let roster {
                guard let (rosterUnit, _) = roster.match(submission.unit) else {
                    findings += unitFindings(submission.findings, unit: submission.unit)
                    findings.append(Finding(
                        code: .unitNotInRoster, scope: .unit(submission.unit), subject: submission.unit,
                        location: SourceLocation(file: submission.file.displayName),
                        parameters: [.init("unit", submission.unit)],
                        notes: ["单位名称取自\(submission.unitSource.description)"]))
                    excluded.append((submission, "不在名册中"))
                    continue
                }
                name = rosterUnit.name
                group = rosterUnit.group
                code = rosterUnit.code
                order = rosterUnit.order
            }
            submission.unit = name
            if let giveaway = submission.formatGiveaway {
                findings.append(Finding(
                    code: .wrongFormat, scope: .unit(name), subject: name, location: giveaway.location,
                    parameters: [.init("fileFormat", giveaway.format), .init("label", giveaway.text),
                                 .init("format", template.format)]))
                excluded.append((submission, "使用了 \(giveaway.format) 年版格式"))
                accounted.insert(name)
                continue
            }
            if let first = byUnit[name] {
                let kept = counted[first].unit.submission.file.displayName
                findings.append(Finding(
                    code: .unitDuplicate, scope: .unit(name), subject: name,
                    location: SourceLocation(file: submission.file.displayName),
                    parameters: [.init("unit", name), .init("files", "\(kept)、\(submission.file.displayName)"),
                                 .init("counted", kept)]))
                excluded.append((submission, "重复提交，已计入 \(kept)"))
                continue
            }
            findings += unitFindings(submission.findings, unit: name)
            if let stated = submission.statedYear, stated != year {
                findings.append(Finding(
                    code: .yearMismatch, scope: .unit(name), subject: name, location: submission.yearLocation,
                    parameters: [.init("fileYear", String(stated)), .init("year", String(year))]))
            }
            unitChecks.append((findings.count, counted.count))
            if let lastYear = previous?.unit(named: name), let copied = sameAsLastYear(submission, lastYear) {
                findings.append(copied)
            }
            byUnit[name] = counted.count
            counted.append((CountedUnit(name: name, group: group, code: code, submission: submission), order))
        }
        findings = insertingRuleChecks(unitChecks, of: counted, into: findings, checker: checker, onRoster: roster != nil)

        let units = counted.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.unit)
        if let roster {
            let present = Set(units.map(\.name)).union(accounted)
            for unit in roster.units where !present.contains(unit.name) {
                findings.append(Finding(
                    code: .unitMissing, scope: .unit(unit.name), subject: unit.name,
                    location: SourceLocation(file: roster.path, line: unit.line),
                    parameters: [.init("unit", unit.name), .init("group", unit.group)]))
            }
        }

        // Groups in roster order; units without a roster group last.
        var groupNames = roster?.groups ?? []
        for unit in units where !groupNames.contains(unit.group) { groupNames.append(unit.group) }
        var groups: [GroupTotal] = []
        for name in groupNames {
            let members = units.indices.filter { units[$0].group == name }
            guard !members.isEmpty || roster != nil else { continue }
            let values = sum(members.map { units[$0].submission.values }, subject: MergeReport.groupSubject(name),
                             scope: .group(name), findings: &findings)
            groups.append(GroupTotal(name: name, unitIndices: members, values: values))
            // A subtotal of one unit, or the only group's subtotal, repeats figures
            // checked elsewhere: its findings would only be duplicates.
            if members.count > 1 && groupNames.count > 1 {
                findings += checker.check(scope: .group(name), subject: MergeReport.groupSubject(name), group: name,
                                          onRoster: roster != nil, overrides: overrides, previous: previous?.groups[name], value: { values[$0] })
            }
        }
        let total = sum(units.map(\.submission.values), subject: MergeReport.totalName, scope: .total, findings: &findings)
        if units.count > 1 {
            findings += checker.check(scope: .total, subject: MergeReport.totalName, onRoster: roster != nil, overrides: overrides,
                                      previous: previous?.total, value: { total[$0] })
        }

        if let previous, let stated = previous.year, stated != year - 1 {
            findings.append(Finding(code: .previousYearMismatch, scope: .file, location: SourceLocation(file: previous.source),
                                    parameters: [.init("previousYear", String(stated)), .init("year", String(year)),
                                                 .init("expected", String(year - 1))]))
        }
        if let explanations { findings = explanations.apply(to: findings) }
        return MergeReport(template: template, year: year, district: district, roster: roster, units: units,
                           groups: groups, total: total, files: read.files, findings: findings.sortedForDisplay(),
                           excluded: excluded)
    }

    /// Checks the rules on each counted unit, on every core, and returns `findings` with
    /// each unit's rule findings inserted at its position: the same findings in the same
    /// order as checking each unit in turn.
    private func insertingRuleChecks(_ checks: [(at: Int, counted: Int)], of counted: [(unit: CountedUnit, order: Int)],
                                     into findings: [Finding], checker: RuleChecker, onRoster: Bool) -> [Finding] {
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<[Finding]>.allocate(capacity: checks.count)
        results.initialize(repeating: [])
        defer { results.deinitialize(); results.deallocate() }
        // Each slot is written by exactly one worker and read after all have finished.
        let workers = min(checks.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: checks.count, by: workers) {
                // Read in place: a copy of a unit retains each of its submission's fields.
                let unit = checks[index].counted
                let name = counted[unit].unit.name
                let values = counted[unit].unit.submission.values
                results[index] = checker.check(
                    scope: .unit(name), subject: name, group: counted[unit].unit.group, onRoster: onRoster, overrides: overrides,
                    previous: previous?.unit(named: name), value: { values[$0] ?? .zero },
                    location: { counted[unit].unit.submission.location(at: $0) })
            }
        }
        var merged: [Finding] = []
        merged.reserveCapacity(findings.count + results.reduce(0) { $0 + $1.count })
        var next = 0
        for (index, check) in checks.enumerated() {
            merged += findings[next..<check.at]
            merged += results[index]
            next = check.at
        }
        merged += findings[next...]
        return merged
    }

    /// The copy-paste failure: every figure equal to last year's (and not all zero).
    private func sameAsLastYear(_ submission: UnitSubmission, _ lastYear: [String: ExactDecimal]) -> Finding? {
        var nonZero = false
        for figure in template.figures where template.table(figure.tableID)?.official ?? true {
            guard let previous = lastYear[figure.code] else { return nil }
            let value = submission.value(at: figure.index)
            if value != previous { return nil }
            if !value.isZero { nonZero = true }
        }
        guard nonZero else { return nil }
        return Finding(code: .sameAsLastYear, scope: .unit(submission.unit), subject: submission.unit,
                       location: SourceLocation(file: submission.file.displayName),
                       parameters: [.init("year", String(year - 1))])
    }

    /// Reading findings of a file, now that the unit is known.
    private func unitFindings(_ findings: [Finding], unit: String) -> [Finding] {
        findings.map { finding in
            var finding = finding
            finding.scope = .unit(unit)
            finding.subject = unit
            return finding
        }
    }

    /// The exact per-figure sum over units' figures; an overflow is a finding and leaves
    /// the figure at the last value that fitted.
    private func sum(_ figures: [[ExactDecimal?]], subject: String, scope: FindingScope,
                     findings: inout [Finding]) -> [ExactDecimal] {
        var totals = Array(repeating: ExactDecimal.zero, count: template.figures.count)
        var overflowed = Set<Int>()
        for values in figures {
            for (index, value) in values.enumerated() {
                guard let value, overflowed.isEmpty || !overflowed.contains(index) else { continue }
                if let next = totals[index].adding(value) {
                    totals[index] = next
                } else {
                    overflowed.insert(index)
                    findings.append(Finding(code: .sumOverflow, scope: scope, subject: subject,
                                            cellCode: template.figures[index].code,
                                            parameters: [.init("cellCode", template.figures[index].code)]))
                }
            }
        }
        return totals
    }
}
