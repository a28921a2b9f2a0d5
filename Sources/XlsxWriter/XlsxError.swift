import CXlsxWriter

/// An error from writing an XLSX workbook: a libxlsxwriter failure, or a value Excel
/// would refuse that the wrapper caught before it reached the C library.
///
/// `description` is the text for people, Chinese first:
/// `写入工作簿失败（Sheet1!B3）：文本含有 NUL 字符（U+0000），XLSX 无法保存`.
public struct XlsxError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The error code: a libxlsxwriter `lxw_error` value, or one of the wrapper's own
    /// negative codes. Unknown values survive (see libxlsxwriter include/xlsxwriter/common.h).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The `lxw_error` number (0…`LXW_MAX_ERRNO`), or a negative wrapper code.
        public var rawValue: Int32

        /// Wraps any error number, known or not.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        init(_ error: lxw_error) { self.rawValue = Int32(bitPattern: UInt32(error.rawValue)) }

        /// `LXW_ERROR_MEMORY_MALLOC_FAILED`.
        public static let memoryMallocFailed = Code(LXW_ERROR_MEMORY_MALLOC_FAILED)
        /// `LXW_ERROR_CREATING_XLSX_FILE`: the output file cannot be created.
        public static let creatingXlsxFile = Code(LXW_ERROR_CREATING_XLSX_FILE)
        /// `LXW_ERROR_CREATING_TMPFILE`: a temporary file cannot be created.
        public static let creatingTmpfile = Code(LXW_ERROR_CREATING_TMPFILE)
        /// `LXW_ERROR_READING_TMPFILE`.
        public static let readingTmpfile = Code(LXW_ERROR_READING_TMPFILE)
        /// `LXW_ERROR_ZIP_FILE_OPERATION` (ZIP_ERRNO, e.g. disk full).
        public static let zipFileOperation = Code(LXW_ERROR_ZIP_FILE_OPERATION)
        /// `LXW_ERROR_ZIP_PARAMETER_ERROR`.
        public static let zipParameterError = Code(LXW_ERROR_ZIP_PARAMETER_ERROR)
        /// `LXW_ERROR_ZIP_BAD_ZIP_FILE` (the file may need `useZip64`).
        public static let zipBadZipFile = Code(LXW_ERROR_ZIP_BAD_ZIP_FILE)
        /// `LXW_ERROR_ZIP_INTERNAL_ERROR`.
        public static let zipInternalError = Code(LXW_ERROR_ZIP_INTERNAL_ERROR)
        /// `LXW_ERROR_ZIP_FILE_ADD`.
        public static let zipFileAdd = Code(LXW_ERROR_ZIP_FILE_ADD)
        /// `LXW_ERROR_ZIP_CLOSE`.
        public static let zipClose = Code(LXW_ERROR_ZIP_CLOSE)
        /// `LXW_ERROR_FEATURE_NOT_SUPPORTED`.
        public static let featureNotSupported = Code(LXW_ERROR_FEATURE_NOT_SUPPORTED)
        /// `LXW_ERROR_PARAMETER_VALIDATION`: a value Excel would refuse.
        public static let parameterValidation = Code(LXW_ERROR_PARAMETER_VALIDATION)
        /// `LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED`: more than 31 characters.
        public static let sheetNameLengthExceeded = Code(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED)
        /// `LXW_ERROR_INVALID_SHEETNAME_CHARACTER`: one of `[ ] : * ? / \`.
        public static let invalidSheetNameCharacter = Code(LXW_ERROR_INVALID_SHEETNAME_CHARACTER)
        /// `LXW_ERROR_SHEETNAME_START_END_APOSTROPHE`.
        public static let sheetNameStartEndApostrophe = Code(LXW_ERROR_SHEETNAME_START_END_APOSTROPHE)
        /// `LXW_ERROR_SHEETNAME_ALREADY_USED` (Excel ignores case).
        public static let sheetNameAlreadyUsed = Code(LXW_ERROR_SHEETNAME_ALREADY_USED)
        /// `LXW_ERROR_255_STRING_LENGTH_EXCEEDED`.
        public static let string255LengthExceeded = Code(LXW_ERROR_255_STRING_LENGTH_EXCEEDED)
        /// `LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED`: text over 32,767 characters.
        public static let maxStringLengthExceeded = Code(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        /// `LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`: row or column outside the sheet.
        public static let worksheetIndexOutOfRange = Code(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        /// `LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED`.
        public static let maxURLLengthExceeded = Code(LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED)
        /// `LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED`: more than 65,530 links on a sheet.
        public static let maxNumberOfURLsExceeded = Code(LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED)
        /// Wrapper code: the workbook was already closed (no libxlsxwriter equivalent).
        public static let workbookClosed = Code(rawValue: -1)

        /// The library's text for this code (`lxw_strerror`), or the wrapper's own text.
        public var description: String {
            if self == .workbookClosed { return "工作簿已关闭" }
            guard rawValue >= 0, rawValue < Int32(LXW_MAX_ERRNO.rawValue) else {
                return "未知错误码 \(rawValue)"
            }
            // lxw_strerror indexes a static table; the range check above keeps it in bounds.
            return String(cString: lxw_strerror(lxw_error(rawValue: UInt32(rawValue))))
        }
    }

    /// Where the error happened; every field is optional.
    public struct Context: Sendable, Hashable {
        /// The workbook's output path.
        public var path: String?
        /// The worksheet name, as given (unquoted).
        public var sheet: String?
        /// The cell or range in A1 notation (`B3`, `A1:D1`, `B:D`, `3:5`), or `R5C20000`
        /// when the position is outside the sheet.
        public var cell: String?

        /// Makes a context.
        public init(path: String? = nil, sheet: String? = nil, cell: String? = nil) {
            self.path = path
            self.sheet = sheet
            self.cell = cell
        }
    }

    /// The error code.
    public var code: Code
    /// What went wrong: the `lxw_strerror` text, or the wrapper's own Chinese text.
    public var message: String
    /// Path, sheet and cell.
    public var context: Context

    /// Makes an error; `message` defaults to the code's own text.
    public init(code: Code, message: String? = nil, context: Context = .init()) {
        self.code = code
        self.message = message ?? code.description
        self.context = context
    }

    /// `写入工作簿失败（<where>）：<message>`, where `<where>` is `Sheet!A1`, `工作表“Sheet”`
    /// or the path — the most precise place known.
    public var description: String {
        let place: String?
        if let sheet = context.sheet, let cell = context.cell {
            place = "\(CellReference.quotedSheetName(sheet))!\(cell)"
        } else if let sheet = context.sheet {
            place = "工作表“\(sheet)”"
        } else {
            place = context.path
        }
        if let place { return "写入工作簿失败（\(place)）：\(message)" }
        return "写入工作簿失败：\(message)"
    }
}

extension XlsxError {
    /// Throws when `error` is not `LXW_NO_ERROR`.
    static func check(_ error: lxw_error, _ context: @autoclosure () -> Context) throws(XlsxError) {
        guard error != LXW_NO_ERROR else { return }
        throw XlsxError(code: Code(error), context: context())
    }
}
