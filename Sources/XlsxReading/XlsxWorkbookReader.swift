import Foundation

/// Reads values from an XLSX workbook: sheet names, then the cells of a sheet.
///
/// Safe on any input: the file is read into memory once and never written, members are inflated in
/// memory with size limits (no temporary files), XML is streamed through a SAX parser
/// with DTDs refused, and every failure is an `XlsxReadError`, never a trap.
///
/// ```swift
/// let reader = try XlsxWorkbookReader(path: "上年汇总.xlsx")
/// let sheet = try reader.sheet(named: "明细")
/// sheet.value(row: 0, column: 0)?.text
/// ```
public struct XlsxWorkbookReader: Sendable {
    public let path: String
    public let limits: XlsxReadLimits
    private let package: ZipPackage
    private let sheets: [SheetEntry]
    private let sharedStrings: [String]

    private struct SheetEntry: Sendable {
        let name: String
        /// The worksheet part, or why it cannot be found.
        let part: Result<String, XlsxReadError>
    }

    /// Opens the package and reads the workbook part: sheet names in order. Also reads the
    /// shared strings, which every sheet uses.
    public init(path: String, limits: XlsxReadLimits = .init()) throws(XlsxReadError) {
        self.path = path
        self.limits = limits
        let bytes = try Self.load(path)
        do {
            package = try ZipPackage(bytes: bytes)
        } catch {
            switch error {
            case .notZip: throw .notAnXlsx(path: path)
            case let .damaged(reason): throw .damaged(path: path, part: "", reason: reason)
            }
        }

        // The workbook part: from the package relationships, else the usual place.
        var workbookPart = "xl/workbook.xml"
        if let rels = try Self.parse(package, "_rels/.rels", RelationshipsHandler(), path, limits),
           let office = rels.first(ofType: "officeDocument"), !office.isExternal,
           let target = PartName.resolve(office.target, from: "") {
            workbookPart = target
        }
        guard let workbook = try Self.parse(package, workbookPart, WorkbookHandler(), path, limits),
              workbook.rootElement == "workbook" else { throw .notAnXlsx(path: path) }

        let relsPart = PartName.relationshipsPart(for: workbookPart)
        guard let rels = try Self.parse(package, relsPart, RelationshipsHandler(), path, limits) else {
            throw .damaged(path: path, part: relsPart, reason: Reason.partMissing)
        }
        let base = PartName.directory(of: workbookPart)
        sheets = workbook.sheets.map { sheet in
            let part: Result<String, XlsxReadError>
            if let rel = rels.relationships.first(where: { $0.id == sheet.relationshipID }) {
                if rel.isExternal {
                    part = .failure(.damaged(path: path, part: relsPart,
                                             reason: Reason.relationshipExternal(sheet: sheet.name)))
                } else if let target = PartName.resolve(rel.target, from: base) {
                    part = .success(target)
                } else {
                    part = .failure(.damaged(path: path, part: relsPart, reason: Reason.badTarget(rel.target)))
                }
            } else {
                part = .failure(.damaged(path: path, part: relsPart,
                                         reason: Reason.relationshipMissing(sheet: sheet.name, id: sheet.relationshipID)))
            }
            return SheetEntry(name: sheet.name, part: part)
        }

        var stringsPart: String? = "xl/sharedStrings.xml"
        if let rel = rels.first(ofType: "sharedStrings"), !rel.isExternal {
            stringsPart = PartName.resolve(rel.target, from: base)
        }
        if let stringsPart, let strings = try Self.parse(package, stringsPart, SharedStringsHandler(), path, limits) {
            sharedStrings = strings.strings
        } else {
            sharedStrings = []
        }
    }

    /// The sheet names in workbook order (hidden sheets included).
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Reads every cell of the sheet with this name (exact match first, then ignoring case,
    /// as Excel does).
    public func sheet(named name: String) throws(XlsxReadError) -> XlsxSheet {
        let entry = sheets.first(where: { $0.name == name })
            ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() })
        guard let entry else { throw .missingSheet(path: path, name: name, available: sheetNames) }
        let part = try entry.part.get()
        let handler = WorksheetHandler(sharedStrings: sharedStrings, maxCells: limits.maxCells)
        guard try Self.parse(package, part, handler, path, limits) != nil else {
            throw .damaged(path: path, part: part, reason: Reason.partMissing)
        }
        return XlsxSheet(name: entry.name, cells: handler.cells)
    }

    // MARK: - Helpers

    private static func load(_ path: String) throws(XlsxReadError) -> Data {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotOpen(path: path, reason: Reason.fileMissing)
        }
        if isDirectory.boolValue { throw .cannotOpen(path: path, reason: Reason.isFolder) }
        // Resolve symbolic links first: `attributesOfItem` describes the link itself.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if let type = try? manager.attributesOfItem(atPath: resolved)[.type] as? FileAttributeType,
           type != .typeRegular {
            throw .cannotOpen(path: path, reason: Reason.notRegularFile)
        }
        guard manager.isReadableFile(atPath: path) else {
            throw .cannotOpen(path: path, reason: Reason.notReadable)
        }
        do {
            // Read, not mapped: a mapped file truncated by another program (a save in
            // progress) would crash the reader with SIGBUS.
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .cannotOpen(path: path, reason: Reason.readFailed(error.localizedDescription))
        }
    }

    /// Parses a part with `handler`; nil when the package has no such part.
    private static func parse<Handler: SAXHandler>(
        _ package: ZipPackage, _ part: String, _ handler: Handler, _ path: String, _ limits: XlsxReadLimits
    ) throws(XlsxReadError) -> Handler? {
        do {
            guard let data = try package.read(part, limit: limits.maxUncompressedPartBytes) else { return nil }
            try SAX.parse(data, with: handler)
            return handler
        } catch {
            switch error {
            case let .damaged(reason): throw .damaged(path: path, part: part, reason: reason)
            case let .tooLarge(limit): throw .tooLarge(path: path, part: part, limit: limit)
            }
        }
    }
}

/// OPC part names: relationship targets resolved against their source part.
enum PartName {
    /// `xl/workbook.xml` → `xl`.
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(for part: String) -> String {
        let directory = directory(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? part
        return (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
    }

    /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; an absolute target
    /// (`/xl/worksheets/sheet1.xml`) starts at the package root. Percent escapes are
    /// decoded, `.` and `..` resolved; nil for an empty result.
    static func resolve(_ target: String, from base: String) -> String? {
        var target = target.removingPercentEncoding ?? target
        target = target.replacingOccurrences(of: "\\", with: "/")
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return nil }
        return segments.joined(separator: "/")
    }
}
