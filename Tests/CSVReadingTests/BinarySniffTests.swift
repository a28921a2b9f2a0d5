@testable import CSVReading
import TestSupport
import Testing

/// `looksBinary` counts controls eight bytes at a time; it must say exactly what counting
/// them one by one says, for any length, start and mix of bytes.
struct BinarySniffTests {
    /// The definition, byte by byte: a NUL anywhere, or more than a quarter of the sample controls.
    static func reference(_ bytes: [UInt8], from start: Int) -> Bool {
        guard start < bytes.count else { return false }
        if bytes[start...].contains(0) { return true }
        let sample = bytes[start..<min(bytes.count, start + TextDecoding.binarySampleSize)]
        return sample.filter(ASCII.isBinaryControl).count * 4 > sample.count
    }

    @Test func agreesWithCountingByteByByte() {
        var random = SplitMix64(seed: 0xB1_4A_27)
        // Text, CJK in UTF-8, the controls text may hold, the ones it may not, and DEL.
        let kinds: [[UInt8]] = [Array("abc 123,.\"".utf8), Array("汇总单位".utf8), [9, 10, 13, 26, 27],
                                [1, 2, 8, 14, 31], [0x7F]]
        var differing: [String] = []
        for round in 0..<3_920 {
            let length = round < 3_900 ? Int.random(in: 0...160, using: &random) : Int.random(in: 60_000...70_000, using: &random)
            // Weights so that some samples sit near the one-in-four threshold.
            let controlShare = Double.random(in: 0...0.5, using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                let roll = Double.random(in: 0..<1, using: &random)
                let kind = roll < controlShare ? (roll < controlShare / 3 ? 4 : 3) : Int.random(in: 0...2, using: &random)
                return kinds[kind].randomElement(using: &random)!
            }
            let start = Int.random(in: 0...min(3, length), using: &random)
            if TextDecoding.looksBinary(bytes, from: start) != Self.reference(bytes, from: start) {
                differing.append("round \(round): \(length) bytes from \(start)")
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func aQuarterOfControlsIsStillText() {
        // 2 controls in 8 bytes is exactly a quarter: text; 3 in 8 is binary.
        #expect(!TextDecoding.looksBinary(Array("ab\u{1}cd\u{2}ef".utf8), from: 0))
        #expect(TextDecoding.looksBinary(Array("a\u{1}b\u{2}c\u{7F}de".utf8), from: 0))
        #expect(TextDecoding.looksBinary(Array("abcdefgh\u{0}".utf8), from: 0))
    }
}
