import Findings
import Testing

/// `FindingCode.render(_:_:)`: `{name}` is replaced by its parameter, and nothing else changes.
@Suite struct RenderTests {
    @Test func placeholderIsReplaced() {
        #expect(FindingCode.render("表{t}第{n}行", [.init("t", "三"), .init("n", "7")]) == "表三第7行")
    }

    @Test func samePlaceholderTwiceIsReplacedTwice() {
        #expect(FindingCode.render("{x}+{x}", [.init("x", "1")]) == "1+1")
    }

    @Test func unknownPlaceholderIsRemoved() {
        #expect(FindingCode.render("缺少{table}的行", []) == "缺少的行")
        #expect(FindingCode.render("{a}{b}", [.init("b", "B")]) == "B")
    }

    @Test func unusedParameterIsIgnored() {
        #expect(FindingCode.render("无法读取：{reason}", [.init("reason", "权限不足"), .init("path", "/x")]) == "无法读取：权限不足")
    }

    @Test func unmatchedOpeningBraceIsKept() {
        #expect(FindingCode.render("a{b", [.init("b", "X")]) == "a{b")
        #expect(FindingCode.render("{x} and {y", [.init("x", "1"), .init("y", "2")]) == "1 and {y")
    }

    @Test func closingBraceAloneIsKept() {
        #expect(FindingCode.render("a}b", []) == "a}b")
    }

    @Test func valueIsNotRenderedAgain() {
        // A value that looks like a placeholder stays as it is (no second pass).
        #expect(FindingCode.render("{a}", [.init("a", "{b}"), .init("b", "X")]) == "{b}")
    }

    @Test func firstParameterOfANameWins() {
        #expect(FindingCode.render("{a}", [.init("a", "1"), .init("a", "2")]) == "1")
    }

    @Test func codeRenderUsesItsOwnTemplate() {
        #expect(FindingCode.unitMissing.render([.init("unit", "海淀街道"), .init("group", "街道")])
            == "名册中的“海淀街道”（街道）没有提交")
    }
}
