#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 to UTF-8 through the C library's iconv, the whole file in one go.
///
/// GB18030 covers all of Unicode: characters outside GBK, such as 𠀀 (U+20000, bytes
/// 95 32 82 36), come through as four-byte sequences.
enum GB18030Transcoder {
    /// - Returns: the UTF-8 bytes; `.failure` with the offset of the first byte iconv rejects
    ///   (EILSEQ) or of an incomplete sequence at the end (EINVAL); `nil` when the system has
    ///   no GB18030 converter (glibc's gconv modules are missing).
    static func transcode(_ buffer: UnsafeBufferPointer<UInt8>) -> Transcoded? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }

        let count = buffer.count
        guard count > 0, let inputBase = buffer.baseAddress else { return .success([]) }
        // A GB18030 sequence of k bytes becomes at most 1.5k UTF-8 bytes, except the
        // one-byte € fallback (1 → 3); start at 1.5× and grow on E2BIG.
        var out = [UInt8](repeating: 0, count: count + count / 2 + 16)
        var produced = 0
        var consumed = 0
        while consumed < count {
            var failure: Int32 = 0
            out.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inputBase + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = count - consumed
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count - produced
                let outBefore = outLeft
                let inBefore = inLeft
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failure = errno }
                consumed += inBefore - inLeft
                produced += outBefore - outLeft
            }
            switch failure {
            case 0:
                continue
            case E2BIG:
                out.append(contentsOf: repeatElement(0, count: max(out.count / 2, 64)))
            case EILSEQ where inputBase[consumed] == euroCP936:
                // Windows code page 936 (what “GBK” means on Chinese Windows) writes € as the
                // single byte 0x80; strict GB18030 has no one-byte 0x80 and encodes € as A2 E3.
                // iconv stops at the start of a sequence, so a 0x80 here is a lone byte, never
                // the second byte of a 2-byte sequence: decode it as U+20AC and go on.
                if out.count - produced < euroUTF8.count {
                    out.append(contentsOf: repeatElement(0, count: max(out.count / 2, 64)))
                }
                for byte in euroUTF8 { out[produced] = byte; produced += 1 }
                consumed += 1
            default:   // EILSEQ (invalid sequence) or EINVAL (incomplete sequence at the end)
                return .failure(offset: consumed)
            }
        }
        out.removeLast(out.count - produced)
        return .success(out)
    }

    /// The byte code page 936 uses for €.
    static let euroCP936: UInt8 = 0x80
    /// U+20AC EURO SIGN in UTF-8.
    static let euroUTF8: [UInt8] = [0xE2, 0x82, 0xAC]
}
