import ExactArithmetic
import Findings
import ReportEngine
import Testing

/// Rule findings of a merge, on a unit (with the cell it is about), a group subtotal and the total.
struct MergerRuleTests {
    /// 鲤城区教育局 reports （七）总计 7 where its parts add up to 8 (自然人 and 总计 columns).
    static func brokenR33(_ inbox: Inbox) throws -> MergeReport {
        let broken = ["NEW.NP": "7", "NEW.TOT": "7", "OPEN.NP": "8", "OPEN.TOT": "8", "RESULT_TOTAL.NP": "7", "RESULT_TOTAL.TOT": "7"]
        let paths = try [
            inbox.write("gov.csv", unit: "鲤城区人民政府"),
            inbox.write("edu.csv", unit: "鲤城区教育局", broken),
            inbox.write("fin.csv", unit: "鲤城区财政局"),
            inbox.write("hb.csv", unit: "海滨街道"),
            inbox.write("lj.csv", unit: "临江街道"),
        ]
        return inbox.merge(paths, roster: try inbox.roster(MergerTests.roster))
    }

    @Test func brokenRuleOnAUnitPointsAtTheFilesCell() throws {
        let inbox = try Inbox()
        let unit = try Self.brokenR33(inbox).findings.with(.ruleFailed).filter { $0.scope == .unit("鲤城区教育局") }
        #expect(unit.map(inbox.printed) == [
            "edu.csv:\(inbox.line(of: "RESULT_TOTAL.NP")):4: 错误: [rule-failed] 鲤城区教育局：表三“（七）总计”行“自然人”列：“（七）总计”应等于（一）至（六）各项之和。7 ≠ 8（其余 18 项为 0），左边 7，右边 8，相差 -1（规则 2019:R3.3）",
            "edu.csv:\(inbox.line(of: "RESULT_TOTAL.TOT")):4: 错误: [rule-failed] 鲤城区教育局：表三“（七）总计”行“总计”列：“（七）总计”应等于（一）至（六）各项之和。7 ≠ 8（其余 18 项为 0），左边 7，右边 8，相差 -1（规则 2019:R3.3）",
        ])
        let rule = try #require(unit.first?.rule)
        #expect(rule.left == ExactDecimal(integer: 7) && rule.right == ExactDecimal(integer: 8) && rule.difference == ExactDecimal(integer: -1))
        #expect(rule.cells.first == "RESULT_TOTAL.NP" && rule.cells.count == 20)
        #expect(unit.first?.cellCode == "RESULT_TOTAL.NP")
    }

    @Test func brokenRuleShowsOnTheGroupSubtotalAndTheTotal() throws {
        let inbox = try Inbox()
        let findings = try Self.brokenR33(inbox).findings.with(.ruleFailed).filter { $0.cellCode == "RESULT_TOTAL.NP" }
        let group = try #require(findings.first { $0.scope == .group("区直部门") })
        #expect(group.subject == "区直部门小计" && group.location == nil && group.severity == .error)
        #expect(inbox.printed(group) == "区直部门小计: 错误: [rule-failed] 表三“（七）总计”行“自然人”列：“（七）总计”应等于（一）至（六）各项之和。7 ≠ 8（其余 18 项为 0），左边 7，右边 8，相差 -1（规则 2019:R3.3）")
        let total = try #require(findings.first { $0.scope == .total })
        #expect(total.subject == "合计" && total.location == nil)
        #expect(total.rule?.difference == ExactDecimal(integer: -1))
        #expect(findings.count == 3, "the unit, its group, the total; not the other groups: \(findings.map(\.scope))")
    }

    @Test func warningRuleHasSeverityWarning() throws {
        let inbox = try Inbox()
        let path = try inbox.write("edu.csv", unit: "鲤城区教育局", ["NORM_NEWPUB": "5", "NORM_TOTALPUB": "3"])
        let report = inbox.merge([path], roster: nil)
        #expect(report.findings.map(inbox.printed) == [
            "edu.csv:\(inbox.line(of: "NORM_TOTALPUB")):4: 警告: [rule-failed] 鲤城区教育局：表二“规范性文件”行“对外公开总数量”列：对外公开总数量通常不少于本年新公开数量。3 < 5，左边 3，右边 5，相差 -2（规则 2019:R2.7）",
        ])
        #expect(report.errorCount == 0 && report.warningCount == 1)
    }
}
