/// One record (row) of a CSV file, with the physical line it came from.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line number where the record starts (CRLF, LF and a lone CR each end a line).
    public let line: Int
    /// The decoded, unquoted field texts. A blank line is `[""]`; ragged rows are not padded.
    public let fields: [String]
    /// `nil` when every field starts on `line`; otherwise the 1-based line on which each
    /// field starts (fields after a quoted field with an embedded line break start later).
    public let fieldLines: [Int]?

    public init(line: Int, fields: [String], fieldLines: [Int]? = nil) {
        precondition(fieldLines == nil || fieldLines!.count == fields.count, "fieldLines must match fields")
        self.line = line
        self.fields = fields
        self.fieldLines = fieldLines
    }

    /// The 1-based line on which field `index` (0-based) starts.
    ///
    /// An index past the last field (a column the row is missing) gives the line of the
    /// last field, which is where the row ends up in the file.
    public func line(ofField index: Int) -> Int {
        guard let fieldLines, !fieldLines.isEmpty else { return line }
        return fieldLines[min(max(index, 0), fieldLines.count - 1)]
    }
}
