import Testing
@testable import ReportSpec

enum TemplateFixtures {
    /// A small template that loads: one block table, one 2×2 matrix, one rule.
    static let valid = """
        format: "T"
        name: 测试格式
        years: {from: 2019}
        tables:
          - id: B
            name: 表甲
            heading: 甲、块表
            layout: blocks
            width: 3
            blocks:
              - heading: 块
                columns: [信息内容, 数量一, 数量二]
                rows:
                  - {label: 行一, cells: [A1, A2]}
          - id: M
            name: 表乙
            heading: 乙、矩阵
            layout: matrix
            columns: [{id: C1, label: 列一}, {id: C2, label: 列二}]
            rows: [{id: R1, label: 行一}, {id: R2, label: 行二}]
        rules:
          - {id: X1, check: A1 >= A2, message: 测试}
        """
}

/// Each bad template is a small YAML text with the exact message it must produce
/// (STYLE §4: bad input is a fixture with the exact message).
@Suite struct InvalidTemplateTests {
    private func problems(_ yaml: String) throws -> String {
        let error = try #require(throws: TemplateValidationError.self) {
            try TemplateLoader.load(yaml: yaml, source: "bad.yaml")
        }
        return error.description
    }

    @Test func theBaseFixtureIsValid() throws {
        let template = try TemplateLoader.load(yaml: TemplateFixtures.valid, source: "ok.yaml")
        #expect(template.tables.map(\.id) == ["B", "M"])
    }

    @Test func unknownLayout() throws {
        #expect(try problems("""
            format: "T"
            name: 测试
            years: {from: 2019}
            tables:
              - {id: B, name: 表甲, heading: 甲, layout: grid}
            """) == """
            模板 bad.yaml 有 1 处问题：
              tables[0].layout: 未知的 layout “grid”，应为 blocks 或 matrix
            """)
    }

    @Test func duplicateTableID() throws {
        #expect(try problems("""
            format: "T"
            name: 测试
            years: {from: 2019}
            tables:
              - {id: M, name: 表甲, heading: 甲, layout: matrix, columns: [{id: C1, label: 列}], rows: [{id: R1, label: 行}]}
              - {id: M, name: 表乙, heading: 乙, layout: matrix, columns: [{id: C1, label: 列}], rows: [{id: R2, label: 行}]}
            """) == """
            模板 bad.yaml 有 1 处问题：
              tables[1].id: 表格 id “M” 重复
            """)
    }

    @Test func duplicateCellCodeInABlock() throws {
        #expect(try problems("""
            format: "T"
            name: 测试
            years: {from: 2019}
            tables:
              - id: B
                name: 表甲
                heading: 甲
                layout: blocks
                width: 3
                blocks:
                  - columns: [信息内容, 一, 二]
                    rows:
                      - {label: 行一, cells: [A1, A2]}
                      - {label: 行二, cells: [A3, A1]}
            """) == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].rows[1].cells[1]: 指标代码“A1”重复（已在 tables[0].blocks[0].rows[0].cells[0] 使用）
            """)
    }

    @Test func duplicateCellCodeAcrossTables() throws {
        #expect(try problems("""
            format: "T"
            name: 测试
            years: {from: 2019}
            tables:
              - {id: M, name: 表甲, heading: 甲, layout: matrix, columns: [{id: C1, label: 列}], rows: [{id: R1, label: 行}]}
              - {id: N, name: 表乙, heading: 乙, layout: matrix, columns: [{id: C1, label: 列}], rows: [{id: R1, label: 行}]}
            """) == """
            模板 bad.yaml 有 1 处问题：
              tables[1].rows[0]/columns[0]: 指标代码“R1.C1”重复（已在 tables[0].rows[0]/columns[0] 使用）
            """)
    }

    @Test func ruleWithAnUnknownCellCode() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("check: A1 >= A2", with: "check: A1 >= A9 + R1.C3"))
            == """
            模板 bad.yaml 有 2 处问题：
              rules[0].check: 规则引用了不存在的指标代码“A9”
              rules[0].check: 规则引用了不存在的指标代码“R1.C3”
            """)
    }

    @Test func ruleThatDoesNotParse() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("check: A1 >= A2", with: "check: A1 * 2 >= A2"))
            == """
            模板 bad.yaml 有 1 处问题：
              rules[0].check: 无法解析“A1 * 2 >= A2”：无法识别的字符“*”
            """)
    }

    @Test func unknownSeverity() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("{id: X1,", with: "{id: X1, severity: fatal,")) == """
            模板 bad.yaml 有 1 处问题：
              rules[0].severity: 未知的 severity “fatal”，应为 error 或 warning
            """)
    }

    @Test func unknownRuleLevel() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("{id: X1,", with: "{id: X1, levels: [unit, city],")) == """
            模板 bad.yaml 有 1 处问题：
              rules[0].levels: 未知的 level “city”，应为 unit、group 或 total
            """)
    }

    @Test(arguments: ["M.cols", "Q.rows", "rows", "M.rows.x"])
    func eachWithABadReference(_ reference: String) throws {
        let yaml = TemplateFixtures.valid.replacing("{id: X1, check: A1 >= A2,", with: "{id: X1, each: {r: \(reference)}, check: \"{r}.C1 >= 0\",")
        #expect(try problems(yaml) == """
            模板 bad.yaml 有 1 处问题：
              rules[0].each.r: “\(reference)”应为列表，或 表格id.rows / 表格id.columns
            """)
    }

    @Test func eachWithAGoodReferenceExpands() throws {
        let yaml = TemplateFixtures.valid.replacing("{id: X1, check: A1 >= A2,", with: "{id: X1, each: {r: M.rows}, check: \"{r}.C1 >= 0\",")
        let rules = try TemplateLoader.load(yaml: yaml, source: "ok.yaml").rules
        #expect(rules.map(\.equation) == ["R1.C1 >= 0", "R2.C1 >= 0"])
        #expect(rules.map(\.instance) == ["r=R1", "r=R2"])
    }

    @Test func columnWidthsCountMismatch() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("    width: 3\n", with: "    width: 3\n    columnWidths: [20, 10]\n"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].columnWidths: columnWidths 有 2 项，表格有 3 列
            """)
    }

    @Test func headlineWithAnUnknownCode() throws {
        #expect(try problems(TemplateFixtures.valid + "\nheadlines:\n  - {code: A1, label: 甲}\n  - {code: NOPE, label: 乙}\n")
            == """
            模板 bad.yaml 有 1 处问题：
              headlines[1].code: 指标代码“NOPE”不在任何表格中
            """)
    }

    @Test func blockColumnsWiderThanTheTable() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("[信息内容, 数量一, 数量二]", with: "[信息内容, 数量一, 数量二, 数量三]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].columns: 列标题共占 4 列，与表格宽度 3 不符
            """)
    }

    @Test func blockColumnSpanWiderThanTheTable() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("[信息内容, 数量一, 数量二]", with: "[信息内容, {text: 数量, span: 3}]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].columns: 列标题共占 4 列，与表格宽度 3 不符
            """)
    }

    @Test func blockColumnsNarrowerThanTheTable() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("[信息内容, 数量一, 数量二]", with: "[信息内容, 数量一]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].columns: 列标题共占 2 列，与表格宽度 3 不符
            """)
    }

    @Test func dataCellsWiderThanTheTable() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("cells: [A1, A2]", with: "cells: [A1, A2, A3]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].rows[0].cells: 数据单元格超出表格宽度 3
            """)
    }

    @Test func yamlSyntaxError() throws {
        // Yams' own text: line:column, the offending line and a caret.
        #expect(try problems("format: \"T\"\nname: [测试\nyears: {from: 2019}\n") == """
            模板 bad.yaml 有 1 处问题：
              YAML 语法错误：3:6: error: parser: while parsing a flow sequence in line 2, column 7
            did not find expected ',' or ']':
            years: {from: 2019}
                 ^
            """)
    }

    @Test func missingRequiredKey() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("    heading: 乙、矩阵\n", with: "")) == """
            模板 bad.yaml 有 1 处问题：
              tables[1].heading: 缺少必填项“heading”
            """)
    }

    @Test func wrongTypeOfAValue() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("width: 3", with: "width: 三")) == """
            模板 bad.yaml 有 1 处问题：
              tables[0].width: 类型不对，应为 Int
            """)
    }

    @Test func unknownFigureKind() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("cells: [A1, A2]", with: "cells: [A1, {code: A2, kind: float}]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].rows[0].cells[1].kind: 未知的 kind “float”，应为 count、signed 或 money
            """)
    }

    @Test func unknownMoneyUnit() throws {
        #expect(try problems(TemplateFixtures.valid.replacing("cells: [A1, A2]", with: "cells: [A1, {code: A2, kind: money, unit: 美元}]"))
            == """
            模板 bad.yaml 有 1 处问题：
              tables[0].blocks[0].rows[0].cells[1].unit: 未知的金额单位“美元”，应为 元 或 万元
            """)
    }

    @Test func moneyWithoutAUnitIsInYuan() throws {
        let yaml = TemplateFixtures.valid.replacing("cells: [A1, A2]", with: "cells: [A1, {code: A2, kind: money}]")
        let figure = try #require(try TemplateLoader.load(yaml: yaml, source: "ok.yaml").figure("A2"))
        #expect(figure.kind == .money)
        #expect(figure.unit == "元")
        #expect(figure.unitRequired == false)
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let yaml = TemplateFixtures.valid
            .replacing("layout: matrix", with: "layout: grid")
            .replacing("cells: [A1, A2]", with: "cells: [A1, {code: A2, kind: float}]")
            .replacing("{id: X1,", with: "{id: X1, severity: fatal,")
            + "\nheadlines:\n  - {code: R1.C1, label: 甲}\n"
        #expect(try problems(yaml) == """
            模板 bad.yaml 有 4 处问题：
              tables[0].blocks[0].rows[0].cells[1].kind: 未知的 kind “float”，应为 count、signed 或 money
              tables[1].layout: 未知的 layout “grid”，应为 blocks 或 matrix
              headlines[0].code: 指标代码“R1.C1”不在任何表格中
              rules[0].severity: 未知的 severity “fatal”，应为 error 或 warning
            """)
    }
}
