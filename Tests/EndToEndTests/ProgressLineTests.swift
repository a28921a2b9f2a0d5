import Foundation
import Testing
import TestSupport

/// The progress line: on a terminal it shows what a long job is doing and is gone before
/// the findings are printed; anywhere else nothing of it is written.
@Suite struct ProgressLineTests {
    static let check = ["check", Nianbao.example, "--units", "\(Nianbao.example)/units.csv", "--year", "2020"]

    static func environment(after seconds: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = Nianbao.epoch
        environment["NO_COLOR"] = "1"
        environment["NIANBAO_PROGRESS_AFTER"] = seconds
        return environment
    }

    /// The example's files 16 times over, in subfolders: enough work for the line to show.
    /// Returns the folder and its number of files.
    static func largeFolder() throws -> (URL, Int) {
        let folder = Paths.uniqueTemporaryFile("收件箱")
        let example = Paths.packageRoot.appendingPathComponent(Nianbao.example)
        let files = try FileManager.default.contentsOfDirectory(atPath: example.path).filter { $0.hasSuffix(".csv") && $0 != "units.csv" }
        for copy in 1...16 {
            let sub = folder.appendingPathComponent("第\(copy)批")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            for file in files {
                try FileManager.default.copyItem(at: example.appendingPathComponent(file), to: sub.appendingPathComponent(file))
            }
        }
        return (folder, files.count * 16)
    }

    @Test func aTerminalSeesTheLineAndItIsClearedBeforeTheFindings() throws {
        let (folder, count) = try Self.largeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runOnTerminal(Nianbao.binary, ["check", folder.path, "--year", "2020"],
                                    environment: Self.environment(after: "0"))
        #expect(run.status == 1, "the copies are duplicates, and the example has one error")
        let terminal = run.terminal
        #expect(terminal.contains("\r读取文件 "), "\(terminal.prefix(300).debugDescription)")
        #expect(terminal.contains("/\(count)\u{1B}[K"), "files counted out of the folder's \(count)")
        // The line is cleared before the first finding, which starts on a clean line.
        let firstFinding = try #require(terminal.range(of: folder.path))
        let beforeFindings = terminal[..<firstFinding.lowerBound]
        #expect(beforeFindings.hasSuffix("\r\u{1B}[K"), "\(beforeFindings.suffix(80).debugDescription)")
        #expect(!terminal[firstFinding.lowerBound...].contains("\u{1B}[K"), "no progress after the findings")
        #expect(run.stdout.contains("读取 \(count) 个文件"))
    }

    @Test func mergeClearsTheLineBeforeItsSummary() throws {
        let (folder, _) = try Self.largeFolder()
        let output = Paths.uniqueTemporaryFile("进度.xlsx")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: output)
        }
        let run = try runOnTerminal(Nianbao.binary, ["merge", folder.path, "--year", "2020", "-o", output.path],
                                    environment: Self.environment(after: "0"))
        #expect(run.status == 1)
        #expect(run.terminal.contains("\r读取文件 "), "\(run.terminal.prefix(300).debugDescription)")
        #expect(run.terminal.hasSuffix("\r\u{1B}[K") || run.terminal.contains("\r\u{1B}[K" + folder.path),
                "the line is cleared before the findings")
        #expect(run.stdout.contains("工作簿已写入"))
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test func convertCountsRowsOnATerminal() throws {
        let input = Paths.uniqueTemporaryFile("名单.csv")
        let output = Paths.uniqueTemporaryFile("名单.xlsx")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        let rows = (1...50_000).map { "单位\($0),\($0)" }
        try Data((["单位,件数"] + rows).joined(separator: "\n").utf8).write(to: input)
        let run = try runOnTerminal(Nianbao.binary, ["convert", input.path, "-o", output.path],
                                    environment: Self.environment(after: "0"))
        #expect(run.status == 0)
        #expect(run.terminal.contains("\r写出行 ") || run.terminal.contains("\r压缩写出工作簿"),
                "\(run.terminal.prefix(300).debugDescription)")
        #expect(run.stdout.contains("数据 50000 行"))
    }

    @Test func aShortJobOnATerminalShowsNothing() throws {
        let run = try runOnTerminal(Nianbao.binary, Self.check, environment: Self.environment(after: "60"),
                                    currentDirectory: Paths.packageRoot)
        #expect(run.status == 1)
        #expect(!run.terminal.contains("读取文件"))
        #expect(!run.terminal.contains("\u{1B}[K"))
    }

    @Test func nothingOfItReachesAPipe() throws {
        let run = try Nianbao.run(Self.check, environment: ["NIANBAO_PROGRESS_AFTER": "0"])
        #expect(run.status == 1)
        for text in ["\r", "\u{1B}[K", "读取文件", "审核单位"] {
            #expect(!run.stderr.contains(text) && !run.stdout.contains(text), "\(text.debugDescription) written to a pipe")
        }
    }
}
