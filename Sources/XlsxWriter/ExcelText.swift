/// Excel's limits and the text rules every string passes before it reaches libxlsxwriter.
enum ExcelLimits {
    /// Rows per sheet (libxlsxwriter `LXW_ROW_MAX`).
    static let rows = 1_048_576
    /// Columns per sheet, A…XFD (`LXW_COL_MAX`).
    static let columns = 16_384
    /// Characters in a cell or comment (`LXW_STR_MAX`); Excel counts UTF-16 units.
    static let textLength = 32_767
    /// Characters in a formula.
    static let formulaLength = 8_192
    /// Characters in a sheet name (`LXW_SHEETNAME_MAX`).
    static let sheetNameLength = 31
    /// Characters in a header or footer (`LXW_HEADER_FOOTER_MAX`).
    static let headerFooterLength = 255
    /// Column width in characters.
    static let columnWidth = 255.0
    /// Row height in points.
    static let rowHeight = 409.0
    /// Hyperlinks per sheet (`LXW_MAX_NUMBER_URLS`).
    static let urlsPerSheet = 65_530
    /// Characters in an internal link's location.
    static let linkLocationLength = 255
}

enum ExcelText {
    /// Cell, comment and link text made safe for the XML libxlsxwriter writes: literal
    /// `_xHHHH_` becomes `_x005F_xHHHH_` so Excel reads it back literally; control characters
    /// other than tab and line feed, and U+FFFE/U+FFFF (not allowed in XML), become
    /// `_xHHHH_` escapes, which Excel decodes (ECMA-376 Part 1, §22.4.2.4 ST_Xstring).
    ///
    /// Callers reject U+0000 first: C strings cannot carry it.
    static func escaped(_ text: String) -> String {
        var text = text
        guard text.withUTF8(mayNeedEscaping) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        func appendEscape(_ value: UInt32) {
            out.append(contentsOf: "_x".utf8)
            for shift in stride(from: 12, through: 0, by: -4) {
                out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
            }
            out.append(UInt8(ascii: "_"))
        }
        func isHex(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                 UInt8(ascii: "a")...UInt8(ascii: "f"): return true
            default: return false
            }
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
               isHex(bytes[i + 2]), isHex(bytes[i + 3]), isHex(bytes[i + 4]), isHex(bytes[i + 5]),
               bytes[i + 6] == UInt8(ascii: "_") {
                // Escape only the underscore and rescan from the next byte, so overlapping
                // sequences such as `_x0041_x0042_` are escaped too.
                appendEscape(0x5F)
                i += 1
                continue
            }
            if b < 0x20 && b != 0x09 && b != 0x0A {
                appendEscape(UInt32(b))
                i += 1
                continue
            }
            if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                appendEscape(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                i += 3
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `escaped` might change the text: a control character other than tab and LF
    /// (NUL included, which callers refuse), an underscore, or U+FFFE or U+FFFF (EF BF BE,
    /// EF BF BF). Any other EF — the full-width forms `（），：￥` of nearly every Chinese
    /// label — is left alone.
    @inline(__always)
    static func mayNeedEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A { return true }
            } else if b == UInt8(ascii: "_") {
                return true
            } else if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                return true
            }
            i += 1
        }
        return false
    }

    /// The first character Excel or XML cannot hold in a name, header or property:
    /// U+0000, other control characters except tab and line feed, U+FFFE, U+FFFF.
    static func firstForbiddenCharacter(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            (s.value < 0x20 && s != "\t" && s != "\n") || s.value == 0xFFFE || s.value == 0xFFFF
        }
    }

    /// `U+0007` style name of a scalar, for messages.
    static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
