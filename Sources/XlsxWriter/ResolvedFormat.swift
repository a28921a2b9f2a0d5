/// A `CellFormat` already looked up in a workbook's format cache, for writing many cells
/// with the same look.
///
/// Writing with a `CellFormat` hashes the whole format for every cell (its font name and
/// number format are non-ASCII strings, so hashing normalises them); a sheet with two
/// million figure cells but a few hundred looks resolves each look once and writes with
/// the result.
///
/// ```swift
/// let figure = try sheet.resolve(CellFormat(fontName: "宋体", border: .thin, numberFormat: "0"))
/// for row in 1...10_000 { try sheet.write(Double(row), row: row, column: 4, format: figure) }
/// ```
///
/// It names a format by its position in the workbook's list, not by a C pointer, so it
/// never reaches freed memory: after `Workbook.close()` every write throws
/// `.workbookClosed` before the format is looked at, and one from another workbook is
/// refused with `.parameterValidation`.
public struct ResolvedFormat: Hashable, Sendable {
    /// Position in the workbook's list of created formats.
    let index: Int
    /// The workbook that resolved it, to catch a format used on another workbook in tests.
    let workbook: ObjectIdentifier
}
