/// Display widths of text, for fitting Excel column widths to Chinese labels
/// (libxlsxwriter has no autofit; see STYLE.md §8).
public enum TextWidth {
    /// The width of `s` in monospace cells: East Asian Wide and Fullwidth characters
    /// (Unicode UAX #11, `W`/`F`) count 2, combining marks and format characters 0,
    /// everything else 1. For text with line breaks, the widest line. Does not throw.
    public static func displayWidth(_ s: String) -> Int {
        var widest = 0
        var current = 0
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                widest = max(widest, current)
                current = 0
                continue
            }
            current += width(of: scalar)
        }
        return max(widest, current)
    }

    /// An Excel column width (in the units `Worksheet.setColumnWidth` takes) that shows
    /// `text` on one line in an 11-point font: its display width plus one character of
    /// margin on each side, at most Excel's 255. Does not throw.
    ///
    /// A CJK character in 宋体 or 仿宋 is about as wide as two Calibri digits, which is
    /// what Excel's width unit measures.
    public static func columnWidth(forLongestText text: String) -> Double {
        min(255, Double(displayWidth(text)) + 2)
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x0300 {
            // Fast path: nothing below U+0300 is wide or combining; C0/C1 controls and
            // the soft hyphen take no room.
            return value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0xAD ? 0 : 1
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        return isWide(value) ? 2 : 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (first, last) = wideRanges[mid]
            if value < first { high = mid - 1 } else if value > last { low = mid + 1 } else { return true }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) code point ranges, generated from Unicode 14
    /// EastAsianWidth data (Python `unicodedata`), with the CJK ideograph blocks and planes 2–3
    /// taken whole and gaps of unassigned code points between wide ranges merged.
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x01100, 0x0115F), (0x0231A, 0x0231B), (0x02329, 0x0232A), (0x023E9, 0x023EC),
        (0x023F0, 0x023F0), (0x023F3, 0x023F3), (0x025FD, 0x025FE), (0x02614, 0x02615),
        (0x02648, 0x02653), (0x0267F, 0x0267F), (0x02693, 0x02693), (0x026A1, 0x026A1),
        (0x026AA, 0x026AB), (0x026BD, 0x026BE), (0x026C4, 0x026C5), (0x026CE, 0x026CE),
        (0x026D4, 0x026D4), (0x026EA, 0x026EA), (0x026F2, 0x026F3), (0x026F5, 0x026F5),
        (0x026FA, 0x026FA), (0x026FD, 0x026FD), (0x02705, 0x02705), (0x0270A, 0x0270B),
        (0x02728, 0x02728), (0x0274C, 0x0274C), (0x0274E, 0x0274E), (0x02753, 0x02755),
        (0x02757, 0x02757), (0x02795, 0x02797), (0x027B0, 0x027B0), (0x027BF, 0x027BF),
        (0x02B1B, 0x02B1C), (0x02B50, 0x02B50), (0x02B55, 0x02B55), (0x02E80, 0x0303E),
        (0x03041, 0x03247), (0x03250, 0x04DBF), (0x04E00, 0x0A4C6), (0x0A960, 0x0A97C),
        (0x0AC00, 0x0D7A3), (0x0F900, 0x0FAFF), (0x0FE10, 0x0FE19), (0x0FE30, 0x0FE6B),
        (0x0FF01, 0x0FF60), (0x0FFE0, 0x0FFE6), (0x16FE0, 0x1B2FB), (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F320),
        (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA),
        (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E),
        (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAF6),
        (0x20000, 0x3FFFD),
    ]
}
