/// The whole content of one CSV file, as read by `CSVReader`.
public struct CSVTable: Sendable, Equatable {
    /// The encoding the file was decoded from.
    public let encoding: TextEncoding
    /// The field separator used: `,`, `\t` or `;` when sniffed, or what the caller passed.
    public let delimiter: UInt8
    /// Every record in file order, blank lines included (as `[""]`).
    public let records: [CSVRecord]
    /// Size of the input in bytes (before decoding, byte order mark included).
    public let byteCount: Int

    public init(encoding: TextEncoding, delimiter: UInt8, records: [CSVRecord], byteCount: Int) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.records = records
        self.byteCount = byteCount
    }
}
