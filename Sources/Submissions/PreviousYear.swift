import CSVReading
import ExactArithmetic
import Foundation
import XlsxReading

/// Last year's figures for the cross-year rules (`--previous`): the total, the group
/// subtotals and every unit, by cell code. Read from the long CSV that `merge --csv`
/// writes, or from last year's nianbao workbook (its 明细 sheet). Codes are kept as
/// written: last year may have used the other format, and a rule simply skips a cell
/// that last year did not have.
public struct PreviousYear: Sendable {
    public var source: String
    /// The report year the file states, when it states one.
    public var year: Int?
    /// By unit name as written (see `unit(named:)`).
    public var units: [String: [String: ExactDecimal]] = [:]
    public var groups: [String: [String: ExactDecimal]] = [:]
    public var total: [String: ExactDecimal] = [:]

    public init(source: String) { self.source = source }

    /// A unit's figures: the same name after label normalisation, or the one name that
    /// ends with the other (`鲤城区教育局` ↔ `区教育局`).
    public func unit(named name: String) -> [String: ExactDecimal]? {
        let key = LabelKey.key(name)
        if let exact = units.first(where: { LabelKey.key($0.key) == key }) { return exact.value }
        let loose = units.filter { let other = LabelKey.key($0.key); return other.count >= 3 && (other.hasSuffix(key) || key.hasSuffix(other)) }
        return loose.count == 1 ? loose.first!.value : nil
    }

    /// The total's figures when the file has none of its own: the sum of the units.
    mutating func totalFromUnits() {
        guard total.isEmpty else { return }
        for figures in units.values {
            for (code, value) in figures { total[code] = (total[code] ?? .zero).adding(value) ?? total[code] }
        }
    }
}

/// Why last year's file could not be used.
public struct PreviousYearError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "上一年度数据 \(path)：\(reason)" }
}

extension PreviousYear {
    /// Reads `--previous FILE`: a workbook written by nianbao (`.xlsx`) or a long CSV.
    ///
    /// - Throws: `PreviousYearError` naming the file and what is wrong.
    public static func load(path: String) throws(PreviousYearError) -> PreviousYear {
        if path.lowercased().hasSuffix(".xlsx") {
            return try loadWorkbook(path: path)
        }
        return try loadCSV(path: path)
    }

    static func loadCSV(path: String) throws(PreviousYearError) -> PreviousYear {
        let table: CSVTable
        do {
            table = try CSVReader.read(path: path)
        } catch {
            throw PreviousYearError(path: path, reason: error.description.replacingOccurrences(of: path + ": ", with: ""))
        }
        guard let headerIndex = table.records.firstIndex(where: { LongTableReader.header($0) != nil }),
              let columns = LongTableReader.header(table.records[headerIndex]) else {
            throw PreviousYearError(path: path, reason: "不是长表（应有 单位、年度、指标代码、数值 列，如 merge --csv 所写）")
        }
        var previous = PreviousYear(source: path)
        for record in table.records[(headerIndex + 1)...] {
            func field(_ role: LongTableReader.Role) -> String {
                guard let column = columns[role], column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespaces)
            }
            let code = LongTableReader.codeKey(field(.code))
            guard !code.isEmpty, case .value(let value, _, _) = NumberText.parse(field(.value), kind: .money) else { continue }
            if previous.year == nil, let year = Int(field(.year)) { previous.year = year }
            let unit = field(.unit)
            let level = LabelKey.key(field(.level)).lowercased()
            if LongTableReader.totalLevels.contains(level) {
                previous.total[code] = value
            } else if level == "分组小计" || level == "group" {
                let group = columns[.group].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? unit
                previous.groups[group.isEmpty ? unit : group, default: [:]][code] = value
            } else {
                previous.units[unit, default: [:]][code] = value
            }
        }
        previous.totalFromUnits()
        return previous
    }
}

extension PreviousYear {
    /// Reads last year's nianbao workbook: the cell codes in row 5 of 明细, one row per
    /// unit (序号, 单位, 分组), the `××小计` rows and the `合计` row; the year from 说明.
    static func loadWorkbook(path: String) throws(PreviousYearError) -> PreviousYear {
        let detail: XlsxSheet
        let about: XlsxSheet?
        do {
            let reader = try XlsxWorkbookReader(path: path)
            detail = try reader.sheet(named: "明细")
            about = reader.sheetNames.contains("说明") ? try reader.sheet(named: "说明") : nil
        } catch {
            throw PreviousYearError(path: path, reason: error.description.replacingOccurrences(of: path + ": ", with: ""))
        }
        var codes: [Int: String] = [:]
        var column = 4
        while let cell = detail.value(row: 4, column: column), cell.kind == .text {
            codes[column] = cell.text
            column += 1
        }
        guard !codes.isEmpty else {
            throw PreviousYearError(path: path, reason: "“明细”表第 5 行没有指标代码，不像是 nianbao 生成的工作簿")
        }
        var previous = PreviousYear(source: path)
        func figures(row: Int) -> [String: ExactDecimal] {
            var result: [String: ExactDecimal] = [:]
            for (column, code) in codes {
                guard let cell = detail.value(row: row, column: column), cell.kind == .number else { continue }
                // The stored text of a number is the shortest decimal that round-trips,
                // which is the figure's exact decimal for every figure nianbao writes.
                if let value = ExactDecimal(cell.text) ?? Self.plainDecimal(cell.text) { result[code] = value }
            }
            return result
        }
        for row in 5..<detail.rowCount {
            let first = detail.value(row: row, column: 0)
            let name = detail.value(row: row, column: 1)?.text ?? ""
            if first?.kind == .number, !name.isEmpty {
                previous.units[name] = figures(row: row)
            } else if let label = first?.text, first?.kind == .text {
                if label == "合计" {
                    previous.total = figures(row: row)
                    break
                } else if label.hasSuffix("小计") {
                    previous.groups[String(label.dropLast(2))] = figures(row: row)
                }
            }
        }
        if let about {
            for row in 0..<about.rowCount where about.value(row: row, column: 0)?.text == "报告年度" {
                previous.year = about.value(row: row, column: 1).flatMap { Int($0.text.prefix(4)) }
            }
        }
        previous.totalFromUnits()
        return previous
    }

    /// `1E-3`, `1.5E+2`: numbers Excel stores in exponent form, as exact decimals.
    static func plainDecimal(_ text: String) -> ExactDecimal? {
        let parts = text.uppercased().split(separator: "E")
        guard parts.count == 2, let mantissa = ExactDecimal(parts[0]), let exponent = Int(parts[1]) else { return nil }
        return exponent >= 0 ? mantissa.multiplied(byPowerOfTen: exponent) : mantissa.divided(byPowerOfTen: -exponent)
    }
}
