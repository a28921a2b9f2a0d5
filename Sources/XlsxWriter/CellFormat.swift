import CXlsxWriter

/// The look of a cell as a value: font, fill, border, alignment and number format.
///
/// Equal formats share one libxlsxwriter format: the workbook creates each distinct
/// `CellFormat` once, on first use, and caches it (see rust_xlsxwriter src/workbook.rs,
/// `xf_indices`). The default value is Excel's default look.
///
/// ```swift
/// var header = CellFormat(fontName: "宋体", bold: true, border: .thin)
/// header.horizontalAlignment = .center
/// try sheet.write("单位名称", row: 0, column: 0, format: header)
/// ```
public struct CellFormat: Hashable, Sendable {
    /// A border drawn on all four sides of the cell.
    public enum Border: Hashable, Sendable {
        case none, thin, medium
    }

    /// Horizontal alignment; `.general` lets Excel align text left and numbers right.
    public enum HorizontalAlignment: Hashable, Sendable {
        case general, left, center, right
    }

    /// Vertical alignment; Excel's default is `.bottom`.
    public enum VerticalAlignment: Hashable, Sendable {
        case top, center, bottom
    }

    /// Font name such as `宋体` or `仿宋`; `nil` is the workbook default (Calibri).
    /// At most 31 characters.
    public var fontName: String?
    /// Font size in points (1…409); `nil` is the default 11.
    public var fontSize: Double?
    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Single underline.
    public var underline: Bool
    /// Font colour as 0xRRGGBB; `nil` is automatic.
    public var fontColor: UInt32?
    /// Solid fill colour as 0xRRGGBB; `nil` is no fill.
    public var fillColor: UInt32?
    /// Border on all four sides.
    public var border: Border
    /// Horizontal alignment.
    public var horizontalAlignment: HorizontalAlignment
    /// Vertical alignment.
    public var verticalAlignment: VerticalAlignment
    /// Wrap text within the cell.
    public var wrapText: Bool
    /// Excel number format code such as `#,##0.00` or `0.0%`; `nil` is General.
    /// At most 127 UTF-8 bytes (libxlsxwriter's `LXW_FORMAT_FIELD_LEN` buffer).
    public var numberFormat: String?
    /// Indent level, 0…250; Excel indents by about three characters per level.
    public var indent: Int

    /// Makes a format; every property defaults to Excel's default look.
    public init(
        fontName: String? = nil, fontSize: Double? = nil,
        bold: Bool = false, italic: Bool = false, underline: Bool = false,
        fontColor: UInt32? = nil, fillColor: UInt32? = nil,
        border: Border = .none,
        horizontalAlignment: HorizontalAlignment = .general,
        verticalAlignment: VerticalAlignment = .bottom,
        wrapText: Bool = false, numberFormat: String? = nil, indent: Int = 0
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapText = wrapText
        self.numberFormat = numberFormat
        self.indent = indent
    }

    /// Checks every property against Excel's and libxlsxwriter's limits; returns the problem.
    func problem() -> String? {
        if let fontName {
            if fontName.isEmpty { return "字体名称为空" }
            if fontName.utf16.count > 31 { return "字体名称“\(fontName)”超过 Excel 上限 31 个字符" }
            if let bad = ExcelText.firstForbiddenCharacter(fontName) {
                return "字体名称含有不允许的字符 \(ExcelText.codePoint(bad))"
            }
        }
        if let fontSize, !(fontSize.isFinite && fontSize >= 1 && fontSize <= 409) {
            return "字号 \(fontSize) 不在 Excel 允许的 1–409 磅之间"
        }
        for (name, color) in [("字体颜色", fontColor), ("填充颜色", fillColor)] {
            if let color, color > 0xFFFFFF {
                return "\(name) 0x\(String(color, radix: 16, uppercase: true)) 不是 0xRRGGBB 颜色"
            }
        }
        if let numberFormat {
            if numberFormat.isEmpty { return "数字格式为空" }
            // format_set_num_format copies into a 128-byte field and silently truncates.
            if numberFormat.utf8.count > 127 {
                return "数字格式“\(numberFormat)”长 \(numberFormat.utf8.count) 字节，超过 libxlsxwriter 上限 127"
            }
            if let bad = ExcelText.firstForbiddenCharacter(numberFormat) {
                return "数字格式含有不允许的字符 \(ExcelText.codePoint(bad))"
            }
        }
        if !(0...250).contains(indent) { return "缩进 \(indent) 不在 Excel 允许的 0–250 之间" }
        return nil
    }

    /// Sets the properties on a fresh `lxw_format`; call `problem()` first.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        // libxlsxwriter reads colour 0 as "unset" (LXW_COLOR_UNSET); black is LXW_COLOR_BLACK.
        func lxwColor(_ rgb: UInt32) -> lxw_color_t { rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : rgb }
        if let fontName { fontName.withCString { format_set_font_name(format, $0) } }
        if let fontSize { format_set_font_size(format, fontSize) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if let fontColor { format_set_font_color(format, lxwColor(fontColor)) }
        if let fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxwColor(fillColor))
        }
        switch border {
        case .none: break
        case .thin: format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .medium: format_set_border(format, UInt8(LXW_BORDER_MEDIUM.rawValue))
        }
        switch horizontalAlignment {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        switch verticalAlignment {
        case .bottom: break  // Excel's default; libxlsxwriter writes nothing for it
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
        if wrapText { format_set_text_wrap(format) }
        if let numberFormat { numberFormat.withCString { format_set_num_format(format, $0) } }
        if indent > 0 { format_set_indent(format, UInt8(indent)) }
    }
}
