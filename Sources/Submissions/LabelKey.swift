import Foundation

/// Comparison keys for labels, so that the label variants clerks really produce match
/// the official text: full-width or half-width punctuation, spaces, curly or straight
/// quotes, joiners between label columns, missing numbering, a missing gloss.
///
/// The same functions normalise the template's labels and the file's cells, so both
/// sides always agree; output always uses the template's canonical text.
public enum LabelKey {
    /// The base key: NFKC (full-width → half-width), then whitespace, quotes, colons
    /// and joiners removed.
    public static func key(_ text: String) -> String {
        // Most cells of a form are empty (the columns past each table's last).
        if text.isEmpty { return text }
        return stableKey(text) ?? generalKey(text)
    }

    /// The key worked out with Foundation's NFKC, for any text (and as the reference the
    /// byte-level `stableKey` is tested against).
    static func generalKey(_ text: String) -> String {
        let folded = text.unicodeScalars.allSatisfy(isCompatibilityStable) ? text : text.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !ignored(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The key of a text whose every scalar is ASCII, stable (see `isCompatibilityStable`)
    /// or a full-width form of ASCII — nearly every cell of every file — worked out on its
    /// UTF-8 bytes: the text itself when nothing changes (no copy), else the changed bytes.
    /// `nil` for any other text, which takes the general way.
    private static func stableKey(_ text: String) -> String? {
        var text = text
        var changed = false
        let simple = text.withUTF8 { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                guard let (scalar, length) = simpleScalar(bytes, at: index) else { return false }
                if scalar.map(ignored) ?? true || length != (scalar.map { $0.utf8.count } ?? 0) { changed = true }
                index += length
            }
            return true
        }
        guard simple else { return nil }
        guard changed else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                var index = 0
                while index < bytes.count, let (scalar, length) = simpleScalar(bytes, at: index) {
                    if let scalar, !ignored(scalar) {
                        for byte in scalar.utf8 {
                            buffer[count] = byte
                            count += 1
                        }
                    }
                    index += length
                }
                return count
            }
        }
    }

    /// The scalar starting at `index` of valid UTF-8, as NFKC leaves it, and its length in
    /// bytes: ASCII and the stable scalars as they are, a full-width form (U+FF01–U+FF5E) as
    /// its ASCII twin, the ideographic space as nothing (`nil`). The outer `nil`: any other scalar.
    @inline(__always)
    private static func simpleScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        // U+00B7 is the only stable two-byte scalar; everything else here takes three.
        if lead == 0xC2 { return bytes[index + 1] == 0xB7 ? ("\u{00B7}", 2) : nil }
        guard lead & 0xF0 == 0xE0 else { return nil }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        if value >= 0xFF01 && value <= 0xFF5E { return (Unicode.Scalar(UInt8(value - 0xFF01 + 0x21)), 3) }
        if value == 0x3000 { return (nil, 3) }
        guard let scalar = Unicode.Scalar(value), isCompatibilityStable(scalar) else { return nil }
        return (scalar, 3)
    }

    /// Scalars NFKC leaves alone and that need no normalisation here: ASCII, the CJK
    /// unified ideographs, and the CJK punctuation labels use that has no compatibility
    /// form (、。“”‘’《》【】—). Anything else (full-width forms, the ideographic space, `…`,
    /// circled numbers) goes through NFKC.
    @inline(__always)
    static func isCompatibilityStable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return true }
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        switch value {
        case 0x3001, 0x3002, 0x300A...0x3011, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x00B7:
            return true
        default:
            return false
        }
    }

    /// Characters that carry no meaning in a label: spaces, quotes, colons, and the
    /// joiners people put between label columns when they merge them into one.
    @inline(__always)
    private static func ignored(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{200B}", "\u{FEFF}", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}",
             "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}", ":", "/", "\\", "|", "-", "\u{2014}", "\u{2013}",
             "\u{2015}", ">", "\u{00B7}", "\u{30FB}", "_":
            return true
        default:
            // Whitespace: in ASCII tab to carriage return and space; no ideograph is any.
            let value = scalar.value
            if value < 0x80 { return (0x09...0x0D).contains(value) || value == 0x20 }
            if value >= 0x4E00 && value <= 0x9FFF { return false }
            return scalar.properties.isWhitespace
        }
    }

    /// The key without leading numbering: `一、`, `(一)`, `1.`, `1、`, `(1)`, `①`.
    public static func withoutNumbering(_ key: String) -> String {
        // Most labels start with neither a numeral, a parenthesis, a digit nor a circled number.
        guard let head = key.unicodeScalars.first,
              head == "(" || ("0"..."9").contains(head) || "一二三四五六七八九十".unicodeScalars.contains(head)
                || (0x2460...0x2473).contains(head.value) else { return key }
        var rest = Substring(key)
        let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if let first = rest.first, chineseNumerals.contains(first) {
            let numerals = rest.prefix { chineseNumerals.contains($0) }
            let after = rest.dropFirst(numerals.count)
            if let mark = after.first, mark == "、" || mark == "." || mark == "," || mark == "，" {
                return String(after.dropFirst())
            }
        }
        if rest.first == "(" {
            let inner = rest.dropFirst().prefix { $0 != ")" }
            if !inner.isEmpty, inner.count <= 3,
               inner.allSatisfy({ chineseNumerals.contains($0) || $0.isASCII && $0.isNumber }),
               rest.dropFirst(inner.count + 1).first == ")" {
                return String(rest.dropFirst(inner.count + 2))
            }
        }
        if let first = rest.first, first.isASCII, first.isNumber {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == "、" || mark == "," {
                rest = after.dropFirst()
                return String(rest)
            }
        }
        if let first = rest.unicodeScalars.first, (0x2460...0x2473).contains(first.value) {
            return String(rest.unicodeScalars.dropFirst())
        }
        return key
    }

    /// The key without a trailing parenthesised gloss, e.g. `部分公开(区分处理的,…)` →
    /// `部分公开`, `本年收费金额(单位万元)` → `本年收费金额`. Parentheses inside a label
    /// (`第二十条第(一)项`) are part of it and stay.
    public static func withoutGloss(_ key: String) -> String {
        guard key.utf8.last == UInt8(ascii: ")") else { return key }
        var depth = 0
        var index = key.endIndex
        while index > key.startIndex {
            index = key.index(before: index)
            if key[index] == ")" { depth += 1 }
            if key[index] == "(" {
                depth -= 1
                if depth == 0 {
                    let rest = String(key[..<index])
                    return rest.isEmpty ? key : rest
                }
            }
        }
        return key
    }

    /// Every key under which a label is accepted, most exact first, without duplicates.
    public static func variants(of label: String) -> [String] {
        let full = key(label)
        let bare = withoutNumbering(full)
        // The numbering kept, the gloss dropped: `(二)部分公开`.
        let numberedWithoutGloss = String(full.dropLast(bare.count)) + withoutGloss(bare)
        var result: [String] = []
        for candidate in [full, bare, numberedWithoutGloss, withoutGloss(full), withoutGloss(bare)] where !candidate.isEmpty && !result.contains(candidate) {
            result.append(candidate)
        }
        return result
    }
}
