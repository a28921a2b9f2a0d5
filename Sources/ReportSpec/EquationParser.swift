import ExactArithmetic

/// Parses the rule language: `SIDE RELATION SIDE`, where a side is cell codes and
/// decimal constants joined by `+` and `-`, and the relation is one of
/// `=`, `>=`, `<=`, `>`, `<` (also `≥`, `≤`).
///
/// ```
/// NEW.NP + CIN.NP = RESULT_TOTAL.NP + COUT.NP
/// LIC_PREV + LIC_DELTA >= 0
/// ```
enum EquationParser {
    /// `prev.COUT.NP`: the previous year's figure (cross-year rules such as R3.6).
    static let previousPrefix = "prev."

    struct Parsed {
        var left: [Term]
        var relation: Relation
        var right: [Term]
    }

    enum Token: Equatable {
        case code(String)
        case number(String)
        case plus, minus
        case relation(Relation)
    }

    /// Returns the parsed equation, or a Chinese description of what is wrong.
    static func parse(_ text: String) -> Result<Parsed, EquationError> {
        var tokens: [Token] = []
        var chars = Array(text.unicodeScalars)
        chars.append(" ")
        var i = 0
        func isCodeScalar(_ s: Unicode.Scalar) -> Bool {
            (s >= "A" && s <= "Z") || (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" || s == "."
        }
        while i < chars.count - 1 {
            let c = chars[i]
            switch c {
            case " ", "\t", "\n", "\r":
                i += 1
            case "+":
                tokens.append(.plus); i += 1
            case "-":
                tokens.append(.minus); i += 1
            case "=":
                tokens.append(.relation(.equal)); i += 1
                if chars[i] == "=" { i += 1 }
            case "≥":
                tokens.append(.relation(.greaterOrEqual)); i += 1
            case "≤":
                tokens.append(.relation(.lessOrEqual)); i += 1
            case ">", "<":
                if chars[i + 1] == "=" {
                    tokens.append(.relation(c == ">" ? .greaterOrEqual : .lessOrEqual)); i += 2
                } else {
                    tokens.append(.relation(c == ">" ? .greater : .less)); i += 1
                }
            default:
                guard isCodeScalar(c) else {
                    return .failure(EquationError(text: text, reason: "无法识别的字符“\(c)”"))
                }
                var word = ""
                while isCodeScalar(chars[i]) {
                    word.unicodeScalars.append(chars[i])
                    i += 1
                }
                if word.first!.isNumber {
                    guard ExactDecimal(word) != nil else {
                        return .failure(EquationError(text: text, reason: "“\(word)”既不是数字也不是指标代码"))
                    }
                    tokens.append(.number(word))
                } else {
                    tokens.append(.code(word))
                }
            }
        }
        let relations = tokens.enumerated().filter { if case .relation = $0.element { return true }; return false }
        guard relations.count == 1, let (position, token) = relations.first.map({ ($0.offset, $0.element) }),
              case .relation(let relation) = token else {
            return .failure(EquationError(text: text, reason: "应当恰好有一个比较符号（=、>=、<=、>、<）"))
        }
        switch (side(tokens[..<position]), side(tokens[(position + 1)...])) {
        case (.success(let left), .success(let right)):
            return .success(Parsed(left: left, relation: relation, right: right))
        case (.failure(let reason), _), (_, .failure(let reason)):
            return .failure(EquationError(text: text, reason: reason.reason))
        }
    }

    private static func side(_ tokens: ArraySlice<Token>) -> Result<[Term], EquationError> {
        var terms: [Term] = []
        var negated = false
        var expectOperand = true
        // Also at the start of a side: `- - A` would otherwise be read as `-A`.
        var afterOperator = false
        for token in tokens {
            switch token {
            case .plus, .minus:
                if afterOperator {
                    return .failure(EquationError(text: "", reason: "两个运算符连在一起"))
                }
                negated = token == .minus
                expectOperand = true
                afterOperator = true
            case .code(let code):
                guard expectOperand else { return .failure(EquationError(text: "", reason: "“\(code)”前缺少 + 或 -")) }
                if code.hasPrefix(previousPrefix), code.count > previousPrefix.count {
                    terms.append(Term(negated: negated, operand: .previousCell(String(code.dropFirst(previousPrefix.count)))))
                } else {
                    terms.append(Term(negated: negated, operand: .cell(code)))
                }
                negated = false
                expectOperand = false
                afterOperator = false
            case .number(let number):
                guard expectOperand else { return .failure(EquationError(text: "", reason: "“\(number)”前缺少 + 或 -")) }
                terms.append(Term(negated: negated, operand: .constant(ExactDecimal(number)!)))
                negated = false
                expectOperand = false
                afterOperator = false
            case .relation:
                return .failure(EquationError(text: "", reason: "比较符号过多"))
            }
        }
        if terms.isEmpty { return .failure(EquationError(text: "", reason: "等式一边是空的")) }
        if expectOperand { return .failure(EquationError(text: "", reason: "等式以运算符结尾")) }
        return .success(terms)
    }
}

struct EquationError: Error {
    var text: String
    var reason: String
}
