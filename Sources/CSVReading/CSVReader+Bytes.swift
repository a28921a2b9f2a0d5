extension CSVReader {
    /// Reads a file's bytes with the reader's own checks (not a folder, within the size
    /// limit), for callers that also need the bytes themselves (a checksum) before
    /// `parse(bytes:path:delimiter:)`.
    ///
    /// - Throws: `CSVReadError.cannotOpen`, `CSVReadError.tooLarge`.
    public static func loadBytes(path: String, sizeLimit: Int = defaultSizeLimit) throws(CSVReadError) -> [UInt8] {
        try FileLoader.load(path: path, sizeLimit: sizeLimit)
    }
}
