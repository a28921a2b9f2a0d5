/// The character encoding a CSV file was found to be in.
///
/// Decided once per file, before any parsing (see `CSVReader.read(path:delimiter:sizeLimit:)`).
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 without a byte order mark (also every pure-ASCII file).
    case utf8
    /// UTF-8 starting with EF BB BF, what Excel writes for “CSV UTF-8”.
    case utf8WithBOM
    /// UTF-16 little-endian starting with FF FE, Excel's “Unicode 文本”.
    case utf16LE
    /// UTF-16 big-endian starting with FE FF.
    case utf16BE
    /// GB18030 (a superset of GBK/GB2312), what Excel and WPS write for “CSV（逗号分隔）” on Chinese Windows.
    case gb18030

    /// The name shown to the clerk, e.g. `UTF-8（带 BOM）`.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8WithBOM: "UTF-8（带 BOM）"
        case .utf16LE: "UTF-16 LE（带 BOM）"
        case .utf16BE: "UTF-16 BE（带 BOM）"
        case .gb18030: "GB18030"
        }
    }
}
