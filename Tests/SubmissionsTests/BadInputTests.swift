import ExactArithmetic
import Foundation
import Submissions
import Testing

/// Every reading finding the Submissions module produces, from a fixture in Fixtures/bad,
/// with the exact printed line: `file:line:column: severity: [code] message` (notes
/// indented below). Each form fixture is a good form with one defect, so any other
/// finding fails the test too.
struct BadInputTests {
    static let cases: [(fixture: String, lines: [String])] = [
        ("not-a-number.csv", [
            "bad/not-a-number.csv:6:2: 错误: [not-a-number] 表二“规章”行“本年新制作数量”列的“abc”不是数字；应填写数字，例如 0 或 12",
            "bad/not-a-number.csv:14:4: 错误: [not-a-number] 表二“行政处罚”行“处理决定数量”列的“不适用”不是数字；应填写数字，例如 0 或 12",
            "bad/not-a-number.csv:48:5: 错误: [not-a-number] 表三“四、结转下年度继续办理”行“商业企业”列的“1.2E+05”不是数字（科学计数法会丢失数字，请把单元格设为数值或文本后重新导出）；应填写数字，例如 0 或 12",
        ]),
        ("ambiguous-number.csv", [
            "bad/ambiguous-number.csv:7:3: 错误: [ambiguous-number] 表二“规范性文件”行“本年新公开数量”列的“1,2”有歧义（逗号不是规范的千位分隔符），无法确定数值；请改为不带分隔符的数字",
        ]),
        ("negative-count.csv", [
            "bad/negative-count.csv:10:2: 错误: [negative-count] 表二“行政许可”行“上一年项目数量”列的“-5”是负数；件数不能为负，只有“本年增/减”可以为负",
        ]),
        ("fraction-in-count.csv", [
            "bad/fraction-in-count.csv:10:3: 错误: [fraction-in-count] 表二“行政许可”行“本年增/减”列的“+1.5”带小数；件数必须是整数",
            "bad/fraction-in-count.csv:26:4: 错误: [fraction-in-count] 表三“一、本年新收政府信息公开申请数量”行“自然人”列的“2.5”带小数；件数必须是整数",
        ]),
        ("empty-cell.csv", [
            "bad/empty-cell.csv:30:5: 警告: [empty-cell] 表三“1.属于国家秘密”行“商业企业”“法律服务机构”列为空，按 0 计；数据单元格应填写 0 而不是留空\n    涉及指标：DENY_1.BIZ、DENY_1.LAW",
        ]),
        ("placeholder-zero.csv", [
            "bad/placeholder-zero.csv:15:3: 警告: [placeholder-zero] 表二“行政强制”行“本年增/减”列填写的是“—”，按 0 计；数据单元格应填写 0",
        ]),
        ("amount-unit-missing.csv", [
            "bad/amount-unit-missing.csv:21:3: 警告: [amount-unit-missing] 表二“政府集中采购”行“采购总金额”列的金额“35692694.56”未注明单位（元或万元），按元计；请在数值后注明单位",
        ]),
        ("number-too-large.csv", [
            "bad/number-too-large.csv:21:2: 错误: [number-too-large] 表二“政府集中采购”行“采购项目数量”列的“1234567890123456789012345”超出可精确计算的范围",
        ]),
        ("unknown-row.csv", [
            "bad/unknown-row.csv:29:2: 错误: [unknown-row] 表三中有无法识别的行“（二）部分公开（区分处理的，只计这一情况，不计其他情形）”（是否应为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”？）；行名称应与统一格式一致，多余的行请删除",
            "bad/unknown-row.csv: 错误: [missing-row] 表三缺少“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行，该行按 0 计；请按统一格式补齐该行",
        ]),
        ("missing-row.csv", [
            "bad/missing-row.csv: 错误: [missing-row] 表二缺少“行政强制”行，该行按 0 计；请按统一格式补齐该行",
        ]),
        ("missing-table.csv", [
            "bad/missing-table.csv: 错误: [missing-table] 缺少表四（四、政府信息公开行政复议、行政诉讼情况），其数据按 0 计；请补齐该表",
        ]),
        ("duplicate-row.csv", [
            "bad/duplicate-row.csv:8:1: 错误: [duplicate-row] 表二“规章”行重复出现（第 6 行已有），只计第一次；请删除重复的行",
        ]),
        ("extra-value.csv", [
            "bad/extra-value.csv:18:4: 警告: [extra-value] 表二“行政事业性收费”行的数据之外还有数值“7”，已忽略；该位置应为空",
        ]),
        ("no-table-found.csv", [
            "bad/no-table-found.csv: 错误: [no-table-found] 文件中没有找到年报表格（应有“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”）；请使用统一下发的填报表格，或按长表格式（单位,年度,指标代码,数值）提交",
        ]),
        ("empty.csv", [
            "bad/empty.csv: 错误: [file-unreadable] 无法读取：bad/empty.csv: 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。",
        ]),
        ("xlsx-renamed.csv", [
            "bad/xlsx-renamed.csv: 错误: [file-unreadable] 无法读取：bad/xlsx-renamed.csv: 这不是 CSV 文本文件，而是“XLSX 工作簿”。请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。",
        ]),
        ("invalid-encoding.csv", [
            "bad/invalid-encoding.csv: 错误: [file-unreadable] 无法读取：bad/invalid-encoding.csv: 无法识别文件编码（第 16 字节起既不是 UTF-8 也不是 GB18030）。请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。",
        ]),
        ("long-unknown-code.csv", [
            "bad/long-unknown-code.csv:3:3: 错误: [unknown-cell-code] 指标代码“REG_NEWMAD”不在2019年报格式中（是否应为“REG_NEWMADE”？）；应使用模板中的指标代码",
            "bad/long-unknown-code.csv:4:3: 错误: [unknown-cell-code] 指标代码“LIC_DELTA.NP”不在2019年报格式中；应使用模板中的指标代码",
        ]),
        ("long-row-invalid.csv", [
            "bad/long-row-invalid.csv:3:1: 错误: [long-row-invalid] 长表第 3 行缺少单位名称；每行应有 单位、年度、指标代码、数值 四列",
            "bad/long-row-invalid.csv:4:3: 错误: [long-row-invalid] 长表第 4 行缺少指标代码；每行应有 单位、年度、指标代码、数值 四列",
        ]),
        ("long-duplicate-row.csv", [
            "bad/long-duplicate-row.csv:3:3: 错误: [duplicate-row] 表二“指标 REG_NEWMADE”行重复出现（第 2 行已有），只计第一次；请删除重复的行",
        ]),
    ]

    @Test(arguments: cases)
    func printsExactly(_ fixture: String, _ lines: [String]) {
        let url = Fixture.url("bad", fixture)
        let result = Fixture.read([url.path])
        #expect(printed(result, removing: Fixture.root.path) == lines, "\(fixture)")
    }

    /// Every fixture of the folder is in the table, and every reading code is covered.
    @Test func everyFixtureAndCodeIsCovered() {
        #expect(Fixture.names("bad", extension: "csv") == Self.cases.map(\.fixture).sorted())
        let covered = Set(Self.cases.flatMap(\.lines).compactMap { $0.split(separator: "[").dropFirst().first?.split(separator: "]").first.map(String.init) })
        let reading: Set<String> = ["file-unreadable", "no-table-found", "missing-table", "missing-row", "unknown-row", "duplicate-row",
                                    "extra-value", "not-a-number", "ambiguous-number", "negative-count", "fraction-in-count", "empty-cell",
                                    "placeholder-zero", "amount-unit-missing", "number-too-large", "unknown-cell-code", "long-row-invalid"]
        #expect(reading.subtracting(covered).isEmpty, "not covered: \(reading.subtracting(covered).sorted())")
    }

    /// A finding does not lose the figures the clerk did give.
    @Test func warningsKeepTheValue() throws {
        let template = try Fixture.template()
        let noUnit = try #require(Fixture.read([Fixture.url("bad", "amount-unit-missing.csv").path]).submissions.first)
        #expect(noUnit.value("PROC_AMOUNT", in: template) == ExactDecimal("35692694.56"), "amount-unit-missing.csv")
        let placeholder = try #require(Fixture.read([Fixture.url("bad", "placeholder-zero.csv").path]).submissions.first)
        #expect(placeholder.values[template.index(of: "COE_DELTA")!] == .zero, "placeholder-zero.csv")
        let text = try #require(Fixture.read([Fixture.url("bad", "not-a-number.csv").path]).submissions.first)
        #expect(text.values[template.index(of: "REG_NEWMADE")!] == nil, "not-a-number.csv: an unreadable figure is nil")
        #expect(text.values[template.index(of: "REG_NEWPUB")!] != nil, "not-a-number.csv: the rest of the row is read")
    }
}
