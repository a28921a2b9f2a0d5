import CXlsxWriter

/// One sheet of a `Workbook`. Rows and columns are zero-based, as in libxlsxwriter.
///
/// A worksheet keeps its workbook alive; after `Workbook.close()` every method throws
/// `.workbookClosed`. Every value is checked in Swift before it reaches libxlsxwriter,
/// so the C library never prints and never sees a value it would mishandle.
public final class Worksheet {
    /// The sheet's name, as given to `Workbook.addWorksheet(named:)`.
    public let name: String
    private let workbook: Workbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Merged ranges so far, to refuse overlaps (Excel reports overlapping merges as damage).
    private var merges: [CellRange] = []
    private var linkCount = 0
    /// Whether the sheet is written in constant-memory mode: rows in order, each flushed to
    /// a temporary file when a later one is written, strings inline.
    public let isStreaming: Bool
    /// What every cell write reads and updates, behind a pointer: each use of a class's
    /// stored `var` is checked for exclusive access at run time (two calls into the Swift
    /// runtime), which over millions of cells cost more than the rest of this wrapper.
    private let cellState: UnsafeMutablePointer<CellState>

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String, isStreaming: Bool) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
        self.isStreaming = isStreaming
        cellState = .allocate(capacity: 1)
        cellState.initialize(to: CellState())
    }

    deinit {
        cellState.pointee.textBuffer?.deallocate()
        cellState.deinitialize(count: 1)
        cellState.deallocate()
    }

    private struct CellState {
        /// On a streaming sheet, the row libxlsxwriter is filling; rows above it are flushed.
        var streamingRow = 0
        /// A NUL-terminated copy of the text being written by `write(validUTF8:row:column:format:)`.
        var textBuffer: UnsafeMutablePointer<CChar>?
        var textCapacity = 0
    }

    private var streamingRow: Int { cellState.pointee.streamingRow }

    // MARK: - Cells

    /// A format to write with, given either way: `CellFormat` (looked up per cell) or
    /// `ResolvedFormat` (looked up once). Fetched only after the cell's own checks, so the
    /// errors come in the same order either way.
    private typealias FormatLookup = () throws(XlsxError) -> UnsafeMutablePointer<lxw_format>?

    /// Looks `format` up once for writing many cells with it (see `ResolvedFormat`).
    ///
    /// - Throws: as `Workbook.resolve(_:)`.
    public func resolve(_ format: CellFormat) throws(XlsxError) -> ResolvedFormat {
        try workbook.resolve(format, XlsxError.Context(path: workbook.path, sheet: name))
    }

    /// Writes `text` as a string cell — never a formula, even for `=1+1`. An empty string
    /// writes a blank cell (or nothing without a format).
    ///
    /// Literal `_xHHHH_` sequences are escaped so Excel shows them as typed; control
    /// characters are stored as `_xHHHH_` escapes, which Excel decodes.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` when `text` holds U+0000 or `format` is invalid;
    ///   `.maxStringLengthExceeded` over 32,767 UTF-16 units (also after escaping).
    public func write(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxError) {
        try writeText(text, row, column) { () throws(XlsxError) in
            try workbook.formatHandle(format, self.cellContext(row, column))
        }
    }

    /// Writes text given as UTF-8 bytes; otherwise as `write(_:row:column:format:)`. Plain
    /// text goes to libxlsxwriter from a reused buffer, without a `String` made per cell.
    ///
    /// The bytes must be valid UTF-8, which is not checked again: only for this package's
    /// CSV reader, which refuses anything else (hence `package`, not `public`).
    ///
    /// - Throws: as `write(_:row:column:format:)`.
    package func write(validUTF8 bytes: UnsafeBufferPointer<UInt8>, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxError) {
        if workbook.handle != nil, row >= 0, row < ExcelLimits.rows, column >= 0, column < ExcelLimits.columns,
           !(isStreaming && row < streamingRow), Self.isPlain(bytes) {
            let f = try workbook.formatHandle(format, cellContext(row, column))
            if cellState.pointee.textCapacity <= bytes.count {
                let capacity = max(bytes.count + 1, 2 * cellState.pointee.textCapacity)
                cellState.pointee.textBuffer?.deallocate()
                cellState.pointee.textBuffer = .allocate(capacity: capacity)
                cellState.pointee.textCapacity = capacity
            }
            let buffer = cellState.pointee.textBuffer!
            if let source = bytes.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: source, byteCount: bytes.count) }
            buffer[bytes.count] = 0
            let result = worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), buffer, f)
            if result == LXW_NO_ERROR {
                advanceStreaming(to: row)
                return
            }
        }
        try write(String(decoding: bytes, as: UTF8.self), row: row, column: column, format: format)
    }

    /// Writes `text` with a resolved format; otherwise as `write(_:row:column:format:)`.
    ///
    /// - Throws: as `write(_:row:column:format:)`.
    public func write(_ text: String, row: Int, column: Int, format: ResolvedFormat) throws(XlsxError) {
        try writeText(text, row, column) { () throws(XlsxError) in try workbook.formatHandle(format, self.cellContext(row, column)) }
    }

    /// Writes a number. Figures become `Double` only here, because Excel stores IEEE doubles.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for NaN or infinity (Excel has neither) or an invalid `format`.
    public func write(_ number: Double, row: Int, column: Int, format: CellFormat? = nil) throws(XlsxError) {
        try writeNumber(number, row, column) { () throws(XlsxError) in
            try workbook.formatHandle(format, self.cellContext(row, column))
        }
    }

    /// Writes a number with a resolved format; otherwise as `write(_:row:column:format:)`.
    ///
    /// - Throws: as `write(_:row:column:format:)`.
    public func write(_ number: Double, row: Int, column: Int, format: ResolvedFormat) throws(XlsxError) {
        try writeNumber(number, row, column) { () throws(XlsxError) in try workbook.formatHandle(format, self.cellContext(row, column)) }
    }

    /// Writes a formula with its value already computed, so viewers that do not recalculate
    /// (and independent readers) see the right number (`worksheet_write_formula_num`).
    /// A leading `=` is optional.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for an empty formula (libxlsxwriter 1.1.4 overflows on one,
    ///   issue #446), U+0000 or a control character, a formula over 8,192 characters,
    ///   a non-finite `cachedValue`, or an invalid `format`.
    public func writeFormula(_ formula: String, cachedValue: Double, row: Int, column: Int,
                             format: CellFormat? = nil) throws(XlsxError) {
        let context = cellContext(row, column)
        try writeFormula(formula, cachedValue, row, column, context) { () throws(XlsxError) in
            try workbook.formatHandle(format, context)
        }
    }

    /// Writes a formula with a resolved format; otherwise as
    /// `writeFormula(_:cachedValue:row:column:format:)`.
    ///
    /// - Throws: as `writeFormula(_:cachedValue:row:column:format:)`.
    public func writeFormula(_ formula: String, cachedValue: Double, row: Int, column: Int,
                             format: ResolvedFormat) throws(XlsxError) {
        let context = cellContext(row, column)
        try writeFormula(formula, cachedValue, row, column, context) { () throws(XlsxError) in try workbook.formatHandle(format, context) }
    }

    /// Writes a blank cell carrying `format` (borders, fill). Without a format nothing is
    /// written, as in libxlsxwriter.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for an invalid `format`.
    public func writeBlank(row: Int, column: Int, format: CellFormat? = nil) throws(XlsxError) {
        let context = cellContext(row, column)
        try writeBlank(row, column, context) { () throws(XlsxError) in try workbook.formatHandle(format, context) }
    }

    /// Writes a blank cell with a resolved format.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`; `.parameterValidation`
    ///   for a format another workbook resolved.
    public func writeBlank(row: Int, column: Int, format: ResolvedFormat) throws(XlsxError) {
        let context = cellContext(row, column)
        try writeBlank(row, column, context) { () throws(XlsxError) in try workbook.formatHandle(format, context) }
    }

    @inline(__always)
    private func writeText(_ text: String, _ row: Int, _ column: Int, _ format: FormatLookup) throws(XlsxError) {
        // Fast path: nothing to check or escape, no context built unless something fails.
        if workbook.handle != nil, row >= 0, row < ExcelLimits.rows, column >= 0, column < ExcelLimits.columns,
           !(isStreaming && row < streamingRow), Self.isPlain(text) {
            let f = try format()
            let result = text.withCString { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, f) }
            if result == LXW_NO_ERROR {
                advanceStreaming(to: row)
                return
            }
        }
        let context = cellContext(row, column)
        let (r, c) = try position(row, column, context)
        try checkStreaming(row, context)
        let escaped = try cellText(text, context)
        let f = try format()
        try XlsxError.check(escaped.withCString { worksheet_write_string(handle, r, c, $0, f) }, context)
        advanceStreaming(to: row)
    }

    @inline(__always)
    private func writeNumber(_ number: Double, _ row: Int, _ column: Int, _ format: FormatLookup) throws(XlsxError) {
        if workbook.handle != nil, row >= 0, row < ExcelLimits.rows, column >= 0, column < ExcelLimits.columns,
           !(isStreaming && row < streamingRow), number.isFinite {
            let f = try format()
            if worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, f) == LXW_NO_ERROR {
                advanceStreaming(to: row)
                return
            }
        }
        let context = cellContext(row, column)
        let (r, c) = try position(row, column, context)
        try checkStreaming(row, context)
        try finite(number, "数值", context)
        let f = try format()
        try XlsxError.check(worksheet_write_number(handle, r, c, number, f), context)
        advanceStreaming(to: row)
    }

    private func writeFormula(_ formula: String, _ cachedValue: Double, _ row: Int, _ column: Int,
                              _ context: XlsxError.Context, _ format: FormatLookup) throws(XlsxError) {
        let (r, c) = try position(row, column, context)
        try checkStreaming(row, context)
        let body = formula.hasPrefix("=") ? formula.dropFirst() : Substring(formula)
        if body.allSatisfy({ $0.isWhitespace }) {
            throw XlsxError(code: .parameterValidation, message: "公式为空", context: context)
        }
        if let bad = ExcelText.firstForbiddenCharacter(formula) {
            throw XlsxError(code: .parameterValidation,
                            message: "公式含有不允许的字符 \(ExcelText.codePoint(bad))", context: context)
        }
        if body.utf16.count > ExcelLimits.formulaLength {
            throw XlsxError(code: .parameterValidation,
                            message: "公式长 \(body.utf16.count) 个字符，超过 Excel 上限 8192", context: context)
        }
        try finite(cachedValue, "公式的缓存值", context)
        let f = try format()
        try XlsxError.check(formula.withCString { worksheet_write_formula_num(handle, r, c, $0, f, cachedValue) }, context)
        advanceStreaming(to: row)
    }

    private func writeBlank(_ row: Int, _ column: Int, _ context: XlsxError.Context,
                            _ format: FormatLookup) throws(XlsxError) {
        let (r, c) = try position(row, column, context)
        try checkStreaming(row, context)
        let f = try format()
        try XlsxError.check(worksheet_write_blank(handle, r, c, f), context)
        if f != nil { advanceStreaming(to: row) }
    }

    /// Merges a rectangle of at least two cells and writes `text` into it. Every cell of the
    /// range gets `format`, so borders show around the whole merged area (libxlsxwriter
    /// formats only the first cell reliably; STYLE.md §8).
    ///
    /// On a streaming sheet, rows below the first are flushed as they are padded; a range
    /// spanning rows that also hold other cells takes `mergeWrittenRange`.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for a single cell, a reversed range, an overlap with an
    ///   earlier merge, U+0000 in `text` or an invalid `format`; `.maxStringLengthExceeded`.
    public func mergeRange(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                           text: String, format: CellFormat? = nil) throws(XlsxError) {
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let context = rangeContext(range)
        let (r1, c1, r2, c2, f) = try merge(range, text: text, format: format, context) { () throws(XlsxError) in
            try checkStreaming(firstRow, context)
        }
        // libxlsxwriter 1.1.4 pads the range with formatted blanks itself; pad again so the
        // borders never depend on that. Not on a streaming sheet: the rows below are
        // already written, and going back up would be refused.
        guard let f else {
            advanceStreaming(to: firstRow)
            return
        }
        if isStreaming {
            advanceStreaming(to: lastRow)
            return
        }
        for r in r1...r2 {
            for c in c1...c2 where !(r == r1 && c == c1) {
                try XlsxError.check(worksheet_write_blank(handle, r, c, f), context)
            }
        }
    }

    /// Merges a rectangle whose cells are already written, on a streaming sheet: a header
    /// whose merged labels span rows that hold other cells too, which `mergeRange` cannot
    /// do there (it would flush those rows before their other cells are written). The
    /// caller writes the range row by row — `text` in its first cell, blanks with `format`
    /// in the others — and calls this while the sheet is at `lastRow`. On a sheet that is
    /// not streaming it is `mergeRange`.
    ///
    /// libxlsxwriter records the range, then writes its first cell and pads the rest without
    /// looking at the results (`worksheet_merge_range`, src/worksheet.c, 1.1.4): the writes
    /// into flushed rows are refused and change nothing, those into `lastRow` write the same
    /// blanks again.
    ///
    /// - Throws: as `mergeRange`; `.parameterValidation` on a streaming sheet that is not at
    ///   `lastRow`.
    public func mergeWrittenRange(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int,
                                  text: String, format: CellFormat? = nil) throws(XlsxError) {
        guard isStreaming else {
            return try mergeRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow,
                                  lastColumn: lastColumn, text: text, format: format)
        }
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let context = rangeContext(range)
        _ = try merge(range, text: text, format: format, context) { () throws(XlsxError) in
            guard lastRow == streamingRow else {
                throw XlsxError(code: .parameterValidation,
                                message: "合并已写出的区域须在写到其最后一行（第 \(lastRow + 1) 行）时进行，当前是第 \(streamingRow + 1) 行",
                                context: context)
            }
        }
    }

    /// Checks a range to merge, then the caller's streaming condition, and has libxlsxwriter
    /// merge it.
    private func merge(_ range: CellRange, text: String, format: CellFormat?, _ context: XlsxError.Context,
                       streamingCheck: () throws(XlsxError) -> Void)
        throws(XlsxError) -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>?) {
        let (r1, c1) = try position(range.firstRow, range.firstColumn, context)
        let (r2, c2) = try position(range.lastRow, range.lastColumn, context)
        if range.lastRow < range.firstRow || range.lastColumn < range.firstColumn {
            throw XlsxError(code: .parameterValidation, message: "合并区域的起止颠倒", context: context)
        }
        if range.isSingleCell {
            throw XlsxError(code: .parameterValidation, message: "合并区域只有一个单元格", context: context)
        }
        if let other = merges.first(where: { $0.overlaps(range) }) {
            throw XlsxError(code: .parameterValidation,
                            message: "合并区域与已合并的 \(other.a1) 重叠", context: context)
        }
        try streamingCheck()
        let escaped = try cellText(text, context)
        let f = try workbook.formatHandle(format, context)
        try XlsxError.check(escaped.withCString { worksheet_merge_range(handle, r1, c1, r2, c2, $0, f) }, context)
        merges.append(range)
        return (r1, c1, r2, c2, f)
    }

    /// Adds a comment (a note) to a cell.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for empty text (libxlsxwriter 1.1.4 overflows on it,
    ///   issue #446), U+0000, or a control character in `author`; `.maxStringLengthExceeded`.
    public func writeComment(_ text: String, row: Int, column: Int, author: String? = nil) throws(XlsxError) {
        let context = cellContext(row, column)
        let (r, c) = try position(row, column, context)
        if text.isEmpty {
            throw XlsxError(code: .parameterValidation, message: "批注内容为空", context: context)
        }
        let escaped = try cellText(text, context)
        if let author, let bad = ExcelText.firstForbiddenCharacter(author) {
            throw XlsxError(code: .parameterValidation,
                            message: "批注作者含有不允许的字符 \(ExcelText.codePoint(bad))", context: context)
        }
        _ = try workbook.openHandle(context)
        let result = escaped.withCString { cText in
            guard let author, !author.isEmpty else {
                return worksheet_write_comment(handle, r, c, cText)
            }
            return author.withCString { cAuthor in
                var options = lxw_comment_options()
                options.author = UnsafeMutablePointer(mutating: cAuthor)  // copied by libxlsxwriter
                return worksheet_write_comment_opt(handle, r, c, cText, &options)
            }
        }
        try XlsxError.check(result, context)
    }

    /// Writes a link to a cell of a sheet in this workbook (`internal:'表一'!A1`). The sheet
    /// name is always quoted, with `'` doubled. Without `format` the link gets Excel's
    /// Hyperlink style; `text` defaults to the target, e.g. `'表一'!A1`.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for an empty sheet name, a `cell` that is not an A1 cell or
    ///   range, or U+0000; `.maxURLLengthExceeded` for a target over 255 characters;
    ///   `.maxNumberOfURLsExceeded` after 65,530 links; `.maxStringLengthExceeded`.
    public func writeInternalLink(row: Int, column: Int, sheet: String, cell: String = "A1",
                                  text: String? = nil, format: CellFormat? = nil) throws(XlsxError) {
        let context = cellContext(row, column)
        let (r, c) = try position(row, column, context)
        try checkStreaming(row, context)
        if sheet.isEmpty {
            throw XlsxError(code: .parameterValidation, message: "链接目标工作表名称为空", context: context)
        }
        if let bad = ExcelText.firstForbiddenCharacter(sheet) {
            throw XlsxError(code: .parameterValidation,
                            message: "链接目标工作表名称含有不允许的字符 \(ExcelText.codePoint(bad))", context: context)
        }
        if !Self.isA1CellOrRange(cell) {
            throw XlsxError(code: .parameterValidation, message: "链接目标“\(cell)”不是 A1 形式的单元格", context: context)
        }
        let location = "'" + sheet.replacingAll("'", with: "''") + "'!" + cell
        if location.utf16.count > ExcelLimits.linkLocationLength {
            throw XlsxError(code: .maxURLLengthExceeded,
                            message: "链接目标长 \(location.utf16.count) 个字符，超过 Excel 上限 255", context: context)
        }
        if linkCount >= ExcelLimits.urlsPerSheet {
            throw XlsxError(code: .maxNumberOfURLsExceeded, context: context)
        }
        let escaped = try cellText(text ?? location, context)
        let f = try workbook.formatHandle(format, context)
        let result = ("internal:" + location).withCString { cURL in
            escaped.withCString { cText in
                worksheet_write_url_opt(handle, r, c, cURL, f, cText, nil)
            }
        }
        try XlsxError.check(result, context)
        linkCount += 1
        advanceStreaming(to: row)
    }

    // MARK: - Rows and columns

    /// Sets the width of one column or a span of columns, in Excel's character units
    /// (see `TextWidth.columnWidth(forLongestText:)`), optionally with a default format.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for a width outside 0…255, a reversed span or an invalid `format`.
    public func setColumnWidth(_ width: Double, firstColumn: Int, lastColumn: Int? = nil,
                               format: CellFormat? = nil) throws(XlsxError) {
        let last = lastColumn ?? firstColumn
        let context = columnContext(firstColumn, last)
        let c1 = try columnIndex(firstColumn, context)
        let c2 = try columnIndex(last, context)
        if last < firstColumn {
            throw XlsxError(code: .parameterValidation, message: "列范围的起止颠倒", context: context)
        }
        if !(width.isFinite && width >= 0 && width <= ExcelLimits.columnWidth) {
            throw XlsxError(code: .parameterValidation, message: "列宽 \(width) 不在 Excel 允许的 0–255 之间", context: context)
        }
        let f = try workbook.formatHandle(format, context)
        try XlsxError.check(worksheet_set_column(handle, c1, c2, width, f), context)
    }

    /// Sets the height of a row in points, optionally with a default format.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for a height outside 0…409 or an invalid `format`.
    public func setRowHeight(_ height: Double, row: Int, format: CellFormat? = nil) throws(XlsxError) {
        let context = rowContext(row, row)
        let r = try rowIndex(row, context)
        try checkStreaming(row, context)
        if !(height.isFinite && height >= 0 && height <= ExcelLimits.rowHeight) {
            throw XlsxError(code: .parameterValidation, message: "行高 \(height) 不在 Excel 允许的 0–409 磅之间", context: context)
        }
        let f = try workbook.formatHandle(format, context)
        try XlsxError.check(worksheet_set_row(handle, r, height, f), context)
    }

    /// Freezes the rows above `row` and the columns left of `column`; `(1, 0)` freezes the
    /// top row.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`.
    public func freezePanes(row: Int, column: Int) throws(XlsxError) {
        let context = cellContext(row, column)
        let (r, c) = try position(row, column, context)
        worksheet_freeze_panes(handle, r, c)
    }

    // MARK: - Printing

    /// Repeats rows `first...last` at the top of every printed page.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for a reversed span.
    public func repeatRows(first: Int, last: Int) throws(XlsxError) {
        let context = rowContext(first, last)
        let r1 = try rowIndex(first, context)
        let r2 = try rowIndex(last, context)
        if last < first {
            throw XlsxError(code: .parameterValidation, message: "行范围的起止颠倒", context: context)
        }
        try XlsxError.check(worksheet_repeat_rows(handle, r1, r2), context)
    }

    /// Limits printing to a rectangle of cells.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.worksheetIndexOutOfRange`;
    ///   `.parameterValidation` for a reversed range.
    public func printArea(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XlsxError) {
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let context = rangeContext(range)
        let (r1, c1) = try position(firstRow, firstColumn, context)
        let (r2, c2) = try position(lastRow, lastColumn, context)
        if lastRow < firstRow || lastColumn < firstColumn {
            throw XlsxError(code: .parameterValidation, message: "打印区域的起止颠倒", context: context)
        }
        try XlsxError.check(worksheet_print_area(handle, r1, c1, r2, c2), context)
    }

    /// Sets the paper size, e.g. `.a4`.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func setPaper(_ paper: PaperSize) throws(XlsxError) {
        try ensureOpen()
        worksheet_set_paper(handle, paper.rawValue)
    }

    /// Prints across the page (landscape).
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func setLandscape() throws(XlsxError) {
        try ensureOpen()
        worksheet_set_landscape(handle)
    }

    /// Prints down the page (portrait, Excel's default).
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func setPortrait() throws(XlsxError) {
        try ensureOpen()
        worksheet_set_portrait(handle)
    }

    /// Scales the printout to fit `width` pages across and `height` pages down; 0 means
    /// as many as needed (`fitToPages(width: 1, height: 0)` fits the width only).
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.parameterValidation` outside 0…32767.
    public func fitToPages(width: Int, height: Int) throws(XlsxError) {
        try ensureOpen()
        guard (0...32_767).contains(width), (0...32_767).contains(height) else {
            throw XlsxError(code: .parameterValidation, message: "页数 \(width)×\(height) 不在 0–32767 之间",
                            context: .init(path: workbook.path, sheet: name))
        }
        worksheet_fit_to_pages(handle, UInt16(width), UInt16(height))
    }

    /// Sets page margins in inches; `nil` keeps Excel's default for that side.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.parameterValidation` for a negative or
    ///   non-finite margin.
    public func setMargins(left: Double? = nil, right: Double? = nil, top: Double? = nil,
                           bottom: Double? = nil) throws(XlsxError) {
        try ensureOpen()
        for margin in [left, right, top, bottom] {
            if let margin, !(margin.isFinite && margin >= 0) {
                throw XlsxError(code: .parameterValidation, message: "页边距 \(margin) 无效",
                                context: .init(path: workbook.path, sheet: name))
            }
        }
        // libxlsxwriter keeps its default for a negative margin.
        worksheet_set_margins(handle, left ?? -1, right ?? -1, top ?? -1, bottom ?? -1)
    }

    /// Centers the printout horizontally on the page.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func centerHorizontally() throws(XlsxError) {
        try ensureOpen()
        worksheet_center_horizontally(handle)
    }

    /// Hides the gridlines on screen and in print.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func hideGridlines() throws(XlsxError) {
        try ensureOpen()
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    /// Sets the printed page header using Excel's codes: `&L` `&C` `&R` sections, `&P` page
    /// number, `&N` page count, `&&` a literal ampersand. Example: `"&C第 &P 页，共 &N 页"`.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.string255LengthExceeded` over 255
    ///   characters; `.featureNotSupported` for `&G` or `&[Picture]` (images are not
    ///   supported, and libxlsxwriter 1.1.4 double-frees at close on an unmatched `&G`,
    ///   even inside `&&G`); `.parameterValidation` for U+0000 or a control character.
    public func setHeader(_ text: String) throws(XlsxError) {
        try setHeaderOrFooter(text, "页眉", worksheet_set_header)
    }

    /// Sets the printed page footer; same codes and checks as `setHeader(_:)`.
    ///
    /// - Throws: as `setHeader(_:)`.
    public func setFooter(_ text: String) throws(XlsxError) {
        try setHeaderOrFooter(text, "页脚", worksheet_set_footer)
    }

    // MARK: - Sheet

    /// Colours the sheet tab (0xRRGGBB).
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.parameterValidation` above 0xFFFFFF.
    public func setTabColor(_ color: UInt32) throws(XlsxError) {
        try ensureOpen()
        guard color <= 0xFFFFFF else {
            throw XlsxError(code: .parameterValidation,
                            message: "标签颜色 0x\(String(color, radix: 16, uppercase: true)) 不是 0xRRGGBB 颜色",
                            context: .init(path: workbook.path, sheet: name))
        }
        // 0 means "unset" to libxlsxwriter; black is LXW_COLOR_BLACK.
        worksheet_set_tab_color(handle, color == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : color)
    }

    /// Makes this the sheet shown when the workbook opens.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`.
    public func activate() throws(XlsxError) {
        try ensureOpen()
        worksheet_activate(handle)
    }

    // MARK: - Checks

    /// Text that needs no check and no escape: at most 32,767 UTF-8 bytes (so as many UTF-16
    /// units at most) and nothing `ExcelText.escaped` would change or a check refuse.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    @inline(__always)
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= ExcelLimits.textLength && !ExcelText.mayNeedEscaping(bytes)
    }

    private func ensureOpen() throws(XlsxError) {
        _ = try workbook.openHandle(.init(path: workbook.path, sheet: name))
    }

    private func setHeaderOrFooter(_ text: String, _ label: String,
                                   _ set: (UnsafeMutablePointer<lxw_worksheet>?, UnsafePointer<CChar>?) -> lxw_error) throws(XlsxError) {
        let context = XlsxError.Context(path: workbook.path, sheet: name)
        _ = try workbook.openHandle(context)
        if let bad = ExcelText.firstForbiddenCharacter(text) {
            throw XlsxError(code: .parameterValidation, message: "\(label)含有不允许的字符 \(ExcelText.codePoint(bad))", context: context)
        }
        if text.utf16.count > ExcelLimits.headerFooterLength {
            throw XlsxError(code: .string255LengthExceeded,
                            message: "\(label)长 \(text.utf16.count) 个字符，超过 Excel 上限 255", context: context)
        }
        // libxlsxwriter counts "&G" and "&[Picture]" as plain substrings.
        if text.contains("&G") || text.contains("&[Picture]") {
            throw XlsxError(code: .featureNotSupported, message: "\(label)不支持图片占位符 &G 或 &[Picture]", context: context)
        }
        try XlsxError.check(text.withCString { set(handle, $0) }, context)
    }

    /// Checks the workbook is open and the cell is on the sheet.
    private func position(_ row: Int, _ column: Int, _ context: XlsxError.Context) throws(XlsxError) -> (lxw_row_t, lxw_col_t) {
        _ = try workbook.openHandle(context)
        return (try rowIndex(row, context), try columnIndex(column, context))
    }

    /// On a streaming sheet libxlsxwriter refuses rows above the one it is filling
    /// (`LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`); say why instead.
    private func checkStreaming(_ row: Int, _ context: XlsxError.Context) throws(XlsxError) {
        guard isStreaming, row < streamingRow else { return }
        throw XlsxError(code: .worksheetIndexOutOfRange,
                        message: "常量内存模式下第 \(streamingRow + 1) 行之前的行已写出，不能再写第 \(row + 1) 行",
                        context: context)
    }

    private func advanceStreaming(to row: Int) {
        if isStreaming && row > cellState.pointee.streamingRow { cellState.pointee.streamingRow = row }
    }

    private func rowIndex(_ row: Int, _ context: XlsxError.Context) throws(XlsxError) -> lxw_row_t {
        _ = try workbook.openHandle(context)
        guard (0..<ExcelLimits.rows).contains(row) else {
            throw XlsxError(code: .worksheetIndexOutOfRange, message: "行号超出 Excel 工作表范围（第 1–1048576 行）", context: context)
        }
        return lxw_row_t(row)
    }

    private func columnIndex(_ column: Int, _ context: XlsxError.Context) throws(XlsxError) -> lxw_col_t {
        _ = try workbook.openHandle(context)
        guard (0..<ExcelLimits.columns).contains(column) else {
            throw XlsxError(code: .worksheetIndexOutOfRange, message: "列号超出 Excel 工作表范围（A–XFD 列）", context: context)
        }
        return lxw_col_t(column)
    }

    private func finite(_ value: Double, _ label: String, _ context: XlsxError.Context) throws(XlsxError) {
        guard value.isFinite else {
            throw XlsxError(code: .parameterValidation, message: "\(label)为 \(value)，Excel 只能保存有限数值", context: context)
        }
    }

    /// Cell text checked and escaped (see `ExcelText.escaped`).
    private func cellText(_ text: String, _ context: XlsxError.Context) throws(XlsxError) -> String {
        if text.unicodeScalars.contains("\0") {
            throw XlsxError(code: .parameterValidation, message: "文本含有 NUL 字符（U+0000），XLSX 无法保存", context: context)
        }
        let length = text.utf16.count
        if length > ExcelLimits.textLength {
            throw XlsxError(code: .maxStringLengthExceeded,
                            message: "文本长 \(length) 个字符（UTF-16），超过 Excel 上限 32767", context: context)
        }
        let escaped = ExcelText.escaped(text)
        let escapedLength = escaped.utf16.count
        if escapedLength > ExcelLimits.textLength {
            throw XlsxError(code: .maxStringLengthExceeded,
                            message: "文本转义 _xHHHH_ 序列后长 \(escapedLength) 个字符（UTF-16），超过 Excel 上限 32767",
                            context: context)
        }
        return escaped
    }

    private func cellContext(_ row: Int, _ column: Int) -> XlsxError.Context {
        let inRange = (0..<ExcelLimits.rows).contains(row) && (0..<ExcelLimits.columns).contains(column)
        let cell = inRange ? CellReference.a1(row: row, column: column) : "R\(row + 1)C\(column + 1)"
        return .init(path: workbook.path, sheet: name, cell: cell)
    }

    private func rangeContext(_ range: CellRange) -> XlsxError.Context {
        .init(path: workbook.path, sheet: name, cell: range.isOnSheet ? range.a1 : nil)
    }

    private func columnContext(_ first: Int, _ last: Int) -> XlsxError.Context {
        let ok = (0..<ExcelLimits.columns).contains(first) && (0..<ExcelLimits.columns).contains(last)
        let cell = ok ? CellReference.columnLetters(first) + ":" + CellReference.columnLetters(last) : nil
        return .init(path: workbook.path, sheet: name, cell: cell)
    }

    private func rowContext(_ first: Int, _ last: Int) -> XlsxError.Context {
        .init(path: workbook.path, sheet: name, cell: "\(first + 1):\(last + 1)")
    }

    /// `A1`, `$A$1`, `A1:B2`: 1–3 letters then a row number, optionally twice.
    static func isA1CellOrRange(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            var bytes = Substring(part).utf8[...]
            if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
            let letters = bytes.prefix { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
            bytes = bytes.dropFirst(letters.count)
            if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
            return (1...3).contains(letters.count) && !bytes.isEmpty
                && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                && bytes.first != UInt8(ascii: "0")
        }
    }
}

/// A rectangle of zero-based cells.
struct CellRange: Hashable {
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int

    var isSingleCell: Bool { firstRow == lastRow && firstColumn == lastColumn }

    var isOnSheet: Bool {
        [firstRow, lastRow].allSatisfy { (0..<ExcelLimits.rows).contains($0) }
            && [firstColumn, lastColumn].allSatisfy { (0..<ExcelLimits.columns).contains($0) }
    }

    var a1: String {
        CellReference.range(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
    }

    func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }
}
