import ExactArithmetic
import ReportSpec
import XlsxWriter

/// The workbook's look, in one place: 宋体 for tables as in published reports, 仿宋 for
/// explanatory text, thin borders on every table cell.
enum Styles {
    static let song = "宋体"
    static let fangSong = "仿宋"
    static let bodySize = 11.0

    static let title = CellFormat(fontName: song, fontSize: 16, bold: true, horizontalAlignment: .center,
                                  verticalAlignment: .center)
    static let subtitle = CellFormat(fontName: fangSong, fontSize: bodySize, horizontalAlignment: .center,
                                     verticalAlignment: .center)
    static let sectionHeading = CellFormat(fontName: song, fontSize: 12, bold: true, verticalAlignment: .center)
    static let columnHeader = CellFormat(fontName: song, fontSize: bodySize, bold: true, border: .thin,
                                         horizontalAlignment: .center, verticalAlignment: .center, wrapText: true)
    static let blockHeading = CellFormat(fontName: song, fontSize: bodySize, bold: true, border: .thin,
                                         horizontalAlignment: .left, verticalAlignment: .center, wrapText: true)
    static let rowLabel = CellFormat(fontName: song, fontSize: bodySize, border: .thin, horizontalAlignment: .left,
                                     verticalAlignment: .center, wrapText: true)
    static let groupLabel = CellFormat(fontName: song, fontSize: bodySize, border: .thin, horizontalAlignment: .center,
                                       verticalAlignment: .center, wrapText: true)
    static let corner = CellFormat(fontName: song, fontSize: 10, border: .thin, horizontalAlignment: .center,
                                   verticalAlignment: .center, wrapText: true)
    static let emptyCell = CellFormat(fontName: song, fontSize: bodySize, border: .thin)
    static let text = CellFormat(fontName: song, fontSize: bodySize, border: .thin, verticalAlignment: .center,
                                 wrapText: true)
    static let boldText = CellFormat(fontName: song, fontSize: bodySize, bold: true, border: .thin,
                                     verticalAlignment: .center, wrapText: true)
    static let note = CellFormat(fontName: fangSong, fontSize: bodySize, verticalAlignment: .top, wrapText: true)
    static let link = CellFormat(fontName: song, fontSize: bodySize, underline: true, fontColor: 0x0563C1, border: .thin,
                                 verticalAlignment: .center)

    static let errorFill: UInt32 = 0xFFC7CE
    static let warningFill: UInt32 = 0xFFEB9C
    /// An explained (accepted) warning.
    static let explainedFill: UInt32 = 0xC6EFCE
    static let subtotalFill: UInt32 = 0xF2F2F2

    /// The format of a figure cell: right-aligned, thin border, a number format by kind.
    static func figure(_ figure: FigureSpec, value: ExactDecimal, bold: Bool = false, fill: UInt32? = nil) -> CellFormat {
        CellFormat(fontName: song, fontSize: bodySize, bold: bold, fillColor: fill, border: .thin,
                   horizontalAlignment: .center, verticalAlignment: .center,
                   numberFormat: numberFormat(figure, value: value))
    }

    /// Counts as whole numbers; the 2019 `本年增/减` with a sign (`+87`, `-2`, as the forms
    /// print them); money with every decimal it has (at least two for 元) and its unit
    /// when the form prints none.
    static func numberFormat(_ figure: FigureSpec, value: ExactDecimal) -> String {
        if let explicit = figure.numberFormat { return explicit }
        switch figure.kind {
        case .count:
            return "0"
        case .signed:
            return "+0;-0;0"
        case .money:
            let unit = figure.unit ?? "元"
            let decimals = max(unit == "元" ? 2 : 0, value.normalized.scale)
            let pattern = decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
            // 万元 is printed in the 2021 header; the 2019 form names no unit, so the cell does (R2.8).
            return figure.unitRequired ? pattern + "\"\(unit)\"" : pattern
        }
    }

    /// Whether `numberFormat` depends on the value: only for money without a format of its
    /// own, and then only on the value's normalised scale.
    static func numberFormatFollowsScale(_ figure: FigureSpec) -> Bool {
        figure.numberFormat == nil && figure.kind == .money
    }

    /// Row height in points for text that wraps in a column of the given width.
    static func rowHeight(text: String, width: Double, fontSize: Double = bodySize) -> Double {
        let usable = max(1, width - 1)
        let lines = max(1, Int((Double(TextWidth.displayWidth(text)) / usable).rounded(.up)))
        return Double(lines) * (fontSize + 4)
    }
}

extension CellFormat {
    /// The same format with a fill, or unchanged for nil.
    func filled(_ color: UInt32?) -> CellFormat {
        guard let color else { return self }
        var format = self
        format.fillColor = color
        return format
    }
}
