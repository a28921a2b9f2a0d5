/// Excel's limit on the text of one cell (32,767 UTF-16 units), measured on a field's UTF-8
/// bytes the way `XlsxWriter` stores them: it escapes a literal `_xHHHH_` as `_x005F_xHHHH_`
/// and control characters and U+FFFE/U+FFFF as `_xHHHH_`, so each of those counts 7.
enum CellTextLimit {
    /// Excel's limit (libxlsxwriter `LXW_STR_MAX`).
    static let units = 32_767
    /// Fields up to this many bytes can never exceed the limit, even if every byte were
    /// escaped into 7 units: the hot path checks only this.
    static let safeByteCount = units / 7

    /// The length of the text in UTF-16 units, as Excel counts it (bytes must be UTF-8).
    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var units = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { units += 1 }     // a lead byte or ASCII
            if byte >= 0xF0 { units += 1 }            // outside the BMP: a surrogate pair
        }
        return units
    }

    /// The byte count of the longest prefix, on a character boundary, whose stored length
    /// is at most `limit`; `bytes.count` when the whole text fits. The stored length of an
    /// escape cut by the end is over-counted, so the prefix always fits.
    static func fittingPrefix(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = units) -> Int {
        let count = bytes.count
        var stored = 0
        var i = 0
        while i < count {
            let byte = bytes[i]
            var length = 1
            var cost = 1
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A {
                    cost = 7
                } else if byte == UInt8(ascii: "_") && isEscapeLike(bytes, at: i) {
                    cost = 7
                }
            } else if byte >= 0xF0 {
                length = 4
                cost = 2
            } else if byte >= 0xE0 {
                length = 3
                if byte == 0xEF && i + 2 < count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) {
                    cost = 7
                }
            } else {
                length = 2
            }
            if stored + cost > limit { return i }
            stored += cost
            i += length
        }
        return count
    }

    /// `_xHHHH_` starting at `i` (hex digits in either case), as `ExcelText.escaped` looks for.
    static func isEscapeLike(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_") else { return false }
        for k in 2...5 {
            switch bytes[i + k] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"), UInt8(ascii: "a")...UInt8(ascii: "f"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
