import CXlsxWriter

/// An XLSX file being written: owns the libxlsxwriter `lxw_workbook` until `close()`.
///
/// ```swift
/// let workbook = try Workbook(path: temporaryPath)
/// let sheet = try workbook.addWorksheet(named: "表一")
/// try sheet.write("单位名称", row: 0, column: 0)
/// try workbook.close()          // the file exists only after this
/// ```
///
/// Worksheets and formats belong to the workbook and die at close (libxlsxwriter
/// include/xlsxwriter/workbook.h); each `Worksheet` keeps its workbook alive and checks
/// that it is still open. A workbook dropped without `close()` is closed in `deinit` and
/// the file it wrote is deleted — write to a temporary path and rename on success.
///
/// Not `Sendable`: one task builds one workbook.
public final class Workbook {
    /// The output path given to `init`.
    public let path: String
    /// The options given to `init`.
    public let options: WorkbookOptions
    /// The C workbook; `nil` once closed. `workbook_close` frees it even when it fails.
    private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Each distinct format, created once on first use (rust_xlsxwriter's `xf_indices` idea):
    /// its position in `formatHandles`.
    private var formats: [CellFormat: Int] = [:]
    /// The created formats in order; a `ResolvedFormat` is a position in this list.
    private var formatHandles: [UnsafeMutablePointer<lxw_format>] = []
    /// Sheet names in the order they were added.
    public private(set) var worksheetNames: [String] = []

    /// Starts a workbook that will be written to `path` on `close()`.
    ///
    /// - Throws: `XlsxError` `.creatingXlsxFile` when `path` is empty, holds U+0000, or its
    ///   directory is missing or not writable; `.creatingTmpfile` when
    ///   `options.temporaryDirectory` is not a writable directory; `.memoryMallocFailed`
    ///   when libxlsxwriter returns NULL.
    public init(path: String, options: WorkbookOptions = .init()) throws(XlsxError) {
        self.path = path
        self.options = options
        let context = XlsxError.Context(path: path)
        if let problem = FileChecks.outputPathProblem(path) {
            throw XlsxError(code: .creatingXlsxFile, message: problem, context: context)
        }
        if let directory = options.temporaryDirectory,
           let problem = FileChecks.directoryProblem(directory, role: "临时文件目录") {
            throw XlsxError(code: .creatingTmpfile, message: problem, context: context)
        }
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = options.useZip64 ? 1 : 0
        // workbook_new_opt copies filename and tmpdir (lxw_strdup in src/workbook.c; checked
        // under AddressSanitizer by freeing both right after the call), so the C strings
        // only need to live for the call.
        handle = path.withCString { cPath in
            if let directory = options.temporaryDirectory {
                return directory.withCString { cDirectory in
                    cOptions.tmpdir = UnsafeMutablePointer(mutating: cDirectory)
                    return workbook_new_opt(cPath, &cOptions)
                }
            }
            return workbook_new_opt(cPath, &cOptions)
        }
        if handle == nil {
            throw XlsxError(code: .memoryMallocFailed, context: context)
        }
    }

    deinit {
        guard let workbook = handle else { return }
        handle = nil
        // Abandoned: write (the only documented way to free the workbook), then delete.
        // When the file could not even be created there is nothing of ours to delete.
        let result = workbook_close(workbook)
        if result != LXW_ERROR_CREATING_XLSX_FILE {
            _ = path.withCString { remove($0) }
        }
    }

    /// Whether `close()` has not yet been called.
    public var isOpen: Bool { handle != nil }

    /// How many distinct formats have been created (for tests of the cache).
    var formatCount: Int { formats.count }

    /// Adds a worksheet at the end of the workbook.
    ///
    /// Names are checked in Swift first, so libxlsxwriter never prints a warning:
    /// 1–31 characters, none of `[ ] : * ? / \`, no leading or trailing `'`, no control
    /// characters, not `History` (reserved by Excel), and unique ignoring case.
    ///
    /// `streaming` writes this one sheet in constant-memory mode (see
    /// `WorkbookOptions.constantMemory`) in a workbook that is not: its rows must come in
    /// order, and it holds no tree of cells, so a sheet of millions of cells costs neither
    /// the memory nor the time of building and freeing one. In a constant-memory workbook
    /// every sheet streams.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.sheetNameLengthExceeded`;
    ///   `.invalidSheetNameCharacter`; `.sheetNameStartEndApostrophe`;
    ///   `.sheetNameAlreadyUsed`; `.parameterValidation` (empty, control character,
    ///   `History`); `.creatingTmpfile` or `.memoryMallocFailed` when libxlsxwriter returns NULL.
    public func addWorksheet(named name: String, streaming: Bool = false) throws(XlsxError) -> Worksheet {
        let context = XlsxError.Context(path: path, sheet: name)
        let workbook = try openHandle(context)
        if let (code, message) = SheetNameRules.problem(name, existing: worksheetNames) {
            throw XlsxError(code: code, message: message, context: context)
        }
        try XlsxError.check(name.withCString { workbook_validate_sheet_name(workbook, $0) }, context)
        let streams = streaming || options.constantMemory
        // libxlsxwriter decides per sheet: workbook_add_worksheet copies the option into the
        // new sheet (src/workbook.c), and the packager and every write read the sheet's own
        // copy. So the option is set for this one call.
        workbook.pointee.options.constant_memory = streams ? 1 : 0
        let sheet = name.withCString { workbook_add_worksheet(workbook, $0) }
        workbook.pointee.options.constant_memory = options.constantMemory ? 1 : 0
        guard let sheet else {
            throw XlsxError(code: streams ? .creatingTmpfile : .memoryMallocFailed, context: context)
        }
        worksheetNames.append(name)
        return Worksheet(workbook: self, handle: sheet, name: name, isStreaming: streams)
    }

    /// Sets the document properties (File › Info); a later call replaces them all.
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.parameterValidation` when a text holds a
    ///   control character or `created` is outside 1…253402300799.
    public func setProperties(_ properties: DocumentProperties) throws(XlsxError) {
        let context = XlsxError.Context(path: path)
        let workbook = try openHandle(context)
        let fields: [(String, String?)] = [
            ("标题", properties.title), ("主题", properties.subject), ("作者", properties.author),
            ("主管", properties.manager), ("单位", properties.company), ("类别", properties.category),
            ("关键词", properties.keywords), ("备注", properties.comments),
        ]
        for (label, value) in fields {
            if let value, let bad = ExcelText.firstForbiddenCharacter(value) {
                throw XlsxError(code: .parameterValidation,
                                message: "文档属性“\(label)”含有不允许的字符 \(ExcelText.codePoint(bad))",
                                context: context)
            }
        }
        if let created = properties.created, !(1...253_402_300_799).contains(created) {
            throw XlsxError(code: .parameterValidation,
                            message: "文档创建时间 \(created) 不在 1–253402300799 秒（1970–9999 年）之间",
                            context: context)
        }
        // workbook_set_properties copies every string (lxw_strdup in src/workbook.c), so
        // strdup'd copies are freed right after the call.
        let copies: [UnsafeMutablePointer<CChar>?] = fields.map { $0.1.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        var cProperties = lxw_doc_properties()
        cProperties.title = copies[0]
        cProperties.subject = copies[1]
        cProperties.author = copies[2]
        cProperties.manager = copies[3]
        cProperties.company = copies[4]
        cProperties.category = copies[5]
        cProperties.keywords = copies[6]
        cProperties.comments = copies[7]
        cProperties.created = time_t(properties.created ?? 0)
        try XlsxError.check(workbook_set_properties(workbook, &cProperties), context)
    }

    /// Writes the file and frees the workbook, its worksheets and formats.
    ///
    /// The workbook is closed afterwards even when writing fails.
    ///
    /// - Throws: `XlsxError` `.workbookClosed` when already closed; `.creatingXlsxFile`
    ///   when the directory is gone; `.creatingTmpfile`, `.zipFileOperation` (disk full)
    ///   and the other zip codes from `workbook_close`.
    public func close() throws(XlsxError) {
        let context = XlsxError.Context(path: path)
        let workbook = try openHandle(context)
        if let problem = FileChecks.outputPathProblem(path) {
            // Still free the workbook: there is no other documented way. libxlsxwriter
            // prints one line to stderr in this case; the directory vanished after init.
            handle = nil
            forgetFormats()
            _ = workbook_close(workbook)
            throw XlsxError(code: .creatingXlsxFile, message: problem, context: context)
        }
        // workbook_close frees the workbook even when it fails: mark it dead first.
        handle = nil
        forgetFormats()
        try XlsxError.check(workbook_close(workbook), context)
    }

    /// Looks `format` up once, creating it on first use, for writing many cells with it
    /// (see `ResolvedFormat`).
    ///
    /// - Throws: `XlsxError` `.workbookClosed`; `.parameterValidation` for an invalid format
    ///   (see `CellFormat`); `.memoryMallocFailed` when libxlsxwriter returns NULL.
    public func resolve(_ format: CellFormat) throws(XlsxError) -> ResolvedFormat {
        try resolve(format, XlsxError.Context(path: path))
    }

    // MARK: - For Worksheet

    /// The C workbook, or `.workbookClosed`.
    func openHandle(_ context: @autoclosure () -> XlsxError.Context) throws(XlsxError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XlsxError(code: .workbookClosed, message: "工作簿已关闭，不能再写入", context: context())
        }
        return handle
    }

    /// The cached `lxw_format` for `format`, created on first use; `nil` for no format.
    func formatHandle(_ format: CellFormat?, _ context: @autoclosure () -> XlsxError.Context) throws(XlsxError) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        return formatHandles[try resolve(format, context()).index]
    }

    /// The `lxw_format` of a resolved format. Only called while the workbook is open: every
    /// write checks that first, and `close()` empties the list.
    ///
    /// - Throws: `.parameterValidation` for a format another workbook resolved.
    func formatHandle(_ format: ResolvedFormat, _ context: @autoclosure () -> XlsxError.Context)
        throws(XlsxError) -> UnsafeMutablePointer<lxw_format> {
        guard format.workbook == ObjectIdentifier(self), format.index < formatHandles.count else {
            throw XlsxError(code: .parameterValidation, message: "该格式属于另一个工作簿", context: context())
        }
        return formatHandles[format.index]
    }

    func resolve(_ format: CellFormat, _ context: @autoclosure () -> XlsxError.Context) throws(XlsxError) -> ResolvedFormat {
        if let index = formats[format] { return ResolvedFormat(index: index, workbook: ObjectIdentifier(self)) }
        let workbook = try openHandle(context())
        if let problem = format.problem() {
            throw XlsxError(code: .parameterValidation, message: problem, context: context())
        }
        guard let created = workbook_add_format(workbook) else {
            throw XlsxError(code: .memoryMallocFailed, context: context())
        }
        format.apply(to: created)
        formats[format] = formatHandles.count
        formatHandles.append(created)
        return ResolvedFormat(index: formatHandles.count - 1, workbook: ObjectIdentifier(self))
    }

    /// Formats die with the workbook (libxlsxwriter include/xlsxwriter/workbook.h).
    private func forgetFormats() {
        formats.removeAll()
        formatHandles.removeAll()
    }
}
