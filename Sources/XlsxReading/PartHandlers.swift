import Foundation

/// `<Relationship Id Type Target TargetMode>` entries of a `.rels` part.
final class RelationshipsHandler: SAXHandler {
    struct Relationship {
        let id: String
        let type: String
        let target: String
        let isExternal: Bool
    }

    private(set) var relationships: [Relationship] = []

    func start(_ element: String, attributes: [String: String]) throws(PartFailure) {
        guard element == "Relationship" else { return }
        guard let id = attributes["Id"] else {
            throw .damaged(Reason.missingAttribute(element: element, attribute: "Id"))
        }
        guard let target = attributes["Target"] else {
            throw .damaged(Reason.missingAttribute(element: element, attribute: "Target"))
        }
        relationships.append(Relationship(id: id, type: attributes["Type"] ?? "", target: target,
                                          isExternal: attributes["TargetMode"] == "External"))
    }

    func end(_ element: String) throws(PartFailure) {}
    func characters(_ text: String) {}

    /// The first relationship whose type ends with `/suffix` (transitional and strict
    /// OOXML use different URI prefixes).
    func first(ofType suffix: String) -> Relationship? {
        relationships.first { $0.type.hasSuffix("/" + suffix) }
    }
}

/// The sheets of `xl/workbook.xml`, in order: name and relationship id.
final class WorkbookHandler: SAXHandler {
    private(set) var rootElement: String?
    private(set) var sheets: [(name: String, relationshipID: String)] = []

    func start(_ element: String, attributes: [String: String]) throws(PartFailure) {
        if rootElement == nil { rootElement = element }
        guard element == "sheet", rootElement == "workbook" else { return }
        guard let name = attributes["name"] else {
            throw .damaged(Reason.missingAttribute(element: element, attribute: "name"))
        }
        // `r:id` in the relationships namespace; the prefix is the writer's choice.
        let id = attributes["r:id"]
            ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
        guard let id else { throw .damaged(Reason.missingAttribute(element: element, attribute: "r:id")) }
        sheets.append((name, id))
    }

    func end(_ element: String) throws(PartFailure) {}
    func characters(_ text: String) {}
}

/// `xl/sharedStrings.xml`: each `<si>` is plain `<t>` or rich-text runs `<r><t>`, which
/// concatenate; phonetic runs (`<rPh>`) are not part of the text.
final class SharedStringsHandler: SAXHandler {
    private(set) var strings: [String] = []
    private var inItem = false
    private var phoneticDepth = 0
    private var inText = false
    private var item = ""
    private var text = ""

    func start(_ element: String, attributes: [String: String]) throws(PartFailure) {
        switch element {
        case "si":
            inItem = true
            item = ""
        case "rPh":
            phoneticDepth += 1
        case "t" where inItem && phoneticDepth == 0:
            inText = true
            text = ""
        default:
            break
        }
    }

    func end(_ element: String) throws(PartFailure) {
        switch element {
        case "si":
            strings.append(item)
            inItem = false
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "t" where inText:
            item += ExcelEscapes.decode(text)
            inText = false
        default:
            break
        }
    }

    func characters(_ string: String) {
        if inText { text += string }
    }
}

/// The cells of one worksheet part.
final class WorksheetHandler: SAXHandler {
    private let sharedStrings: [String]
    private let maxCells: Int
    private(set) var cells: [XlsxCellPosition: XlsxCellValue] = [:]

    private var inSheetData = false
    private var row = -1
    private var column = -1

    // The cell being read.
    private var inCell = false
    private var cellType = "n"
    private var value: String?
    private var formula: String?
    private var inlineText: String?
    private var inInline = false
    private var phoneticDepth = 0
    private var collecting: Collecting = .nothing
    private var buffer = ""

    private enum Collecting { case nothing, value, formula, inlineText }

    init(sharedStrings: [String], maxCells: Int) {
        self.sharedStrings = sharedStrings
        self.maxCells = maxCells
    }

    func start(_ element: String, attributes: [String: String]) throws(PartFailure) {
        switch element {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            if let r = attributes["r"] {
                guard let index = CellReference.parseRow(r) else { throw .damaged(Reason.badRowNumber(r)) }
                row = index
            } else {
                row += 1
            }
            column = -1
        case "c" where inSheetData:
            if let r = attributes["r"] {
                guard let (cellRow, cellColumn) = CellReference.parse(r) else {
                    throw .damaged(Reason.badCellReference(r))
                }
                row = cellRow
                column = cellColumn
            } else {
                // A cell without `r` follows the previous one.
                row = max(row, 0)
                column += 1
            }
            guard row < CellReference.maxRows, column < CellReference.maxColumns else {
                throw .damaged(Reason.cellOutsideSheet(row: row, column: column))
            }
            inCell = true
            cellType = attributes["t"] ?? "n"
            value = nil
            formula = nil
            inlineText = nil
            inInline = false
            phoneticDepth = 0
        case "v" where inCell:
            begin(.value)
        case "f" where inCell:
            begin(.formula)
        case "is" where inCell:
            inInline = true
            inlineText = inlineText ?? ""
        case "rPh" where inInline:
            phoneticDepth += 1
        case "t" where inInline && phoneticDepth == 0:
            begin(.inlineText)
        default:
            break
        }
    }

    func end(_ element: String) throws(PartFailure) {
        switch element {
        case "sheetData":
            inSheetData = false
        case "v" where collecting == .value:
            value = buffer
            collecting = .nothing
        case "f" where collecting == .formula:
            formula = buffer
            collecting = .nothing
        case "t" where collecting == .inlineText:
            inlineText = (inlineText ?? "") + ExcelEscapes.decode(buffer)
            collecting = .nothing
        case "rPh" where inInline:
            phoneticDepth = max(0, phoneticDepth - 1)
        case "is":
            inInline = false
        case "c" where inCell:
            inCell = false
            try finishCell()
        default:
            break
        }
    }

    func characters(_ string: String) {
        if collecting != .nothing { buffer += string }
    }

    private func begin(_ what: Collecting) {
        collecting = what
        buffer = ""
    }

    /// The cell's A1 name, for messages.
    private var cellName: String { CellReference.a1(row: row, column: column) }

    private func finishCell() throws(PartFailure) {
        let result: XlsxCellValue?
        switch cellType {
        case "s":
            guard let value else { result = formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }; break }
            let index = Int(value) ?? Int(value.trimmingCharacters(in: .whitespacesAndNewlines))
            guard let index, index >= 0, index < sharedStrings.count else {
                throw .damaged(Reason.sharedStringIndex(cell: cellName, text: value, count: sharedStrings.count))
            }
            result = XlsxCellValue(kind: .text, text: sharedStrings[index], formula: formula)
        case "inlineStr":
            let text = inlineText ?? value.map(ExcelEscapes.decode)
            result = text.map { XlsxCellValue(kind: .text, text: $0, formula: formula) }
                ?? formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }
        case "b":
            guard let value else { result = formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }; break }
            switch value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            case "1", "true": result = XlsxCellValue(kind: .boolean, text: "TRUE", formula: formula)
            case "0", "false": result = XlsxCellValue(kind: .boolean, text: "FALSE", formula: formula)
            default: throw .damaged(Reason.badBoolean(cell: cellName, text: value))
            }
        case "e":
            result = value.map { XlsxCellValue(kind: .error, text: $0, formula: formula) }
                ?? formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }
        case "n":
            if let value, !value.isEmpty {
                result = XlsxCellValue(kind: .number, text: value, formula: formula)
            } else {
                result = formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }
            }
        default:  // "str" (a formula's string result), "d" (ISO 8601 date), anything else
            result = value.map { XlsxCellValue(kind: .text, text: ExcelEscapes.decode($0), formula: formula) }
                ?? formula.map { XlsxCellValue(kind: .text, text: "", formula: $0) }
        }
        guard let result else { return }
        let position = XlsxCellPosition(row: row, column: column)
        if cells[position] == nil, cells.count >= maxCells { throw .tooLarge(limit: maxCells) }
        cells[position] = result
    }
}
