import ExactArithmetic
import Testing

private func d(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(text) else { preconditionFailure("test literal “\(text)” does not parse") }
    return value
}

@Suite struct ScalingTests {
    @Test(arguments: [("1.500", "1.5"), ("2.0", "2"), ("-0.050", "-0.05"), ("0.000", "0"), ("120", "120"), ("10.01", "10.01")])
    func normalizedDropsTrailingFractionZeros(_ text: String, _ expected: String) {
        #expect(d(text).normalized.description == expected)
    }

    @Test func isWholeIgnoresTheScale() {
        #expect(d("12").isWhole)
        #expect(d("12.00").isWhole)
        #expect(d("-3.000").isWhole)
        #expect(!d("12.50").isWhole)
        #expect(!d("-0.000001").isWhole)
    }

    @Test func rescaledAddsZeros() throws {
        let value = try #require(d("-1.5").rescaled(to: 4))
        #expect(value.description == "-1.5000")
        #expect(value.significand == -15000)
        #expect(value == d("-1.5"))
    }

    @Test func rescaledOverflowIsNil() {
        #expect(ExactDecimal(integer: 10).rescaled(to: 18) == nil)
        #expect(ExactDecimal(integer: 9).rescaled(to: 18)?.description == "9.000000000000000000")
    }

    @Test func wanYuanToYuan() {
        // 12.345678 万元 × 10^4 = 123456.78 元: the point moves, no digit is lost.
        #expect(d("12.345678").multiplied(byPowerOfTen: 4)?.description == "123456.78")
        #expect(d("3").multiplied(byPowerOfTen: 4)?.description == "30000")
        #expect(d("0.5").multiplied(byPowerOfTen: 4)?.description == "5000")
        #expect(d("-1.2345").multiplied(byPowerOfTen: 4)?.description == "-12345")
    }

    @Test func yuanToWanYuan() {
        #expect(d("123456.78").divided(byPowerOfTen: 4)?.description == "12.345678")
        #expect(d("35692694.56").divided(byPowerOfTen: 4)?.description == "3569.269456")
        #expect(d("-5").divided(byPowerOfTen: 4)?.description == "-0.0005")
    }

    @Test func roundTripYuanWanYuanIsExact() throws {
        let yuan = d("35692694.56")
        let wan = try #require(yuan.divided(byPowerOfTen: 4))
        #expect(try #require(wan.multiplied(byPowerOfTen: 4)) == yuan)
    }

    @Test func multiplyingPastInt64IsNilNotWrapped() {
        #expect(ExactDecimal(integer: .max).multiplied(byPowerOfTen: 1) == nil)
        #expect(ExactDecimal(integer: 922_337_203_685_478).multiplied(byPowerOfTen: 4) == nil)
        #expect(ExactDecimal(integer: -922_337_203_685_478).multiplied(byPowerOfTen: 4) == nil)
        #expect(ExactDecimal(integer: 922_337_203_685_477).multiplied(byPowerOfTen: 4)?.description == "9223372036854770000")
    }

    @Test func multiplyingByAPowerBeyondEighteenIsNilNotACrash() {
        #expect(ExactDecimal(integer: 1).multiplied(byPowerOfTen: 19) == nil)
        #expect(ExactDecimal(integer: -1).multiplied(byPowerOfTen: 40) == nil)
        #expect(ExactDecimal(integer: 0).multiplied(byPowerOfTen: 19) == .zero)
        // Within the scale the point just moves, however large the power.
        #expect(d("0.000000000000000001").multiplied(byPowerOfTen: 18)?.description == "1")
    }

    @Test func dividingPastScaleEighteenIsNil() {
        #expect(d("1.5").divided(byPowerOfTen: 18) == nil)
        #expect(d("1.5").divided(byPowerOfTen: 17)?.description == "0.000000000000000015")
    }
}

@Suite struct ComparisonTests {
    @Test func equalAcrossScales() {
        #expect(d("1.50") == d("1.5"))
        #expect(d("2") == d("2.000000"))
        #expect(d("-0.0") == d("0"))
        #expect(d("1.50") != d("1.51"))
    }

    @Test func equalValuesHashAlike() {
        #expect(d("1.50").hashValue == d("1.5").hashValue)
        #expect(Set([d("1.50"), d("1.5"), d("1.500000"), d("2")]).count == 2)
    }

    @Test(arguments: [("1.49", "1.5"), ("-2", "-1.99"), ("0", "0.000001"), ("-0.000001", "0"),
                      ("9.9", "10"), ("999999999999.999999", "1000000000000")])
    func lessAcrossScales(_ smaller: String, _ larger: String) {
        #expect(d(smaller) < d(larger))
        #expect(!(d(larger) < d(smaller)))
        #expect(d(larger) > d(smaller))
    }

    @Test func notLessThanItself() {
        #expect(!(d("1.5") < d("1.50")))
        #expect(d("1.5") <= d("1.50"))
    }

    @Test func comparesTheExtremesWithoutOverflow() {
        let huge = ExactDecimal(significand: .max, scale: 0)
        let tiny = ExactDecimal(significand: .max, scale: 18)   // 9.22…
        #expect(tiny < huge)
        #expect(ExactDecimal(significand: .min, scale: 0) < ExactDecimal(significand: .min, scale: 18))
        #expect(huge != tiny)
    }

    @Test func sortsNumerically() {
        let sorted = ["10", "-1.5", "2.25", "0", "2.3", "-1.50001"].map(d).sorted().map(\.description)
        #expect(sorted == ["-1.50001", "-1.5", "0", "2.25", "2.3", "10"])
    }
}
