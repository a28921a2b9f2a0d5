import Foundation
import Testing
import TestSupport

/// The bundled example (鲤城区 2020, split over 26 units) merged by the built binary and
/// read back with openpyxl: every figure of the seed report's tables 二、三、四 must sit
/// in its official position under its official label.
@Suite struct ExampleWorkbookTests {
    /// One merge for the whole suite: every test reads the same workbook.
    struct Merged: Sendable {
        let output: URL
        let run: Nianbao.Run
        let workbook: WorkbookDump
    }

    static let merged: Result<Merged, any Error> = Result {
        let output = Paths.uniqueTemporaryFile("licheng-2020.xlsx")
        let run = try Nianbao.mergeExample(output: output)
        return Merged(output: output, run: run, workbook: try readBack(output))
    }

    let output: URL
    let run: Nianbao.Run
    let workbook: WorkbookDump

    init() throws {
        let merged = try Self.merged.get()
        output = merged.output
        run = merged.run
        workbook = merged.workbook
    }

    @Test func mergeExitsOneForTheDeliberateMistakeAndPrintsEveryFinding() throws {
        #expect(run.status == 1)
        assertGolden(run.stderr, named: "licheng-2020.stderr", in: Nianbao.goldenDirectory)
        let stdout = run.stdout.replacingOccurrences(of: output.path, with: "<OUT>")
        assertGolden(stdout, named: "licheng-2020.stdout", in: Nianbao.goldenDirectory)
    }

    @Test func sheetsAreInOrder() {
        let units = ["鲤城区人民政府", "鲤城区发改局", "鲤城区教育局", "鲤城公安分局", "鲤城区民政局", "鲤城区司法局",
                     "鲤城区财政局", "鲤城区人社局", "鲤城区住建局", "鲤城区城管局", "鲤城区市场监管局", "鲤城区卫健局",
                     "鲤城区应急局", "鲤城区工信局", "鲤城区文体旅局", "鲤城区商务局", "鲤城区退役军人事务局", "泉州高新区鲤城园",
                     "海滨街道", "临江街道", "鲤中街道", "开元街道", "浮桥街道", "江南街道", "金龙街道", "常泰街道"]
        // One sheet per unit, in roster order, between 明细 and 审核结果 (26 ≤ the default limit).
        #expect(workbook.sheetNames == ["汇总", "分组小计", "明细"] + units + ["审核结果", "说明"])
        #expect(workbook.activeSheet == "汇总")
    }

    /// Spec §3.1, seed report table 二.
    @Test func table2HasTheSeedFigures() throws {
        let sheet = try #require(workbook["汇总"])
        let top = try #require(sheet.row(whereA: "二、主动公开政府信息情况"))
        let expected: [(Int, [String])] = [
            (1, ["第二十条第（一）项", "", "", ""]),
            (2, ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]),
            (3, ["规章", "0", "0", "0"]),
            (4, ["规范性文件", "22", "22", "53"]),
            (5, ["第二十条第（五）项", "", "", ""]),
            (6, ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
            (7, ["行政许可", "311", "87", "62470"]),
            (8, ["其他对外管理服务事项", "419", "1090", "491139"]),
            (9, ["第二十条第（六）项", "", "", ""]),
            (10, ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
            (11, ["行政处罚", "1003", "993", "188"]),
            (12, ["行政强制", "40", "22", "2"]),
            (13, ["第二十条第（八）项", "", "", ""]),
            (14, ["信息内容", "上一年项目数量", "本年增/减", ""]),
            (15, ["行政事业性收费", "16", "-2", ""]),
            (16, ["第二十条第（九）项", "", "", ""]),
            (17, ["信息内容", "采购项目数量", "采购总金额", ""]),
            (18, ["政府集中采购", "249", "35692694.56", ""]),
        ]
        for (offset, cells) in expected {
            let row = top + offset
            let actual = ["A", "B", "C", "D"].map { sheet.text("\($0)\(row)") }
            #expect(actual == cells, "表二 grid row \(offset)")
        }
        for offset in [1, 5, 9, 13, 16] {
            #expect(sheet.mergedRanges.contains("A\(top + offset):D\(top + offset)"))
        }
        // Signed changes show their sign, the amount its unit (R2.4, R2.8).
        #expect(sheet["C\(top + 7)"]?.numberFormat == "+0;-0;0")
        #expect(sheet["C\(top + 18)"]?.numberFormat == "0.00\"元\"")
    }

    /// Spec §3.2, seed report table 三.
    @Test func table3HasTheSeedFiguresUnderTheOfficialLabels() throws {
        let sheet = try #require(workbook["汇总"])
        let top = try #require(sheet.row(whereA: "三、收到和处理政府信息公开申请情况"))
        #expect(sheet.text("A\(top + 1)") == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        #expect(sheet.text("D\(top + 1)") == "申请人情况")
        #expect(["D", "E", "J"].map { sheet.text("\($0)\(top + 2)") } == ["自然人", "法人或其他组织", "总计"])
        #expect(["E", "F", "G", "H", "I"].map { sheet.text("\($0)\(top + 3)") } == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        let zero = ["0", "0", "0", "0", "0", "0", "0"]
        // (grid row, the label and its column, figures D–J)
        let rows: [(Int, String, String, [String])] = [
            (4, "A", "一、本年新收政府信息公开申请数量", ["15", "1", "0", "0", "0", "0", "16"]),
            (5, "A", "二、上年结转政府信息公开申请数量", zero),
            (6, "B", "（一）予以公开", ["8", "0", "0", "0", "0", "0", "8"]),
            (7, "B", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", zero),
            (8, "C", "1.属于国家秘密", zero),
            (9, "C", "2.其他法律行政法规禁止公开", zero),
            (10, "C", "3.危及“三安全一稳定”", zero),
            (11, "C", "4.保护第三方合法权益", zero),
            (12, "C", "5.属于三类内部事务信息", zero),
            (13, "C", "6.属于四类过程性信息", zero),
            (14, "C", "7.属于行政执法案卷", zero),
            (15, "C", "8.属于行政查询事项", zero),
            (16, "C", "1.本机关不掌握相关政府信息", ["4", "1", "0", "0", "0", "0", "5"]),
            (17, "C", "2.没有现成信息需要另行制作", ["1", "0", "0", "0", "0", "0", "1"]),
            (18, "C", "3.补正后申请内容仍不明确", zero),
            (19, "C", "1.信访举报投诉类申请", ["1", "0", "0", "0", "0", "0", "1"]),
            (20, "C", "2.重复申请", zero),
            (21, "C", "3.要求提供公开出版物", zero),
            (22, "C", "4.无正当理由大量反复申请", zero),
            (23, "C", "5.要求行政机关确认或重新出具已获取信息", zero),
            (24, "B", "（六）其他处理", zero),
            (25, "B", "（七）总计", ["14", "1", "0", "0", "0", "0", "15"]),
            (26, "A", "四、结转下年度继续办理", ["1", "0", "0", "0", "0", "0", "1"]),
        ]
        for (gridRow, column, label, figures) in rows {
            let row = top + gridRow
            #expect(sheet.text("\(column)\(row)") == label, "表三 grid row \(gridRow)")
            #expect(["D", "E", "F", "G", "H", "I", "J"].map { sheet.text("\($0)\(row)") } == figures, "表三 \(label)")
        }
        #expect(sheet.text("A\(top + 6)") == "三、本年度办理结果")
        #expect(sheet.text("B\(top + 8)") == "（三）不予公开")
        #expect(sheet.text("B\(top + 16)") == "（四）无法提供")
        #expect(sheet.text("B\(top + 19)") == "（五）不予处理")
        // The spec's merges, shifted to where the table starts.
        func r(_ spec: String) -> String {
            spec.split(separator: ":").map { part in
                let letters = part.prefix { $0.isLetter }
                return "\(letters)\(Int(part.dropFirst(letters.count))! + top)"
            }.joined(separator: ":")
        }
        for merge in ["A1:C3", "D1:J1", "D2:D3", "E2:I2", "J2:J3", "A4:C4", "A5:C5", "A6:A25", "B6:C6", "B7:C7",
                      "B8:B15", "B16:B18", "B19:B23", "B24:C24", "B25:C25", "A26:C26"] {
            #expect(sheet.mergedRanges.contains(r(merge)), "表三 merge \(merge)")
        }
    }

    /// Spec §3.3, seed report table 四.
    @Test func table4HasTheSeedFigures() throws {
        let sheet = try #require(workbook["汇总"])
        let top = try #require(sheet.row(whereA: "四、政府信息公开行政复议、行政诉讼情况"))
        #expect(sheet.text("A\(top + 1)") == "行政复议")
        #expect(sheet.text("F\(top + 1)") == "行政诉讼")
        #expect(sheet.text("F\(top + 2)") == "未经复议直接起诉")
        #expect(sheet.text("K\(top + 2)") == "复议后起诉")
        let columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"]
        #expect(columns.map { sheet.text("\($0)\(top + 4)") } == ["0", "0", "0", "0", "0", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"])
        for merge in ["A\(top + 1):E\(top + 1)", "F\(top + 1):O\(top + 1)", "F\(top + 2):J\(top + 2)", "K\(top + 2):O\(top + 2)",
                      "A\(top + 2):A\(top + 3)"] {
            #expect(sheet.mergedRanges.contains(merge))
        }
    }

    /// Every total is a formula over the units on 明细, with its exact value cached.
    @Test func totalsAreFormulasWithCachedValues() throws {
        let sheet = try #require(workbook["汇总"])
        let top = try #require(sheet.row(whereA: "三、收到和处理政府信息公开申请情况"))
        let cell = try #require(sheet["J\(top + 4)"])
        let formula = try #require(cell.formula)
        #expect(formula.hasPrefix("=SUM('明细'!"))
        #expect(cell.cached == .number(16))
        let figureCells = sheet.cells.values.filter { $0.formula != nil }
        #expect(figureCells.count == 200)
        #expect(figureCells.allSatisfy { $0.cached?.number != nil })
    }

    /// The look of the official tables: a Song font, borders on every cell of a merge, A4.
    @Test func summaryLooksLikeTheOfficialTables() throws {
        let sheet = try #require(workbook["汇总"])
        #expect(sheet["A1"]?.font.name == "宋体")
        #expect(sheet["A1"]?.font.bold == true)
        let top = try #require(sheet.row(whereA: "三、收到和处理政府信息公开申请情况"))
        for a1 in ["A\(top + 1)", "B\(top + 2)", "C\(top + 3)", "A\(top + 10)", "D\(top + 4)", "J\(top + 29)"] where sheet[a1] != nil {
            #expect(sheet[a1]?.border.isAll("thin") == true, "border of \(a1)")
        }
        #expect(sheet["D\(top + 4)"]?.font.name == "宋体")
        #expect(sheet.paperSize == 9)
        #expect(sheet.orientation == "landscape")
        #expect(sheet.printTitleRows != nil)
        #expect((sheet.columnWidths["C"] ?? 0) >= 30)
    }

    /// 分组小计 gives the narrative's numbers: 82 + 450 + 107 = 639, 2633 + 11159 + 4226 = 18018.
    @Test func groupSheetShowsTheHeadlineNumbers() throws {
        let sheet = try #require(workbook["分组小计"])
        let published = try #require(sheet.row(whereA: "本年主动公开政府信息数（条）"))
        #expect(["E", "F", "G", "H"].map { sheet.text("\($0)\(published)") } == ["82", "450", "107", "639"])
        #expect(sheet.text("I\(published)") == "82 + 450 + 107 = 639")
        let cumulative = try #require(sheet.row(whereA: "累计主动公开政府信息数（条）"))
        #expect(["E", "F", "G", "H"].map { sheet.text("\($0)\(cumulative)") } == ["2633", "11159", "4226", "18018"])
        #expect(sheet.text("I\(cumulative)") == "2633 + 11159 + 4226 = 18018")
        #expect(["E", "F", "G"].map { sheet.text("\($0)\(published - 1)") } == ["区政府", "区直部门", "街道及园区"])
    }

    /// 明细: the total row equals the independently computed expected totals of the example.
    @Test func detailTotalsMatchTheExampleExpectation() throws {
        let sheet = try #require(workbook["明细"])
        let data = try Data(contentsOf: Paths.packageRoot.appendingPathComponent("examples/licheng-2020/expected-totals.json"))
        let expected = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cells"] as? [String: String])
        let totalRow = try #require(sheet.row(whereA: "合计"))
        var codeColumns: [String: String] = [:]
        for (a1, cell) in sheet.cells where a1.hasSuffix("5") && a1.dropLast().allSatisfy(\.isLetter) {
            if let code = cell.value.string { codeColumns[code] = String(a1.dropLast()) }
        }
        #expect(codeColumns.count == expected.count)
        for (code, value) in expected {
            let column = try #require(codeColumns[code], "明细 has no column for \(code)")
            let actual = try #require(sheet["\(column)\(totalRow)"]?.cached?.number, "\(code) total")
            #expect(actual == Double(value), "\(code)")
        }
        #expect(sheet.freezePanes == "C6")
    }

    /// 明细 is written row by row (it streams): its four-row header keeps the spans of
    /// 序号/单位/分组/文件 with borders on every cell, units come group by group with each
    /// group's subtotal after them, then the total.
    @Test func detailSheetLayout() throws {
        let sheet = try #require(workbook["明细"])
        for column in ["A", "B", "C", "D"] {
            #expect(sheet.mergedRanges.contains("\(column)2:\(column)5"), "\(column)2:\(column)5")
            for row in 2...5 {
                #expect(sheet["\(column)\(row)"]?.border.isAll("thin") == true, "border of \(column)\(row)")
            }
        }
        #expect(["A2", "B2", "C2", "D2"].map { sheet.text($0) } == ["序号", "单位", "分组", "文件"])
        #expect(sheet.rowHeights["3"] == 60 && sheet.rowHeights["4"] == 30)
        // Column A holds the units' numbers, then each group's subtotal, then 合计.
        var groupsInOrder: [String] = []
        var row = 6
        while let group = sheet["C\(row)"]?.value.string {
            if groupsInOrder.last != group {
                #expect(!groupsInOrder.contains(group), "group \(group) comes back at row \(row)")
                groupsInOrder.append(group)
            }
            if sheet["C\(row + 1)"]?.value.string != group {
                #expect(sheet.text("A\(row + 1)") == "\(group)小计", "subtotal after row \(row)")
                #expect(sheet.mergedRanges.contains("A\(row + 1):D\(row + 1)"))
                row += 1
            }
            row += 1
        }
        #expect(groupsInOrder == ["区政府", "区直部门", "街道及园区"])
        #expect(sheet.text("A\(row)") == "合计")
        #expect(sheet["B6"]?.border.isAll("thin") == true)
    }

    /// 审核结果 lists the deliberate mistake with a link to the cell, and 说明 every file read.
    @Test func findingsAndAboutSheets() throws {
        let findings = try #require(workbook["审核结果"])
        #expect(findings.text("B3") == "错误")
        #expect(findings.text("C3") == "rule-failed")
        #expect(findings.text("D3") == "鲤城区住建局")
        #expect(findings.text("L3") == "2019:R2.5")
        #expect(findings["Q3"]?.hyperlink != nil)
        #expect(["B4", "B5", "B6"].map { findings.text($0) } == ["警告", "警告", "警告"])
        let about = try #require(workbook["说明"])
        let texts = Set(about.cells.values.compactMap { $0.value.string })
        #expect(texts.contains("2020 年度"))
        #expect(texts.contains("nianbao 0.1.0"))
        #expect(texts.contains("2021-01-01 00:00:00 UTC"))
        #expect(texts.contains { $0.hasSuffix("街道汇总导出.csv") })
        #expect(texts.contains("GB18030"))
    }

    @Test func goldenSheets() throws {
        for name in ["汇总", "分组小计", "审核结果"] {
            let sheet = try #require(workbook[name])
            assertGolden(sheet.goldenText, named: "licheng-2020.\(name).tsv", in: Nianbao.goldenDirectory)
        }
    }

    @Test func passesTheIndependentValidator() throws {
        try validateXlsx(output)
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let again = Paths.uniqueTemporaryFile("licheng-2020.xlsx")
        let second = try Nianbao.mergeExample(output: again)
        #expect(second.status == 1)
        #expect(try Data(contentsOf: output) == Data(contentsOf: again))
    }
}
