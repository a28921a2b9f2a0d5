/// A zero-based cell position: row 0 is Excel's row 1, column 0 is column A.
public struct XlsxCellPosition: Hashable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The A1-style reference, e.g. `B3`.
    public var description: String { CellReference.a1(row: row, column: column) }
}

/// One stored cell value.
public struct XlsxCellValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case number, text, boolean, error }

    public let kind: Kind
    /// The value exactly as stored in the XML: numbers as their decimal text (e.g.
    /// "35692694.56", "1E-3"), strings unescaped (`_xHHHH_` decoded, `_x005F_` handled as
    /// Excel does), booleans "TRUE"/"FALSE", errors "#DIV/0!". For a formula cell: its
    /// cached value; a formula without a cached value reads as `.text` "".
    /// Strings keep all their whitespace (with or without `xml:space="preserve"`).
    /// Other types (`t="d"`, unknown) read as `.text` with the stored text.
    public let text: String
    /// The formula as stored, without the leading "=" (e.g. "SUM(A1:A3)"); `nil` for a
    /// plain value. Cells that share a formula store its text only in the first cell;
    /// the others read as "".
    public let formula: String?

    public init(kind: Kind, text: String, formula: String? = nil) {
        self.kind = kind
        self.text = text
        self.formula = formula
    }
}

/// The cells of one worksheet. Empty cells (no value, no formula) are absent.
public struct XlsxSheet: Sendable {
    public let name: String
    /// Cells by zero-based (row, column).
    public let cells: [XlsxCellPosition: XlsxCellValue]
    private let lastRow: Int
    private let lastColumn: Int

    public init(name: String, cells: [XlsxCellPosition: XlsxCellValue]) {
        self.name = name
        self.cells = cells
        var lastRow = -1
        var lastColumn = -1
        for position in cells.keys {
            lastRow = max(lastRow, position.row)
            lastColumn = max(lastColumn, position.column)
        }
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    public func value(row: Int, column: Int) -> XlsxCellValue? {
        cells[XlsxCellPosition(row: row, column: column)]
    }

    /// 1 + the last row index with a cell; 0 when the sheet is empty.
    public var rowCount: Int { lastRow + 1 }
    /// 1 + the last column index with a cell; 0 when the sheet is empty.
    public var columnCount: Int { lastColumn + 1 }
}

/// Bounds that keep a hostile file (zip bomb, billions of cells) from exhausting memory.
public struct XlsxReadLimits: Sendable, Equatable {
    /// The most bytes one ZIP member (XML part) may inflate to.
    public var maxUncompressedPartBytes: Int
    /// The most cells one sheet may hold.
    public var maxCells: Int

    public init(maxUncompressedPartBytes: Int = 256 * 1024 * 1024, maxCells: Int = 20_000_000) {
        self.maxUncompressedPartBytes = maxUncompressedPartBytes
        self.maxCells = maxCells
    }
}

/// A1 references: parsing and printing, with Excel's bounds.
enum CellReference {
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// `B3` → (row 2, column 1); nil for anything that is not a plain in-range reference.
    static func parse(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, column <= maxColumns, row <= maxRows else { return nil }
        return (row - 1, column - 1)
    }

    /// A 1-based row number as in `<row r="5">`, as a zero-based index.
    static func parseRow(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 7, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let number = Int(text), number >= 1, number <= maxRows else { return nil }
        return number - 1
    }

    static func a1(row: Int, column: Int) -> String {
        guard row >= 0, column >= 0 else { return "R\(row + 1)C\(column + 1)" }
        var letters: [Character] = []
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters) + String(row + 1)
    }
}

/// Excel's `_xHHHH_` escapes in strings (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
enum ExcelEscapes {
    /// Decodes `_xHHHH_` (one UTF-16 unit each; pairs of surrogates combine, lone ones
    /// become U+FFFD). `_x005F_` is an escaped underscore, so `_x005F_x0041_` reads as the
    /// literal text `_x0041_`, as in Excel.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let units = Array(text.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            if units[i] == 0x5F, i + 6 < units.count, units[i + 1] == 0x78 /* x */, units[i + 6] == 0x5F,
               let value = hexValue(units[(i + 2)...(i + 5)]) {
                out.append(value)
                i += 7
            } else {
                out.append(units[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    private static func hexValue(_ units: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in units {
            let digit: UInt16
            switch unit {
            case 0x30...0x39: digit = unit - 0x30
            case 0x41...0x46: digit = unit - 0x41 + 10
            case 0x61...0x66: digit = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
