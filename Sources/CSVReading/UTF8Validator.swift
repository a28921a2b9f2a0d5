/// Strict UTF-8 validation following the Unicode Standard, Table 3-7 (well-formed byte
/// sequences): rejects overlong forms (C0, C1, E0 80–9F, F0 80–8F), UTF-16 surrogates
/// (ED A0–BF) and code points above U+10FFFF (F4 90+, F5–FF).
enum UTF8Validator {
    /// The 0-based offset of the first byte that does not start (or continue) a well-formed
    /// sequence, or `nil` when all of `buffer[start...]` is valid UTF-8.
    /// For a lead byte of a multi-byte sequence: the sequence's length and the allowed
    /// range of its second byte (Table 3-7); `nil` for a byte that cannot start one.
    @inline(__always)
    static func sequenceShape(lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    static func firstInvalidOffset(in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let count = buffer.count
        guard count > start, let base = buffer.baseAddress else { return nil }
        var i = start
        while i < count {
            // ASCII fast path, eight bytes at a time.
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let lead = base[i]
            if lead < 0x80 { i += 1; continue }
            guard let (length, low, high) = sequenceShape(lead: lead) else { return i }
            guard i + length <= count else { return i }
            let second = base[i + 1]
            guard second >= low && second <= high else { return i }
            var k = 2
            while k < length {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += length
        }
        return nil
    }
}
