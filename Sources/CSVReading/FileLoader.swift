#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX calls (no Foundation), checking its size first.
enum FileLoader {
    /// - Throws: `CSVReadError.cannotOpen` (not found, no permission, a folder, I/O error),
    ///   `CSVReadError.tooLarge` when `fstat` reports more than `sizeLimit` bytes (or more
    ///   arrive while reading).
    static func load(path: String, sizeLimit: Int) throws(CSVReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno)) }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: EISDIR))
        }
        let statSize = Int(info.st_size)
        if statSize > sizeLimit { throw .tooLarge(path: path, byteCount: statSize, limit: sizeLimit) }

        // Read until end of file rather than trusting st_size (pipes and /proc report 0); the
        // one spare byte lets the final zero-length read happen without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: statSize + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > sizeLimit { throw .tooLarge(path: path, byteCount: count, limit: sizeLimit) }
                bytes.append(contentsOf: repeatElement(0, count: max(count, 64 * 1024)))
            }
            let got = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > sizeLimit { throw .tooLarge(path: path, byteCount: count, limit: sizeLimit) }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
