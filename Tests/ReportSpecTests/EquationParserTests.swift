import Testing
@testable import ReportSpec

/// The rule language: `SIDE RELATION SIDE`, sides of cell codes and constants joined by + and -.
@Suite struct EquationParserTests {
    private func parse(_ text: String) throws -> EquationParser.Parsed {
        switch EquationParser.parse(text) {
        case .success(let parsed): return parsed
        case .failure(let error): throw error
        }
    }

    private func reason(_ text: String) -> String? {
        if case .failure(let error) = EquationParser.parse(text) { return error.reason }
        return nil
    }

    private func cell(_ code: String, negated: Bool = false) -> Term { Term(negated: negated, operand: .cell(code)) }

    @Test func sumWithAConstant() throws {
        let parsed = try parse("A + B - 2 = C")
        #expect(parsed.left == [cell("A"), cell("B"), Term(negated: true, operand: .constant(.init(integer: 2)))])
        #expect(parsed.relation == .equal)
        #expect(parsed.right == [cell("C")])
    }

    @Test(arguments: [("A >= B", Relation.greaterOrEqual), ("A <= B", .lessOrEqual), ("A ≥ B", .greaterOrEqual),
                      ("A ≤ B", .lessOrEqual), ("A > B", .greater), ("A < B", .less), ("A == B", .equal), ("A = B", .equal)])
    func relations(_ text: String, _ relation: Relation) throws {
        let parsed = try parse(text)
        #expect(parsed.relation == relation)
        #expect(parsed.left == [cell("A")])
        #expect(parsed.right == [cell("B")])
    }

    @Test func spacesAreOptional() throws {
        let parsed = try parse("NEW.NP+CIN.NP>=0.5")
        #expect(parsed.left == [cell("NEW.NP"), cell("CIN.NP")])
        #expect(parsed.relation == .greaterOrEqual)
        #expect(parsed.right == [Term(negated: false, operand: .constant(try #require(.init("0.5"))))])
    }

    @Test func leadingMinusNegatesTheFirstTerm() throws {
        let parsed = try parse("-A + B = 0")
        #expect(parsed.left == [cell("A", negated: true), cell("B")])
    }

    @Test func codesWithDotsAndUnderscores() throws {
        let parsed = try parse("RESULT_TOTAL.TOT = DENY_1.TOT - lower_case")
        #expect(parsed.left == [cell("RESULT_TOTAL.TOT")])
        #expect(parsed.right == [cell("DENY_1.TOT"), cell("lower_case", negated: true)])
    }

    static let oneRelation = "应当恰好有一个比较符号（=、>=、<=、>、<）"

    @Test(arguments: [
        ("A + B", oneRelation),
        ("A = B = C", oneRelation),
        ("A >= B <= C", oneRelation),
        ("A + + B = C", "两个运算符连在一起"),
        ("A = B - + C", "两个运算符连在一起"),
        ("- - A = B", "两个运算符连在一起"),
        ("A + = B", "等式以运算符结尾"),
        ("A = B -", "等式以运算符结尾"),
        ("= B", "等式一边是空的"),
        ("A =", "等式一边是空的"),
        ("+ = B", "等式一边是空的"),
        ("A * B = C", "无法识别的字符“*”"),
        ("A = B，", "无法识别的字符“，”"),
        ("1X = A", "“1X”既不是数字也不是指标代码"),
        ("A = 1.2.3", "“1.2.3”既不是数字也不是指标代码"),
        ("A B = C", "“B”前缺少 + 或 -"),
        ("A = 2 3", "“3”前缺少 + 或 -"),
    ])
    func refusesWithAReason(_ text: String, _ expected: String) {
        #expect(reason(text) == expected, "“\(text)”")
    }

    @Test func errorKeepsTheEquationText() {
        guard case .failure(let error) = EquationParser.parse("A + + B = C") else {
            Issue.record("parsed")
            return
        }
        #expect(error.text == "A + + B = C")
    }
}
