import ExactArithmetic
import Findings
import ReportEngine
import ReportSpec
import Testing

/// How a failed rule is written out: the equation with values, both sides and the difference.
struct RuleCheckerTests {
    /// The failures of `rule` (template id, e.g. `R3.3`) for figures given by code, 0 elsewhere.
    static func failures(_ template: ReportTemplate, _ values: [String: Int64], rule: String) -> [Finding] {
        RuleChecker(template: template).check(scope: .unit("甲"), subject: "甲") { index in
            ExactDecimal(integer: values[template.figures[index].code] ?? 0)
        }.filter { $0.rule?.ruleID.hasSuffix(":" + rule) == true }
    }

    static func equations(_ findings: [Finding]) -> [String] { findings.compactMap(\.rule?.equationWithValues) }

    @Test func zeroTermsOfALongSumAreCounted() throws {
        let template = try TemplateLoader.builtin(format: "2019")
        let values: [String: Int64] = ["RESULT_TOTAL.NP": 15, "OPEN.NP": 8, "PART.NP": 4, "DENY_1.NP": 1, "OTHER.NP": 1]
        let found = Self.failures(template, values, rule: "R3.3")
        #expect(Self.equations(found) == ["15 ≠ 8 + 4 + 1 + 1（其余 15 项为 0）"])
        #expect(found.first?.message == "表三“（七）总计”行“自然人”列：“（七）总计”应等于（一）至（六）各项之和。15 ≠ 8 + 4 + 1 + 1（其余 15 项为 0），左边 15，右边 14，相差 1（规则 2019:R3.3）")
    }

    @Test func shortSumsKeepTheirZeros() throws {
        let template = try TemplateLoader.builtin(format: "2019")
        let found = Self.failures(template, ["RV_TOTAL": 3, "RV_KEEP": 1], rule: "R4.1")
        #expect(Self.equations(found) == ["3 ≠ 1 + 0 + 0 + 0"])
        #expect(found.first?.rule?.difference == ExactDecimal(integer: 2))
    }

    @Test func negativeValueInParenthesesAndNegatedRelation() throws {
        let template = try TemplateLoader.builtin(format: "2019")
        let found = Self.failures(template, ["FEE_PREV": 1, "FEE_DELTA": -3], rule: "R2.5")
        #expect(Self.equations(found) == ["1 + (-3) < 0"])
        #expect(found.first?.rule?.relation == "≥")
        #expect(found.first?.message == "表二“行政事业性收费”行“本年增/减”列：上一年项目数量加本年增/减后不能为负数。1 + (-3) < 0，左边 -2，右边 0，相差 -2（规则 2019:R2.5）")
        #expect(Self.failures(template, ["FEE_PREV": 3, "FEE_DELTA": -3], rule: "R2.5").isEmpty, "0 ≥ 0 holds")
    }

    /// Every relation is shown negated when it fails, and a subtracted negative value in parentheses.
    @Test(arguments: [("A <= B", "5 > 3"), ("A >= B", "3 < 5"), ("A < B", "5 ≥ 3"), ("A > B", "3 ≤ 5"), ("A = B - C", "5 ≠ 3 - (-1)")])
    func negatedRelationSymbols(_ check: String, _ shown: String) throws {
        let template = try TemplateLoader.load(yaml: Self.smallTemplate(check), source: "test.yaml")
        let values: [String: Int64] = check.hasPrefix("A >") ? ["A": 3, "B": 5] : ["A": 5, "B": 3, "C": -1]
        let found = Self.failures(template, values, rule: "X")
        #expect(Self.equations(found) == [shown], "\(check)")
    }

    static func smallTemplate(_ check: String) -> String {
        """
        format: "test"
        name: 测试格式
        years: {from: 2019, to: 2020}
        tables:
          - id: T1
            name: 表一
            heading: 一、测试
            layout: blocks
            width: 4
            blocks:
              - heading: null
                columns: [项目, 甲, 乙, 丙]
                rows:
                  - label: 数量
                    cells: [{code: A, kind: signed}, {code: B, kind: signed}, {code: C, kind: signed}]
        rules:
          - id: X
            table: T1
            check: "\(check)"
            message: 测试
        """
    }
}
