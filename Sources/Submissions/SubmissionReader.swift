import CSVReading
import Findings
import Dispatch
import Foundation
import Synchronization
import Progress
import ReportSpec

/// Reads every submission given on the command line — files, or folders searched
/// recursively — as form CSVs or long CSVs. A file that cannot be read becomes a
/// finding and the run goes on with the others.
public struct SubmissionReader: Sendable {
    public let template: ReportTemplate
    private let index: LabelIndex
    /// Paths never read as input (the output being written, the roster).
    public var excludedPaths: Set<String> = []
    /// Counts the files read, for a progress display.
    public var progress: ProgressCounter?

    public init(template: ReportTemplate) {
        self.template = template
        self.index = LabelIndex(template: template)
    }

    /// File name extensions read when a folder is given. Explicitly named files are read
    /// whatever their extension.
    public static let inputExtensions: Set<String> = ["csv", "txt", "tsv"]
    /// Spreadsheet files found in a folder are named in a finding instead of being skipped silently.
    static let spreadsheetExtensions: Set<String> = ["xlsx", "xls", "et", "ods"]
    /// Files larger than this are read one at a time, so that memory stays within what the
    /// largest file takes (up to about 6× its size), whatever the number of cores.
    static let largeFileSize = 16 << 20

    /// Reads all inputs. Files are read in path order, so the result does not depend on
    /// the order the file system lists a folder in.
    public func read(inputs: [String]) -> ReadResult {
        var result = ReadResult()
        let files = listFiles(inputs, findings: &result.fileFindings)
        progress?.begin(.readingFiles, total: files.count)
        // Files are independent: read them on every core, each into its own slot, then
        // put the slots together in path order so the result does not depend on timing.
        // Each slot is written by exactly one worker and read after all have finished.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<ReadResult>.allocate(capacity: files.count)
        slots.initialize(repeating: ReadResult())
        defer { slots.deinitialize(); slots.deallocate() }
        // Started first, so that the kernel reads ahead of the workers on a cold cache.
        let readAhead = files.count > 1 ? ReadAhead(paths: files.map(\.path), skippingLargerThan: Self.largeFileSize) : nil
        defer { readAhead?.stop() }
        // Large files are read afterwards, one at a time on this thread (whose freed memory
        // the next one reuses), so that memory stays within what the largest file takes.
        // Each flag is set by the worker that took the file, and read after all have finished.
        nonisolated(unsafe) let isLarge = UnsafeMutableBufferPointer<Bool>.allocate(capacity: files.count)
        isLarge.initialize(repeating: false)
        defer { isLarge.deallocate() }
        // Each worker takes the next file in path order when it is free: files differ in
        // size, and a fixed share per worker left one core idle while the other finished.
        let nextFile = Atomic<Int>(0)
        let workers = min(files.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let memo = LabelMemo(index: index)
            while true {
                let file = nextFile.add(1, ordering: .relaxed).oldValue
                guard file < files.count else { break }
                defer { readAhead?.fileRead() }
                var info = stat()
                if stat(files[file].path, &info) == 0, Int(info.st_size) > Self.largeFileSize {
                    isLarge[file] = true
                    continue
                }
                var slot = ReadResult()
                read(path: files[file].path, displayName: files[file].displayName, into: &slot, memo: memo)
                slots[file] = slot
                progress?.advance()
            }
        }
        let memo = LabelMemo(index: index)
        for index in files.indices where isLarge[index] {
            var slot = ReadResult()
            read(path: files[index].path, displayName: files[index].displayName, into: &slot, memo: memo)
            slots[index] = slot
            progress?.advance()
        }
        for slot in slots {
            result.files += slot.files
            result.submissions += slot.submissions
            result.fileFindings += slot.fileFindings
        }
        return result
    }

    /// The files to read: explicit files as given, folders expanded recursively and sorted.
    func listFiles(_ inputs: [String], findings: inout [Finding]) -> [(path: String, displayName: String)] {
        var files: [(String, String)] = []
        let manager = FileManager.default
        let excluded = Set(excludedPaths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append((input, input))
                continue
            }
            let base = URL(fileURLWithPath: input).standardizedFileURL.path
            var found: [(String, String)] = []
            for path in Self.regularFiles(under: base) {
                let name = String(path[path.index(after: path.lastIndex(of: "/")!)...])
                let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]).lowercased() } ?? ""
                if excluded.contains(path) { continue }
                // Excel's lock files (~$name.xlsx) are not submissions.
                if name.hasPrefix("~$") { continue }
                let relative = String(path.dropFirst(base.count).drop { $0 == "/" })
                let display = (input.hasSuffix("/") ? input : input + "/") + relative
                if Self.inputExtensions.contains(ext) {
                    found.append((path, display))
                } else if Self.spreadsheetExtensions.contains(ext) {
                    findings.append(Finding(
                        code: .fileUnreadable, scope: .file, location: SourceLocation(file: display),
                        parameters: [.init("reason", "\(display): 这是 Excel/WPS 工作簿，目前只读取 CSV；请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。")]))
                }
            }
            files += found.sorted { $0.1.precedesInUTF8($1.1) }
        }
        return files
    }

    /// The regular files in a folder and its subfolders, hidden ones (`.name`) left out;
    /// symbolic links to files count, links to folders are not followed. Sorted by their
    /// bytes, so that nothing depends on the order the file system lists a folder in — not
    /// even for two names that differ only in Unicode normalisation, which are two files
    /// but equal as `String`s.
    static func regularFiles(under folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var files: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = folder == "/" ? "/" + name : folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                files += regularFiles(under: path)
            case Int32(DT_REG):
                files.append(path)
            default:
                // A link or a file system that does not say: ask for what the name leads to.
                var info = stat()
                if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { files.append(path) }
            }
        }
        return files.sorted { $0.precedesInUTF8($1) }
    }

    /// Reads one file's bytes already in memory, exactly as `read(inputs:)` reads a file
    /// (for tests and the fuzz target). `name` stands for the file in findings and names
    /// the unit when nothing in the file does.
    public func read(bytes: [UInt8], name: String = "<memory>.csv") -> ReadResult {
        var result = ReadResult()
        read(path: name, displayName: name, into: &result, memo: LabelMemo(index: index), bytes: bytes)
        return result
    }

    private func read(path: String, displayName: String, into result: inout ReadResult, memo: LabelMemo,
                      bytes given: [UInt8]? = nil) {
        let bytes: [UInt8]
        let table: CSVTable
        do {
            if let given { bytes = given } else { bytes = try CSVReader.loadBytes(path: path) }
            table = try CSVReader.parse(bytes: bytes, path: displayName)
        } catch {
            let message = error.description.replacingOccurrences(of: path + ": ", with: displayName + ": ")
            result.fileFindings.append(Finding(
                code: .fileUnreadable, scope: .file, location: SourceLocation(file: displayName),
                parameters: [.init("reason", message)]))
            result.files.append(SourceFile(path: path, displayName: displayName, byteCount: 0, sha256: "",
                                           encoding: "", delimiter: "", kind: .unreadable))
            return
        }
        var file = SourceFile(path: path, displayName: displayName, byteCount: bytes.count,
                              sha256: SHA256.hexDigest(bytes), encoding: table.encoding.displayName,
                              delimiter: Self.delimiterName(table.delimiter), kind: .form)
        if LongTableReader.isLongTable(table) {
            file.kind = .long
            let long = LongTableReader(template: template).read(table, file: file)
            result.submissions += long.submissions
            result.fileFindings += long.findings
            var merged = file
            for submission in long.submissions {
                for (key, count) in submission.file.normalisations { merged.normalisations[key, default: 0] += count }
            }
            result.files.append(merged)
            return
        }
        if let submission = FormRecognizer(template: template, index: index, memo: memo).recognise(table, file: file) {
            result.files.append(submission.file)
            result.submissions.append(submission)
        } else {
            result.files.append(file)
            result.fileFindings.append(Finding(code: .noTableFound, scope: .file, location: SourceLocation(file: displayName)))
        }
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: ","): "逗号"
        case UInt8(ascii: "\t"): "制表符"
        case UInt8(ascii: ";"): "分号"
        default: String(UnicodeScalar(byte))
        }
    }

    /// The unit named by a file name: the name without folders and extension, and
    /// without what clerks add to it (`（修改版）`, `-2020年`, `_年报`).
    public static func unitName(fromFileName path: String) -> String {
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        name = LabelKey.key(name)
        for suffix in ["政府信息公开工作年度报告", "年度报告", "年报", "报表", "填报表", "表"] {
            if name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        }
        // A trailing year: 鲤城区教育局2020年 → 鲤城区教育局.
        while let last = name.last, last.isNumber || last == "年" || last == "度" {
            name.removeLast()
        }
        return name.isEmpty ? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent : name
    }
}
