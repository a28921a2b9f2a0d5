/// Why a workbook could not be read. Every case names the file; `description` is one line
/// of Chinese for the clerk who picked the file, saying what to do next.
///
/// All texts of this module, including the `reason` strings, live in this file.
public enum XlsxReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing, is a folder or special file, or cannot be read.
    case cannotOpen(path: String, reason: String)
    /// Not a ZIP package, or a ZIP without a workbook part: a CSV renamed `.xlsx`, an old
    /// `.xls`, a `.docx`, an encrypted workbook (stored as an OLE2 file).
    case notAnXlsx(path: String)
    /// No sheet has this name; `available` lists the workbook's sheets in order.
    case missingSheet(path: String, name: String, available: [String])
    /// The package is broken: bad XML, a bad relationship, a missing or corrupt part.
    /// `part` is the ZIP member (empty when the ZIP itself is broken).
    case damaged(path: String, part: String, reason: String)
    /// A part inflates to more than `XlsxReadLimits.maxUncompressedPartBytes` (limit in
    /// bytes), or a sheet holds more than `XlsxReadLimits.maxCells` cells (limit in cells).
    case tooLarge(path: String, part: String, limit: Int)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): 无法打开（\(reason)）。请检查文件路径和读取权限。"
        case let .notAnXlsx(path):
            return "\(path): 不是 XLSX 工作簿（可能是改了扩展名的 CSV 或旧版 .xls）。请在 Excel 或 WPS 中另存为 .xlsx 后重试。"
        case let .missingSheet(path, name, available):
            if available.isEmpty {
                return "\(path): 找不到工作表“\(name)”，工作簿中没有任何工作表。"
            }
            let list = available.map { "“\($0)”" }.joined(separator: "、")
            return "\(path): 找不到工作表“\(name)”。工作簿中的工作表：\(list)。"
        case let .damaged(path, part, reason):
            let place = part.isEmpty ? reason : "\(part)：\(reason)"
            return "\(path): 文件已损坏，无法读取（\(place)）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。"
        case let .tooLarge(path, part, limit):
            return "\(path): \(part) 解压后的大小或单元格数超出上限 \(limit)，可能是损坏或恶意构造的文件，已停止读取。"
        }
    }
}

/// The `reason` texts inside `XlsxReadError`, kept beside the messages they end up in.
enum Reason {
    // cannotOpen
    static let fileMissing = "文件不存在"
    static let isFolder = "这是一个文件夹，不是文件"
    static let notRegularFile = "不是普通文件"
    static let notReadable = "没有读取权限"
    static func readFailed(_ detail: String) -> String { "读取失败：\(detail)" }

    // damaged: the ZIP container
    static let zipTruncated = "ZIP 目录缺失，文件不完整（可能下载或复制时中断）"
    static let zipDirectoryBroken = "ZIP 目录损坏"
    static let localHeaderBroken = "ZIP 条目头损坏"
    static let dataOutOfFile = "压缩数据超出文件末尾，文件不完整"
    static let encrypted = "部件已加密"
    static func unsupportedMethod(_ method: UInt16) -> String { "不支持的压缩方式 \(method)" }
    static let compressedDataBroken = "压缩数据损坏"
    static let compressedDataIncomplete = "压缩数据不完整"
    static let sizeMismatch = "解压后的大小与 ZIP 目录记录不符"
    static let checksumMismatch = "校验和不符"

    // damaged: the package structure
    static let partMissing = "缺少此部件"
    static func relationshipMissing(sheet: String, id: String) -> String {
        "工作表“\(sheet)”指向的关系 \(id) 不存在"
    }
    static func relationshipExternal(sheet: String) -> String { "工作表“\(sheet)”指向外部文件" }
    static func badTarget(_ target: String) -> String { "关系目标“\(target)”无效" }

    // damaged: XML
    static func xmlSyntax(line: Int, column: Int) -> String { "XML 格式错误（第 \(line) 行第 \(column) 列）" }
    static let xmlIncomplete = "XML 不完整（缺少结束标记）"
    static let xmlDoctype = "XML 含有 DTD 声明，为安全起见拒绝读取"
    static let xmlEncoding = "XML 不是 UTF-8 编码"
    static let xmlInvalidUTF8 = "XML 含有无效的 UTF-8 字节"
    static let xmlProcessingInstruction = "XML 含有处理指令（<?…?>），为安全起见拒绝读取"
    static func missingAttribute(element: String, attribute: String) -> String {
        "元素 <\(element)> 缺少属性 \(attribute)"
    }
    static func badRowNumber(_ text: String) -> String { "行号“\(text)”无效" }
    static func badCellReference(_ text: String) -> String { "单元格位置“\(text)”无效" }
    static func cellOutsideSheet(row: Int, column: Int) -> String {
        "单元格（第 \(row + 1) 行第 \(column + 1) 列）超出工作表范围"
    }
    static func sharedStringIndex(cell: String, text: String, count: Int) -> String {
        "单元格 \(cell) 的共享字符串编号“\(text)”超出范围（共 \(count) 个）"
    }
    static func badBoolean(cell: String, text: String) -> String { "单元格 \(cell) 的逻辑值“\(text)”无效" }
}
