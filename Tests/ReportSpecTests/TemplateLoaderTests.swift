import Foundation
import TestSupport
import Testing
@testable import ReportSpec

@Suite struct TemplateLoaderTests {
    @Test(arguments: [2019, 2020])
    func theYears2019And2020UseThe2019Format(_ year: Int) throws {
        let template = try TemplateLoader.builtin(forYear: year)
        #expect(template.format == "2019")
        #expect(template.yearsDescription == "2019–2020 年度")
    }

    @Test(arguments: [2021, 2022, 2030])
    func from2021OnTheYearsUseThe2021Format(_ year: Int) throws {
        #expect(try TemplateLoader.builtin(forYear: year).format == "2021")
    }

    @Test(arguments: [2018, 1999])
    func yearsBefore2019HaveNoFormat(_ year: Int) {
        let error = #expect(throws: TemplateLoadError.self) { try TemplateLoader.builtin(forYear: year) }
        #expect(error == .noFormatForYear(year, known: ["2019", "2021"]))
        #expect(error?.description == "没有适用于 \(year) 年度的格式；可用的格式：2019、2021")
    }

    @Test func unknownFormat() {
        let error = #expect(throws: TemplateLoadError.self) { try TemplateLoader.builtin(format: "2018") }
        #expect(error == .unknownFormat("2018", known: ["2019", "2021"]))
        #expect(error?.description == "没有“2018”格式；可用的格式：2019、2021")
    }

    @Test func missingFileIsUnreadable() {
        let path = Paths.uniqueTemporaryFile("missing.yaml").path
        let error = #expect(throws: TemplateLoadError.self) { try TemplateLoader.load(path: path) }
        #expect(error == .unreadable(path: path))
        #expect(error?.description == "无法读取模板文件 \(path)")
    }

    @Test func loadsATemplateFileFromDisk() throws {
        let url = Paths.uniqueTemporaryFile("small.yaml")
        try TemplateFixtures.valid.write(to: url, atomically: true, encoding: .utf8)
        let template = try TemplateLoader.load(path: url.path)
        #expect(template.source == url.path)
        #expect(template.format == "T")
        #expect(template.figures.map(\.code) == ["A1", "A2", "R1.C1", "R1.C2", "R2.C1", "R2.C2"])
        #expect(template.rules.map(\.id) == ["T:X1"])
    }

    @Test func builtinSourceNamesTheFile() throws {
        #expect(try TemplateLoader.builtin(format: "2019").source == "内置 2019 格式（templates/2019.yaml）")
    }

    @Test func formatAppliesToItsYears() throws {
        let template = try TemplateLoader.builtin(format: "2019")
        #expect(template.applies(toYear: 2019) && template.applies(toYear: 2020))
        #expect(!template.applies(toYear: 2018) && !template.applies(toYear: 2021))
    }
}
