/// Decides, from a field's bytes alone, whether it is unambiguously a number, and reads it
/// without Foundation and without a `String`.
///
/// A number is: an optional `-`, then digits without a leading zero (`0` itself is fine),
/// then optionally `.` and at least one digit; at most 15 digits in all (a `0` before the
/// point not counted), because Excel keeps 15 significant digits. Everything else stays text:
/// `007`, `350102199001011234` (an 18-digit 身份证号), `0595-22355663`, `2023-01-15`,
/// `1,234`, `1e5`, `+5`, `.5`, `5.`, ` 5`, `-0` (its sign would be lost), full-width digits.
enum NumberRecognizer {
    /// Excel's precision: 15 significant decimal digits.
    static let maxDigits = 15
    /// Longest text that can pass: `-` + 15 digits + `.` + the `0` before the point.
    static let maxLength = 18

    /// Exact powers of ten: every 10^k for k ≤ 22 is a double.
    static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]

    struct Number: Equatable {
        /// The value, correctly rounded.
        var value: Double
        /// Digits after the point (0 for an integer).
        var decimals: Int
        /// Digits counted against the limit of 15.
        var digits: Int
    }

    @inline(__always)
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        let count = bytes.count
        guard count > 0 && count <= maxLength else { return nil }
        let zero = UInt8(ascii: "0")
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        let integerStart = i
        var mantissa: UInt64 = 0
        while i < count {
            let digit = bytes[i] &- zero
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i += 1
        }
        let integerDigits = i - integerStart
        guard integerDigits > 0 else { return nil }
        let leadingZero = bytes[integerStart] == zero
        if integerDigits > 1 && leadingZero { return nil }
        var decimals = 0
        if i < count {
            guard bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            let fractionStart = i
            while i < count {
                let digit = bytes[i] &- zero
                guard digit < 10 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                i += 1
            }
            decimals = i - fractionStart
            guard decimals > 0 else { return nil }
        }
        let digits = leadingZero && decimals > 0 ? decimals : integerDigits + decimals
        guard digits <= maxDigits else { return nil }
        if negative && mantissa == 0 { return nil }
        // Both operands are exact (mantissa < 10^15 < 2^53), so one IEEE division gives the
        // correctly rounded value (Clinger's fast path).
        var value = Double(mantissa)
        if decimals > 0 { value /= powersOfTen[decimals] }
        return Number(value: negative ? -value : value, decimals: decimals, digits: digits)
    }
}
