import Foundation

/// Writes an output file through a temporary file beside it, renamed into place only
/// when complete: nothing half-written is ever left behind, and an input is never
/// overwritten.
struct AtomicOutput {
    let destination: String

    enum Problem: Error, CustomStringConvertible {
        case isInput(String)
        case isDirectory(String)
        case folderMissing(String)
        case writeFailed(String, String)

        var description: String {
            switch self {
            case .isInput(let path): "输出文件 \(path) 是输入文件之一，不能覆盖输入；请换一个输出文件名。"
            case .isDirectory(let path): "输出路径 \(path) 是一个文件夹；请给出工作簿的文件名，例如 \(path)/汇总.xlsx。"
            case .folderMissing(let folder): "输出文件夹 \(folder) 不存在；请先建立该文件夹。"
            case .writeFailed(let path, let reason): "无法写入 \(path)：\(reason)"
            }
        }
    }

    /// Checks the destination before any work: not a folder, its folder exists, and it is
    /// none of the inputs (compared by resolved path and by file identity).
    func validate(against inputs: [String]) throws(Problem) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .isDirectory(destination)
        }
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) { throw .folderMissing(folder) }
        let target = Self.identity(destination)
        let targetPath = URL(fileURLWithPath: destination).resolvingSymlinksInPath().path
        for input in inputs {
            if URL(fileURLWithPath: input).resolvingSymlinksInPath().path == targetPath { throw .isInput(destination) }
            if let target, let other = Self.identity(input), target == other { throw .isInput(destination) }
        }
    }

    /// Runs `write` on a temporary path in the destination's folder, then renames it into
    /// place; on any error the temporary file is removed and the destination untouched.
    func write(_ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: destination)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try body(temporary)
            guard rename(temporary, destination) == 0 else {
                throw Problem.writeFailed(destination, String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func identity(_ path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_dev), Int(info.st_ino)]
    }
}
