import Foundation
import Testing
import TestSupport

/// The command line as a clerk meets it: help, exit statuses, bad input, and outputs that
/// are never half-written and never overwrite an input.
@Suite struct CommandLineTests {
    @Test func helpIsInChineseWithTheEnglishWords() throws {
        let root = try Nianbao.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("政府信息公开工作年度报告汇总工具"))
        #expect(root.stdout.contains("merge"))
        let merge = try Nianbao.run(["help", "merge"])
        #expect(merge.status == 0)
        #expect(merge.stdout.contains("名册（roster）"))
        #expect(merge.stdout.contains("output workbook"))
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try Nianbao.run(["merge", "--no-such-option"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("命令有误"))
        let noOutput = try Nianbao.run(["merge", Nianbao.example])
        #expect(noOutput.status == 2)
    }

    @Test func nothingReadableExitsTwoAndWritesNothing() throws {
        let folder = Paths.uniqueTemporaryFile("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("空文件.csv"))
        try Data("PK\u{3}\u{4}rest".utf8).write(to: folder.appendingPathComponent("工作簿.csv"))
        let output = folder.deletingLastPathComponent().appendingPathComponent("out.xlsx")
        let run = try Nianbao.run(["merge", folder.path, "--year", "2020", "-o", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("空文件.csv: 文件是空的"))
        #expect(run.stderr.contains("工作簿.csv: 这不是 CSV 文本文件，而是“XLSX 工作簿”"))
        #expect(run.stderr.contains("没有读到任何单位的数据"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted() == ["in"])
    }

    @Test func anInputIsNeverOverwritten() throws {
        let folder = Paths.uniqueTemporaryFile("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("鲤城区发改局.csv")
        try FileManager.default.copyItem(at: Paths.packageRoot.appendingPathComponent("\(Nianbao.example)/鲤城区发改局.csv"), to: input)
        let before = try Data(contentsOf: input)
        let run = try Nianbao.run(["merge", input.path, "--year", "2020", "-o", input.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("是输入文件之一，不能覆盖输入"))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func outputFolderMustExist() throws {
        let run = try Nianbao.run(["merge", Nianbao.example, "--year", "2020", "-o", "/nonexistent-folder/out.xlsx"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("输出文件夹 /nonexistent-folder 不存在"))
    }

    @Test func unreadableRosterExitsTwo() throws {
        let output = Paths.uniqueTemporaryFile("out.xlsx")
        let run = try Nianbao.run(["merge", Nianbao.example, "--units", "no-such-units.csv", "--year", "2020", "-o", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-units.csv: 无法打开文件（文件不存在）"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func checkOneGoodFileExitsZero() throws {
        let run = try Nianbao.run(["check", "\(Nianbao.example)/鲤城区发改局.csv", "--year", "2020"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == "读取 1 个文件（1 个可读），汇总 1 个单位，2020 年度，2019 格式；未发现问题。\n")
    }

    @Test func checkTheFileWithTheMistakeNamesTheCell() throws {
        let run = try Nianbao.run(["check", "\(Nianbao.example)/鲤城区住建局.csv", "--year", "2020"])
        #expect(run.status == 1)
        #expect(run.stderr == """
            examples/licheng-2020/鲤城区住建局.csv:16:3: 错误: [rule-failed] 鲤城区住建局：表二“行政事业性收费”行“本年增/减”列：\
            上一年项目数量加本年增/减后不能为负数。1 + (-3) < 0，左边 -2，右边 0，相差 -2（规则 2019:R2.5）

            """)
    }

    @Test func yearComesFromTheFilesWhenNotGiven() throws {
        let run = try Nianbao.run(["check", "\(Nianbao.example)/鲤城区人民政府.csv"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2020 年度"))
    }

    @Test func aFileOfLastYearIsAYearMismatch() throws {
        let run = try Nianbao.run(["check", "\(Nianbao.example)/鲤城区人民政府.csv", "--year", "2019"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[year-mismatch] 鲤城区人民政府：文件填写的年度是 2020 年，本次汇总的是 2019 年"))
    }
}
