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
        // Figures and codes: ASCII letters, digits and points need no work.
        if text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2E || $0 == 0x2B }) {
            return text
        }
        let folded = text.unicodeScalars.allSatisfy(isCompatibilityStable) ? text : text.precomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !ignored(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Scalars NFKC leaves alone and that need no normalisation here: ASCII, the CJK
    /// unified ideographs, and the CJK punctuation labels use that has no compatibility
    /// form (、。“”‘’《》【】…—). Anything else (full-width forms, the ideographic space,
    /// circled numbers) goes through NFKC.
    @inline(__always)
    static func isCompatibilityStable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return true }
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        switch value {
        case 0x3001, 0x3002, 0x300A...0x3011, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7:
            return true
        default:
            return false
        }
    }

    /// Characters that carry no meaning in a label: spaces, quotes, colons, and the
    /// joiners people put between label columns when they merge them into one.
    private static func ignored(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar {
        case "\u{200B}", "\u{FEFF}", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}",
             "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}", ":", "/", "\\", "|", "-", "\u{2014}", "\u{2013}",
             "\u{2015}", ">", "\u{00B7}", "\u{30FB}", "_":
            return true
        default:
            return false
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
        guard key.last == ")" else { return key }
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
