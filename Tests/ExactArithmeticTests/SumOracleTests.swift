import ExactArithmetic
import TestSupport
import Testing

/// The oracle: decimal strings read and added without `ExactDecimal`, digit by digit into
/// an `Int128` at scale 6 (enough for every generated string).
enum StringOracle {
    static let scale = 6

    /// The value of `text` × 10^6, from its characters alone.
    static func scaled(_ text: String) -> Int128 {
        var rest = Substring(text)
        var sign: Int128 = 1
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let digits = String(parts[0]) + fraction + String(repeating: "0", count: scale - fraction.count)
        var value: Int128 = 0
        for character in digits { value = value * 10 + Int128(character.wholeNumberValue!) }
        return sign * value
    }

    static func decimals(_ text: String) -> Int {
        text.split(separator: ".").count == 2 ? text.split(separator: ".")[1].count : 0
    }

    /// `value` (at scale 6) printed with `places` decimals; the value must be a multiple of 10^(6−places).
    static func text(_ value: Int128, places: Int) -> String {
        var divisor: Int128 = 1
        for _ in 0..<(scale - places) { divisor *= 10 }
        precondition(value % divisor == 0)
        let magnitude = String((value < 0 ? -value : value) / divisor)
        let padded = String(repeating: "0", count: max(0, places + 1 - magnitude.count)) + magnitude
        let whole = String(padded.dropLast(places)), fraction = String(padded.suffix(places))
        return (value < 0 ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
    }
}

@Suite struct SumOracleTests {
    /// 10,000 strings with 1–12 integer digits and 0–6 decimals, about half negative. A
    /// sign is flipped only when the running total would pass ±4×10^18 at scale 6, so the
    /// exact sum always fits in an `Int64` and must come out exactly.
    static func generate(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var running: Int128 = 0
        var texts: [String] = []
        for _ in 0..<count {
            let integerDigits = Int.random(in: 1...12, using: &random)
            let decimals = Int.random(in: 0...6, using: &random)
            var body = (0..<integerDigits).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            if decimals > 0 {
                body += "." + (0..<decimals).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            }
            var negative = Bool.random(using: &random)
            let magnitude = StringOracle.scaled(body)
            let limit: Int128 = 4_000_000_000_000_000_000
            if (running + (negative ? -magnitude : magnitude)).magnitude > limit.magnitude { negative.toggle() }
            running += negative ? -magnitude : magnitude
            let plus = !negative && Int.random(in: 0..<10, using: &random) == 0
            texts.append((negative ? "-" : plus ? "+" : "") + body)
        }
        return texts
    }

    @Test(arguments: [UInt64(1), 2019, 0xDEAD_BEEF])
    func sumAgreesWithTheStringOracle(seed: UInt64) throws {
        let texts = Self.generate(count: 10_000, seed: seed)
        #expect(texts.contains { $0.hasPrefix("-") } && texts.contains { !$0.hasPrefix("-") })

        let values = try texts.map { text in try #require(ExactDecimal(text), "“\(text)” does not parse") }
        let sum = try ExactDecimal.sum(values)

        let expected = texts.reduce(Int128(0)) { $0 + StringOracle.scaled($1) }
        let places = texts.map(StringOracle.decimals).max()!
        #expect(sum.scale == places)
        #expect(sum.description == StringOracle.text(expected, places: places), "seed \(seed)")
    }

    @Test func everyPrefixAgreesWithTheOracle() throws {
        // Short sums catch a scale mistake that a long sum (almost always scale 6) would hide.
        let texts = Self.generate(count: 300, seed: 7)
        var expected: Int128 = 0
        var places = 0
        for count in 1...texts.count {
            expected += StringOracle.scaled(texts[count - 1])
            places = max(places, StringOracle.decimals(texts[count - 1]))
            let sum = try ExactDecimal.sum(texts[..<count].map { ExactDecimal($0)! })
            try #require(sum.description == StringOracle.text(expected, places: places), "first \(count) of seed 7")
        }
    }

    @Test func theOracleReadsStringsAsExpected() {
        #expect(StringOracle.scaled("-12.5") == -12_500_000)
        #expect(StringOracle.scaled("+0.000001") == 1)
        #expect(StringOracle.text(-12_500_000, places: 2) == "-12.50")
        #expect(StringOracle.text(5, places: 6) == "0.000005")
        #expect(StringOracle.text(0, places: 0) == "0")
    }

    @Test func emptySumIsZero() throws {
        #expect(try ExactDecimal.sum([ExactDecimal]()) == .zero)
    }

    @Test func sumUpToInt64MaxIsExact() throws {
        let sum = try ExactDecimal.sum([ExactDecimal(integer: .max - 1), ExactDecimal(integer: 1)])
        #expect(sum.significand == .max)
    }

    @Test func sumPastInt64MaxThrows() {
        let max = ExactDecimal(integer: .max)
        #expect(throws: ArithmeticOverflow(operands: [max, ExactDecimal(integer: 1)])) {
            try ExactDecimal.sum([max, ExactDecimal(integer: 1)])
        }
    }

    @Test func sumBelowInt64MinThrows() {
        let low = ExactDecimal(integer: -.max)
        #expect(throws: ArithmeticOverflow.self) {
            try ExactDecimal.sum([low, ExactDecimal(integer: -2)])
        }
    }

    @Test func sumThatOverflowsOnlyWhenRescaledThrows() throws {
        // 10^12 fits, but at scale 7 it would be 10^19.
        let whole = try #require(ExactDecimal("1000000000000"))
        let fine = try #require(ExactDecimal("0.0000001"))
        #expect(throws: ArithmeticOverflow(operands: [whole, fine])) {
            try ExactDecimal.sum([whole, fine])
        }
    }

    @Test func subtractingInt64MinIsNil() {
        #expect(ExactDecimal.zero.subtracting(ExactDecimal(significand: .min, scale: 0)) == nil)
        #expect(ExactDecimal(integer: 5).subtracting(ExactDecimal(integer: 7))?.description == "-2")
    }
}
