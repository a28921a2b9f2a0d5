/// The stable identifier of a kind of finding. The raw values are kebab-case and never
/// change once shipped: `--json` consumers and explanation files refer to them.
///
/// Each code has exactly one Chinese message template with `{named}` parameters, kept
/// in `messageTemplate` below; `--json` writes the parameters, not the rendered text.
public enum FindingCode: String, CaseIterable, Sendable, Codable {
    // Reading a file
    case fileUnreadable = "file-unreadable"
    case noTableFound = "no-table-found"
    case missingTable = "missing-table"
    case missingRow = "missing-row"
    case unknownRow = "unknown-row"
    case duplicateRow = "duplicate-row"
    case extraValue = "extra-value"
    // Reading a figure
    case notANumber = "not-a-number"
    case ambiguousNumber = "ambiguous-number"
    case negativeCount = "negative-count"
    case fractionInCount = "fraction-in-count"
    case emptyCell = "empty-cell"
    case placeholderZero = "placeholder-zero"
    case amountUnitMissing = "amount-unit-missing"
    case numberTooLarge = "number-too-large"
    // Long CSV
    case unknownCellCode = "unknown-cell-code"
    case longRowInvalid = "long-row-invalid"
    // Roster and year
    case yearMismatch = "year-mismatch"
    case wrongFormat = "wrong-format"
    case unitMissing = "unit-missing"
    case unitDuplicate = "unit-duplicate"
    case unitNotInRoster = "unit-not-in-roster"
    case rosterInvalid = "roster-invalid"
    // Across years and explanations
    case sameAsLastYear = "same-as-last-year"
    case previousYearMismatch = "previous-year-mismatch"
    case explanationUnused = "explanation-unused"
    // Figures
    case ruleFailed = "rule-failed"
    case sumOverflow = "sum-overflow"

    /// The severity a finding of this code has unless the template says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .extraValue, .emptyCell, .placeholderZero, .amountUnitMissing, .sameAsLastYear, .previousYearMismatch,
             .explanationUnused:
            .warning
        default:
            .error
        }
    }

    /// The Chinese message template. `{where}` is the table, row and column in words.
    public var messageTemplate: String {
        switch self {
        case .fileUnreadable:
            "无法读取：{reason}"
        case .noTableFound:
            "文件中没有找到年报表格（应有“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”）；请使用统一下发的填报表格，或按长表格式（单位,年度,指标代码,数值）提交"
        case .missingTable:
            "缺少{table}（{heading}），其数据按 0 计；请补齐该表"
        case .missingRow:
            "{table}缺少“{row}”行，该行按 0 计；请按统一格式补齐该行"
        case .unknownRow:
            "{table}中有无法识别的行“{label}”{suggestion}；行名称应与统一格式一致，多余的行请删除"
        case .duplicateRow:
            "{table}“{row}”行重复出现（第 {firstLine} 行已有），只计第一次；请删除重复的行"
        case .extraValue:
            "{where}之外还有数值“{text}”，已忽略；该位置应为空"
        case .notANumber:
            "{where}的“{text}”不是数字{hint}；应填写数字，例如 0 或 12"
        case .ambiguousNumber:
            "{where}的“{text}”有歧义（{reason}），无法确定数值；请改为不带分隔符的数字"
        case .negativeCount:
            "{where}的“{text}”是负数；件数不能为负，只有“本年增/减”可以为负"
        case .fractionInCount:
            "{where}的“{text}”带小数；件数必须是整数"
        case .emptyCell:
            "{where}为空，按 0 计；数据单元格应填写 0 而不是留空"
        case .placeholderZero:
            "{where}填写的是“{text}”，按 0 计；数据单元格应填写 0"
        case .amountUnitMissing:
            "{where}的金额“{text}”未注明单位（元或万元），按{unit}计；请在数值后注明单位"
        case .numberTooLarge:
            "{where}的“{text}”超出可精确计算的范围"
        case .unknownCellCode:
            "指标代码“{cellCode}”不在{format}年报格式中{suggestion}；应使用模板中的指标代码"
        case .longRowInvalid:
            "长表第 {line} 行{reason}；每行应有 单位、年度、指标代码、数值 四列"
        case .yearMismatch:
            "文件填写的年度是 {fileYear} 年，本次汇总的是 {year} 年；请确认是否误用了其他年度的报表"
        case .wrongFormat:
            "这份报表用的是 {fileFormat} 年版格式（“{label}”只在该格式中出现），本次汇总使用 {format} 年版格式；该文件未计入汇总，请用 {format} 年版表格重新填报"
        case .unitMissing:
            "名册中的“{unit}”（{group}）没有提交"
        case .unitDuplicate:
            "“{unit}”重复提交：{files}；只计入 {counted}，其余未计入汇总"
        case .unitNotInRoster:
            "“{unit}”不在名册中，未计入汇总；请核对单位名称，或把它加入名册"
        case .rosterInvalid:
            "名册第 {line} 行{reason}"
        case .sameAsLastYear:
            "各项数据与 {year} 年度完全相同，可能误报了上一年的数据；请核实"
        case .previousYearMismatch:
            "上一年度数据是 {previousYear} 年度的，本次汇总 {year} 年度，应提供 {expected} 年度的数据；跨年度核对仍按此文件进行"
        case .explanationUnused:
            "说明文件第 {line} 行（{unit}，{rule}）没有对应的警告，未使用"
        case .ruleFailed:
            "{where}：{message}。{equation}，左边 {left}，右边 {right}，相差 {difference}（规则 {rule}）"
        case .sumOverflow:
            "“{cellCode}”的合计超出可精确计算的范围，无法汇总"
        }
    }

    /// The message for unknown codes read back from elsewhere.
    public static let fallbackTemplate = "未知问题（{code}）"

    /// Renders the template, replacing each `{name}` by its parameter; a parameter the
    /// template does not use is ignored, a placeholder without a parameter is removed.
    public func render(_ parameters: [MessageParameter]) -> String {
        Self.render(messageTemplate, parameters)
    }

    public static func render(_ template: String, _ parameters: [MessageParameter]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let name = rest[rest.index(after: open)..<close]
            if let value = parameters.first(where: { $0.name == name })?.value {
                result += value
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}
