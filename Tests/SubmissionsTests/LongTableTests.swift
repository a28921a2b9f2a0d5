import ExactArithmetic
import Foundation
import ReportSpec
import Submissions
import Testing

/// Long CSVs (`单位,年度,指标代码,数值`): one value per row, many units per file.
struct LongTableTests {
    /// Rows `unit,year,code,value` for every required figure of the template, with `values`
    /// (code → text) and 0 elsewhere; `order` picks and orders the four columns.
    static func rows(unit: String, year: String = "2020", values: [String: String] = [:], leaving out: Set<String> = [],
                     order: [Int] = [0, 1, 2, 3], code transform: (String) -> String = { $0 }) throws -> [String] {
        let template = try Fixture.template()
        let codes = template.tables.filter(\.required).flatMap(\.dataRows).flatMap(\.codes)
        return codes.filter { !out.contains($0) }.map { code in
            let value = values[code] ?? (code == "PROC_AMOUNT" ? "0元" : "0")
            let fields = [unit, year, transform(code), value]
            return order.map { fields[$0] }.joined(separator: ",")
        }
    }

    static func read(_ name: String, _ lines: [String]) throws -> (ReadResult, String) {
        let path = try Fixture.temporary(name, lines.joined(separator: "\r\n") + "\r\n")
        return (Fixture.read([path]), URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    @Test(arguments: ["单位,年度,指标代码,数值", "unit,year,cell,value", "Unit,Year,Code,Value", "单位名称,年份,代码,值"])
    func headerInChineseOrEnglish(_ header: String) throws {
        let template = try Fixture.template()
        let (result, directory) = try Self.read("long.csv", [header] + Self.rows(unit: "江南街道", values: ["NEW.NP": "7", "LIC_DELTA": "-3"]))
        #expect(printed(result, removing: directory) == [], "header \(header)")
        let unit = try #require(result.submissions.first, "header \(header)")
        #expect(result.submissions.count == 1 && unit.unit == "江南街道" && unit.unitSource == .longTable, "header \(header)")
        #expect(unit.value("NEW.NP", in: template) == ExactDecimal("7") && unit.value("LIC_DELTA", in: template) == ExactDecimal("-3"), "header \(header)")
        #expect(result.files.first?.kind == .long, "header \(header)")
    }

    @Test func severalUnitsInOneFileInOrderOfFirstAppearance() throws {
        let template = try Fixture.template()
        let lines = try ["单位,年度,指标代码,数值"] + Self.rows(unit: "金龙街道", values: ["PUN_PREV": "11"])
            + Self.rows(unit: "江南街道", values: ["PUN_PREV": "22", "PROC_AMOUNT": "1.5万元"]) + Self.rows(unit: "常泰街道")
        let (result, directory) = try Self.read("units.csv", lines)
        #expect(printed(result, removing: directory) == [])
        #expect(result.submissions.map(\.unit) == ["金龙街道", "江南街道", "常泰街道"])
        #expect(result.submissions.map { $0.value("PUN_PREV", in: template) } == ["11", "22", "0"].map { ExactDecimal($0) })
        #expect(result.submissions[1].value("PROC_AMOUNT", in: template) == ExactDecimal("15000"))
        #expect(result.files.count == 1, "one file, three units")
    }

    @Test func columnsInAnotherOrder() throws {
        let template = try Fixture.template()
        // 数值,指标代码,单位,年度
        let lines = try ["数值,指标代码,单位,年度"] + Self.rows(unit: "江南街道", values: ["RV_TOTAL": "4"], order: [3, 2, 0, 1])
        let (result, directory) = try Self.read("order.csv", lines)
        #expect(printed(result, removing: directory) == [])
        #expect(result.submissions.first?.value("RV_TOTAL", in: template) == ExactDecimal("4"))
        #expect(result.submissions.first?.statedYear == 2020)
    }

    @Test(arguments: ["lower case", "full width"])
    func codesInLowerCaseOrFullWidth(_ variant: String) throws {
        let template = try Fixture.template()
        let transform: (String) -> String = variant == "lower case" ? { $0.lowercased() } : { code in
            String(String.UnicodeScalarView(code.unicodeScalars.map { scalar in
                (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
        }
        let (result, directory) = try Self.read("codes.csv", ["单位,年度,指标代码,数值"] + Self.rows(unit: "江南街道", values: ["DENY_3.NGO": "9"], code: transform))
        #expect(printed(result, removing: directory) == [], "\(variant) \(transform("DENY_3.NGO"))")
        #expect(result.submissions.first?.value("DENY_3.NGO", in: template) == ExactDecimal("9"), "\(variant)")
    }

    @Test func statedYearComesFromTheYearColumn() throws {
        let lines = try ["单位,年度,指标代码,数值"] + Self.rows(unit: "江南街道", year: "2019年")
        let (result, _) = try Self.read("year.csv", lines)
        let unit = try #require(result.submissions.first)
        #expect(unit.statedYear == 2019)
        #expect(unit.yearLocation?.line == 2 && unit.yearLocation?.column == 2)
    }

    /// Cells left out: one warning per table per unit, naming the first six codes.
    @Test func missingCellsGiveOneWarningPerTablePerUnit() throws {
        let t3 = ["NEW.NP", "NEW.BIZ", "CIN.TOT", "OPEN.NP", "OPEN.SCI", "PART.LAW", "COUT.OTH"]
        let lines = try ["单位,年度,指标代码,数值"] + Self.rows(unit: "江南街道", leaving: Set(["LIC_PREV"] + t3))
            + Self.rows(unit: "金龙街道", leaving: ["RV_KEEP"])
        let (result, directory) = try Self.read("missing.csv", lines)
        #expect(printed(result, removing: directory) == [
            "missing.csv: 警告: [missing-row] 表二缺少“指标 LIC_PREV”行，该行按 0 计；请按统一格式补齐该行",
            "missing.csv: 警告: [missing-row] 表三缺少“指标 NEW.NP、NEW.BIZ、CIN.TOT、OPEN.NP、OPEN.SCI、PART.LAW 等 7 个指标”行，该行按 0 计；请按统一格式补齐该行",
            "missing.csv: 警告: [missing-row] 表四缺少“指标 RV_KEEP”行，该行按 0 计；请按统一格式补齐该行",
        ])
        #expect(result.submissions.map { $0.findings.count } == [2, 1], "the warnings belong to their unit")
    }
}
