/// UTF-16 (after its byte order mark) to UTF-8, so the scanner only ever sees UTF-8.
enum UTF16Transcoder {
    /// - Returns: the UTF-8 bytes, or the 0-based offset (in `buffer`) of the first code unit
    ///   that is an unpaired surrogate, or of a dangling last byte when the length is odd.
    static func transcode(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool) -> Transcoded {
        let count = buffer.count
        var out: [UInt8] = []
        out.reserveCapacity((count - start) / 2 * 3)
        var i = start
        @inline(__always) func unit(at offset: Int) -> UInt32 {
            let a = UInt32(buffer[offset]), b = UInt32(buffer[offset + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        while i + 1 < count {
            var scalar = unit(at: i)
            let unitOffset = i
            i += 2
            if scalar >= 0xD800 && scalar <= 0xDFFF {
                // A high surrogate must be followed by a low one (Unicode 3.9, D91).
                guard scalar <= 0xDBFF, i + 1 < count else { return .failure(offset: unitOffset) }
                let next = unit(at: i)
                guard next >= 0xDC00 && next <= 0xDFFF else { return .failure(offset: unitOffset) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (next - 0xDC00)
                i += 2
            }
            switch scalar {
            case 0..<0x80:
                out.append(UInt8(scalar))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            default:
                out.append(UInt8(0xF0 | scalar >> 18))
                out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        if i < count { return .failure(offset: i) }   // odd number of bytes
        return .success(out)
    }
}

/// The result of transcoding a whole file to UTF-8.
enum Transcoded {
    case success([UInt8])
    /// 0-based offset of the first byte that could not be decoded.
    case failure(offset: Int)
}
