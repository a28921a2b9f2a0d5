import ExactArithmetic
import Testing

/// `doubleValue` is used once, when a figure is written into an XLSX cell; it must print
/// back to the same decimal for every amount a report really holds.
@Suite struct DoubleConversionTests {
    @Test(arguments: ["35692694.56", "0", "12", "-2", "0.1", "0.05", "3569.269456", "123456.78",
                      "18018", "999999999999.99", "-87", "1204.00"])
    func typicalValuesPrintBack(_ text: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.survivesDoubleRoundTrip)
        let printed = String(value.doubleValue)
        #expect(try #require(ExactDecimal(printed), "“\(printed)”") == value)
    }

    @Test func theReportsProcurementTotal() throws {
        let value = try #require(ExactDecimal("35692694.56"))
        #expect(value.doubleValue == 35692694.56)
        #expect("\(value.doubleValue)" == "35692694.56")
    }

    @Test func trailingZerosDoNotChangeTheDouble() throws {
        #expect(try #require(ExactDecimal("1.50")).doubleValue == 1.5)
        #expect(try #require(ExactDecimal("-0.050")).doubleValue == -0.05)
    }

    @Test(arguments: ["9007199254740993", "12345678901234567", "0.1234567890123456", "1234567890.123456"])
    func tooManyDigitsDoNotSurvive(_ text: String) throws {
        #expect(try #require(ExactDecimal(text)).survivesDoubleRoundTrip == false)
    }

    @Test func fifteenSignificantDigitsSurvive() throws {
        #expect(try #require(ExactDecimal("123456789012.345")).survivesDoubleRoundTrip)
        // Trailing zeros are not significant: 16 digits typed, 15 kept.
        #expect(try #require(ExactDecimal("1234567890.123450")).survivesDoubleRoundTrip)
    }

    @Test func aSixteenDigitIntegerReallyLosesItsLastDigit() throws {
        // The reason for the 15-digit limit: 2^53 + 1 has no exact double.
        let value = try #require(ExactDecimal("9007199254740993"))
        #expect(value.doubleValue == 9007199254740992)
    }
}
