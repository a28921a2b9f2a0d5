import CSVReading
import XlsxWriter

/// A cell that could not be written as it was read. The workbook is still written; the
/// problem is reported to the clerk and makes `nianbao convert` exit with status 1.
public struct ConversionProblem: Sendable, Equatable, CustomStringConvertible {
    /// Stable codes, as for findings (STYLE.md §2).
    public enum Code: String, Sendable {
        /// A field longer than Excel's 32,767 characters: its start is written, marked.
        case textTooLong = "text-too-long"
        /// A record with more than Excel's 16,384 columns: the fields after XFD are not written.
        case tooManyColumns = "too-many-columns"
    }

    public var code: Code
    /// 1-based line of the CSV file where the field (or the record) starts.
    public var line: Int
    /// 1-based field number in the record.
    public var column: Int
    /// The sheet and A1 cell written (`nil` for fields that were not written).
    public var sheet: String
    public var cell: String?
    /// `.textTooLong`: the field's length in UTF-16 units; `.tooManyColumns`: the record's field count.
    public var length: Int
    /// `.textTooLong`: the characters (UTF-16 units) kept in the cell.
    public var kept: Int

    /// One line of Chinese for the clerk (without the `file:line:column:` prefix).
    public var message: String {
        switch code {
        case .textTooLong:
            return "第 \(line) 行第 \(column) 列的文本长 \(length) 个字符，超过 Excel 单元格上限 \(CellTextLimit.units) 个字符；"
                + "工作表“\(sheet)”单元格 \(cell ?? "") 只写入了前 \(kept) 个字符，已用红色底纹和批注标出。完整内容请查看原 CSV 文件。"
        case .tooManyColumns:
            return "第 \(line) 行有 \(length) 列，超过 Excel 上限 \(ExcelSheetLimits.columns) 列（到 XFD 列）；"
                + "第 \(ExcelSheetLimits.columns + 1) 列起没有写入工作表“\(sheet)”。"
        }
    }

    public var description: String { "\(line):\(column): [\(code.rawValue)] \(message)" }
}

/// What `CSVConverter.convert` wrote.
public struct ConversionSummary: Sendable {
    /// The encoding the CSV was read in.
    public var encoding: TextEncoding
    /// The field separator used.
    public var delimiter: UInt8
    /// CSV records read, the header included (a blank line is a record).
    public var records: Int
    /// 1 when the first record was written as a header, else 0.
    public var headerRows: Int
    /// The most fields in one record.
    public var columns: Int
    /// Sheets written, in order.
    public var sheetNames: [String]
    /// Cells written as numbers and as text.
    public var numberCells: Int
    public var textCells: Int
    /// The first problems (see `CSVConverter.Options.problemLimit`); `problemCount` counts all.
    public var problems: [ConversionProblem]
    public var problemCount: Int

    /// Data rows: the records after the header.
    public var dataRows: Int { records - headerRows }

    /// The name of the delimiter for people: 逗号, 制表符, 分号, or the character.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): "逗号"
        case UInt8(ascii: "\t"): "制表符"
        case UInt8(ascii: ";"): "分号"
        default: "“\(String(decoding: [delimiter], as: UTF8.self))”"
        }
    }
}

/// Why a conversion failed; nothing is left behind (the caller writes to a temporary file).
public enum ConversionError: Error, Sendable, CustomStringConvertible {
    /// The CSV could not be read (its message names the file).
    case read(CSVReadError)
    /// The workbook could not be written (its message names the file, sheet and cell).
    case write(XlsxError)

    public var description: String {
        switch self {
        case .read(let error): error.description
        case .write(let error): error.description
        }
    }
}

/// Excel's sheet limits, as `XlsxWriter` enforces them.
enum ExcelSheetLimits {
    static let rows = 1_048_576
    static let columns = 16_384
    static let sheetNameLength = 31
}
