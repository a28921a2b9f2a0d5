import Findings
import Testing

/// Every message text is pinned (STYLE §3): a changed word, a new code without a pinned
/// text, or a placeholder renamed in one place only fails here.
@Suite struct MessageTemplateTests {
    /// Each placeholder name a template may use, given the value `<name>`.
    static let parameters = [
        "cellCode", "code", "counted", "difference", "equation", "fileFormat", "fileYear", "files", "firstLine", "format",
        "expected", "group", "heading", "hint", "label", "left", "line", "message", "previousYear", "reason", "right", "row", "rule",
        "suggestion", "table", "text", "unit", "where", "year",
    ].map { MessageParameter($0, "<\($0)>") }

    static let pinned: [FindingCode: String] = [
        .fileUnreadable: "无法读取：<reason>",
        .noTableFound: "文件中没有找到年报表格（应有“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”）；请使用统一下发的填报表格，或按长表格式（单位,年度,指标代码,数值）提交",
        .missingTable: "缺少<table>（<heading>），其数据按 0 计；请补齐该表",
        .missingRow: "<table>缺少“<row>”行，该行按 0 计；请按统一格式补齐该行",
        .unknownRow: "<table>中有无法识别的行“<label>”<suggestion>；行名称应与统一格式一致，多余的行请删除",
        .duplicateRow: "<table>“<row>”行重复出现（第 <firstLine> 行已有），只计第一次；请删除重复的行",
        .extraValue: "<where>之外还有数值“<text>”，已忽略；该位置应为空",
        .notANumber: "<where>的“<text>”不是数字<hint>；应填写数字，例如 0 或 12",
        .ambiguousNumber: "<where>的“<text>”有歧义（<reason>），无法确定数值；请改为不带分隔符的数字",
        .negativeCount: "<where>的“<text>”是负数；件数不能为负，只有“本年增/减”可以为负",
        .fractionInCount: "<where>的“<text>”带小数；件数必须是整数",
        .emptyCell: "<where>为空，按 0 计；数据单元格应填写 0 而不是留空",
        .placeholderZero: "<where>填写的是“<text>”，按 0 计；数据单元格应填写 0",
        .amountUnitMissing: "<where>的金额“<text>”未注明单位（元或万元），按<unit>计；请在数值后注明单位",
        .numberTooLarge: "<where>的“<text>”超出可精确计算的范围",
        .unknownCellCode: "指标代码“<cellCode>”不在<format>年报格式中<suggestion>；应使用模板中的指标代码",
        .longRowInvalid: "长表第 <line> 行<reason>；每行应有 单位、年度、指标代码、数值 四列",
        .yearMismatch: "文件填写的年度是 <fileYear> 年，本次汇总的是 <year> 年；请确认是否误用了其他年度的报表",
        .wrongFormat: "这份报表用的是 <fileFormat> 年版格式（“<label>”只在该格式中出现），本次汇总使用 <format> 年版格式；该文件未计入汇总，请用 <format> 年版表格重新填报",
        .unitMissing: "名册中的“<unit>”（<group>）没有提交",
        .unitDuplicate: "“<unit>”重复提交：<files>；只计入 <counted>，其余未计入汇总",
        .unitNotInRoster: "“<unit>”不在名册中，未计入汇总；请核对单位名称，或把它加入名册",
        .rosterInvalid: "名册第 <line> 行<reason>",
        .sameAsLastYear: "各项数据与 <year> 年度完全相同，可能误报了上一年的数据；请核实",
        .previousYearMismatch: "上一年度数据是 <previousYear> 年度的，本次汇总 <year> 年度，应提供 <expected> 年度的数据；跨年度核对仍按此文件进行",
        .explanationUnused: "说明文件第 <line> 行（<unit>，<rule>）没有对应的警告，未使用",
        .ruleFailed: "<where>：<message>。<equation>，左边 <left>，右边 <right>，相差 <difference>（规则 <rule>）",
        .sumOverflow: "“<cellCode>”的合计超出可精确计算的范围，无法汇总",
    ]

    @Test(arguments: FindingCode.allCases)
    func messageIsPinned(_ code: FindingCode) throws {
        let expected = try #require(Self.pinned[code], "no pinned text for “\(code.rawValue)”: add it to the table")
        #expect(code.render(Self.parameters) == expected)
    }

    @Test func everyCodeHasAPinnedText() {
        let missing = FindingCode.allCases.filter { Self.pinned[$0] == nil }.map(\.rawValue)
        #expect(missing.isEmpty, "codes without a pinned message: \(missing)")
        #expect(Self.pinned.count == FindingCode.allCases.count)
    }

    @Test func fallbackTemplateIsPinned() {
        #expect(FindingCode.fallbackTemplate == "未知问题（{code}）")
        #expect(FindingCode.render(FindingCode.fallbackTemplate, Self.parameters) == "未知问题（<code>）")
    }

    @Test func findingMessageRendersItsParameters() {
        let finding = Finding(code: .missingRow, scope: .unit("海淀街道"),
                              parameters: [.init("table", "表三"), .init("row", "（七）总计")])
        #expect(finding.message == "表三缺少“（七）总计”行，该行按 0 计；请按统一格式补齐该行")
        #expect(finding.parameter("row") == "（七）总计")
        #expect(finding.parameter("heading") == nil)
    }

    @Test func rawValuesAreTheShippedKebabCaseCodes() {
        #expect(FindingCode.allCases.map(\.rawValue) == [
            "file-unreadable", "no-table-found", "missing-table", "missing-row", "unknown-row", "duplicate-row",
            "extra-value", "not-a-number", "ambiguous-number", "negative-count", "fraction-in-count", "empty-cell",
            "placeholder-zero", "amount-unit-missing", "number-too-large", "unknown-cell-code", "long-row-invalid",
            "year-mismatch", "wrong-format", "unit-missing", "unit-duplicate", "unit-not-in-roster", "roster-invalid",
            "same-as-last-year", "previous-year-mismatch", "explanation-unused", "rule-failed", "sum-overflow",
        ])
    }

    @Test(arguments: FindingCode.allCases)
    func rawValueReadsBack(_ code: FindingCode) {
        #expect(FindingCode(rawValue: code.rawValue) == code)
    }

    @Test func anUnknownRawValueIsNotACode() {
        #expect(FindingCode(rawValue: "missing_row") == nil)
        #expect(FindingCode(rawValue: "Missing-Row") == nil)
    }
}
