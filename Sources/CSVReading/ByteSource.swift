#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `CSVStreamReader` gets its bytes: a regular file, read with `pread` so that it can
/// be read twice (once to decide the encoding, once to parse), or bytes in memory (a pipe,
/// which can be read only once, is loaded whole; tests pass bytes directly).
final class ByteSource {
    private enum Storage {
        case file(Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    let path: String

    /// Opens `path` with the same checks and messages as `CSVReader.read(path:)`.
    ///
    /// - Throws: `CSVReadError.cannotOpen` (not found, no permission, a folder, I/O error);
    ///   `.tooLarge` for a pipe longer than `pipeSizeLimit` (it has to be held in memory).
    init(path: String, pipeSizeLimit: Int) throws(CSVReadError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: code))
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            close(fd)
            throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: EISDIR))
        }
        if kind == S_IFREG {
            storage = .file(fd)
            return
        }
        // A pipe or a device: read it once, whole (bounded like CSVReader).
        defer { close(fd) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = block.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno))
            }
            if got == 0 { break }
            bytes.append(contentsOf: block[0..<got])
            if bytes.count > pipeSizeLimit {
                throw .tooLarge(path: path, byteCount: bytes.count, limit: pipeSizeLimit)
            }
        }
        storage = .memory(bytes)
    }

    /// Serves `bytes` as the input; `path` only names it in errors.
    init(bytes: [UInt8], path: String) {
        self.path = path
        storage = .memory(bytes)
    }

    deinit {
        if case .file(let fd) = storage { close(fd) }
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end of the input.
    ///
    /// - Throws: `CSVReadError.cannotOpen` with the system's reason for an I/O error.
    func readBytes(at offset: Int, into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVReadError) -> Int {
        switch storage {
        case .memory(let bytes):
            guard offset < bytes.count, count > 0 else { return 0 }
            let n = min(count, bytes.count - offset)
            bytes.withUnsafeBufferPointer { whole in
                buffer.update(from: whole.baseAddress! + offset, count: n)
            }
            return n
        case .file(let fd):
            var done = 0
            while done < count {
                let got = pread(fd, buffer + done, count - done, off_t(offset + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw .cannotOpen(path: path, reason: CSVReadError.reason(errno: errno))
                }
                if got == 0 { break }
                done += got
            }
            return done
        }
    }
}
