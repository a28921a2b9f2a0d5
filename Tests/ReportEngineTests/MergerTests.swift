import ExactArithmetic
import Findings
import ReportEngine
import Testing

/// The roll-up: roster matching, exact group subtotals and total, and the findings of the merge.
struct MergerTests {
    static let roster = """
        单位,分组,代码
        鲤城区人民政府,区政府,001
        鲤城区教育局,区直部门,002
        鲤城区财政局,区直部门,003
        海滨街道,街道及园区,004
        临江街道,街道及园区,005

        """

    /// Five units read in an order unlike the roster's, with money in cents and in 万元.
    static func fiveUnits(_ inbox: Inbox) throws -> [String] {
        try [
            inbox.write("c.csv", unit: "临江街道", ["PROC_AMOUNT": "0.44元", "NEW.NP": "1", "NEW.TOT": "1", "COUT.NP": "1", "COUT.TOT": "1"]),
            inbox.write("a.csv", unit: "鲤城区财政局", ["PROC_AMOUNT": "1234.56元", "LIC_PREV": "5", "LIC_DELTA": "-2"]),
            inbox.write("d.csv", unit: "鲤城区人民政府", ["PROC_AMOUNT": "658.243715万元", "LIC_PREV": "3", "LIC_DELTA": "+7"]),
            inbox.write("e.csv", unit: "海滨街道", ["PROC_AMOUNT": "35692694.56元", "NEW.NP": "2", "NEW.TOT": "2",
                                                 "OPEN.NP": "2", "OPEN.TOT": "2", "RESULT_TOTAL.NP": "2", "RESULT_TOTAL.TOT": "2"]),
            inbox.write("b.csv", unit: "区教育局", ["PROC_AMOUNT": "100元", "LIC_PREV": "1"]),
        ]
    }

    @Test func subtotalsAndTotalAreExactSumsInRosterOrder() throws {
        let inbox = try Inbox()
        let report = inbox.merge(try Self.fiveUnits(inbox), roster: try inbox.roster(Self.roster))
        #expect(report.findings.map(inbox.printed) == [])
        #expect(report.units.map(\.name) == ["鲤城区人民政府", "鲤城区教育局", "鲤城区财政局", "海滨街道", "临江街道"])
        #expect(report.units.map(\.group) == ["区政府", "区直部门", "区直部门", "街道及园区", "街道及园区"])
        #expect(report.units.map(\.code) == ["001", "002", "003", "004", "005"])
        #expect(report.groups.map(\.name) == ["区政府", "区直部门", "街道及园区"])
        #expect(report.groups.map(\.unitIndices) == [[0], [1, 2], [3, 4]])
        #expect(report.groups.map { inbox.value($0.values, "PROC_AMOUNT").description } == ["6582437.15", "1334.56", "35692695.00"])
        #expect(inbox.value(report.total, "PROC_AMOUNT").description == "42276466.71")
        #expect(report.groups.map { inbox.value($0.values, "LIC_DELTA") } == [7, -2, 0].map { ExactDecimal(integer: $0) })
        #expect(inbox.value(report.total, "LIC_PREV") == ExactDecimal(integer: 9))
        #expect(inbox.value(report.total, "NEW.NP") == ExactDecimal(integer: 3))
    }

    @Test func withoutRosterEveryUnitIsCountedUngrouped() throws {
        let inbox = try Inbox()
        let report = inbox.merge(try Self.fiveUnits(inbox), roster: nil)
        #expect(report.units.map(\.name) == ["临江街道", "鲤城区财政局", "鲤城区人民政府", "海滨街道", "区教育局"], "in reading order")
        #expect(report.groups.map(\.name) == ["未分组"])
        #expect(report.groups.first?.unitIndices == [0, 1, 2, 3, 4])
        #expect(inbox.value(report.total, "PROC_AMOUNT").description == "42276466.71")
        #expect(report.findings.map(inbox.printed) == [])
    }

    @Test func missingDuplicateAndUnknownUnits() throws {
        let inbox = try Inbox()
        let paths = try [
            inbox.write("教育局.csv", unit: "鲤城区教育局", ["LIC_PREV": "1"]),
            inbox.write("教育局-修改版.csv", unit: "鲤城区教育局", ["LIC_PREV": "100"]),
            inbox.write("卫健局.csv", unit: "鲤城区卫健局", ["LIC_PREV": "1000"]),
            inbox.write("财政局.csv", unit: "鲤城区财政局"),
        ]
        let report = inbox.merge(paths, roster: try inbox.roster(Self.roster))
        // Sorted for display: errors, then by subject.
        #expect(report.findings.map(inbox.printed) == [
            "units.csv:6: 错误: [unit-missing] 临江街道：名册中的“临江街道”（街道及园区）没有提交",
            "units.csv:5: 错误: [unit-missing] 海滨街道：名册中的“海滨街道”（街道及园区）没有提交",
            "units.csv:2: 错误: [unit-missing] 鲤城区人民政府：名册中的“鲤城区人民政府”（区政府）没有提交",
            "卫健局.csv: 错误: [unit-not-in-roster] 鲤城区卫健局：“鲤城区卫健局”不在名册中，未计入汇总；请核对单位名称，或把它加入名册",
            "教育局-修改版.csv: 错误: [unit-duplicate] 鲤城区教育局：“鲤城区教育局”重复提交：教育局.csv、教育局-修改版.csv；只计入 教育局.csv，其余未计入汇总",
        ])
        #expect(report.units.map(\.name) == ["鲤城区教育局", "鲤城区财政局"])
        #expect(inbox.value(report.total, "LIC_PREV") == ExactDecimal(integer: 1), "neither the second file nor the unknown unit is counted")
        #expect(report.excluded.map(\.reason) == ["重复提交，已计入 \(inbox.folder.path)/教育局.csv", "不在名册中"])
    }

    @Test func yearMismatch() throws {
        let inbox = try Inbox()
        let report = inbox.merge([try inbox.write("教育局.csv", unit: "鲤城区教育局", year: 2019)], roster: nil, year: 2020)
        #expect(report.findings.map(inbox.printed) == [
            "教育局.csv:2:2: 错误: [year-mismatch] 鲤城区教育局：文件填写的年度是 2019 年，本次汇总的是 2020 年；请确认是否误用了其他年度的报表",
        ])
        #expect(report.units.count == 1, "still counted; the error says so")
    }
}
