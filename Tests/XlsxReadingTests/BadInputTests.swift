import Foundation
import Testing
import TestSupport
import XlsxReading

/// Files a clerk might pick by mistake: each gives one exact message.
@Suite struct BadInputTests {
    @Test func missingFile() throws {
        let path = Paths.uniqueTemporaryFile("上年汇总.xlsx").path
        let error = readError(path)
        #expect(error == .cannotOpen(path: path, reason: "文件不存在"))
        #expect(error?.description == "\(path): 无法打开（文件不存在）。请检查文件路径和读取权限。")
    }

    @Test func aFolder() throws {
        let path = Paths.uniqueTemporaryFile("上年汇总.xlsx").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = readError(path)
        #expect(error == .cannotOpen(path: path, reason: "这是一个文件夹，不是文件"))
        #expect(error?.description == "\(path): 无法打开（这是一个文件夹，不是文件）。请检查文件路径和读取权限。")
    }

    @Test func aDeviceIsNotARegularFile() {
        #expect(readError("/dev/null")?.description == "/dev/null: 无法打开（不是普通文件）。请检查文件路径和读取权限。")
    }

    @Test func symbolicLinksAreFollowed() throws {
        let link = Paths.uniqueTemporaryFile("链接.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Reference.path("simple01.xlsx"))
        #expect(try XlsxWorkbookReader(path: link).sheetNames == ["Sheet1"])
        let broken = Paths.uniqueTemporaryFile("断开.xlsx").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "/nonexistent/x.xlsx")
        #expect(readError(broken) == .cannotOpen(path: broken, reason: "文件不存在"))
    }

    @Test(.enabled(if: geteuid() != 0, "root can read any file"))
    func noReadPermission() throws {
        let path = try writeFile(Data("x".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o200], ofItemAtPath: path)
        #expect(readError(path) == .cannotOpen(path: path, reason: "没有读取权限"))
    }

    @Test func csvRenamedToXlsx() throws {
        let path = try writeFile(Data("单位,金额\n海淀,35692694.56\n".utf8), named: "上年汇总.xlsx")
        let error = readError(path)
        #expect(error == .notAnXlsx(path: path))
        #expect(error?.description
            == "\(path): 不是 XLSX 工作簿（可能是改了扩展名的 CSV 或旧版 .xls）。请在 Excel 或 WPS 中另存为 .xlsx 后重试。")
    }

    @Test func oldXlsAndEmptyFile() throws {
        let xls = try writeFile(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
        #expect(readError(xls) == .notAnXlsx(path: xls))
        let empty = try writeFile(Data())
        #expect(readError(empty) == .notAnXlsx(path: empty))
    }

    @Test func zipWithoutWorkbookPart() throws {
        var zip = TestZip()
        zip.add("readme.txt", "不是工作簿")
        let path = try writeFile(zip.build())
        #expect(readError(path) == .notAnXlsx(path: path))
    }

    @Test func wordDocumentIsNotAWorkbook() throws {
        var zip = TestZip()
        zip.add("_rels/.rels", #"<Relationships xmlns="\#(Package.pkgNS)"><Relationship Id="rId1" Type="\#(Package.relNS)/officeDocument" Target="word/document.xml"/></Relationships>"#)
        zip.add("word/document.xml", #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#)
        let path = try writeFile(zip.build(), named: "报告.docx")
        #expect(readError(path) == .notAnXlsx(path: path))
    }

    @Test func truncatedWorkbook() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Reference.path("simple01.xlsx")))
        let path = try writeFile(whole.prefix(whole.count / 2))
        let error = readError(path)
        #expect(error == .damaged(path: path, part: "", reason: "ZIP 目录缺失，文件不完整（可能下载或复制时中断）"))
        #expect(error?.description
            == "\(path): 文件已损坏，无法读取（ZIP 目录缺失，文件不完整（可能下载或复制时中断））。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。")
    }

    @Test func missingSheetListsTheAvailableOnes() throws {
        let path = try writeWorkbook { workbook in
            _ = try workbook.addWorksheet(named: "封面")
            _ = try workbook.addWorksheet(named: "汇总")
        }
        let reader = try XlsxWorkbookReader(path: path)
        #expect(throws: XlsxReadError.missingSheet(path: path, name: "明细", available: ["封面", "汇总"])) {
            try reader.sheet(named: "明细")
        }
        let message = XlsxReadError.missingSheet(path: path, name: "明细", available: ["封面", "汇总"]).description
        #expect(message == "\(path): 找不到工作表“明细”。工作簿中的工作表：“封面”、“汇总”。")
    }

    @Test func partOverTheSizeLimit() throws {
        let path = Reference.path("simple01.xlsx")
        let error = readError(path, limits: XlsxReadLimits(maxUncompressedPartBytes: 100))
        #expect(error == .tooLarge(path: path, part: "_rels/.rels", limit: 100))
        #expect(error?.description
            == "\(path): _rels/.rels 解压后的大小或单元格数超出上限 100，可能是损坏或恶意构造的文件，已停止读取。")
    }

    @Test func sheetOverTheCellLimit() throws {
        let path = Reference.path("quote_name04.xlsx")  // 15 cells
        #expect(readError(path, limits: XlsxReadLimits(maxCells: 15)) == nil)
        #expect(readError(path, limits: XlsxReadLimits(maxCells: 14))
            == .tooLarge(path: path, part: "xl/worksheets/sheet1.xml", limit: 14))
    }
}
