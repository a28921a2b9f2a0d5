import Findings
import Foundation
import Submissions
import TestSupport
import Testing

/// Hostile and broken input through the submission reader: each gets one clear finding and
/// the other files are still read.
@Suite struct HostileSubmissionTests {
    static let form = """
        鲤城区教育局2020年政府信息公开工作年度报告,,,,
        填报单位：鲤城区教育局,,,,
        二、主动公开政府信息情况,,,,
        第二十条第（一）项,,,,
        信息内容,本年新制作数量,本年新公开数量,对外公开总数量,
        规章,3,0,0,

        """

    /// A row with thousands of values past its last column gives one finding, not thousands.
    @Test func extraValuesPastTheRowAreOneFinding() throws {
        let text = Self.form.replacingOccurrences(of: "规章,3,0,0,", with: "规章,3,0,0,," + Array(repeating: "7", count: 5_000).joined(separator: ","))
        let reader = SubmissionReader(template: try Fixture.template())
        let result = reader.read(bytes: Array(text.utf8), name: "多余.csv")
        let extra = result.submissions.flatMap(\.findings).filter { $0.code == .extraValue }.map { printed($0) }
        #expect(extra == [
            "多余.csv:6:6: 警告: [extra-value] 表二“规章”行的数据之外还有数值“7”，已忽略；该位置应为空\n    此后还有 4999 个多余数值（至第 5005 列），同样已忽略",
        ])
    }

    /// Bytes in memory read exactly like a file: broken ones become one `file-unreadable` finding.
    @Test func brokenBytesInMemory() throws {
        let reader = SubmissionReader(template: try Fixture.template())
        let resave = "请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。"
        let cases: [([UInt8], String)] = [
            ([], "x.csv: 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "x.csv: 这不是 CSV 文本文件，而是“XLSX 工作簿”。\(resave)"),
            (Array("规章,3\n".utf8) + [0] + Array("0,0\n".utf8), "x.csv: 这不是 CSV 文本文件，而是“二进制文件”。\(resave)"),
            (Array("规章,\"3,0,0\n规范性文件,0,0,0\n".utf8),
             "x.csv: 第 1 行开始的带引号字段直到文件末尾都没有结束（缺少配对的英文双引号 \"）。请检查该处引号是否成对，或在 Excel 或 WPS 中重新另存为 CSV 后提交。"),
            (Array(("a," + String(repeating: "x", count: 40_000) + "\n").utf8),
             "x.csv: 第 1 行第 2 列的单元格太长（超过 32767 个字符，即 Excel 单元格的上限），不像是填报的表格。请确认选对了文件，并检查该处英文双引号 \" 是否成对。"),
        ]
        for (bytes, message) in cases {
            let result = reader.read(bytes: bytes, name: "x.csv")
            #expect(result.submissions.isEmpty, "\(message)")
            #expect(result.files.map(\.kind) == [.unreadable], "\(message)")
            #expect(result.fileFindings.map { printed($0) } == ["x.csv: 错误: [file-unreadable] 无法读取：\(message)"])
        }
    }

    /// A folder where some files cannot be read: those are named, the others are read.
    @Test func folderWithUnreadableFilesReadsTheRest() throws {
        let folder = Paths.uniqueTemporaryFile("收件箱")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for n in 0..<30 {
            let unit = "单位\(n)"
            try Data(Self.form.replacingOccurrences(of: "鲤城区教育局", with: unit).utf8)
                .write(to: folder.appendingPathComponent("\(unit).csv"))
        }
        try Data().write(to: folder.appendingPathComponent("单位3.csv"))
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: folder.appendingPathComponent("单位7.csv"))
        let result = SubmissionReader(template: try Fixture.template()).read(inputs: [folder.path])
        #expect(result.submissions.count == 28)
        let unreadable = result.fileFindings.filter { $0.code == .fileUnreadable }.compactMap { $0.location?.file }
        #expect(unreadable.map { URL(fileURLWithPath: $0).lastPathComponent } == ["单位3.csv", "单位7.csv"])
    }

    /// A file over 16 MiB is read after the others, one at a time, yet keeps its place in path order.
    @Test func largeFileKeepsItsPlace() throws {
        let folder = Paths.uniqueTemporaryFile("大文件")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for unit in ["甲", "丙"] {
            try Data(Self.form.replacingOccurrences(of: "鲤城区教育局", with: unit).utf8).write(to: folder.appendingPathComponent("\(unit).csv"))
        }
        try Data(repeating: UInt8(ascii: "x"), count: 17 << 20).write(to: folder.appendingPathComponent("乙.csv"))
        let result = SubmissionReader(template: try Fixture.template()).read(inputs: [folder.path])
        #expect(result.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["丙.csv", "乙.csv", "甲.csv"])
        #expect(result.files.map(\.kind) == [.form, .unreadable, .form])
        #expect(result.fileFindings.map { $0.message }.first?.contains("第 1 行第 1 列的单元格太长") == true)
    }
}
