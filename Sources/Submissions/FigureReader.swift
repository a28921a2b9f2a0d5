import ExactArithmetic
import Findings
import ReportSpec

/// Reads one figure's text according to its kind (R2.4, R2.1, R2.8): counts are whole
/// and ≥ 0, signed changes may be negative, money is ≥ 0 and converted exactly into the
/// template's unit. Problems become findings at the cell's location.
enum FigureReader {
    struct Read {
        /// The figure; zero for an empty cell or a placeholder, nil when unreadable.
        var value: ExactDecimal?
        var findings: [Finding] = []
        var normalisations: [NumberText.Normalisation] = []
        var wasEmpty = false
    }

    /// `headerUnit` is a money unit the column header states; a unit in the cell wins.
    static func read(_ text: String, figure: FigureSpec, tableName: String, location: SourceLocation,
                     headerUnit: String? = nil) -> Read {
        func finding(_ code: FindingCode, _ extra: [MessageParameter] = []) -> Finding {
            Finding(code: code, scope: .file, location: location, table: tableName, rowLabel: figure.rowLabel,
                    columnLabel: figure.columnLabel, cellCode: figure.code,
                    parameters: [.init("where", figure.place(tableName: tableName)), .init("text", text)] + extra)
        }
        switch NumberText.parse(text, kind: figure.kind) {
        case .empty:
            // Reported once per row by the caller, which knows all the row's empty cells.
            return Read(value: .zero, wasEmpty: true)
        case .placeholder:
            return Read(value: .zero, findings: [finding(.placeholderZero)])
        case .notANumber(let hint):
            return Read(value: nil, findings: [finding(.notANumber, [.init("hint", hint)])])
        case .ambiguous(let reason):
            return Read(value: nil, findings: [finding(.ambiguousNumber, [.init("reason", reason)])])
        case .tooLarge:
            return Read(value: nil, findings: [finding(.numberTooLarge)])
        case .value(let value, let unit, let normalisations):
            var read = Read(value: value, normalisations: normalisations)
            switch figure.kind {
            case .count:
                if value.isNegative { return Read(value: nil, findings: [finding(.negativeCount)]) }
                if !value.isWhole { return Read(value: nil, findings: [finding(.fractionInCount)]) }
                read.value = value.normalized
            case .signed:
                if !value.isWhole { return Read(value: nil, findings: [finding(.fractionInCount)]) }
                read.value = value.normalized
            case .money:
                if value.isNegative { return Read(value: nil, findings: [finding(.negativeCount)]) }
                let target = figure.unit ?? "元"
                if let unit = unit ?? headerUnit {
                    guard let converted = convert(value, from: unit, to: target) else {
                        return Read(value: nil, findings: [finding(.numberTooLarge)])
                    }
                    if unit != target { read.normalisations.append(.moneyUnitConverted) }
                    read.value = converted
                } else if figure.unitRequired && !value.isZero {
                    // Zero is zero in 元 and in 万元: only a non-zero amount needs its unit.
                    read.findings.append(finding(.amountUnitMissing, [.init("unit", target)]))
                }
            }
            return read
        }
    }

    /// Converts an amount exactly between 元 and 万元 by moving the decimal point.
    static func convert(_ value: ExactDecimal, from unit: String, to target: String) -> ExactDecimal? {
        guard let from = MoneyUnit.exponent(unit), let to = MoneyUnit.exponent(target) else { return nil }
        if from == to { return value }
        return from > to ? value.multiplied(byPowerOfTen: from - to) : value.divided(byPowerOfTen: to - from)
    }
}
