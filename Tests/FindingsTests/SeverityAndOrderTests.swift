import Findings
import Testing

@Suite struct SeverityTests {
    @Test func errorsSortBeforeWarnings() {
        #expect(Severity.error < Severity.warning)
        #expect(!(Severity.warning < Severity.error))
        #expect(!(Severity.error < Severity.error))
        #expect([Severity.warning, .error, .warning].sorted() == [.error, .warning, .warning])
    }

    @Test func chineseNames() {
        #expect(Severity.error.chineseName == "错误")
        #expect(Severity.warning.chineseName == "警告")
    }

    static let warningCodes: Set<FindingCode> = [.extraValue, .emptyCell, .placeholderZero, .amountUnitMissing,
                                                 .sameAsLastYear, .previousYearMismatch, .explanationUnused]

    @Test(arguments: FindingCode.allCases)
    func defaultSeverity(_ code: FindingCode) {
        #expect(code.defaultSeverity == (Self.warningCodes.contains(code) ? .warning : .error))
    }

    @Test func warningCodesAreExactlyThese() {
        #expect(Set(FindingCode.allCases.filter { $0.defaultSeverity == .warning }) == Self.warningCodes)
    }

    @Test func findingTakesTheCodesSeverityUnlessGiven() {
        #expect(Finding(code: .emptyCell, scope: .total).severity == .warning)
        #expect(Finding(code: .ruleFailed, scope: .total).severity == .error)
        // A rule of severity `warning` in the template makes a rule-failed warning.
        #expect(Finding(code: .ruleFailed, severity: .warning, scope: .total).severity == .warning)
    }
}

@Suite struct DisplayOrderTests {
    /// A finding told apart from the others by its `cellCode`.
    static func finding(_ id: String, _ severity: Severity, subject: String? = nil,
                        file: String? = nil, line: Int? = nil, column: Int? = nil) -> Finding {
        Finding(code: .notANumber, severity: severity, scope: .file, subject: subject,
                location: file.map { SourceLocation(file: $0, line: line, column: column) }, cellCode: id)
    }

    @Test func errorsComeFirst() {
        let sorted = [Self.finding("w", .warning, subject: "A"), Self.finding("e", .error, subject: "Z")].sortedForDisplay()
        #expect(sorted.map(\.cellCode) == ["e", "w"])
    }

    @Test func thenSubject() {
        let sorted = [Self.finding("b", .error, subject: "b"), Self.finding("none", .error),
                      Self.finding("a", .error, subject: "a")].sortedForDisplay()
        #expect(sorted.map(\.cellCode) == ["none", "a", "b"])
    }

    @Test func thenFileLineAndColumn() {
        let sorted = [
            Self.finding("b.csv:1", .error, subject: "s", file: "b.csv", line: 1),
            Self.finding("a.csv:10:2", .error, subject: "s", file: "a.csv", line: 10, column: 2),
            Self.finding("a.csv:9", .error, subject: "s", file: "a.csv", line: 9, column: 7),
            Self.finding("a.csv:10:1", .error, subject: "s", file: "a.csv", line: 10, column: 1),
            Self.finding("a.csv", .error, subject: "s", file: "a.csv"),
        ].sortedForDisplay()
        #expect(sorted.map(\.cellCode) == ["a.csv", "a.csv:9", "a.csv:10:1", "a.csv:10:2", "b.csv:1"])
    }

    @Test func lineIsComparedAsANumber() {
        let sorted = [Self.finding("10", .error, file: "a.csv", line: 10),
                      Self.finding("9", .error, file: "a.csv", line: 9)].sortedForDisplay()
        #expect(sorted.map(\.cellCode) == ["9", "10"])
    }

    @Test func equalKeysKeepTheirOrder() {
        let ids = (0..<50).map { "f\($0)" }
        let sorted = ids.map { Self.finding($0, .error, subject: "s", file: "a.csv", line: 3) }.sortedForDisplay()
        #expect(sorted.map(\.cellCode) == ids)
    }

    @Test func counts() {
        var explained = Self.finding("x", .warning)
        explained.explanation = "区里同意"
        let findings = [Self.finding("e1", .error), Self.finding("e2", .error), Self.finding("w", .warning), explained]
        #expect(findings.errorCount == 2)
        #expect(findings.warningCount == 1)
        #expect([Finding]().errorCount == 0)
        #expect([Finding]().warningCount == 0)
    }
}

@Suite struct SourceLocationTests {
    @Test func fileOnly() { #expect(SourceLocation(file: "a.csv").description == "a.csv") }
    @Test func fileAndLine() { #expect(SourceLocation(file: "a.csv", line: 3).description == "a.csv:3") }
    @Test func fileLineAndColumn() { #expect(SourceLocation(file: "a.csv", line: 3, column: 5).description == "a.csv:3:5") }

    @Test func aColumnWithoutALineIsNotShown() {
        // `a.csv:5` would read as line 5.
        #expect(SourceLocation(file: "a.csv", column: 5).description == "a.csv")
    }

    @Test func chineseFileNamesAreKept() {
        #expect(SourceLocation(file: "海淀街道.csv", line: 14, column: 5).description == "海淀街道.csv:14:5")
    }
}
