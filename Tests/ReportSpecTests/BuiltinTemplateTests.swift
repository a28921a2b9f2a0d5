import Testing
@testable import ReportSpec

/// A1-style text of a zero-based range, for comparing with the spec's merge lists.
private func a1(_ r: CellRange) -> String {
    func col(_ c: Int) -> String { String(UnicodeScalar(UInt8(65 + c))) }
    return "\(col(r.firstColumn))\(r.firstRow + 1):\(col(r.lastColumn))\(r.lastRow + 1)"
}

@Suite struct BuiltinTemplateTests {
    let template = try! TemplateLoader.builtin(format: "2019")

    @Test func table3MergesAreTheSpecs() throws {
        let t3 = try #require(template.table("T3"))
        #expect(t3.layout.width == 10)
        #expect(t3.layout.height == 26)
        let merges = Set(t3.layout.merges.map(a1))
        // Spec §3.2: header and row-label merges of T3-2019.
        for expected in ["A1:C3", "D1:J1", "D2:D3", "E2:I2", "J2:J3", "A4:C4", "A5:C5", "A6:A25", "B6:C6", "B7:C7",
                         "B8:B15", "B16:B18", "B19:B23", "B24:C24", "B25:C25", "A26:C26"] {
            #expect(merges.contains(expected), "missing merge \(expected)")
        }
        #expect(merges.count == 16)
        #expect(t3.dataRows.count == 23)
        #expect(t3.dataRows.allSatisfy { $0.slots.count == 7 })
        #expect(t3.columnIDs == ["NP", "BIZ", "SCI", "NGO", "LAW", "OTH", "TOT"])
    }

    @Test func table4MergesAreTheSpecs() throws {
        let t4 = try #require(template.table("T4"))
        #expect(t4.layout.width == 15)
        #expect(t4.layout.height == 4)
        let merges = Set(t4.layout.merges.map(a1))
        for expected in ["A1:E1", "F1:O1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:J2", "K2:O2"] {
            #expect(merges.contains(expected), "missing merge \(expected)")
        }
        #expect(merges.count == 9)
        #expect(t4.dataRows.count == 1)
        #expect(t4.dataRows[0].codes.first == "RV_KEEP")
        #expect(t4.dataRows[0].codes.last == "LR_TOTAL")
    }

    @Test func table2LayoutIsTheSpecs() throws {
        let t2 = try #require(template.table("T2"))
        #expect(t2.layout.height == 18)
        let merges = Set(t2.layout.merges.map(a1))
        #expect(merges == ["A1:D1", "A5:D5", "A9:D9", "A13:D13", "A16:D16"])
        #expect(template.figure("PROC_AMOUNT")?.kind == .money)
        #expect(template.figure("PROC_AMOUNT")?.unit == "元")
        #expect(template.figure("FEE_DELTA")?.kind == .signed)
        #expect(template.figure("FEE_DELTA")?.columnLabel == "本年增/减")
        #expect(template.figure("DENY_3.TOT")?.rowPath == ["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"])
    }

    @Test func rulesExpand() {
        let ids = template.rules.map(\.id)
        #expect(ids.filter { $0 == "2019:R3.1" }.count == 7)
        #expect(ids.filter { $0 == "2019:R3.2" }.count == 23)
        #expect(ids.filter { $0 == "2019:R3.3" }.count == 7)
        #expect(ids.filter { $0 == "2019:R2.5" }.count == 5)
        let r33 = template.rules.first { $0.id == "2019:R3.3" }!
        #expect(r33.right.count == 19)
        #expect(r33.subjectCode == "RESULT_TOTAL.BIZ" || r33.subjectCode.hasPrefix("RESULT_TOTAL."))
        #expect(template.figures.count == 22 + 23 * 7 + 15 + 2)
    }
}
