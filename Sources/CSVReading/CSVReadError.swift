#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a CSV file could not be read. Thrown by `CSVReader`; `description` is the one-line
/// Chinese message shown to the clerk. Every message text lives in `description` below.
public enum CSVReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read: not found, permission denied, a folder, an I/O error.
    /// `reason` is a short Chinese phrase such as `文件不存在`.
    case cannotOpen(path: String, reason: String)
    /// The file has no content: zero bytes, only a byte order mark, or only whitespace.
    case empty(path: String)
    /// The file is not text. `kind` names what it is: `XLSX 工作簿`, `旧版 Excel（.xls）文件` or `二进制文件`.
    case notText(path: String, kind: String)
    /// Neither strict UTF-8 nor GB18030 (nor the UTF-16 its byte order mark announces) decodes
    /// the file. `byteOffset` is 0-based; the message shows it 1-based.
    case invalidEncoding(path: String, byteOffset: Int)
    /// The file is larger than the limit passed to `CSVReader.read(path:delimiter:sizeLimit:)`.
    case tooLarge(path: String, byteCount: Int, limit: Int)
    /// A quoted field opened on `line` (1-based) is still open at the end of the file.
    case unterminatedQuote(path: String, line: Int)
    /// A field (starting on `line`, in 1-based `column`) longer than `limit` characters,
    /// Excel's cell limit (`CSVReader.maxFieldCharacters`): no spreadsheet saved it.
    case fieldTooLong(path: String, line: Int, column: Int, limit: Int)
    /// More than `limit` fields in the file (a blank line counts as one), the limit passed
    /// as `cellLimit`; `line` is where the limit was passed. Keeps memory bounded.
    case tooManyCells(path: String, line: Int, limit: Int)

    /// The file the error is about, as it was given to the reader.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .empty(let path), .notText(let path, _),
             .invalidEncoding(let path, _), .tooLarge(let path, _, _), .unterminatedQuote(let path, _),
             .fieldTooLong(let path, _, _, _), .tooManyCells(let path, _, _):
            path
        }
    }

    /// One line of Chinese for the clerk: the file, what is wrong, what is expected.
    public var description: String {
        let resave = "请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。"
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): 无法打开文件（\(reason)）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"
        case .empty(let path):
            return "\(path): 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。"
        case .notText(let path, let kind):
            return "\(path): 这不是 CSV 文本文件，而是“\(kind)”。\(resave)"
        case .invalidEncoding(let path, let byteOffset):
            return "\(path): 无法识别文件编码（第 \(byteOffset + 1) 字节起既不是 UTF-8 也不是 GB18030）。\(resave)"
        case .tooLarge(let path, let byteCount, let limit):
            return "\(path): 文件太大（\(Self.size(byteCount))，上限为 \(Self.size(limit))）。请确认选对了文件，或把数据拆成几个较小的文件分别提交。"
        case .unterminatedQuote(let path, let line):
            return "\(path): 第 \(line) 行开始的带引号字段直到文件末尾都没有结束（缺少配对的英文双引号 \"）。请检查该处引号是否成对，或在 Excel 或 WPS 中重新另存为 CSV 后提交。"
        case .fieldTooLong(let path, let line, let column, let limit):
            return "\(path): 第 \(line) 行第 \(column) 列的单元格太长（超过 \(limit) 个字符，即 Excel 单元格的上限），不像是填报的表格。请确认选对了文件，并检查该处英文双引号 \" 是否成对。"
        case .tooManyCells(let path, let line, let limit):
            return "\(path): 单元格太多（到第 \(line) 行已超过 \(limit) 个），不像是填报的表格或长表。请确认选对了文件，或把数据拆成几个较小的文件分别提交。"
        }
    }

    /// The `kind` of `.notText` for a file that starts with a ZIP header (PK 03 04).
    public static let kindXLSX = "XLSX 工作簿"
    /// The `kind` of `.notText` for an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1).
    public static let kindXLS = "旧版 Excel（.xls）文件"
    /// The `kind` of `.notText` for NUL bytes or mostly control bytes.
    public static let kindBinary = "二进制文件"

    /// The `reason` of `.cannotOpen` for an `errno` from open/fstat/read: a short Chinese
    /// phrase; unknown errors keep the system's text and number.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "文件不存在"
        case ENOTDIR: "路径中的某一级不是文件夹"
        case EACCES, EPERM: "没有读取权限"
        case EISDIR: "这是一个文件夹，不是文件"
        case ENAMETOOLONG: "文件路径太长"
        default: "系统错误 \(code)：\(String(cString: strerror(code)))"
        }
    }

    /// The `reason` of `.cannotOpen` when iconv has no GB18030 converter (glibc's gconv
    /// modules are missing): an installation problem, not a problem of the file.
    static let reasonNoGB18030Converter = "本机缺少 GB18030 编码转换组件（iconv），无法读取非 UTF-8 文件"

    /// `812 字节`, `3.5 KB`, `600.0 MB`, `1.5 GB` (binary units, one decimal, rounded down).
    static func size(_ bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (scale, name) in units where bytes >= scale {
            let tenths = (bytes / scale) * 10 + (bytes % scale) * 10 / scale
            return "\(tenths / 10).\(tenths % 10) \(name)"
        }
        return "\(bytes) 字节"
    }
}
