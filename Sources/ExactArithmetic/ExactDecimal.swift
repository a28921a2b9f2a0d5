/// An exact decimal number: an integer significand scaled by a power of ten.
///
/// Every figure of a report is one of these from the moment it is read until the
/// moment it is written into a cell: counts have scale 0, money keeps its cents,
/// 万元 amounts keep every decimal they were given. Arithmetic never rounds; an
/// operation whose result does not fit in 64 bits returns `nil` (or throws), it
/// never wraps.
///
/// ```swift
/// let a = ExactDecimal("3569.269456")!   // scale 6
/// let b = ExactDecimal("0.5")!
/// (a + b)?.description                    // "3569.769456"
/// ```
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The unscaled integer value: `value = significand × 10^(−scale)`.
    public private(set) var significand: Int64
    /// The number of decimal places kept (0…18).
    public private(set) var scale: Int

    /// The largest scale kept; 10^18 is the largest power of ten in an `Int64`.
    public static let maximumScale = 18

    public static let zero = ExactDecimal(integer: 0)

    public init(integer: Int64) {
        significand = integer
        scale = 0
    }

    /// Creates a decimal from its parts; `scale` must be in 0…18.
    public init(significand: Int64, scale: Int) {
        precondition((0...Self.maximumScale).contains(scale), "scale out of range: \(scale)")
        self.significand = significand
        self.scale = scale
    }

    /// Parses plain decimal text: an optional sign, digits, optionally a point and
    /// more digits (`-12`, `+3.50`, `0.000001`). Anything else, or a value that does not
    /// fit, gives `nil`. Trailing zeros after the point are kept as scale, so
    /// `"1.50"` has scale 2 and prints back as typed.
    public init?(_ text: some StringProtocol) {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var value: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            digits += 1
            if seenPoint {
                scale += 1
                if scale > Self.maximumScale { return nil }
            }
        }
        // At least one digit, and a point must have digits on its left or right.
        guard digits > 0 else { return nil }
        self.significand = negative ? -value : value
        self.scale = scale
    }

    /// True when the value has no fractional part (whatever its scale).
    public var isWhole: Bool {
        scale == 0 || significand % Self.powerOfTen(scale) == 0
    }

    public var isNegative: Bool { significand < 0 }
    public var isZero: Bool { significand == 0 }

    /// The same value with trailing fractional zeros removed (`1.500` → `1.5`, `2.0` → `2`).
    public var normalized: ExactDecimal {
        var result = self
        while result.scale > 0 && result.significand % 10 == 0 {
            result.significand /= 10
            result.scale -= 1
        }
        return result
    }

    /// The value at a larger scale, or `nil` when it would overflow.
    public func rescaled(to newScale: Int) -> ExactDecimal? {
        precondition(newScale >= scale && newScale <= Self.maximumScale)
        let (value, overflow) = significand.multipliedReportingOverflow(by: Self.powerOfTen(newScale - scale))
        return overflow ? nil : ExactDecimal(significand: value, scale: newScale)
    }

    /// Exact sum, or `nil` on overflow.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        if scale == other.scale {
            // Nearly every sum (counts, or amounts with the same cents): nothing to rescale.
            let (sum, overflow) = significand.addingReportingOverflow(other.significand)
            return overflow ? nil : ExactDecimal(significand: sum, scale: scale)
        }
        let common = max(scale, other.scale)
        guard let a = rescaled(to: common), let b = other.rescaled(to: common) else { return nil }
        let (sum, overflow) = a.significand.addingReportingOverflow(b.significand)
        return overflow ? nil : ExactDecimal(significand: sum, scale: common)
    }

    /// Exact difference, or `nil` on overflow.
    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        guard other.significand != .min else { return nil }
        return adding(ExactDecimal(significand: -other.significand, scale: other.scale))
    }

    /// Multiplies by 10^power exactly (元 → 分, 万元 → 元), or `nil` on overflow.
    public func multiplied(byPowerOfTen power: Int) -> ExactDecimal? {
        precondition(power >= 0)
        if power <= scale { return ExactDecimal(significand: significand, scale: scale - power) }
        // 10^19 does not fit in an Int64: only zero survives a larger shift.
        if power - scale > Self.maximumScale { return significand == 0 ? .zero : nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: Self.powerOfTen(power - scale))
        return overflow ? nil : ExactDecimal(significand: value, scale: 0)
    }

    /// Divides by 10^power exactly by moving the point (元 → 万元 is power 4), or `nil`
    /// when the scale would pass 18.
    public func divided(byPowerOfTen power: Int) -> ExactDecimal? {
        precondition(power >= 0)
        guard scale + power <= Self.maximumScale else { return nil }
        return ExactDecimal(significand: significand, scale: scale + power)
    }

    /// The exact decimal text, with the scale's digits after the point (`-0.050`).
    public var description: String {
        if scale == 0 { return String(significand) }
        let magnitude = significand.magnitude
        var digits = String(magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        let text = digits[..<split] + "." + digits[split...]
        return significand < 0 ? "-" + text : String(text)
    }

    /// The nearest `Double`, for the one place a figure becomes binary: the moment it is
    /// written into a spreadsheet cell (Excel stores IEEE doubles).
    ///
    /// Always the correctly rounded double. When the significand has at most 53 bits, both
    /// it and the power of ten (scale ≤ 18 < 22) are exact doubles and IEEE division rounds
    /// their quotient correctly (Clinger's fast path, as in strtod) — no text is made for
    /// the two million cells of a large 明细. Larger significands go through the decimal text.
    public var doubleValue: Double {
        if significand.magnitude <= 1 << 53 {
            return Double(significand) / Self.exactPowersOfTen[scale]
        }
        return Double(normalized.description) ?? Double(significand) / Double(Self.powerOfTen(scale))
    }

    /// 10^0 … 10^18 as doubles, all exact.
    private static let exactPowersOfTen: [Double] = (0...maximumScale).map { Double(powerOfTen($0)) }

    /// True when `doubleValue` prints back (with up to 15 significant digits, as Excel
    /// shows) to this same decimal.
    public var survivesDoubleRoundTrip: Bool {
        let n = normalized
        let digitCount = String(n.significand.magnitude).count
        return digitCount <= 15
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (a, b) = alignedWide(lhs, rhs)
        return a < b
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (a, b) = alignedWide(lhs, rhs)
        return a == b
    }

    /// Both significands at the common scale, in 128 bits so that it never overflows
    /// (|Int64| × 10^18 < 2^127).
    private static func alignedWide(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128) {
        let common = max(lhs.scale, rhs.scale)
        let a = Int128(lhs.significand) * Int128(powerOfTen(common - lhs.scale))
        let b = Int128(rhs.significand) * Int128(powerOfTen(common - rhs.scale))
        return (a, b)
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

/// Thrown when an exact sum does not fit in 64 bits.
public struct ArithmeticOverflow: Error, Equatable, Sendable {
    public let operands: [ExactDecimal]
    public init(operands: [ExactDecimal]) { self.operands = operands }
}

extension ExactDecimal {
    /// Sums exactly, throwing `ArithmeticOverflow` instead of wrapping.
    public static func sum<S: Sequence>(_ values: S) throws(ArithmeticOverflow) -> ExactDecimal where S.Element == ExactDecimal {
        var total = ExactDecimal.zero
        for value in values {
            guard let next = total.adding(value) else {
                throw ArithmeticOverflow(operands: [total, value])
            }
            total = next
        }
        return total
    }
}
