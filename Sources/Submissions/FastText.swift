import Foundation

// Text checks for the loops that run for every cell of every file, on UTF-8 bytes.

extension String {
    /// `trimmingCharacters(in:)` for sets of whitespace (and the byte order mark), without
    /// its cost in the common case: a text that starts and ends with printable ASCII or a
    /// CJK ideograph, which no such set contains, is returned as it is. The set is made
    /// only when needed: making `CharacterSet.whitespaces` costs more than the check.
    func trimmingWhitespace(_ set: @autoclosure () -> CharacterSet = .whitespaces) -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isPlainEdge(first) {
            if last > 0x20 && last < 0x7F { return self }
            // The lead byte of the last scalar: up to three continuation bytes back.
            var index = utf8.index(before: utf8.endIndex)
            var steps = 0
            while steps < 3, utf8[index] & 0xC0 == 0x80, index > utf8.startIndex {
                index = utf8.index(before: index)
                steps += 1
            }
            if Self.isPlainEdge(utf8[index]) { return self }
        }
        return trimmingCharacters(in: set())
    }

    /// Printable ASCII, or the lead byte of a scalar in U+4E00–U+9FFF (E4–E9).
    private static func isPlainEdge(_ byte: UInt8) -> Bool {
        (byte > 0x20 && byte < 0x7F) || (byte >= 0xE4 && byte <= 0xE9)
    }
}

extension String {
    /// Whether the text's UTF-8 contains `bytes`: a plain byte search, without the Unicode
    /// work of `contains(_:)` (both sides are valid UTF-8, so a match is a match of text).
    func containsUTF8(_ bytes: [UInt8]) -> Bool {
        utf8Offset(of: bytes) != nil
    }

    /// The UTF-8 offset where `bytes` first occur in the text, by plain byte search.
    func utf8Offset(of bytes: [UInt8]) -> Int? {
        var text = self
        return text.withUTF8 { haystack in
            guard let first = bytes.first, haystack.count >= bytes.count else { return bytes.isEmpty ? 0 : nil }
            var start = 0
            while start <= haystack.count - bytes.count {
                if haystack[start] == first {
                    var offset = 1
                    while offset < bytes.count, haystack[start + offset] == bytes[offset] { offset += 1 }
                    if offset == bytes.count { return start }
                }
                start += 1
            }
            return nil
        }
    }

    /// The text's first `count` UTF-8 bytes, which must end where a character ends.
    func utf8Prefix(_ count: Int) -> String {
        String(self[..<utf8.index(utf8.startIndex, offsetBy: count)])
    }

    /// `hasPrefix` as a byte comparison (both sides normalised label keys).
    func hasUTF8Prefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix` as a byte comparison (both sides normalised label keys).
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}

extension String {
    /// Byte equality: for normalised keys the same as `==`, without its Unicode work.
    func hasSameUTF8(as other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    /// Byte order, as `utf8.lexicographicallyPrecedes` but with one `memcmp` instead of a
    /// loop over two `UTF8View`s (sorting a folder of 10,000 files).
    func precedesInUTF8(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}

/// A text hashed and compared as UTF-8 bytes: a label key (NFKC-normalised already, so
/// equal bytes mean equal text), or a file path (whose bytes are what names a file: two
/// names that differ only in Unicode normalisation are two files). Either way the Unicode
/// work of `String`'s own hashing, which normalises every non-ASCII string it hashes, is
/// not needed.
public struct KeyBytes: Hashable, Sendable {
    public let key: String

    public init(_ key: String) {
        self.key = key
    }

    public static func == (lhs: KeyBytes, rhs: KeyBytes) -> Bool {
        lhs.key.hasSameUTF8(as: rhs.key)
    }

    public func hash(into hasher: inout Hasher) {
        var key = key
        key.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
