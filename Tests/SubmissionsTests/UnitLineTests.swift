import Foundation
import Submissions
import Testing

/// The unit and the year as the title and `填报单位` lines state them, with what clerks
/// write around the name taken off.
struct UnitLineTests {
    /// The canonical fixture with its first two lines replaced.
    static func read(title: String, unitLine: String) throws -> UnitSubmission {
        let text = try String(contentsOf: Fixture.url("forms", "canonical-excel.csv"), encoding: .utf8)
        // Excel's CRLF is one Character: split on line breaks of either kind.
        let rest = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropFirst(2)
        let form = ([title, unitLine] + rest.map(String.init)).joined(separator: "\n")
        let result = SubmissionReader(template: try Fixture.template()).read(bytes: Array(form.utf8), name: "某单位.csv")
        return try #require(result.submissions.first)
    }

    @Test(arguments: [
        // (title, 填报单位 line, unit, year)
        ("鲤城区发改局2020年政府信息公开工作年度报告,,", "填报单位：鲤城区发改局（盖章）,,", "鲤城区发改局", 2020),
        ("鲤城区发改局2020年政府信息公开工作年度报告,,", "填报单位：鲤城区发改局  填报日期：2021年1月15日,,", "鲤城区发改局", 2020),
        ("鲤城区发改局2020年政府信息公开工作年度报告,,", "填报单位,鲤城区发改局,联系人：王某,电话：0595-22355663", "鲤城区发改局", 2020),
        ("鲤城区发改局2020年政府信息公开工作年度报告,,", "报送单位：鲤城区发改局 负责人：李某,,", "鲤城区发改局", 2020),
        // No 填报单位 line: the title names the unit, before the year.
        ("鲤城区发改局关于2020年政府信息公开工作年度报告,,", ",,", "鲤城区发改局", 2020),
        ("鲤城区发改局（盖章）2019年度政府信息公开工作年度报告,,", ",,", "鲤城区发改局", 2019),
        // A number that is not a year (part of a longer one) is passed over.
        ("第120201号 鲤城区发改局2020年政府信息公开工作年度报告,,", "填报单位：鲤城区发改局,,", "鲤城区发改局", 2020),
    ])
    func unitAndYear(_ title: String, _ unitLine: String, _ unit: String, _ year: Int) throws {
        let submission = try Self.read(title: title, unitLine: unitLine)
        #expect(submission.unit == unit, "\(title) / \(unitLine)")
        #expect(submission.statedYear == year, "\(title)")
    }

    @Test func aTitleAloneNamesTheUnitFromWhatPrecedesTheYear() throws {
        let submission = try Self.read(title: "第120201号鲤城区发改局2020年政府信息公开工作年度报告,,", unitLine: ",,")
        // The year is the first four digits no other digit touches; the name is what stands before it.
        #expect(submission.statedYear == 2020)
        #expect(submission.unit == "第120201号鲤城区发改局")
        #expect(submission.unitSource == .title(line: 1))
    }

    @Test func theYearLineStatesTheYear() throws {
        let submission = try Self.read(title: "填报年度：2020年,,", unitLine: "填报单位：鲤城区发改局,,")
        #expect(submission.statedYear == 2020)
        #expect(submission.unit == "鲤城区发改局" && submission.unitSource == .reportingUnitLine(line: 2))
    }
}
