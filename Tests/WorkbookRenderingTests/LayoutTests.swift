import ExactArithmetic

import ReportSpec
import Submissions
import Testing
@testable import ReportEngine
@testable import WorkbookRendering

/// The pieces of the workbook's layout that the end-to-end tests cannot pin one by one.
@Suite struct LayoutTests {
    let template2019 = try! TemplateLoader.builtin(format: "2019")
    let template2021 = try! TemplateLoader.builtin(format: "2021")

    @Test func numberFormatsFollowTheKindOfFigure() throws {
        let count = try #require(template2019.figure("NEW.NP"))
        let signed = try #require(template2019.figure("LIC_DELTA"))
        let yuan = try #require(template2019.figure("PROC_AMOUNT"))
        let wan = try #require(template2021.figure("FEE_AMOUNT_WAN"))
        #expect(Styles.numberFormat(count, value: ExactDecimal(integer: 16)) == "0")
        #expect(Styles.numberFormat(signed, value: ExactDecimal(integer: -2)) == "+0;-0;0")
        // 元: at least the cents, and the unit, since the 2019 form prints none (R2.8).
        #expect(Styles.numberFormat(yuan, value: ExactDecimal("35692694.56")!) == "0.00\"元\"")
        #expect(Styles.numberFormat(yuan, value: ExactDecimal("12")!) == "0.00\"元\"")
        #expect(Styles.numberFormat(yuan, value: ExactDecimal("1.005")!) == "0.000\"元\"")
        // 万元: every decimal the sum has, none rounded away; the header names the unit.
        #expect(Styles.numberFormat(wan, value: ExactDecimal("180.340093")!) == "0.000000")
        #expect(Styles.numberFormat(wan, value: ExactDecimal("45.50")!) == "0.0")
        #expect(Styles.numberFormat(wan, value: ExactDecimal("45")!) == "0")
    }

    @Test func unitSheetNamesAreWhatExcelAccepts() {
        func unit(_ name: String) -> CountedUnit {
            CountedUnit(name: name, group: "区直部门", code: nil,
                        submission: UnitSubmission(unit: name, unitSource: .fileName,
                                                   file: SourceFile(path: name, displayName: name, byteCount: 0, sha256: "",
                                                                    encoding: "", delimiter: "", kind: .form),
                                                   figureCount: 0))
        }
        let long = String(repeating: "很长的单位名称", count: 6)
        let names = UnitSheet.names(for: [unit("区教育局"), unit("A/B:局?"), unit("'引号'"), unit("汇总"), unit(long),
                                          unit(long + "二"), unit("History")],
                                    reserved: ["汇总", "分组小计", "明细", "审核结果", "说明"])
        #expect(names["区教育局"] == "区教育局")
        #expect(names["A/B:局?"] == "A_B_局_")
        #expect(names["'引号'"] == "引号")
        #expect(names["汇总"] == "汇总(2)")
        #expect(names[long] == String(long.prefix(31)))
        #expect(names[long + "二"] == String(long.prefix(28)) + "(2)")
        #expect(names["History"] == "History(2)")
        #expect(Set(names.values.map { $0.lowercased() }).count == names.count)
        #expect(names.values.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func detailSumsCoverTheUnitRowsOfTheGroups() {
        var layout = DetailLayout()
        layout.groupRanges = [5...5, nil, 7...12]
        #expect(layout.sumFormula(figure: 0) == "SUM('明细'!E6,'明细'!E8:E13)")
        #expect(layout.sumFormula(figure: 1, groups: [2], qualified: false) == "SUM(F8:F13)")
        #expect(layout.sumFormula(figure: 0, groups: [1]) == nil)
    }

    @Test func tablePositionsMatchTheLayout() throws {
        let positions = OfficialTableWriter.positions(template2019, top: SummarySheet.tablesTop)
        #expect(positions.count == template2019.figures.count)
        // 表二 starts at row 4 (heading), its grid at row 5: 规章 is grid row 3 → sheet row 7.
        let regulation = try #require(template2019.index(of: "REG_NEWMADE"))
        #expect(positions[regulation]?.row == SummarySheet.tablesTop + 1 + 2)
        #expect(positions[regulation]?.column == 1)
    }
}
