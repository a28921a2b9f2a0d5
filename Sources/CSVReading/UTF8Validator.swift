/// Strict UTF-8 validation following the Unicode Standard, Table 3-7 (well-formed byte
/// sequences): rejects overlong forms (C0, C1, E0 80–9F, F0 80–8F), UTF-16 surrogates
/// (ED A0–BF) and code points above U+10FFFF (F4 90+, F5–FF).
enum UTF8Validator {
    /// The 0-based offset of the first byte that does not start (or continue) a well-formed
    /// sequence, or `nil` when all of `buffer[start...]` is valid UTF-8.
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
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF   // allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
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
