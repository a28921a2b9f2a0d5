import Foundation

/// A workbook as read back by an independent reader (`xlsx_dump.py`: openpyxl, calamine and
/// the raw XML). See the script's docstring for where each field comes from.
public struct WorkbookDump: Decodable, Sendable {
    /// Sheet names in workbook order.
    public var sheetNames: [String]
    /// The sheet shown when the file opens.
    public var activeSheet: String?
    /// Each sheet by name.
    public var sheets: [String: SheetDump]
    /// Document properties (docProps/core.xml) as openpyxl reads them; `created` is UTC ISO 8601.
    public var properties: [String: String?]

    /// The sheet named `name`.
    public subscript(_ name: String) -> SheetDump? { sheets[name] }
}

/// One sheet read back.
public struct SheetDump: Decodable, Sendable {
    /// Cells with a value, a border, a comment or a link, by A1 reference.
    public var cells: [String: CellDump]
    /// Merged ranges, sorted, e.g. `A1:D1`.
    public var mergedRanges: [String]
    /// Custom column widths by column letters, as stored (libxlsxwriter adds Excel's padding:
    /// 10 is stored as 10.7109375).
    public var columnWidths: [String: Double]
    /// Custom row heights by one-based row number.
    public var rowHeights: [String: Double]
    /// The top-left unfrozen cell, e.g. `A2`.
    public var freezePanes: String?
    /// Rows repeated on each printed page, e.g. `1:2` (openpyxl's notation).
    public var printTitleRows: String?
    /// The print area as openpyxl reports it.
    public var printArea: String?
    /// Excel paper code (9 is A4).
    public var paperSize: Int?
    /// `landscape` or `portrait`.
    public var orientation: String?
    /// Fit-to-pages width (0 = as many as needed; 1 when absent, the ECMA-376 default).
    public var fitToWidth: Int
    /// Fit-to-pages height (0 = as many as needed; 1 when absent).
    public var fitToHeight: Int
    /// Whether fit-to-page printing is on.
    public var fitToPage: Bool
    /// Whether screen gridlines show.
    public var showGridlines: Bool
    /// Whether the printout is centered horizontally.
    public var horizontalCentered: Bool
    /// Tab colour as `FFRRGGBB`.
    public var tabColor: String?
    /// Page margins in inches.
    public var margins: [String: Double?]
    /// Raw odd-page header string (`&C…`).
    public var header: String?
    /// Raw odd-page footer string.
    public var footer: String?

    /// The cell at `a1`.
    public subscript(_ a1: String) -> CellDump? { cells[a1] }
}

/// One cell read back.
public struct CellDump: Decodable, Sendable {
    /// The value (the formula text for formulas, as openpyxl reports it; strings as Excel shows them).
    public var value: JSONValue
    /// The formula including `=`, or nil.
    public var formula: String?
    /// A formula's cached result, read with `data_only=True`.
    public var cached: JSONValue?
    /// Whether this is a non-anchor cell of a merged range.
    public var mergedPart: Bool
    /// The number format code (`General` by default).
    public var numberFormat: String
    /// Font (defaults for non-anchor merged cells, which openpyxl does not style).
    public var font: FontDump
    /// Solid fill colour as `FFRRGGBB`.
    public var fill: String?
    /// Border sides from the raw XML, so every cell of a merged range is its own.
    public var border: BorderDump
    /// Alignment.
    public var alignment: AlignmentDump
    /// Comment text, `_xHHHH_` escapes decoded.
    public var comment: String?
    /// Comment author, if any.
    public var commentAuthor: String?
    /// The cell's hyperlink, if any.
    public var hyperlink: HyperlinkDump?
}

/// Font as read back.
public struct FontDump: Decodable, Sendable, Equatable {
    /// Font name (`Calibri` by default).
    public var name: String?
    /// Size in points.
    public var size: Double?
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// `single`, `double`, … or nil.
    public var underline: String?
    /// `FFRRGGBB` or nil.
    public var color: String?

    /// Makes an expected font.
    public init(name: String?, size: Double?, bold: Bool = false, italic: Bool = false,
                underline: String? = nil, color: String? = nil) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.color = color
    }
}

/// Border style names per side (`thin`, `medium`, …), read from the raw XML.
public struct BorderDump: Decodable, Sendable, Equatable {
    /// Left side style.
    public var left: String?
    /// Right side style.
    public var right: String?
    /// Top side style.
    public var top: String?
    /// Bottom side style.
    public var bottom: String?

    /// Makes an expected border.
    public init(left: String? = nil, right: String? = nil, top: String? = nil, bottom: String? = nil) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// Whether all four sides have `style`.
    public func isAll(_ style: String) -> Bool { [left, right, top, bottom].allSatisfy { $0 == style } }
}

/// Alignment as read back.
public struct AlignmentDump: Decodable, Sendable, Equatable {
    /// `left`, `center`, `right` or nil (general).
    public var horizontal: String?
    /// `top`, `center` or nil (bottom).
    public var vertical: String?
    /// Wrap text.
    public var wrap: Bool
    /// Indent level.
    public var indent: Int

    /// Makes an expected alignment.
    public init(horizontal: String? = nil, vertical: String? = nil, wrap: Bool = false, indent: Int = 0) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.indent = indent
    }
}

/// A hyperlink as read back: `location` for internal links, `target` for external ones.
public struct HyperlinkDump: Decodable, Sendable, Equatable {
    /// Internal target such as `'表一'!A1`.
    public var location: String?
    /// External target (URL or file).
    public var target: String?
    /// The `display` attribute.
    public var display: String?
}

/// A JSON scalar: string, number, bool or null.
public enum JSONValue: Decodable, Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// Decodes null, then bool, then number, then string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let b = try? container.decode(Bool.self) { self = .bool(b); return }
        if let n = try? container.decode(Double.self) { self = .number(n); return }
        self = .string(try container.decode(String.self))
    }

    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The number, if this is one.
    public var number: Double? { if case .number(let n) = self { n } else { nil } }

    /// The value as Swift would print it (strings quoted).
    public var description: String {
        switch self {
        case .string(let s): s.debugDescription
        case .number(let n): String(n)
        case .bool(let b): String(b)
        case .null: "null"
        }
    }
}

/// Reads `xlsx` back with `Tests/TestSupport/xlsx_dump.py` (openpyxl + calamine + raw XML),
/// never with the writer under test.
///
/// - Throws: `ProcessFailure` when the script fails; a `DecodingError` for unexpected JSON.
public func readBack(_ xlsx: URL) throws -> WorkbookDump {
    let script = Paths.packageRoot.appendingPathComponent("Tests/TestSupport/xlsx_dump.py").path
    let result = try runProcess("python3", [script, xlsx.path])
    guard result.status == 0 else {
        throw ProcessFailure(command: "python3 \(script) \(xlsx.path)", status: result.status,
                             output: result.stdout + result.stderr)
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(WorkbookDump.self, from: Data(result.stdout.utf8))
}
