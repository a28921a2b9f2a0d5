@testable import Submissions
import TestSupport
import Testing

/// Files are sorted by the bytes of their paths (`SubmissionReader.regularFiles`): the
/// `memcmp` comparison must order exactly as comparing the UTF-8 views does.
struct ByteOrderTests {
    static let pieces = ["", "a", "b", "A", "/", ".", "-", "0", "9", "é", "e\u{301}", "表", "鲤城区", "街道", "𠀀", "\u{7F}", "\u{80}", "ÿ"]

    @Test func agreesWithComparingUTF8Views() {
        var generator = SplitMix64(seed: 1127)
        var texts = Self.pieces
        for a in Self.pieces { for b in Self.pieces { texts.append(a + b) } }
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...6, using: &generator)
            texts.append((0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined())
        }
        var pairs = 0
        for lhs in texts.prefix(400) {
            for rhs in texts.shuffled(using: &generator).prefix(200) + [lhs, lhs + "a", String(lhs.dropLast())] {
                let expected = lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
                #expect(lhs.precedesInUTF8(rhs) == expected, "\(Array(lhs.utf8)) < \(Array(rhs.utf8))")
                pairs += 1
            }
        }
        #expect(pairs > 80_000)
        // A prefix comes first; equal texts precede neither way; normalisation is not applied.
        #expect("鲤城".precedesInUTF8("鲤城区") && !"鲤城区".precedesInUTF8("鲤城"))
        #expect(!"表".precedesInUTF8("表"))
        #expect("e\u{301}".precedesInUTF8("é") && !"é".precedesInUTF8("e\u{301}"))
    }
}
