import Foundation
import Testing
import TestSupport

/// The 2021-format example (青溪区 2023): format chosen from the year, the unit that
/// filled in last year's form rejected, fees in 万元 summed exactly, cross-year checks
/// against 2022 with written explanations.
@Suite struct Example2023Tests {
    struct Merged: Sendable {
        let output: URL
        let json: URL
        let run: Nianbao.Run
        let workbook: WorkbookDump
    }

    static let example = "examples/qingxi-2023"
    static let previous = "examples/qingxi-2022/青溪区2022年汇总.csv"
    static let explanations = "examples/qingxi-2022/2023年审核说明.csv"

    static let merged: Result<Merged, any Error> = Result {
        let output = Paths.uniqueTemporaryFile("qingxi-2023.xlsx")
        let json = output.deletingLastPathComponent().appendingPathComponent("findings.json")
        let run = try Nianbao.run(["merge", example, "--units", "\(example)/units.csv", "--year", "2023",
                                   "--previous", previous, "--explanations", explanations,
                                   "-o", output.path, "--json", json.path])
        return Merged(output: output, json: json, run: run, workbook: try readBack(output))
    }

    let merged: Merged

    init() throws { merged = try Self.merged.get() }

    @Test func mergeExitsOneAndPrintsEveryFinding() {
        #expect(merged.run.status == 1)
        assertGolden(merged.run.stderr, named: "qingxi-2023.stderr", in: Nianbao.goldenDirectory)
        assertGolden(merged.run.stdout.replacingOccurrences(of: merged.output.path, with: "<OUT>"),
                     named: "qingxi-2023.stdout", in: Nianbao.goldenDirectory)
    }

    /// A unit file in the 2019 layout inside a 2023 merge: the wrong-format error with the
    /// giveaway label's line, and the unit is not counted.
    @Test func lastYearsFormIsRejectedWithTheGiveawayLine() throws {
        #expect(merged.run.stderr.contains(
            "examples/qingxi-2023/青溪区住建局.csv:5:2: 错误: [wrong-format] 青溪区住建局：这份报表用的是 2019 年版格式（“本年新制作数量”只在该格式中出现），本次汇总使用 2021 年版格式；该文件未计入汇总，请用 2021 年版表格重新填报"))
        let detail = try #require(merged.workbook["明细"])
        let row = try #require(detail.cells.first { $0.key.hasPrefix("B") && $0.value.value.string == "青溪区住建局" }?.key)
        #expect(detail.text("D" + row.dropFirst()) == "使用了 2019 年版格式")
        #expect(merged.workbook.sheetNames.contains("青溪区住建局") == false)
    }

    /// Spec §4.1: table 二 of the 2021 format, labels verbatim, single value columns merged B:D.
    @Test func table2IsThe2021Layout() throws {
        let sheet = try #require(merged.workbook["汇总"])
        let top = try #require(sheet.row(whereA: "二、主动公开政府信息情况"))
        let expected: [(Int, [String])] = [
            (1, ["第二十条第（一）项", "", "", ""]),
            (2, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
            (3, ["规章", "1", "0", "1"]),
            (4, ["行政规范性文件", "12", "5", "75"]),
            (5, ["第二十条第（五）项", "", "", ""]),
            (6, ["信息内容", "本年处理决定数量", "", ""]),
            (7, ["行政许可", "8045", "", ""]),
            (8, ["第二十条第（六）项", "", "", ""]),
            (9, ["信息内容", "本年处理决定数量", "", ""]),
            (10, ["行政处罚", "5568", "", ""]),
            (11, ["行政强制", "266", "", ""]),
            (12, ["第二十条第（八）项", "", "", ""]),
            (13, ["信息内容", "本年收费金额（单位：万元）", "", ""]),
            (14, ["行政事业性收费", "180.340093", "", ""]),
        ]
        for (offset, cells) in expected {
            #expect(["A", "B", "C", "D"].map { sheet.text("\($0)\(top + offset)") } == cells, "表二 grid row \(offset)")
        }
        for offset in [6, 7, 9, 10, 11, 13, 14] {
            #expect(sheet.mergedRanges.contains("B\(top + offset):D\(top + offset)"), "B:D merge of row \(offset)")
        }
        // Every decimal of the 万元 amount is shown, none rounded away.
        #expect(sheet["B\(top + 14)"]?.numberFormat == "0.000000")
    }

    /// Spec §4.2: （六）其他处理 split into three rows; 三、本年度办理结果 merged over 22 rows.
    @Test func table3HasTheSplitOtherRows() throws {
        let sheet = try #require(merged.workbook["汇总"])
        let top = try #require(sheet.row(whereA: "三、收到和处理政府信息公开申请情况"))
        #expect(sheet.text("B\(top + 24)") == "（六）其他处理")
        #expect(sheet.text("C\(top + 24)") == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
        #expect(sheet.text("C\(top + 25)") == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
        #expect(sheet.text("C\(top + 26)") == "3.其他")
        #expect(sheet.text("B\(top + 27)") == "（七）总计")
        #expect(sheet.text("A\(top + 28)") == "四、结转下年度继续办理")
        #expect(sheet.mergedRanges.contains("A\(top + 6):A\(top + 27)"))
        #expect(sheet.mergedRanges.contains("B\(top + 24):B\(top + 26)"))
        #expect(sheet.text("J\(top + 4)") == "66")
    }

    /// Every figure equals the example's independently computed totals (Python's decimal),
    /// the fee with its six decimals included.
    @Test func totalsMatchTheIndependentDecimalSums() throws {
        let sheet = try #require(merged.workbook["明细"])
        let data = try Data(contentsOf: Paths.packageRoot.appendingPathComponent("\(Self.example)/expected-totals.json"))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cells"] as? [String: String])
        let totalRow = try #require(sheet.row(whereA: "合计"))
        var columns: [String: String] = [:]
        for (a1, cell) in sheet.cells where a1.hasSuffix("5") && a1.dropLast().allSatisfy(\.isLetter) {
            if let code = cell.value.string { columns[code] = String(a1.dropLast()) }
        }
        #expect(expected.count == 202)
        for (code, value) in expected {
            let column = try #require(columns[code], "no column for \(code)")
            #expect(sheet["\(column)\(totalRow)"]?.cached?.number == Double(value), "\(code)")
        }
        #expect(expected["FEE_AMOUNT_WAN"] == "180.340093")
    }

    /// R3.6 against 2022: the broken carry-over shows both years' values; the explanation
    /// file accepts it everywhere (terminal, 审核结果, JSON) and it no longer counts.
    @Test func carryOverWarningIsExplained() throws {
        #expect(merged.run.stderr.contains(
            "examples/qingxi-2023/青溪区民政局.csv:23:4: 警告（已说明）: [rule-failed] 青溪区民政局：表三“二、上年结转政府信息公开申请数量”行“自然人”列：二、上年结转应等于上一年度报告的四、结转下年度继续办理。0 ≠ 1，左边 0，右边 1，相差 -1（规则 2021:R3.6）"))
        #expect(merged.run.stdout.contains("7 个错误，3 个警告（另有 6 个警告已说明）"))
        let sheet = try #require(merged.workbook["审核结果"])
        let explained = sheet.cells.filter { $0.key.hasPrefix("B") && $0.value.value.string == "警告（已说明）" }
        #expect(explained.count == 6)
        for (a1, _) in explained {
            #expect(sheet.text("R" + a1.dropFirst()).hasPrefix("2022 年报告发布后核实") || sheet.text("R" + a1.dropFirst()).hasPrefix("同青溪区民政局"))
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: merged.json)) as? [String: Any]
        let findings = try #require(json?["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["explanation"] != nil }.count == 6)
        let summary = try #require(json?["summary"] as? [String: Any])
        #expect(summary["explained"] as? Int == 6)
        #expect(summary["errors"] as? Int == 7)
    }

    @Test func copiedFiguresAreNoticed() {
        #expect(merged.run.stderr.contains(
            "examples/qingxi-2023/西岭街道.csv: 警告: [same-as-last-year] 西岭街道：各项数据与 2022 年度完全相同，可能误报了上一年的数据；请核实"))
    }

    /// Every link on 审核结果 lands on a cell that is highlighted and commented.
    @Test func everyFindingLinksToAHighlightedCommentedCell() throws {
        try assertLinksLandOnMarkedCells(merged.workbook)
    }

    @Test func passesTheIndependentValidator() throws {
        try validateXlsx(merged.output)
    }
}

/// For every row of 审核结果: the link's target cell exists, is filled and carries a
/// comment that names the finding's code.
func assertLinksLandOnMarkedCells(_ workbook: WorkbookDump, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let findings = try #require(workbook["审核结果"], sourceLocation: sourceLocation)
    var checked = 0
    for (a1, cell) in findings.cells where a1.hasPrefix("Q") && Int(a1.dropFirst()).map({ $0 > 2 }) == true {
        let location = try #require(cell.hyperlink?.location, "no link in \(a1)", sourceLocation: sourceLocation)
        let parts = location.split(separator: "!", maxSplits: 1).map(String.init)
        let sheetName = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        let target = try #require(workbook[sheetName]?[parts[1]], "\(location) is empty", sourceLocation: sourceLocation)
        let code = findings.text("C" + a1.dropFirst())
        #expect(target.fill != nil, "\(location) is not highlighted", sourceLocation: sourceLocation)
        #expect(target.comment?.contains("[\(code)]") == true, "\(location) has no comment for \(code)", sourceLocation: sourceLocation)
        checked += 1
    }
    #expect(checked > 0, sourceLocation: sourceLocation)
}
