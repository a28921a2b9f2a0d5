/// The template file as written (YAML or JSON), before validation and layout.
/// `TemplateCompiler` turns it into a `ReportTemplate`; see templates/README.md for
/// the meaning of every key.
struct TemplateFile: Decodable {
    var format: String
    var name: String
    var issuedBy: String?
    var years: YearRange
    var title: String?
    var otherFormat: OtherFormatFile?
    var tables: [TableFile]
    var headlines: [HeadlineFile]?
    var rules: [RuleFile]?

    struct YearRange: Decodable {
        var from: Int
        var to: Int?
    }
}

/// What gives away a submission made on another format's form.
struct OtherFormatFile: Decodable {
    var format: String
    var labels: [String]?
    var rowsWithFigures: [String]?
    var codes: [String]?
}

struct TableFile: Decodable {
    var id: String
    var name: String
    var heading: String
    var layout: String
    var official: Bool?
    var required: Bool?
    var width: Int?
    var columnWidths: [Double]?
    // layout: blocks
    var blocks: [BlockFile]?
    // layout: matrix
    var corner: String?
    var columns: [ColumnNodeFile]?
    var rows: [RowNodeFile]?
}

struct BlockFile: Decodable {
    var heading: String?
    var columns: [HeaderEntryFile?]
    var rows: [BlockRowFile]
}

/// A column header of a block: a plain string, or `{text, span}` for a header that is
/// merged over several grid columns.
struct HeaderEntryFile: Decodable {
    var text: String
    var span: Int

    init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.text = text
            self.span = 1
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        span = try container.decodeIfPresent(Int.self, forKey: .span) ?? 1
    }

    enum CodingKeys: String, CodingKey { case text, span }
}

struct BlockRowFile: Decodable {
    var label: String
    var cells: [CellFile?]
}

/// A data cell: a plain cell code (a count), or `{code, kind, unit, unitRequired, span}`.
struct CellFile: Decodable {
    var code: String
    var kind: String?
    var unit: String?
    var unitRequired: Bool?
    var span: Int?
    var numberFormat: String?

    init(from decoder: Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self.code = code
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        unitRequired = try container.decodeIfPresent(Bool.self, forKey: .unitRequired)
        span = try container.decodeIfPresent(Int.self, forKey: .span)
        numberFormat = try container.decodeIfPresent(String.self, forKey: .numberFormat)
    }

    enum CodingKeys: String, CodingKey { case code, kind, unit, unitRequired, span, numberFormat }
}

struct ColumnNodeFile: Decodable {
    var id: String?
    var label: String
    var kind: String?
    var columns: [ColumnNodeFile]?
}

struct RowNodeFile: Decodable {
    var id: String?
    var label: String?
    var rows: [RowNodeFile]?
}

struct HeadlineFile: Decodable {
    var code: String
    var label: String
}

struct RuleFile: Decodable {
    var id: String
    var table: String?
    var severity: String?
    var each: [String: EachValues]?
    var levels: [String]?
    var requiresRoster: Bool?
    var check: String
    var cell: String?
    var message: String
}

/// The values a rule variable runs over: an explicit list, or `T3.rows` / `T3.columns`.
enum EachValues: Decodable {
    case list([String])
    case reference(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            self = .reference(try container.decode(String.self))
        }
    }
}
