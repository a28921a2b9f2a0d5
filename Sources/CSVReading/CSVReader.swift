/// Reads the CSV files departments send in — saved by Excel or WPS, usually on Chinese
/// Windows — into records, the way Excel itself would open them.
///
/// ```swift
/// let table = try CSVReader.read(path: "收件/区教育局.csv")
/// for record in table.records { print(record.line, record.fields) }
/// ```
///
/// Encoding (decided once, never guessed lossily): a byte order mark (UTF-8, UTF-16 LE/BE)
/// decides; otherwise strict UTF-8; otherwise GB18030, where a lone byte 0x80 (code page
/// 936's €) is read as €. See `TextDecoding`, `DelimiterSniffer` and `RecordScanner` for
/// the exact rules.
public enum CSVReader {
    /// 512 MiB.
    public static let defaultSizeLimit: Int = 512 * 1024 * 1024
    /// 10 million fields: a long table of a million rows fits; blank lines, each a record,
    /// cannot make a small file take gigabytes (every record and field costs memory).
    public static let defaultCellLimit: Int = 10_000_000
    /// Excel's limit on the characters in one cell; a longer field is refused.
    public static let maxFieldCharacters: Int = 32_767

    /// Reads and parses the file at `path`.
    ///
    /// - Parameters:
    ///   - delimiter: the field separator; `nil` sniffs `,`, tab or `;` from the first records.
    ///     Any ASCII byte other than `"`, CR, LF and NUL may be passed.
    ///   - sizeLimit: files larger than this many bytes are refused before being read.
    ///   - cellLimit: files with more fields than this are refused while being parsed.
    /// - Throws: `CSVReadError.cannotOpen` (missing, no permission, a folder, I/O error),
    ///   `.tooLarge`, `.empty`, `.notText`, `.invalidEncoding`, `.unterminatedQuote`,
    ///   `.fieldTooLong`, `.tooManyCells`.
    public static func read(path: String, delimiter: UInt8? = nil, sizeLimit: Int = defaultSizeLimit,
                            cellLimit: Int = defaultCellLimit) throws(CSVReadError) -> CSVTable {
        let bytes = try FileLoader.load(path: path, sizeLimit: sizeLimit)
        return try parse(bytes: bytes, path: path, delimiter: delimiter, cellLimit: cellLimit)
    }

    /// Parses bytes already in memory; `path` only names the input in errors.
    ///
    /// - Throws: `CSVReadError.empty`, `.notText`, `.invalidEncoding`, `.unterminatedQuote`,
    ///   `.fieldTooLong`, `.tooManyCells` (and `.cannotOpen` if the system has no GB18030 converter).
    public static func parse(bytes: [UInt8], path: String = "<memory>", delimiter: UInt8? = nil,
                             cellLimit: Int = defaultCellLimit) throws(CSVReadError) -> CSVTable {
        if let delimiter {
            precondition(isUsableDelimiter(delimiter), "delimiter must be ASCII and not a quote, CR, LF or NUL")
        }
        let decoded = try TextDecoding.decode(bytes, path: path)
        let encoding = decoded.encoding
        let start = decoded.start
        let (chosen, records) = try decoded.utf8.withUnsafeBufferPointer { whole throws(CSVReadError) in
            let text = UnsafeBufferPointer(rebasing: whole[start...])
            if TextDecoding.isBlank(text) { throw CSVReadError.empty(path: path) }
            let chosen = delimiter ?? DelimiterSniffer.sniff(text, preferTab: encoding == .utf16LE || encoding == .utf16BE)
            return (chosen, try RecordScanner.scan(text, delimiter: chosen, path: path, cellLimit: cellLimit))
        }
        return CSVTable(encoding: encoding, delimiter: chosen, records: records, byteCount: bytes.count)
    }

    /// Whether `byte` can separate fields: ASCII (so it never splits a UTF-8 sequence) and not
    /// one of the bytes with a meaning of their own.
    public static func isUsableDelimiter(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != ASCII.quote && byte != ASCII.lineFeed
            && byte != ASCII.carriageReturn && byte != ASCII.nul
    }
}
