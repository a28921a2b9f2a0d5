#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that libxlsxwriter will be able to create its files, so it never has to print
/// "[ERROR] workbook_close(): Error creating ..." itself.
enum FileChecks {
    static func outputPathProblem(_ path: String) -> String? {
        if path.isEmpty { return "输出路径为空" }
        if path.unicodeScalars.contains("\0") { return "输出路径含有 NUL 字符" }
        var directory = "."
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        }
        if isDirectory(path) { return "输出路径是一个目录" }
        return directoryProblem(directory, role: "输出目录")
    }

    static func directoryProblem(_ directory: String, role: String) -> String? {
        if directory.unicodeScalars.contains("\0") { return "\(role)含有 NUL 字符" }
        if !isDirectory(directory) { return "\(role) \(directory) 不存在" }
        if access(directory, W_OK | X_OK) != 0 {
            return "\(role) \(directory) 不可写（\(String(cString: strerror(errno))))"
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
