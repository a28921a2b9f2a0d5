import ExactArithmetic
import Testing
@testable import ReportSpec

/// The rules of the built-in 2019 format (spec §5.1, §5.2, §5.4).
@Suite struct BuiltinRuleTests {
    let template = try! TemplateLoader.builtin(format: "2019")

    private func rules(_ id: String) -> [RuleSpec] { template.rules.filter { $0.templateID == id } }
    private func cells(_ terms: [Term]) -> [String] {
        terms.map { term in
            guard case .cell(let code) = term.operand, !term.negated else { return "?" }
            return code
        }
    }

    @Test func ruleCounts() {
        let counts = Dictionary(grouping: template.rules, by: \.templateID).mapValues(\.count)
        #expect(counts == ["R3.1": 7, "R3.2": 23, "R3.3": 7, "R4.1": 1, "R4.2": 1, "R4.3": 1, "R2.5": 5, "R2.3": 3, "R2.7": 2,
                           "R3.6": 7, "R2.6": 5])
        #expect(template.rules.allSatisfy { $0.id == "2019:" + $0.templateID })
    }

    /// R2.3, R2.7 and the cross-year rules are warnings (spec §5: reorganisations and late
    /// corrections break the cross-year ones legitimately); every other rule is an error.
    @Test func onlyR23R27AndTheCrossYearRulesAreWarnings() {
        #expect(Set(template.rules.filter { $0.severity == .warning }.map(\.templateID)) == ["R2.3", "R2.7", "R3.6", "R2.6"])
        #expect(template.rules.filter { !$0.previousCells.isEmpty }.allSatisfy { $0.severity == .warning })
    }

    @Test func r36ComparesWithLastYearsCarryOver() throws {
        let rule = try #require(rules("R3.6").first { $0.instance == "c=TOT" })
        #expect(rule.equation == "CIN.TOT = prev.COUT.TOT")
        #expect(rule.previousCells == ["COUT.TOT"])
        #expect(rule.cells == ["CIN.TOT"])
    }

    @Test func onlyR23IsLimitedToUnits() {
        #expect(rules("R2.3").allSatisfy { $0.levels == [.unit] })
        #expect(template.rules.filter { $0.templateID != "R2.3" }.allSatisfy { $0.levels == Set(RuleLevel.allCases) })
    }

    @Test func r23CountyUnitsMakeNoRegulations() {
        #expect(rules("R2.3").map(\.equation) == ["REG_NEWMADE = 0", "REG_NEWPUB = 0", "REG_TOTALPUB = 0"])
    }

    @Test func r31RunsOverEveryColumn() {
        #expect(rules("R3.1").map(\.equation) == OfficialLabelTests.table3Columns.map {
            "NEW.\($0) + CIN.\($0) = RESULT_TOTAL.\($0) + COUT.\($0)"
        })
    }

    @Test func r31ForNaturalPersons() throws {
        let rule = try #require(rules("R3.1").first { $0.instance == "c=NP" })
        #expect(cells(rule.left) == ["NEW.NP", "CIN.NP"])
        #expect(rule.relation == .equal)
        #expect(cells(rule.right) == ["RESULT_TOTAL.NP", "COUT.NP"])
        #expect(rule.subjectCode == "NEW.NP")
        #expect(rule.tableID == "T3")
    }

    @Test func r31EvaluatedByHand() throws {
        let rule = try #require(rules("R3.1").first { $0.instance == "c=NP" })
        func side(_ terms: [Term], _ values: [String: Int64]) -> ExactDecimal {
            terms.reduce(ExactDecimal.zero) { sum, term in
                guard case .cell(let code) = term.operand else { return sum }
                return sum.adding(ExactDecimal(integer: term.negated ? -values[code]! : values[code]!))!
            }
        }
        // 15 new + 0 carried in = 14 concluded + 1 carried out.
        var values: [String: Int64] = ["NEW.NP": 15, "CIN.NP": 0, "RESULT_TOTAL.NP": 14, "COUT.NP": 1]
        #expect(rule.relation.holds(side(rule.left, values), side(rule.right, values)))
        values["COUT.NP"] = 2
        #expect(!rule.relation.holds(side(rule.left, values), side(rule.right, values)))
    }

    @Test func r32RunsOverEveryRow() {
        let r32 = rules("R3.2")
        #expect(r32.map(\.instance) == OfficialLabelTests.table3Rows.map { "r=\($0)" })
        #expect(r32.allSatisfy { $0.relation == .equal && $0.left.count == 1 && $0.right.count == 6 })
        #expect(r32.first?.equation == "NEW.TOT = NEW.NP + NEW.BIZ + NEW.SCI + NEW.NGO + NEW.LAW + NEW.OTH")
    }

    @Test func r33AddsTheNineteenResultRows() {
        let leaves = ["OPEN", "PART"] + (1...8).map { "DENY_\($0)" } + (1...3).map { "UNABLE_\($0)" }
            + (1...5).map { "NOTPROC_\($0)" } + ["OTHER"]
        #expect(leaves.count == 19)
        let r33 = rules("R3.3")
        #expect(r33.map(\.instance) == OfficialLabelTests.table3Columns.map { "c=\($0)" })
        for (rule, c) in zip(r33, OfficialLabelTests.table3Columns) {
            #expect(cells(rule.left) == ["RESULT_TOTAL.\(c)"])
            #expect(cells(rule.right) == leaves.map { "\($0).\(c)" }, "\(rule.instance)")
            #expect(rule.relation == .equal)
        }
    }

    @Test func r4TotalsOfTable4() {
        #expect(["R4.1", "R4.2", "R4.3"].flatMap { rules($0).map(\.equation) } == [
            "RV_TOTAL = RV_KEEP + RV_CORR + RV_OTHER + RV_PEND",
            "LD_TOTAL = LD_KEEP + LD_CORR + LD_OTHER + LD_PEND",
            "LR_TOTAL = LR_KEEP + LR_CORR + LR_OTHER + LR_PEND",
        ])
    }

    @Test func r25ItemCountsStayNonNegative() {
        let r25 = rules("R2.5")
        #expect(r25.map(\.equation) == ["LIC", "OMS", "PUN", "COE", "FEE"].map { "\($0)_PREV + \($0)_DELTA >= 0" })
        #expect(r25.map(\.subjectCode) == ["LIC_DELTA", "OMS_DELTA", "PUN_DELTA", "COE_DELTA", "FEE_DELTA"])
        #expect(r25.allSatisfy { $0.relation == .greaterOrEqual && $0.severity == .error })
        #expect(r25.first?.right == [Term(negated: false, operand: .constant(.zero))])
    }

    @Test func r27TotalPublishedIsAtLeastNewlyPublished() {
        let r27 = rules("R2.7")
        #expect(r27.map(\.equation) == ["REG_TOTALPUB >= REG_NEWPUB", "NORM_TOTALPUB >= NORM_NEWPUB"])
        #expect(r27.map(\.subjectCode) == ["REG_TOTALPUB", "NORM_TOTALPUB"])
        #expect(r27.allSatisfy { $0.severity == .warning })
    }

    @Test func everyRuleCellExists() {
        for rule in template.rules {
            for code in rule.cells { #expect(template.figure(code) != nil, "\(rule.id) \(rule.instance): \(code)") }
        }
    }
}
