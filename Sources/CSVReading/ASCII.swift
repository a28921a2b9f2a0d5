/// Named byte values the reader compares against. The scanner only ever looks at
/// bytes, never at `Character`s (see apple/swift-http-structured-headers:
/// Sources/RawStructuredFieldValues/ASCII.swift).
enum ASCII {
    static let nul: UInt8 = 0x00
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let substitute: UInt8 = 0x1A   // Ctrl-Z, the old DOS end-of-file mark
    static let escape: UInt8 = 0x1B
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22        // "
    static let comma: UInt8 = 0x2C        // ,
    static let semicolon: UInt8 = 0x3B    // ;
    static let delete: UInt8 = 0x7F

    /// Space, tab, LF, VT, FF, CR: what a file may hold and still count as empty.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }

    /// C0 controls (and DEL) that do not occur in text a person typed. A bit mask rather
    /// than a switch, so that counting them over a file's sample needs no branch.
    @inline(__always)
    static func isBinaryControl(_ byte: UInt8) -> Bool {
        byte == delete || (byte < space && (binaryControls >> UInt32(byte)) & 1 == 1)
    }

    /// Bit n: byte n (below space) is a binary control — all but tab, LF, VT, FF, CR, SUB and ESC.
    private static let binaryControls: UInt32 = ~(1 << tab | 1 << lineFeed | 1 << verticalTab | 1 << formFeed
        | 1 << carriageReturn | 1 << substitute | 1 << escape)
}
