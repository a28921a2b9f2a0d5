import ExactArithmetic
import ReportSpec
import XlsxWriter

/// The plain look of the figure cells of one sheet (`Styles.figure` without bold or fill),
/// resolved once per figure and number format rather than once per cell.
///
/// Resolving a `CellFormat` hashes it, font name and number format included, and 明细
/// writes two million figure cells in a few hundred looks. Each look is resolved when the
/// first cell needs it. Bold and filled figures (totals, marked cells) are few and pass
/// `Styles.figure` straight to the sheet.
struct FigureFormats {
    private let sheet: Worksheet
    private let figures: [FigureSpec]
    /// Per figure, whether its number format follows the value's scale (money).
    private let followsScale: [Bool]
    /// By `figure index × scales + scale` (the scale only where it matters, else 0).
    private var resolved: [ResolvedFormat?]
    private static let scales = ExactDecimal.maximumScale + 1

    init(sheet: Worksheet, template: ReportTemplate) {
        self.sheet = sheet
        figures = template.figures
        followsScale = template.figures.map(Styles.numberFormatFollowsScale)
        resolved = Array(repeating: nil, count: template.figures.count * Self.scales)
    }

    /// The plain format of figure `index` showing `value`.
    ///
    /// - Throws: `XlsxError` when the workbook is closed or the format is invalid.
    mutating func format(figure index: Int, value: ExactDecimal) throws -> ResolvedFormat {
        let slot = index * Self.scales + (followsScale[index] ? value.normalized.scale : 0)
        if let format = resolved[slot] { return format }
        let format = try sheet.resolve(Styles.figure(figures[index], value: value))
        resolved[slot] = format
        return format
    }
}
