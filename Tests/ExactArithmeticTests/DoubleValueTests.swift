import ExactArithmetic
import Foundation
import TestSupport
import Testing

/// `doubleValue`, the one place a figure becomes binary, is the correctly rounded double:
/// bit for bit what strtod makes of the decimal text, on the fast path and off it.
struct DoubleValueTests {
    @Test func equalsTheDoubleOfTheDecimalText() {
        var generator = SplitMix64(seed: 639)
        var values: [ExactDecimal] = []
        let limit = Int64(1) << 53
        let edges: [Int64] = [0, 1, -1, 9, 10, 99, 100, 639, 18018, 3_569_269_456, limit - 1, limit, limit + 1, -limit,
                              -limit - 1, 999_999_999_999_999_999, .max, .min + 1]
        for significand in edges {
            for scale in 0...ExactDecimal.maximumScale { values.append(ExactDecimal(significand: significand, scale: scale)) }
        }
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...18, using: &generator)
            var significand = Int64.random(in: 0..<Int64(pow(10, Double(digits))), using: &generator)
            if Bool.random(using: &generator) { significand.negate() }
            values.append(ExactDecimal(significand: significand,
                                       scale: Int.random(in: 0...ExactDecimal.maximumScale, using: &generator)))
        }
        for value in values {
            let reference = Double(value.normalized.description)!
            #expect(value.doubleValue.bitPattern == reference.bitPattern, "\(value)")
        }
    }
}
