import ArgumentParser
import Foundation

/// The version shown by `--version` and written into every workbook's 说明 sheet.
public enum NianbaoVersion {
    public static let current = "0.1.0"
    public static var generator: String { "nianbao \(current)" }
}

/// The exit status, decided once at the end of a command (PRODUCT.md): 0 when nothing
/// is wrong (warnings alone), 1 when the output was written but an error remains, 2 when
/// no input could be read or the command itself was wrong.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case findings = 1
    case failure = 2
}

/// The root command: `nianbao merge|check …`.
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "政府信息公开工作年度报告汇总工具（annual report on government information disclosure）。",
        discussion: """
            读取各单位报送的 CSV（填报表格或长表），识别统一格式的表二、表三、表四，精确汇总为分组小计和全区合计，\
            逐条核对勾稽关系，生成可供审核签发的 XLSX 工作簿。

            常用：
              nianbao merge 报送文件夹/ --units units.csv --year 2020 -o 汇总.xlsx
              nianbao check 某单位.csv --year 2020
              nianbao convert 名单.csv -o 名单.xlsx      （任意 CSV 转为整洁的 XLSX；--text 全部按文本）

            退出状态（exit status）：0 无错误（仅有警告也为 0）；1 已生成工作簿但仍有错误或缺报；2 没有可读取的输入或命令有误。
            """,
        version: NianbaoVersion.current,
        subcommands: [MergeCommand.self, CheckCommand.self, ConvertCommand.self]
    )
}

/// Runs a command line in-process and returns its exit status, so that tests can drive
/// the CLI without a subprocess; `main.swift` only calls this.
public enum NianbaoMain {
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try Nianbao.parseAsRoot(arguments)
            if var runnable = command as? StatusCommand {
                return runnable.runWithStatus().rawValue
            }
            try command.run()
            return ExitStatus.success.rawValue
        } catch {
            let code = Nianbao.exitCode(for: error)
            let message = Nianbao.fullMessage(for: error)
            if code == .success {
                // --help, --version
                print(message)
                return ExitStatus.success.rawValue
            }
            // argument-parser exits 64 on usage errors; the product promises 2.
            Diagnostics.printError(message)
            Diagnostics.printError("命令有误。运行 nianbao help 或 nianbao help merge 查看用法。")
            return ExitStatus.failure.rawValue
        }
    }

    public static func exit(_ status: Int32) -> Never {
        fflush(nil)  // all streams: stdout is a C global Swift 6 will not touch
        Foundation.exit(status)
    }
}

/// A command that decides its own exit status instead of throwing.
protocol StatusCommand {
    mutating func runWithStatus() -> ExitStatus
}
