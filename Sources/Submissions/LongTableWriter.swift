import ExactArithmetic
import ReportSpec

/// Writes figures in the long CSV format (`单位,分组,层级,年度,指标代码,数值`), the inverse of
/// `LongTableReader`: `merge --csv` writes the total, the group subtotals and every
/// unit, so that the file is next year's `--previous` and, through its `合计` rows, a
/// valid submission for the level above.
public enum LongTableWriter {
    /// The level of a block of rows.
    public enum Level: String, Sendable {
        case total = "合计"
        case group = "分组小计"
        case unit = "单位"
    }

    public struct Block {
        public var unit: String
        public var group: String
        public var level: Level
        public var values: [ExactDecimal?]

        public init(unit: String, group: String, level: Level, values: [ExactDecimal?]) {
            self.unit = unit
            self.group = group
            self.level = level
            self.values = values
        }
    }

    public static let header = ["单位", "分组", "层级", "年度", "指标代码", "数值"]

    /// The CSV text, UTF-8 with a BOM and CRLF line ends so that Excel on Chinese Windows
    /// opens it as it is; every figure as its exact decimal text.
    public static func csv(_ blocks: [Block], template: ReportTemplate, year: Int) -> [UInt8] {
        var text = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
        for block in blocks {
            for figure in template.figures {
                let value = block.values[figure.index] ?? .zero
                text += [block.unit, block.group, block.level.rawValue, String(year), figure.code, value.normalized.description]
                    .map(field).joined(separator: ",") + "\r\n"
            }
        }
        return Array(text.utf8)
    }

    /// A field quoted when it holds a delimiter, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
