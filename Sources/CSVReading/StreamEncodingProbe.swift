#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides a file's encoding for `CSVStreamReader` with exactly the rules, order and
/// messages of `TextDecoding.decode` (which sees the whole file), by reading the file once
/// in chunks before parsing it: a GB18030 file may start with a megabyte of ASCII, and a NUL
/// byte anywhere makes a file binary. Memory stays at one chunk (plus one decoded chunk for
/// UTF-16).
///
/// What the pass cannot know without decoding GB18030 twice: whether the GB18030 decoding
/// succeeds. The stream reader reports that failure when it reaches it, with the same
/// offset `CSVReader` would give.
struct StreamEncodingProbe {
    var encoding: TextEncoding
    /// Offset of the first byte of text (after a byte order mark).
    var start: Int
    /// Size of the input in bytes.
    var byteCount: Int
    /// Where strict UTF-8 failed (for the GB18030 failure offset, which is the larger of the two).
    var utf8Failure: Int?

    /// - Throws: `CSVReadError` `.empty`, `.notText`, `.invalidEncoding`, `.cannotOpen` (I/O error).
    static func probe(_ source: ByteSource, chunkSize: Int) throws(CSVReadError) -> StreamEncodingProbe {
        let path = source.path
        var head = [UInt8](repeating: 0, count: 8)
        let headCount = try head.withUnsafeMutableBufferPointer { buffer throws(CSVReadError) in
            try source.readBytes(at: 0, into: buffer.baseAddress!, count: buffer.count)
        }
        head.removeLast(head.count - headCount)
        guard !head.isEmpty else { throw .empty(path: path) }
        if head.starts(with: TextDecoding.zipMagic) { throw .notText(path: path, kind: TextDecoding.kindXLSX) }
        if head.starts(with: TextDecoding.oleMagic) { throw .notText(path: path, kind: TextDecoding.kindXLS) }

        let isUTF16LE = head.starts(with: TextDecoding.utf16LEBOM)
        if isUTF16LE || head.starts(with: TextDecoding.utf16BEBOM) {
            return try probeUTF16(source, bigEndian: !isUTF16LE, chunkSize: chunkSize)
        }
        let start = head.starts(with: TextDecoding.utf8BOM) ? TextDecoding.utf8BOM.count : 0
        return try probeBytes(source, start: start, chunkSize: chunkSize)
    }

    /// UTF-8 or GB18030: NUL anywhere or too many control bytes in the first 64 KiB (binary),
    /// then strict UTF-8 over the whole file, then GB18030.
    private static func probeBytes(_ source: ByteSource, start: Int, chunkSize: Int) throws(CSVReadError) -> StreamEncodingProbe {
        let path = source.path
        let capacity = chunkSize + 4
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var end = start         // file offset of the next byte to read
        var carried = 0         // bytes of a cut UTF-8 sequence at buffer[0...]
        var hasNUL = false
        var controls = 0
        var sampled = 0
        var blank = true
        var utf8Failure: Int?
        while true {
            let got = try source.readBytes(at: end, into: buffer + carried, count: chunkSize)
            let isLast = got == 0
            let fresh = UnsafeBufferPointer(start: buffer + carried, count: got)
            if got > 0 {
                if !hasNUL, memchr(buffer + carried, 0, got) != nil { hasNUL = true }
                if sampled < TextDecoding.binarySampleSize {
                    let n = min(got, TextDecoding.binarySampleSize - sampled)
                    for i in 0..<n where ASCII.isBinaryControl(fresh[i]) { controls += 1 }
                    sampled += n
                }
                if blank { blank = TextDecoding.isBlank(fresh) }
            }
            let bufferOffset = end - carried   // file offset of buffer[0]
            let count = carried + got
            end += got
            carried = 0
            if utf8Failure == nil {
                switch UTF8ChunkValidator.validate(UnsafeBufferPointer(start: buffer, count: count), isLast: isLast) {
                case .invalid(let at):
                    utf8Failure = bufferOffset + at
                case .valid(let validUpTo):
                    carried = count - validUpTo
                    if carried > 0 { memmove(buffer, buffer + validUpTo, carried) }
                }
            }
            if isLast { break }
        }
        let byteCount = end
        guard byteCount > start else { throw .empty(path: path) }
        if hasNUL || controls * 4 > sampled { throw .notText(path: path, kind: TextDecoding.kindBinary) }
        guard let utf8Failure else {
            if blank { throw .empty(path: path) }
            return StreamEncodingProbe(encoding: start > 0 ? .utf8WithBOM : .utf8, start: start, byteCount: byteCount, utf8Failure: nil)
        }
        // A UTF-8 byte order mark is a promise; do not reinterpret such a file as GB18030.
        if start > 0 { throw .invalidEncoding(path: path, byteOffset: utf8Failure) }
        if GB18030ChunkDecoder() == nil { throw .cannotOpen(path: path, reason: CSVReadError.reasonNoGB18030Converter) }
        return StreamEncodingProbe(encoding: .gb18030, start: 0, byteCount: byteCount, utf8Failure: utf8Failure)
    }

    /// UTF-16: decodes the whole file once (output discarded) for the failure offset, then
    /// U+0000 anywhere or too many control characters in the first 64 KiB of UTF-8 (binary),
    /// then blank.
    private static func probeUTF16(_ source: ByteSource, bigEndian: Bool, chunkSize: Int) throws(CSVReadError) -> StreamEncodingProbe {
        let path = source.path
        let decoder = UTF16ChunkDecoder(bigEndian: bigEndian)
        let inCapacity = chunkSize + 4
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: inCapacity)
        defer { input.deallocate() }
        let outCapacity = UTF16ChunkDecoder.outputCapacity(forInput: inCapacity)
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outCapacity)
        defer { output.deallocate() }
        let start = 2
        var offset = start     // file offset of input[0]
        var carried = 0
        var hasNUL = false
        var controls = 0
        var sampled = 0
        var blank = true
        while true {
            let got = try source.readBytes(at: offset + carried, into: input + carried, count: chunkSize)
            let isLast = got == 0
            let count = carried + got
            let result = decoder.decode(UnsafeBufferPointer(start: input, count: count), isLast: isLast, into: output)
            if let failure = result.failure { throw .invalidEncoding(path: path, byteOffset: offset + failure) }
            let text = UnsafeBufferPointer(start: output, count: result.produced)
            if result.produced > 0 {
                if !hasNUL, memchr(output, 0, result.produced) != nil { hasNUL = true }
                if sampled < TextDecoding.binarySampleSize {
                    let n = min(result.produced, TextDecoding.binarySampleSize - sampled)
                    for i in 0..<n where ASCII.isBinaryControl(text[i]) { controls += 1 }
                    sampled += n
                }
                if blank { blank = TextDecoding.isBlank(text) }
            }
            let rest = count - result.consumed
            if rest > 0 { memmove(input, input + result.consumed, rest) }
            offset += result.consumed
            carried = rest
            if isLast { break }
        }
        let byteCount = offset + carried
        guard byteCount > start else { throw .empty(path: path) }
        if hasNUL || controls * 4 > sampled { throw .notText(path: path, kind: TextDecoding.kindBinary) }
        if blank { throw .empty(path: path) }
        return StreamEncodingProbe(encoding: bigEndian ? .utf16BE : .utf16LE, start: start, byteCount: byteCount, utf8Failure: nil)
    }
}
