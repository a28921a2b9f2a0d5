import ExactArithmetic
import Testing

/// `ExactDecimal(_:)`: plain decimal text in, significand and scale out; anything else is `nil`.
@Suite struct ParsingTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let text: String
        let significand: Int64
        let scale: Int
        var testDescription: String { "“\(text)”" }
    }

    @Test(arguments: [
        Valid(text: "0", significand: 0, scale: 0),
        Valid(text: "-12", significand: -12, scale: 0),
        Valid(text: "+3.50", significand: 350, scale: 2),
        Valid(text: "0.000001", significand: 1, scale: 6),
        Valid(text: "007", significand: 7, scale: 0),
        Valid(text: "-0.05", significand: -5, scale: 2),
        Valid(text: ".5", significand: 5, scale: 1),
        Valid(text: "0.123456789012345678", significand: 123_456_789_012_345_678, scale: 18),
        Valid(text: "9223372036854775807", significand: .max, scale: 0),
        Valid(text: "-9.223372036854775807", significand: -.max, scale: 18),
    ])
    func parsesValidText(_ valid: Valid) throws {
        let value = try #require(ExactDecimal(valid.text))
        #expect(value.significand == valid.significand)
        #expect(value.scale == valid.scale)
    }

    @Test(arguments: [
        "", ".", "+", "-", "1.2.3", "1e5", " 1", "1 ", "1,000", "--1", "+-1", "1-", "１２", "0x10", "NaN",
        "12345678901234567890",       // 20 digits: does not fit in Int64
        "9223372036854775808",        // Int64.max + 1
        "0.1234567890123456789",      // 19 decimals: scale above 18
    ])
    func refusesInvalidText(_ text: String) {
        #expect(ExactDecimal(text) == nil, "“\(text)” should not parse")
    }

    @Test func parsesASubstringOnly() throws {
        let line = "REG_NEWMADE,12.50,元"
        let field = line.split(separator: ",")[1]
        let value = try #require(ExactDecimal(field))
        #expect(value.description == "12.50")
    }

    @Test(arguments: ["0", "-12", "3.50", "0.000001", "-0.050", "35692694.56", "9223372036854775807",
                      "-9223372036854775807", "0.123456789012345678"])
    func descriptionPrintsBackAsTyped(_ text: String) throws {
        #expect(try #require(ExactDecimal(text)).description == text)
    }

    @Test func descriptionDropsALeadingPlusAndLeadingZeros() throws {
        #expect(try #require(ExactDecimal("+3.50")).description == "3.50")
        #expect(try #require(ExactDecimal("007.10")).description == "7.10")
        #expect(try #require(ExactDecimal(".5")).description == "0.5")
    }

    @Test func descriptionOfTheSmallestSignificand() {
        // `Int64.min` cannot be typed (its magnitude overflows while parsing) but can be built.
        #expect(ExactDecimal(significand: .min, scale: 0).description == "-9223372036854775808")
        #expect(ExactDecimal(significand: .min, scale: 18).description == "-9.223372036854775808")
    }
}
