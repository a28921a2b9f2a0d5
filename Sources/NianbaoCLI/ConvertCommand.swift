import ArgumentParser
import CSVReading
import Conversion
import Foundation

/// `nianbao convert IN.csv -o OUT.xlsx`: any CSV to one clean sheet, streaming.
struct ConvertCommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "把任意 CSV 文件转换为 XLSX 工作簿（convert any CSV to an XLSX sheet）。",
        discussion: """
            自动识别编码（UTF-8、带 BOM 的 UTF-8、GB18030/GBK、UTF-16）和分隔符（逗号、制表符、分号），\
            边读边写，文件再大内存也不会增加。第一行作为表头（加粗、冻结）；列宽按内容（中文按两个字符宽）自动调整；\
            超过 Excel 的 1048576 行时接着写到下一个工作表（表头重复）。

            默认只把明确无误的数字写成数值（number）：不带前导零、不超过 15 位、只含负号和小数点，\
            如 42、-12.5；身份证号、007 这样的编号、0595-22355663 这样的电话、日期、带千分位的数都原样保留为文本。\
            --text 则把每个字段都按读到的原样写成文本。以 = + - @ 开头的内容一律是文本，绝不会变成公式（formula）。

            超过 Excel 单元格上限 32767 个字符的字段只写入前 32767 个字符，用红色底纹和批注标出，并逐个列出；\
            此时退出状态为 1。

            例：nianbao convert 身份证号名单.csv -o 名单.xlsx --text
            """
    )

    @Argument(help: ArgumentHelp("要转换的 CSV 文件（input CSV）。", valueName: "IN.csv"))
    var input: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("要写出的工作簿（output workbook），如 名单.xlsx；不会覆盖输入文件。", valueName: "OUT.xlsx"))
    var output: String

    @Flag(name: .long, help: ArgumentHelp("每个字段都按原样写成文本（every field as text, exactly as read），不做任何数字转换；适合身份证号、编码等名单。"))
    var text = false

    @Option(name: .long, help: ArgumentHelp("字段分隔符（delimiter）：, 或 tab 或 ;（也可写 comma、semicolon、逗号、制表符、分号）；默认自动识别。", valueName: ",|tab|;"))
    var delimiter: String?

    @Flag(name: .customLong("no-header"), help: ArgumentHelp("第一行不是表头（no header row）：不加粗、不冻结，按普通数据转换。"))
    var noHeader = false

    @Option(name: .long, help: ArgumentHelp("工作表名称（sheet name），最多 31 个字符，不能含 [ ] : * ? / \\；默认用输入文件名。", valueName: "名称"))
    var sheet: String?

    /// `,` `tab` `;` and their names, or any other single ASCII character that can separate
    /// fields (not `"`, a line break or NUL), as the delimiter byte.
    static func delimiterByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma", "逗号", "，": return UInt8(ascii: ",")
        case "tab", "\t", "\\t", "制表符": return UInt8(ascii: "\t")
        case ";", "semicolon", "分号", "；": return UInt8(ascii: ";")
        default:
            let bytes = Array(text.utf8)
            guard bytes.count == 1, CSVReader.isUsableDelimiter(bytes[0]) else { return nil }
            return bytes[0]
        }
    }

    func validate() throws {
        if let delimiter, Self.delimiterByte(delimiter) == nil {
            throw ValidationError("不能用“\(delimiter)”作分隔符（unknown delimiter）：请写 , 或 tab 或 ;（或其他一个英文字符，引号和换行除外）。")
        }
        if let sheet, sheet.isEmpty {
            throw ValidationError("工作表名称（--sheet）不能为空。")
        }
    }

    mutating func run() throws {
        throw ExitCode(runWithStatus().rawValue)
    }

    mutating func runWithStatus() -> ExitStatus {
        let destination = AtomicOutput(destination: output)
        do {
            try destination.validate(against: [input])
        } catch {
            Diagnostics.printError(error.description)
            return .failure
        }
        let progress = ProgressLine()
        defer { progress.stop() }
        let options = CSVConverter.Options(
            text: text, header: !noHeader, delimiter: delimiter.flatMap(Self.delimiterByte),
            sheetName: sheet, created: Self.creationEpoch(input: input), progress: progress.counter)
        var result: ConversionSummary?
        do {
            try destination.write { temporary in
                result = try CSVConverter(options: options).convert(input: input, output: temporary)
            }
        } catch let error as ConversionError {
            switch error {
            case .read(let readError):
                Diagnostics.printError(readError.description)
            case .write(let writeError):
                Diagnostics.printError("无法写出工作簿 \(output)：\(writeError)")
            }
            return .failure
        } catch {
            Diagnostics.printError("无法写出工作簿 \(output)：\(error)")
            return .failure
        }
        guard let summary = result else { return .failure }
        progress.stop()
        let colour = Diagnostics.useColour
        let severity = colour ? "\u{1B}[1;31m错误\u{1B}[0m" : "错误"
        for problem in summary.problems {
            Diagnostics.printError("\(input):\(problem.line):\(problem.column): \(severity): [\(problem.code.rawValue)] \(problem.message)")
        }
        if summary.problemCount > summary.problems.count {
            Diagnostics.printError("\(input): 另有 \(summary.problemCount - summary.problems.count) 处同类问题未逐一列出。")
        }
        print(Self.summaryLine(summary, input: input, output: output))
        return summary.problemCount > 0 ? .findings : .success
    }

    /// `已写出 名单.xlsx：数据 1000 行（另有表头 1 行）× 8 列，1 个工作表（名单）；编码 UTF-8，分隔符 逗号。`
    static func summaryLine(_ summary: ConversionSummary, input: String, output: String) -> String {
        let header = summary.headerRows > 0 ? "（另有表头 \(summary.headerRows) 行）" : ""
        let sheets = summary.sheetNames.joined(separator: "、")
        var line = "已写出 \(output)：数据 \(summary.dataRows) 行\(header) × \(summary.columns) 列，"
            + "\(summary.sheetNames.count) 个工作表（\(sheets)）；编码 \(summary.encoding.displayName)，分隔符 \(summary.delimiterName)。"
        if summary.problemCount > 0 {
            line += "有 \(summary.problemCount) 处问题，见上。"
        }
        return line
    }

    /// `SOURCE_DATE_EPOCH`, else the input's modification time: the same CSV gives the same
    /// workbook, byte for byte.
    static func creationEpoch(input: String) -> Int? {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let epoch = Int(text), epoch > 0 {
            return epoch
        }
        var info = stat()
        guard stat(input, &info) == 0, info.st_mtim.tv_sec > 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }
}
