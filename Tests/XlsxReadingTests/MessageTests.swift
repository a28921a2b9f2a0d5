import Testing
import XlsxReading

/// Every message text, pinned.
@Suite struct MessageTests {
    @Test func cannotOpen() {
        #expect(XlsxReadError.cannotOpen(path: "上年汇总.xlsx", reason: "没有读取权限").description
            == "上年汇总.xlsx: 无法打开（没有读取权限）。请检查文件路径和读取权限。")
    }

    @Test func notAnXlsx() {
        #expect(XlsxReadError.notAnXlsx(path: "上年汇总.xlsx").description
            == "上年汇总.xlsx: 不是 XLSX 工作簿（可能是改了扩展名的 CSV 或旧版 .xls）。请在 Excel 或 WPS 中另存为 .xlsx 后重试。")
    }

    @Test func missingSheet() {
        #expect(XlsxReadError.missingSheet(path: "上年汇总.xlsx", name: "明细", available: ["汇总"]).description
            == "上年汇总.xlsx: 找不到工作表“明细”。工作簿中的工作表：“汇总”。")
        #expect(XlsxReadError.missingSheet(path: "上年汇总.xlsx", name: "明细", available: []).description
            == "上年汇总.xlsx: 找不到工作表“明细”，工作簿中没有任何工作表。")
    }

    @Test func damaged() {
        #expect(XlsxReadError.damaged(path: "上年汇总.xlsx", part: "xl/workbook.xml", reason: "缺少此部件").description
            == "上年汇总.xlsx: 文件已损坏，无法读取（xl/workbook.xml：缺少此部件）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。")
        #expect(XlsxReadError.damaged(path: "上年汇总.xlsx", part: "", reason: "ZIP 目录损坏").description
            == "上年汇总.xlsx: 文件已损坏，无法读取（ZIP 目录损坏）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。")
    }

    @Test func tooLarge() {
        #expect(XlsxReadError.tooLarge(path: "上年汇总.xlsx", part: "xl/worksheets/sheet1.xml", limit: 20_000_000).description
            == "上年汇总.xlsx: xl/worksheets/sheet1.xml 解压后的大小或单元格数超出上限 20000000，可能是损坏或恶意构造的文件，已停止读取。")
    }

    @Test func defaultLimits() {
        #expect(XlsxReadLimits() == XlsxReadLimits(maxUncompressedPartBytes: 268_435_456, maxCells: 20_000_000))
    }

    @Test func cellPositionsPrintAsA1() {
        #expect(XlsxCellPosition(row: 0, column: 0).description == "A1")
        #expect(XlsxCellPosition(row: 1_048_575, column: 16_383).description == "XFD1048576")
        #expect(XlsxCellPosition(row: 9, column: 26).description == "AA10")
    }
}
