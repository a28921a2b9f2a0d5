import Foundation
import Testing
import TestSupport

/// `--csv`, `--json`, `--unit-sheets`, `--rule`, `--previous`, `--explanations` as a user
/// meets them.
@Suite struct OutputOptionsTests {
    static let example = Nianbao.example

    /// The district's totals written with `--csv` are a valid submission one level up:
    /// a city merge of it gives the district's totals back.
    @Test func districtTotalsRoundTripIntoACityMerge() throws {
        let folder = Paths.uniqueTemporaryFile("x").deletingLastPathComponent()
        let district = folder.appendingPathComponent("鲤城区.csv")
        let first = try Nianbao.run(["merge", Self.example, "--units", "\(Self.example)/units.csv", "--year", "2020",
                                     "-o", folder.appendingPathComponent("district.xlsx").path, "--csv", district.path])
        #expect(first.status == 1)
        let bytes = try Data(contentsOf: district)
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))  // a BOM, so Excel on Chinese Windows reads UTF-8
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("单位,分组,层级,年度,指标代码,数值\r\n鲤城区,,合计,2020,REG_NEWMADE,0\r\n"))
        #expect(text.contains("鲤城区,,合计,2020,PROC_AMOUNT,35692694.56\r\n"))
        #expect(text.contains("区直部门小计,区直部门,分组小计,2020,PUB_YEAR,450\r\n"))
        #expect(text.contains("鲤城区住建局,区直部门,单位,2020,FEE_DELTA,-3\r\n"))

        let roster = folder.appendingPathComponent("city-units.csv")
        try "单位,分组\n鲤城区,市辖区\n".write(to: roster, atomically: true, encoding: .utf8)
        let city = folder.appendingPathComponent("city.xlsx")
        let second = try Nianbao.run(["merge", district.path, "--units", roster.path, "-o", city.path])
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty)
        let summary = try #require(try readBack(city)["汇总"])
        let top = try #require(summary.row(whereA: "三、收到和处理政府信息公开申请情况"))
        #expect(summary.text("J\(top + 4)") == "16")
        let t2 = try #require(summary.row(whereA: "二、主动公开政府信息情况"))
        #expect(summary.text("C\(t2 + 18)") == "35692694.56")
        #expect(summary.text("B\(t2 + 8)") == "419")
    }

    @Test func jsonHasTheParametersOfEveryFinding() throws {
        let json = Paths.uniqueTemporaryFile("findings.json")
        let run = try Nianbao.run(["check", "\(Self.example)/鲤城区住建局.csv", "--year", "2020", "--json", json.path])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect(document["year"] as? Int == 2020)
        #expect(document["format"] as? String == "2019")
        let finding = try #require((document["findings"] as? [[String: Any]])?.first)
        #expect(finding["code"] as? String == "rule-failed")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["file"] as? String == "examples/licheng-2020/鲤城区住建局.csv")
        #expect(finding["line"] as? Int == 16)
        #expect(finding["column"] as? Int == 3)
        #expect(finding["cell"] as? String == "FEE_DELTA")
        let rule = try #require(finding["rule"] as? [String: Any])
        #expect(rule["id"] as? String == "2019:R2.5")
        #expect(rule["equation"] as? String == "FEE_PREV + FEE_DELTA >= 0")
        #expect(rule["left"] as? String == "-2")
        #expect(rule["difference"] as? String == "-2")
        #expect((finding["parameters"] as? [String: String])?["where"] == "表二“行政事业性收费”行“本年增/减”列")
        #expect(finding["message"] == nil)
    }

    @Test func withoutUnitSheetsLinksLandOnDetail() throws {
        let output = Paths.uniqueTemporaryFile("no-unit-sheets.xlsx")
        let run = try Nianbao.run(["merge", Self.example, "--units", "\(Self.example)/units.csv", "--year", "2020",
                                   "--no-unit-sheets", "-o", output.path])
        #expect(run.status == 1)
        let workbook = try readBack(output)
        #expect(workbook.sheetNames == ["汇总", "分组小计", "明细", "审核结果", "说明"])
        #expect(workbook["审核结果"]?["Q3"]?.hyperlink?.location?.hasPrefix("'明细'!") == true)
        try assertLinksLandOnMarkedCells(workbook)
    }

    @Test func everyFindingOfThe2020ExampleLinksToAMarkedCell() throws {
        let output = Paths.uniqueTemporaryFile("links.xlsx")
        _ = try Nianbao.mergeExample(output: output)
        let workbook = try readBack(output)
        try assertLinksLandOnMarkedCells(workbook)
        let unit = try #require(workbook["鲤城区住建局"])
        let top = try #require(unit.row(whereA: "二、主动公开政府信息情况"))
        #expect(unit["C\(top + 15)"]?.fill == "FFFFC7CE")
        #expect(unit["C\(top + 15)"]?.comment?.contains("2019:R2.5") == true)
    }

    @Test func ruleSeverityCanBeChangedPerGroup() throws {
        let relaxed = try Nianbao.run(["check", Self.example, "--units", "\(Self.example)/units.csv", "--year", "2020",
                                       "--rule", "区直部门:R2.5=warning"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("鲤城区住建局.csv:16:3: 警告: [rule-failed]"))
        let off = try Nianbao.run(["check", Self.example, "--units", "\(Self.example)/units.csv", "--year", "2020",
                                   "--rule", "R2.5=off"])
        #expect(off.status == 0)
        #expect(!off.stderr.contains("R2.5"))
        let bad = try Nianbao.run(["check", Self.example, "--year", "2020", "--rule", "R9.9=error"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--rule R9.9=error：2019 年版格式中没有规则“R9.9”"))
    }

    /// A broken carry-over is a warning with both years' values; explained, it is shown as
    /// accepted and the exit status stays 0.
    @Test func carryOverAgainstAPreparedPreviousYear() throws {
        let folder = Paths.uniqueTemporaryFile("x").deletingLastPathComponent()
        let previous = folder.appendingPathComponent("2019.csv")
        try "单位,年度,指标代码,数值\n鲤城区发改局,2019,COUT.NP,2\n鲤城区发改局,2019,COUT.TOT,2\n"
            .write(to: previous, atomically: true, encoding: .utf8)
        let file = "\(Self.example)/鲤城区发改局.csv"
        let warned = try Nianbao.run(["check", file, "--year", "2020", "--previous", previous.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains(
            "examples/licheng-2020/鲤城区发改局.csv:27:4: 警告: [rule-failed] 鲤城区发改局：表三“二、上年结转政府信息公开申请数量”行“自然人”列：二、上年结转应等于上一年度报告的四、结转下年度继续办理。0 ≠ 2，左边 0，右边 2，相差 -2（规则 2019:R3.6）"))
        let explanations = folder.appendingPathComponent("说明.csv")
        try "单位,规则,说明\n鲤城区发改局,R3.6,2019 年结转的 2 件已撤回\n区教育局,R3.6,无此警告\n"
            .write(to: explanations, atomically: true, encoding: .utf8)
        let explained = try Nianbao.run(["check", file, "--year", "2020", "--previous", previous.path,
                                         "--explanations", explanations.path])
        #expect(explained.status == 0)
        #expect(explained.stderr.contains("警告（已说明）: [rule-failed] 鲤城区发改局："))
        #expect(explained.stderr.contains("    说明：2019 年结转的 2 件已撤回"))
        #expect(explained.stderr.contains("说明.csv:3: 警告: [explanation-unused] 说明文件第 3 行（区教育局，R3.6）没有对应的警告，未使用"))
    }

    @Test func anErrorCannotBeExplainedAway() throws {
        let explanations = Paths.uniqueTemporaryFile("说明.csv")
        try "单位,规则,说明\n鲤城区住建局,R2.5,我们认为没有问题\n".write(to: explanations, atomically: true, encoding: .utf8)
        let run = try Nianbao.run(["check", "\(Self.example)/鲤城区住建局.csv", "--year", "2020", "--explanations", explanations.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("错误: [rule-failed] 鲤城区住建局"))
        #expect(run.stderr.contains("    已有说明“我们认为没有问题”，但错误不能以说明消除，请更正数据"))
    }

    @Test func lastYearsWorkbookServesAsPrevious() throws {
        let folder = Paths.uniqueTemporaryFile("x").deletingLastPathComponent()
        let workbook = folder.appendingPathComponent("2020.xlsx")
        _ = try Nianbao.run(["merge", "\(Self.example)/鲤城区住建局.csv", "--year", "2020", "-o", workbook.path])
        let run = try Nianbao.run(["check", "\(Self.example)/鲤城区住建局.csv", "--year", "2021", "--format", "2019",
                                   "--previous", workbook.path])
        // The same figures a year later: the copy-paste warning, and R2.6 for the changed item counts.
        #expect(run.stderr.contains("[same-as-last-year] 鲤城区住建局：各项数据与 2020 年度完全相同"))
        #expect(run.stderr.contains("[rule-failed] 鲤城区住建局：表二“行政许可”行“上一年项目数量”列"))
    }
}
