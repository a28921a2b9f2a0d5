/// A printer paper size, by Excel's paper code (see libxlsxwriter include/xlsxwriter/worksheet.h,
/// `worksheet_set_paper`).
public struct PaperSize: RawRepresentable, Hashable, Sendable {
    /// Excel's paper code (0 is the printer default).
    public var rawValue: UInt8

    /// Wraps any Excel paper code.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Letter, 8½ × 11 in.
    public static let letter = PaperSize(rawValue: 1)
    /// Legal, 8½ × 14 in.
    public static let legal = PaperSize(rawValue: 5)
    /// A3, 297 × 420 mm.
    public static let a3 = PaperSize(rawValue: 8)
    /// A4, 210 × 297 mm.
    public static let a4 = PaperSize(rawValue: 9)
    /// A5, 148 × 210 mm.
    public static let a5 = PaperSize(rawValue: 11)
    /// B4 (JIS), 257 × 364 mm.
    public static let b4 = PaperSize(rawValue: 12)
    /// B5 (JIS), 182 × 257 mm.
    public static let b5 = PaperSize(rawValue: 13)
}
