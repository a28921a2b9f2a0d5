import ExactArithmetic
import Foundation
import ReportSpec

/// Reads a figure as people type it: full-width digits and signs, thousands
/// separators, a trailing unit (件, 条, 个, 项, 元, 万元), a leading `+`, and `—`, `-`,
/// `/` or an empty cell for zero. Ambiguous text is refused, never guessed: numbers go
/// from text straight into an `ExactDecimal`, never through `Double`.
public enum NumberText {
    /// What was done to the text to read it, for the record shown per file in 说明.
    public enum Normalisation: String, Sendable, Hashable, CaseIterable {
        case fullWidth = "全角数字或符号"
        case thousandsSeparator = "千位分隔符"
        case unitSuffix = "数值后带单位"
        case leadingPlus = "前导加号"
        case wholeDecimal = "整数写成小数（如 3.0）"
        case moneyUnitConverted = "金额单位换算"
    }

    public enum Outcome: Equatable, Sendable {
        /// A number; `unit` is the unit written after it, if any.
        case value(ExactDecimal, unit: String?, normalisations: [Normalisation])
        /// An empty cell.
        case empty
        /// A dash or slash standing for zero.
        case placeholder
        case notANumber(hint: String)
        case ambiguous(reason: String)
        case tooLarge
    }

    /// The common cases without any work: ASCII digits with an optional sign, as typed
    /// in nearly every cell (up to 18 digits, which always fit); an amount with decimals;
    /// either followed by 元 or 万元 in a money cell; an empty cell.
    @inline(__always)
    private static func plainNumber(_ raw: String, kind: FigureKind) -> Outcome? {
        if raw.isEmpty { return .empty }
        var raw = raw
        return raw.withUTF8 { all -> Outcome? in
            // A money unit right after the number: 元 is E5 85 83, 万 is E4 B8 87.
            var unit: String?
            var count = all.count
            if kind == .money, count > 3, all[count - 3] == 0xE5, all[count - 2] == 0x85, all[count - 1] == 0x83 {
                count -= 3
                unit = "元"
                if count > 3, all[count - 3] == 0xE4, all[count - 2] == 0xB8, all[count - 1] == 0x87 {
                    count -= 3
                    unit = "万元"
                }
            }
            let bytes = UnsafeBufferPointer(rebasing: all[..<count])
            guard let first = bytes.first, bytes.count <= 18 else { return nil }
            if kind == .money, let point = bytes.firstIndex(of: UInt8(ascii: ".")) {
                // Digits, a point, digits (up to 17 digits, which always fit).
                guard point > 0, point < bytes.count - 1 else { return nil }
                var significand: Int64 = 0
                for (index, byte) in bytes.enumerated() where index != point {
                    let digit = byte &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    significand = significand * 10 + Int64(digit)
                }
                return .value(ExactDecimal(significand: significand, scale: bytes.count - 1 - point),
                              unit: unit, normalisations: [])
            }
            let signed = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            var index = signed ? 1 : 0
            guard index < bytes.count else { return nil }
            var magnitude: Int64 = 0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                magnitude = magnitude * 10 + Int64(digit)
                index += 1
            }
            let value = ExactDecimal(integer: first == UInt8(ascii: "-") ? -magnitude : magnitude)
            return .value(value, unit: unit, normalisations: first == UInt8(ascii: "+") ? [.leadingPlus] : [])
        }
    }

    /// What is trimmed from a cell: whitespace, line breaks and a stray byte order mark.
    private static let trimmedInCells = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}\u{FEFF}"))
    private static let countUnits = ["件", "条", "个", "项", "次", "份", "家", "人"]
    private static let moneyUnits = ["万元", "元"]
    private static let placeholders: Set<String> = ["-", "--", "—", "——", "–", "/", "\\", "无", "－", "／"]

    /// Parses the text of one cell. The kind decides only which units are accepted;
    /// sign and wholeness rules are checked by `FigureReader`.
    public static func parse(_ raw: String, kind: FigureKind) -> Outcome {
        plainNumber(raw, kind: kind) ?? parseInGeneral(raw, kind: kind)
    }

    /// `parse` without the shortcut for the common cases (and the reference it is tested against).
    static func parseInGeneral(_ raw: String, kind: FigureKind) -> Outcome {
        var normalisations: [Normalisation] = []
        let trimmed = raw.trimmingWhitespace(trimmedInCells)
        if trimmed.isEmpty { return .empty }
        if placeholders.contains(trimmed) { return .placeholder }
        var text = trimmed
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            let folded = text.precomposedStringWithCompatibilityMapping
            if folded != text {
                // Full-width digits, signs, points and commas.
                if text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) {
                    normalisations.append(.fullWidth)
                }
                text = folded
            }
            text = text.replacingOccurrences(of: "\u{2212}", with: "-")  // minus sign
            text = text.filter { !$0.isWhitespace }
        }
        if placeholders.contains(text) { return .placeholder }

        // A trailing unit.
        var unit: String?
        for candidate in moneyUnits + countUnits where text.hasSuffix(candidate) {
            unit = candidate
            text = String(text.dropLast(candidate.count))
            break
        }
        if let unit {
            let isMoneyUnit = moneyUnits.contains(unit)
            if isMoneyUnit != (kind == .money) {
                return .notANumber(hint: isMoneyUnit ? "（件数不应带金额单位“\(unit)”）" : "（金额不应带单位“\(unit)”）")
            }
            if !isMoneyUnit { normalisations.append(.unitSuffix) }
        }
        if text.isEmpty { return .notANumber(hint: "") }

        var sign = ""
        if text.hasPrefix("+") {
            text.removeFirst()
            normalisations.append(.leadingPlus)
        } else if text.hasPrefix("-") {
            text.removeFirst()
            sign = "-"
        }
        guard !text.isEmpty else { return .notANumber(hint: "") }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else {
            if text.contains(where: { $0 == "e" || $0 == "E" }) {
                return .notANumber(hint: "（科学计数法会丢失数字，请把单元格设为数值或文本后重新导出）")
            }
            if text.contains("%") { return .notANumber(hint: "（应填写件数，不是百分比）") }
            return .notANumber(hint: "")
        }

        // Thousands separators: groups of exactly three digits after the first group.
        if text.contains(",") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return .ambiguous(reason: "有多个小数点") }
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  parts.count == 1 || !parts[1].contains(",") else {
                return .ambiguous(reason: "逗号不是规范的千位分隔符")
            }
            text = groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
            normalisations.append(.thousandsSeparator)
        }
        if text.filter({ $0 == "." }).count > 1 { return .ambiguous(reason: "有多个小数点") }
        if kind != .money, let point = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: point)...]
            // "1.234" in a count reads as one thousand two hundred and thirty-four in
            // much of the world: refuse it rather than guess.
            if fraction.count == 3 && !fraction.allSatisfy({ $0 == "0" }) {
                return .ambiguous(reason: "件数中的“.”可能是千位分隔符")
            }
        }
        guard text.first != ".", text.last != "." else { return .notANumber(hint: "") }
        guard let value = ExactDecimal(sign + text) else {
            // Only digits and at most one point remain: the value does not fit.
            return .tooLarge
        }
        if kind != .money, value.scale > 0, value.isWhole { normalisations.append(.wholeDecimal) }
        return .value(value, unit: unit, normalisations: normalisations)
    }
}
