import ExactArithmetic
import Findings
import Foundation
import ReportEngine
import ReportSpec
import Submissions
import TestSupport
import Testing

/// The rules are linear (spec §5.6 A.2): random units that satisfy every rule give group
/// subtotals and a total that satisfy every rule too.
struct LinearityTests {
    /// A unit whose figures satisfy every rule of the 2019 format, built from the rules' meaning.
    static func consistentUnit(_ random: inout SplitMix64) -> [String: ExactDecimal] {
        var v: [String: Int64] = [:]
        func n(_ max: Int64) -> Int64 { Bool.random(using: &random) ? 0 : Int64.random(in: 0...max, using: &random) }
        // 表二: no 规章 (R2.3); 总数量 ≥ 新公开 (R2.7); 上一年 + 增减 ≥ 0 (R2.5).
        for x in ["NORM"] {
            v["\(x)_NEWMADE"] = n(50); v["\(x)_NEWPUB"] = n(50); v["\(x)_TOTALPUB"] = v["\(x)_NEWPUB"]! + n(500)
        }
        for x in ["LIC", "OMS", "PUN", "COE", "FEE"] {
            let previous = n(300)
            v["\(x)_PREV"] = previous
            v["\(x)_DELTA"] = Int64.random(in: -previous...300, using: &random)
            if x != "FEE" { v["\(x)_DECISIONS"] = n(10000) }
        }
        v["PROC_COUNT"] = n(40)
        // 表三: leaves at random; （七）总计 their sum (R3.3); 新收 from R3.1; 总计 column the row sums (R3.2).
        let leaves = ["OPEN", "PART"] + (1...8).map { "DENY_\($0)" } + (1...3).map { "UNABLE_\($0)" } + (1...5).map { "NOTPROC_\($0)" } + ["OTHER"]
        let columns = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH"]
        for c in columns {
            for leaf in leaves { v["\(leaf).\(c)"] = n(20) }
            let total = leaves.reduce(0) { $0 + v["\($1).\(c)"]! }
            v["RESULT_TOTAL.\(c)"] = total
            v["COUT.\(c)"] = n(10)
            let carriedIn = Int64.random(in: 0...(total + v["COUT.\(c)"]!), using: &random)
            v["CIN.\(c)"] = carriedIn
            v["NEW.\(c)"] = total + v["COUT.\(c)"]! - carriedIn
        }
        for row in ["NEW", "CIN", "RESULT_TOTAL", "COUT"] + leaves {
            v["\(row).TOT"] = columns.reduce(0) { $0 + v["\(row).\($1)"]! }
        }
        // 表四: 总计 = the four results (R4.1–R4.3).
        for p in ["RV", "LD", "LR"] {
            for s in ["KEEP", "CORR", "OTHER", "PEND"] { v["\(p)_\(s)"] = n(9) }
            v["\(p)_TOTAL"] = ["KEEP", "CORR", "OTHER", "PEND"].reduce(0) { $0 + v["\(p)_\($1)"]! }
        }
        var figures = v.mapValues { ExactDecimal(integer: $0) }
        // Money with cents.
        figures["PROC_AMOUNT"] = ExactDecimal(significand: Int64.random(in: 0...9_999_999_99, using: &random), scale: 2)
        return figures
    }

    static func submission(_ name: String, _ figures: [String: ExactDecimal], template: ReportTemplate) -> UnitSubmission {
        let file = SourceFile(path: "\(name).csv", displayName: "\(name).csv", byteCount: 0, sha256: "", encoding: "UTF-8",
                              delimiter: "逗号", kind: .long)
        var submission = UnitSubmission(unit: name, unitSource: .longTable, file: file, figureCount: template.figures.count)
        for (code, value) in figures { submission.values[template.index(of: code)!] = value }
        return submission
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func consistentUnitsGiveConsistentSubtotalsAndTotal(_ seed: UInt64) throws {
        let template = try TemplateLoader.builtin(format: "2019")
        var random = SplitMix64(seed: seed)
        let groups = ["区政府", "区直部门", "街道及园区"]
        var rosterText = "单位,分组\n"
        var read = ReadResult()
        for i in 0..<30 {
            let name = "单位\(i)"
            let figures = Self.consistentUnit(&random)
            // Every unit passes on its own: otherwise the property says nothing.
            let own = RuleChecker(template: template).check(scope: .unit(name), subject: name) { figures[template.figures[$0].code] ?? .zero }
            try #require(own.isEmpty, "seed \(seed), unit \(i): \(own.map(\.message))")
            read.submissions.append(Self.submission(name, figures, template: template))
            rosterText += "\(name),\(groups[i % 3])\n"
        }
        let roster = try Inbox().roster(rosterText)
        let report = Merger(template: template, year: 2020).merge(read, roster: roster)
        #expect(report.findings.map(\.message) == [], "seed \(seed)")
        #expect(report.groups.map(\.unitIndices.count) == [10, 10, 10], "seed \(seed)")
        // The subtotals and the total are checked directly too, whatever the merger chooses to check.
        let checker = RuleChecker(template: template)
        for group in report.groups {
            #expect(checker.check(scope: .group(group.name), subject: group.name) { group.values[$0] }.map(\.message) == [], "seed \(seed) \(group.name)")
        }
        #expect(checker.check(scope: .total, subject: "合计") { report.total[$0] }.map(\.message) == [], "seed \(seed)")
        // And the total is the sum of the subtotals, figure by figure.
        for index in template.figures.indices {
            let sum = report.groups.reduce(ExactDecimal.zero) { $0.adding($1.values[index])! }
            #expect(sum == report.total[index], "seed \(seed) \(template.figures[index].code)")
        }
    }
}
