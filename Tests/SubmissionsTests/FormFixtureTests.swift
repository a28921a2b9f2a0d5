import ExactArithmetic
import Foundation
import ReportSpec
import Submissions
import Testing

/// Every layout variant in Fixtures/forms is read to exactly the figures in its `.json`
/// (code → exact decimal for the non-zero cells, every other figure zero), with the unit,
/// where its name came from, the stated year, and no findings.
struct FormFixtureTests {
    struct Expected: Decodable {
        var unit: String
        var unitSource: String
        var statedYear: Int?
        var figures: [String: String]
    }

    static func describe(_ source: UnitNameSource) -> String {
        switch source {
        case .reportingUnitLine(let line): "reportingUnitLine:\(line)"
        case .title(let line): "title:\(line)"
        case .fileName: "fileName"
        case .longTable: "longTable"
        }
    }

    @Test(arguments: Fixture.names("forms", extension: "csv"))
    func readsFixture(_ name: String) throws {
        let template = try Fixture.template()
        let csv = Fixture.url("forms", name)
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: csv.deletingPathExtension().appendingPathExtension("json")))
        let result = Fixture.read([csv.path])

        #expect(printed(result, removing: csv.deletingLastPathComponent().path) == [], "\(name)")
        try #require(result.submissions.count == 1, "\(name)")
        let submission = result.submissions[0]
        #expect(submission.unit == expected.unit, "\(name)")
        #expect(Self.describe(submission.unitSource) == expected.unitSource, "\(name)")
        #expect(submission.statedYear == expected.statedYear, "\(name)")
        #expect(submission.tablesFound == ["T2", "T3", "T4", "IND"], "\(name)")
        for code in expected.figures.keys { #expect(template.index(of: code) != nil, "\(name): \(code) is a template code") }
        var wrong: [String] = []
        for figure in template.figures {
            let want = expected.figures[figure.code].flatMap { ExactDecimal($0) } ?? .zero
            let got = submission.values[figure.index]
            if got != want { wrong.append("\(figure.code): read \(got.map(\.description) ?? "nil"), expected \(want)") }
        }
        #expect(wrong == [], "\(name)")
    }

    /// Money keeps its digits as typed and 万元 is converted to 元 by moving the point.
    @Test(arguments: [("canonical-excel.csv", "35692694.56"), ("section-label-every-row.csv", "6582437.15"),
                      ("amount-in-wan-yuan.csv", "123456.78")])
    func amountKeepsItsCents(_ name: String, _ expected: String) throws {
        let template = try Fixture.template()
        let submission = try #require(Fixture.read([Fixture.url("forms", name).path]).submissions.first, "\(name)")
        #expect(submission.value("PROC_AMOUNT", in: template)?.normalized.description == expected, "\(name)")
    }

    @Test func encodingAndDelimiterAreRecorded() throws {
        let gb = try #require(Fixture.read([Fixture.url("forms", "gb18030.csv").path]).files.first)
        #expect(gb.encoding.uppercased().contains("GB18030"), "gb18030.csv: \(gb.encoding)")
        #expect(gb.delimiter == "逗号", "gb18030.csv")
        #expect(gb.kind == .form, "gb18030.csv")
        let bom = try #require(Fixture.read([Fixture.url("forms", "utf8-bom.csv").path]).files.first)
        #expect(bom.encoding.uppercased().contains("UTF-8"), "utf8-bom.csv: \(bom.encoding)")
    }
}
