/// How libxlsxwriter builds the file (see libxlsxwriter include/xlsxwriter/workbook.h,
/// `lxw_workbook_options`).
public struct WorkbookOptions: Hashable, Sendable {
    /// Flush each row to a temporary file once a later row is written, so memory stays
    /// flat for big sheets. Rows must then be written in order: writing to a row above
    /// the current one throws `.worksheetIndexOutOfRange`. Strings are stored inline.
    /// Merges that span rows still work only if the rows below are not written first.
    public var constantMemory: Bool
    /// Directory for libxlsxwriter's temporary files; `nil` uses the system default.
    public var temporaryDirectory: String?
    /// Allow ZIP64 extensions, needed for files over 4 GB.
    public var useZip64: Bool

    /// Makes options; the defaults are libxlsxwriter's.
    public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
        self.useZip64 = useZip64
    }
}
