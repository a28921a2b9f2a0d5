import CSVReading
import Progress
import XlsxWriter

/// Streams any CSV into a clean XLSX workbook: `nianbao convert`.
///
/// ```swift
/// let summary = try CSVConverter(options: .init(text: true)).convert(input: "名单.csv", output: temporaryPath)
/// print(summary.dataRows, summary.sheetNames)
/// ```
///
/// - The CSV is read by `CSVStreamReader` (chunks of 1 MiB) and the workbook written by
///   libxlsxwriter in constant-memory mode, row by row, so memory stays flat whatever the
///   size of the file.
/// - The first record is the header (unless `header` is off): bold, frozen, and repeated
///   at the top of every continuation sheet.
/// - Typed mode (the default) writes a field as a number only when its text is
///   unambiguously one (see `NumberRecognizer`: no leading zeros, at most 15 digits, `-`
///   and `.` only). It keeps Excel's General format except where General would show it
///   differently: a decimal ending in 0 gets as many decimals as written (`12.50` → `0.00`),
///   a number of 12 or more digits an explicit format (`0`, `0.000…`), so the cell shows
///   what the CSV said. Text mode writes every field as text, exactly as read. Text is never a formula,
///   whatever it starts with (`=`, `+`, `-`, `@`).
/// - An empty field is written as an empty cell without a style, so the sheet keeps each
///   record's shape (trailing empty fields included); a blank line is an empty row.
/// - Column widths fit the widest text of the first `widthSampleRows` records, counting
///   CJK characters double (`TextWidth`), never narrower than Excel's default.
/// - A record past row 1,048,576 continues on a new sheet (see `SheetNaming`).
/// - Nothing is cut silently: a field over Excel's 32,767 characters is written up to the
///   limit, marked with a red fill and a comment, and reported as a `ConversionProblem`;
///   fields past column XFD likewise. NUL cannot reach a cell: the reader refuses files
///   that contain it (`CSVReadError.notText`).
public struct CSVConverter {
    public struct Options: Sendable {
        /// Every field as text, exactly as read.
        public var text: Bool
        /// The first record is a header (bold, frozen, repeated on continuation sheets).
        public var header: Bool
        /// The field separator; `nil` sniffs `,`, tab or `;`.
        public var delimiter: UInt8?
        /// The first sheet's name; `nil` takes the input file's name.
        public var sheetName: String?
        /// The document's creation time (seconds since 1970), for reproducible files; `nil`
        /// is the time of writing.
        public var created: Int?
        /// Bytes read at a time.
        public var chunkSize: Int
        /// Records looked at for column widths.
        public var widthSampleRows: Int
        /// Rows per sheet before continuing on the next (Excel's limit; smaller in tests).
        public var rowsPerSheet: Int
        /// Problems kept in the summary; all are counted.
        public var problemLimit: Int
        /// Counts the rows written, for a progress display.
        public var progress: ProgressCounter?

        public init(text: Bool = false, header: Bool = true, delimiter: UInt8? = nil, sheetName: String? = nil,
                    created: Int? = nil, chunkSize: Int = CSVStreamReader.defaultChunkSize,
                    widthSampleRows: Int = 1000, rowsPerSheet: Int = 1_048_576, problemLimit: Int = 100,
                    progress: ProgressCounter? = nil) {
            self.text = text
            self.header = header
            self.delimiter = delimiter
            self.sheetName = sheetName
            self.created = created
            self.chunkSize = chunkSize
            self.widthSampleRows = widthSampleRows
            self.rowsPerSheet = rowsPerSheet
            self.problemLimit = problemLimit
            self.progress = progress
        }
    }

    /// Inputs over this size get ZIP64, which the sheet's XML may need past 4 GB (it is
    /// several times the size of the CSV).
    static let zip64Threshold = 512 * 1024 * 1024
    /// Widest column set, in Excel character units; longer text wraps off-screen.
    static let maxColumnWidth = 100.0
    /// Excel's default column width, which fitted columns never go below.
    static let defaultColumnWidth = 8.43

    public var options: Options

    public init(options: Options = .init()) {
        precondition(options.rowsPerSheet >= 2 && options.rowsPerSheet <= ExcelSheetLimits.rows,
                     "rowsPerSheet must be 2…1048576")
        self.options = options
    }

    /// Converts the CSV at `input` into a new workbook at `output`. Write to a temporary
    /// path and rename on success: on an error the partial file is deleted.
    ///
    /// - Throws: `ConversionError.read` when the CSV cannot be read (missing, not text,
    ///   unknown encoding, a quote left open…), also part-way through;
    ///   `ConversionError.write` when the workbook cannot be written (bad `sheetName`,
    ///   disk full…).
    public func convert(input: String, output: String) throws(ConversionError) -> ConversionSummary {
        let reader: CSVStreamReader
        do {
            reader = try CSVStreamReader(path: input, delimiter: options.delimiter, chunkSize: options.chunkSize)
        } catch {
            throw .read(error)
        }
        var job: Job
        do {
            let workbook = try Workbook(path: output, options: WorkbookOptions(
                constantMemory: true, useZip64: reader.byteCount > Self.zip64Threshold))
            if let created = options.created, created > 0 {
                try workbook.setProperties(DocumentProperties(created: created))
            }
            job = try Job(options: options, workbook: workbook,
                          baseName: options.sheetName ?? SheetNaming.baseName(forFile: input))
        } catch {
            throw .write(error)
        }
        let progress = options.progress
        progress?.begin(.convertingRows)
        do {
            while try reader.nextRecord() {
                try job.write(reader)
                progress?.advance()
                if let progress, reader.recordCount % 4096 == 0, reader.byteCount > 0 {
                    progress.consumed(Double(reader.bytesRead) / Double(reader.byteCount))
                }
            }
        } catch let error as CSVReadError {
            throw .read(error)
        } catch let error as XlsxError {
            throw .write(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
        progress?.begin(.compressing)
        do {
            try job.finish()
        } catch {
            throw .write(error)
        }
        return ConversionSummary(
            encoding: reader.encoding, delimiter: reader.delimiter, records: reader.recordCount,
            headerRows: options.header && reader.recordCount > 0 ? 1 : 0, columns: job.columns,
            sheetNames: job.sheets.map(\.name), numberCells: job.numberCells, textCells: job.textCells,
            problems: job.problems, problemCount: job.problemCount)
    }
}

/// The state of one conversion: the sheets, the row being written, widths and counts.
private struct Job {
    let options: CSVConverter.Options
    let workbook: Workbook
    let baseName: String
    var sheets: [Worksheet] = []
    var sheet: Worksheet
    /// Row in `sheet` of the next record.
    var row = 0
    var columns = 0
    var numberCells = 0
    var textCells = 0
    var problems: [ConversionProblem] = []
    var problemCount = 0
    /// The header's cells as written (cut to Excel's limit), repeated on continuation sheets.
    var headerFields: [(text: String, cut: Bool)] = []
    /// Widest display width per column among the sampled records.
    var widths: [Int] = []

    let headerFormat = CellFormat(bold: true)
    /// A format equal to the default: an empty field becomes a `<c>` without style.
    let emptyFormat = CellFormat()
    /// Excel's “Bad” look, for a cell whose text was cut.
    let cutFormat = CellFormat(fontColor: 0x9C0006, fillColor: 0xFFC7CE)
    let cutHeaderFormat = CellFormat(bold: true, fontColor: 0x9C0006, fillColor: 0xFFC7CE)
    /// `0.0`, `0.00` … for decimals with 1…15 digits after the point; `0` for long integers.
    let decimalFormats: [CellFormat] = (0...NumberRecognizer.maxDigits).map { decimals in
        CellFormat(numberFormat: decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
    }

    init(options: CSVConverter.Options, workbook: Workbook, baseName: String) throws(XlsxError) {
        self.options = options
        self.workbook = workbook
        self.baseName = baseName
        sheet = try workbook.addWorksheet(named: baseName)
        sheets = [sheet]
    }

    mutating func write(_ reader: CSVStreamReader) throws(XlsxError) {
        let isHeader = options.header && reader.recordCount == 1
        if row == options.rowsPerSheet { try continueOnNewSheet() }
        let fieldCount = reader.fieldCount
        if fieldCount > columns { columns = fieldCount }
        let sampled = reader.recordCount <= options.widthSampleRows
        if sampled && fieldCount > widths.count {
            widths.append(contentsOf: repeatElement(0, count: min(fieldCount, ExcelSheetLimits.columns) - widths.count))
        }
        let writable = min(fieldCount, ExcelSheetLimits.columns)
        let typed = !options.text && !isHeader
        for column in 0..<writable {
            try reader.withFieldBytes(column) { (bytes) throws(XlsxError) in
                try writeField(bytes, column: column, typed: typed, isHeader: isHeader, sampled: sampled, reader: reader)
            }
        }
        if fieldCount > writable {
            report(ConversionProblem(code: .tooManyColumns, line: reader.line, column: ExcelSheetLimits.columns + 1,
                                     sheet: sheet.name, cell: nil, length: fieldCount, kept: 0))
        }
        if isHeader {
            headerFields = (0..<writable).map { column in
                reader.withFieldBytes(column) { bytes in
                    let fitting = CellTextLimit.fittingPrefix(bytes)
                    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<fitting]), as: UTF8.self), fitting < bytes.count)
                }
            }
            try sheet.freezePanes(row: 1, column: 0)
        }
        row += 1
    }

    @inline(__always)
    private mutating func writeField(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, typed: Bool, isHeader: Bool,
                                     sampled: Bool, reader: CSVStreamReader) throws(XlsxError) {
        if bytes.isEmpty {
            try sheet.writeBlank(row: row, column: column, format: emptyFormat)
            return
        }
        if typed, let number = NumberRecognizer.number(bytes) {
            // General already shows most numbers as written; a format only where it would not:
            // a trailing zero after the point (12.50), or more than 11 digits (General
            // switches to rounding or scientific notation). Fewer formats, fewer lookups.
            let needsFormat = number.digits > 11 || (number.decimals > 0 && bytes[bytes.count - 1] == UInt8(ascii: "0"))
            try sheet.write(number.value, row: row, column: column, format: needsFormat ? decimalFormats[number.decimals] : nil)
            numberCells += 1
            if sampled { widths[column] = max(widths[column], bytes.count) }
            return
        }
        if bytes.count > CellTextLimit.safeByteCount {
            let fitting = CellTextLimit.fittingPrefix(bytes)
            if fitting < bytes.count {
                try writeCut(bytes, fitting: fitting, column: column, isHeader: isHeader, reader: reader)
                return
            }
        }
        textCells += 1
        guard sampled || isHeader else {
            try sheet.write(validUTF8: bytes, row: row, column: column)
            return
        }
        let text = Self.string(bytes)
        try sheet.write(text, row: row, column: column, format: isHeader ? headerFormat : nil)
        if sampled {
            let width = isHeader ? (TextWidth.displayWidth(text) * 11 + 9) / 10 : TextWidth.displayWidth(text)
            widths[column] = max(widths[column], width)
        }
    }

    /// The field as a `String`: small ones (up to 15 bytes) live inline, without allocation.
    /// (`String(decoding:as:)` would first try a dynamic cast of the buffer, per cell.)
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            _ = buffer.initialize(fromContentsOf: bytes)
            return bytes.count
        }
    }

    /// Writes the part of an over-long field that fits, marked, and reports it.
    private mutating func writeCut(_ bytes: UnsafeBufferPointer<UInt8>, fitting: Int, column: Int, isHeader: Bool,
                                   reader: CSVStreamReader) throws(XlsxError) {
        let kept = UnsafeBufferPointer(rebasing: bytes[0..<fitting])
        let length = CellTextLimit.utf16Length(bytes)
        let keptLength = CellTextLimit.utf16Length(kept)
        try sheet.write(String(decoding: kept, as: UTF8.self), row: row, column: column,
                        format: isHeader ? cutHeaderFormat : cutFormat)
        try sheet.writeComment("原文共 \(length) 个字符，超过 Excel 单元格上限 \(CellTextLimit.units) 个字符，"
                               + "这里只保存了前 \(keptLength) 个字符。完整内容见 CSV 文件第 \(reader.fieldLine(column)) 行。",
                               row: row, column: column, author: "nianbao")
        textCells += 1
        report(ConversionProblem(code: .textTooLong, line: reader.fieldLine(column), column: column + 1,
                                 sheet: sheet.name, cell: CellReference.a1(row: row, column: column),
                                 length: length, kept: keptLength))
    }

    private mutating func report(_ problem: ConversionProblem) {
        problemCount += 1
        if problems.count < options.problemLimit { problems.append(problem) }
    }

    /// Starts the next sheet, with the header again.
    private mutating func continueOnNewSheet() throws(XlsxError) {
        sheet = try workbook.addWorksheet(named: SheetNaming.name(base: baseName, number: sheets.count + 1))
        sheets.append(sheet)
        row = 0
        guard options.header else { return }
        for (column, cell) in headerFields.enumerated() {
            if cell.text.isEmpty {
                try sheet.writeBlank(row: 0, column: column, format: emptyFormat)
            } else {
                try sheet.write(cell.text, row: 0, column: column, format: cell.cut ? cutHeaderFormat : headerFormat)
            }
        }
        try sheet.freezePanes(row: 1, column: 0)
        row = 1
    }

    /// Sets the fitted column widths on every sheet.
    mutating func finish() throws(XlsxError) {
        for sheet in sheets {
            for (column, width) in widths.enumerated() {
                let fitted = min(CSVConverter.maxColumnWidth, Double(width) + 2)
                if fitted > CSVConverter.defaultColumnWidth {
                    try sheet.setColumnWidth(fitted, firstColumn: column)
                }
            }
        }
        try workbook.close()
    }
}
