/// The hot loop: UTF-8 bytes → records, the way Excel reads a CSV.
///
/// - A field that starts with `"` is quoted (RFC 4180): it runs to the next lone `"`, `""`
///   inside stands for one `"`, and delimiters and line breaks inside are data (kept as they
///   are, CRLF included). Characters after the closing quote up to the next delimiter or line
///   break are appended literally (`"a"b` → `ab`), as Excel does.
/// - A field that does not start with `"` runs to the next delimiter or line break; any `"`
///   in it is an ordinary character (a bare quote, as in `5"` for inches).
/// - CRLF, LF and a lone CR each end a record and count as one physical line.
/// - A blank line is the record `[""]`; ragged rows are kept unpadded; a trailing delimiter
///   gives a final empty field; a last line without a line break is a record.
///
/// A field is a byte range plus a "has doubled quotes" flag; its `String` is made once, and
/// unescaped only when the flag is set (see apple/swift-protobuf:Sources/SwiftProtobuf/
/// JSONScanner.swift, `parseOptionalQuotedString`).
enum RecordScanner {
    /// - Throws: `CSVReadError.unterminatedQuote` with the line where the still-open quoted
    ///   field started; `.fieldTooLong` for a field over `CSVReader.maxFieldCharacters`;
    ///   `.tooManyCells` past `cellLimit` fields.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8, path: String,
                     cellLimit: Int = CSVReader.defaultCellLimit) throws(CSVReadError) -> [CSVRecord] {
        let count = text.count
        var cells = 0
        var records: [CSVRecord] = []
        records.reserveCapacity(count / 64 + 1)
        var i = 0
        var line = 1
        var expectedFields = 4

        while i < count {
            let recordLine = line
            var fields: [String] = []
            fields.reserveCapacity(expectedFields)
            var fieldLines: [Int]? = nil

            while true {
                let fieldLine = line
                let value: String
                if i < count && text[i] == ASCII.quote {
                    i += 1
                    let contentStart = i
                    var hasDoubledQuotes = false
                    var closed = false
                    while i < count {
                        let byte = text[i]
                        if byte == ASCII.quote {
                            if i + 1 < count && text[i + 1] == ASCII.quote {
                                hasDoubledQuotes = true
                                i += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if byte == ASCII.lineFeed {
                            line += 1
                        } else if byte == ASCII.carriageReturn && !(i + 1 < count && text[i + 1] == ASCII.lineFeed) {
                            line += 1   // a lone CR; for CRLF the LF counts the line
                        }
                        i += 1
                    }
                    guard closed else { throw .unterminatedQuote(path: path, line: fieldLine) }
                    let contentEnd = i
                    i += 1   // the closing quote
                    let tailStart = i
                    while i < count {
                        let byte = text[i]
                        if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
                        i += 1
                    }
                    if isTooLong(text, contentStart, contentEnd, tailStart, i) {
                        throw .fieldTooLong(path: path, line: fieldLine, column: fields.count + 1, limit: CSVReader.maxFieldCharacters)
                    }
                    if !hasDoubledQuotes && tailStart == i {
                        value = makeString(text, contentStart, contentEnd)
                    } else {
                        value = makeQuotedString(text, contentStart, contentEnd, tail: tailStart, i)
                    }
                } else {
                    let start = i
                    while i < count {
                        let byte = text[i]
                        if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
                        i += 1
                    }
                    if isTooLong(text, start, i, i, i) {
                        throw .fieldTooLong(path: path, line: fieldLine, column: fields.count + 1, limit: CSVReader.maxFieldCharacters)
                    }
                    value = makeString(text, start, i)
                }
                cells += 1
                if cells > cellLimit { throw .tooManyCells(path: path, line: fieldLine, limit: cellLimit) }

                if fieldLines != nil {
                    fieldLines!.append(fieldLine)
                } else if fieldLine != recordLine {
                    var lines = [Int](repeating: recordLine, count: fields.count)
                    lines.append(fieldLine)
                    fieldLines = lines
                }
                fields.append(value)

                guard i < count else { break }   // end of input ends the record
                let byte = text[i]
                i += 1
                if byte == delimiter { continue }
                // A line break: CRLF, LF or a lone CR.
                if byte == ASCII.carriageReturn && i < count && text[i] == ASCII.lineFeed { i += 1 }
                line += 1
                break
            }

            expectedFields = fields.count
            records.append(CSVRecord(line: recordLine, fields: fields, fieldLines: fieldLines))
        }
        return records
    }

    /// Whether `text[start..<end] + text[tailStart..<tailEnd]` has more Unicode scalars than
    /// an Excel cell may hold (a `""` counts as two: close enough for a bound).
    @inline(__always)
    static func isTooLong(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                          _ tailStart: Int, _ tailEnd: Int) -> Bool {
        let limit = CSVReader.maxFieldCharacters
        guard (end - start) + (tailEnd - tailStart) > limit else { return false }
        var scalars = 0
        for range in [start..<end, tailStart..<tailEnd] {
            for j in range where text[j] & 0xC0 != 0x80 {
                scalars += 1
                if scalars > limit { return true }
            }
        }
        return false
    }

    @inline(__always)
    static func makeString(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        if start == end { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// The quoted content with each `""` made `"`, followed by the literal tail after the
    /// closing quote.
    static func makeQuotedString(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                 tail tailStart: Int, _ tailEnd: Int) -> String {
        let capacity = (end - start) + (tailEnd - tailStart)
        if capacity == 0 { return "" }
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            var i = start
            while i < end {
                let byte = text[i]
                out[written] = byte
                written += 1
                // Inside a closed quoted field every `"` is the first of a pair.
                i += byte == ASCII.quote ? 2 : 1
            }
            for j in tailStart..<tailEnd {
                out[written] = text[j]
                written += 1
            }
            return written
        }
    }
}
