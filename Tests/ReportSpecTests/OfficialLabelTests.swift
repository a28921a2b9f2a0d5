import Testing
@testable import ReportSpec

/// The built-in 2019 format against /work/shared/spec/official-formats.md §3: every label
/// verbatim (full-width punctuation, curly quotes), every cell code with its kind.
@Suite struct OfficialLabelTests {
    let template = try! TemplateLoader.builtin(format: "2019")

    /// A grid cell shown as the spec's tables show it: its text, `=CODE` for a figure,
    /// `""` for an empty (N/A) cell, `…` for a cell covered by a merge.
    private func shown(_ cell: LayoutCell) -> String {
        switch cell {
        case .text(let text, _): text
        case .figure(let code): "=" + code
        case .empty: ""
        case .covered: "…"
        }
    }

    /// The cell at an A1 reference (columns A–O, rows from 1).
    private func cell(_ table: TableSpec, _ reference: String) -> String {
        let column = Int(reference.unicodeScalars.first!.value) - 65
        let row = Int(reference.dropFirst())! - 1
        return shown(table.layout.cells[row][column])
    }

    @Test func table2GridIsTheSpecs() throws {
        let t2 = try #require(template.table("T2"))
        #expect(t2.heading == "二、主动公开政府信息情况")
        let expected: [[String]] = [
            ["第二十条第（一）项", "…", "…", "…"],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "=REG_NEWMADE", "=REG_NEWPUB", "=REG_TOTALPUB"],
            ["规范性文件", "=NORM_NEWMADE", "=NORM_NEWPUB", "=NORM_TOTALPUB"],
            ["第二十条第（五）项", "…", "…", "…"],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政许可", "=LIC_PREV", "=LIC_DELTA", "=LIC_DECISIONS"],
            ["其他对外管理服务事项", "=OMS_PREV", "=OMS_DELTA", "=OMS_DECISIONS"],
            ["第二十条第（六）项", "…", "…", "…"],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政处罚", "=PUN_PREV", "=PUN_DELTA", "=PUN_DECISIONS"],
            ["行政强制", "=COE_PREV", "=COE_DELTA", "=COE_DECISIONS"],
            ["第二十条第（八）项", "…", "…", "…"],
            ["信息内容", "上一年项目数量", "本年增/减", ""],
            ["行政事业性收费", "=FEE_PREV", "=FEE_DELTA", ""],
            ["第二十条第（九）项", "…", "…", "…"],
            ["信息内容", "采购项目数量", "采购总金额", ""],
            ["政府集中采购", "=PROC_COUNT", "=PROC_AMOUNT", ""],
        ]
        #expect(t2.layout.cells.map { $0.map(shown) } == expected)
    }

    @Test func table2RowLabels() throws {
        let t2 = try #require(template.table("T2"))
        #expect(t2.dataRows.map(\.label) == ["规章", "规范性文件", "行政许可", "其他对外管理服务事项",
                                             "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"])
    }

    @Test func table3RowLabels() throws {
        let t3 = try #require(template.table("T3"))
        #expect(t3.heading == "三、收到和处理政府信息公开申请情况")
        let result = "三、本年度办理结果", deny = "（三）不予公开", unable = "（四）无法提供", notProc = "（五）不予处理"
        #expect(t3.dataRows.map(\.labelPath) == [
            ["一、本年新收政府信息公开申请数量"],
            ["二、上年结转政府信息公开申请数量"],
            [result, "（一）予以公开"],
            [result, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            [result, deny, "1.属于国家秘密"],
            [result, deny, "2.其他法律行政法规禁止公开"],
            [result, deny, "3.危及“三安全一稳定”"],
            [result, deny, "4.保护第三方合法权益"],
            [result, deny, "5.属于三类内部事务信息"],
            [result, deny, "6.属于四类过程性信息"],
            [result, deny, "7.属于行政执法案卷"],
            [result, deny, "8.属于行政查询事项"],
            [result, unable, "1.本机关不掌握相关政府信息"],
            [result, unable, "2.没有现成信息需要另行制作"],
            [result, unable, "3.补正后申请内容仍不明确"],
            [result, notProc, "1.信访举报投诉类申请"],
            [result, notProc, "2.重复申请"],
            [result, notProc, "3.要求提供公开出版物"],
            [result, notProc, "4.无正当理由大量反复申请"],
            [result, notProc, "5.要求行政机关确认或重新出具已获取信息"],
            [result, "（六）其他处理"],
            [result, "（七）总计"],
            ["四、结转下年度继续办理"],
        ])
    }

    @Test func table3RowLabelsSitInTheSpecsCells() throws {
        let t3 = try #require(template.table("T3"))
        #expect(cell(t3, "A4") == "一、本年新收政府信息公开申请数量")
        #expect(cell(t3, "A6") == "三、本年度办理结果")
        #expect(cell(t3, "B8") == "（三）不予公开")
        #expect(cell(t3, "C10") == "3.危及“三安全一稳定”")
        #expect(cell(t3, "B16") == "（四）无法提供")
        #expect(cell(t3, "B19") == "（五）不予处理")
        #expect(cell(t3, "B25") == "（七）总计")
        #expect(cell(t3, "A26") == "四、结转下年度继续办理")
    }

    @Test func table3HeaderTexts() throws {
        let t3 = try #require(template.table("T3"))
        let expected: [(String, String)] = [
            ("A1", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            ("D1", "申请人情况"), ("D2", "自然人"), ("E2", "法人或其他组织"), ("J2", "总计"),
            ("E3", "商业企业"), ("F3", "科研机构"), ("G3", "社会公益组织"), ("H3", "法律服务机构"), ("I3", "其他"),
        ]
        for (reference, text) in expected {
            #expect(cell(t3, reference) == text, "\(reference)")
        }
        #expect(Set(t3.headerTexts) == Set(expected.map(\.1)))
        #expect(t3.headerTexts.count == expected.count)
    }

    @Test func table4HeaderTexts() throws {
        let t4 = try #require(template.table("T4"))
        #expect(t4.heading == "四、政府信息公开行政复议、行政诉讼情况")
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        #expect(cell(t4, "A1") == "行政复议")
        #expect(cell(t4, "F1") == "行政诉讼")
        #expect(["A2", "B2", "C2", "D2", "E2"].map { cell(t4, $0) } == results)
        #expect(cell(t4, "F2") == "未经复议直接起诉")
        #expect(cell(t4, "K2") == "复议后起诉")
        #expect(["F3", "G3", "H3", "I3", "J3"].map { cell(t4, $0) } == results)
        #expect(["K3", "L3", "M3", "N3", "O3"].map { cell(t4, $0) } == results)
        #expect(t4.headerTexts.count == 2 + 2 + 3 * 5)
    }

    @Test func table4DataRowIsUnlabelled() throws {
        let t4 = try #require(template.table("T4"))
        #expect(t4.dataRows.map(\.labelPath) == [[]])
        #expect(t4.layout.cells[3].map(shown) == Self.table4Codes.map { "=" + $0 })
    }

    // MARK: Cell codes (spec §3.1–§3.3)

    static let table2Codes = [
        "REG_NEWMADE", "REG_NEWPUB", "REG_TOTALPUB", "NORM_NEWMADE", "NORM_NEWPUB", "NORM_TOTALPUB",
        "LIC_PREV", "LIC_DELTA", "LIC_DECISIONS", "OMS_PREV", "OMS_DELTA", "OMS_DECISIONS",
        "PUN_PREV", "PUN_DELTA", "PUN_DECISIONS", "COE_PREV", "COE_DELTA", "COE_DECISIONS",
        "FEE_PREV", "FEE_DELTA", "PROC_COUNT", "PROC_AMOUNT",
    ]
    static let table3Rows = ["NEW", "CIN", "OPEN", "PART"] + (1...8).map { "DENY_\($0)" } + (1...3).map { "UNABLE_\($0)" }
        + (1...5).map { "NOTPROC_\($0)" } + ["OTHER", "RESULT_TOTAL", "COUT"]
    static let table3Columns = ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"]
    static let table4Codes = ["RV", "LD", "LR"].flatMap { p in ["KEEP", "CORR", "OTHER", "PEND", "TOTAL"].map { "\(p)_\($0)" } }
    static let signed: Set = ["LIC_DELTA", "OMS_DELTA", "PUN_DELTA", "COE_DELTA", "FEE_DELTA"]

    @Test func table2CodesAndKinds() throws {
        #expect(template.figures.filter { $0.tableID == "T2" }.map(\.code) == Self.table2Codes)
        for code in Self.table2Codes where code != "PROC_AMOUNT" {
            let figure = try #require(template.figure(code), "\(code)")
            #expect(figure.kind == (Self.signed.contains(code) ? .signed : .count), "\(code)")
            #expect(figure.unitRequired == false, "\(code)")
        }
    }

    @Test func procurementAmountIsMoneyInYuanWithAStatedUnit() throws {
        let amount = try #require(template.figure("PROC_AMOUNT"))
        #expect(amount.kind == .money)
        #expect(amount.unit == "元")
        #expect(amount.unitRequired)
        #expect(amount.rowLabel == "政府集中采购")
        #expect(amount.columnPath == ["第二十条第（九）项", "采购总金额"])
    }

    @Test func table3CodesAreRowDotColumn() throws {
        let t3 = try #require(template.table("T3"))
        #expect(t3.rowIDs == Self.table3Rows)
        #expect(t3.columnIDs == Self.table3Columns)
        let expected = Self.table3Rows.flatMap { r in Self.table3Columns.map { "\(r).\($0)" } }
        #expect(template.figures.filter { $0.tableID == "T3" }.map(\.code) == expected)
        #expect(template.figures.filter { $0.tableID == "T3" }.allSatisfy { $0.kind == .count })
    }

    @Test func table4Codes() {
        #expect(template.figures.filter { $0.tableID == "T4" }.map(\.code) == Self.table4Codes)
        #expect(template.figures.filter { $0.tableID == "T4" }.allSatisfy { $0.kind == .count })
    }

    @Test func onlyTheHeadlineTableIsUnofficial() {
        #expect(template.tables.map(\.id) == ["T2", "T3", "T4", "IND"])
        #expect(template.tables.map(\.official) == [true, true, true, false])
        #expect(template.figures.filter { $0.tableID == "IND" }.map(\.code) == ["PUB_YEAR", "PUB_TOTAL"])
    }
}
