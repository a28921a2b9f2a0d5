import Foundation
import Yams

/// Loads report templates: the built-in official formats (compiled into the binary from
/// `templates/`), or a file given with `--template`.
public enum TemplateLoader {
    /// The built-in formats, in order.
    public static let builtinFormats = ["2019", "2021"]

    /// The built-in template of a format (`2019`).
    ///
    /// - Throws: `TemplateLoadError.unknownFormat` for a format that is not built in;
    ///   `TemplateValidationError` if the built-in file is broken (a bug, caught by tests).
    public static func builtin(format: String) throws -> ReportTemplate {
        guard let bytes = builtinBytes(format) else {
            throw TemplateLoadError.unknownFormat(format, known: builtinFormats)
        }
        return try load(yaml: String(decoding: bytes, as: UTF8.self), source: "内置 \(format) 格式（templates/\(format).yaml）")
    }

    /// The built-in format that applies to a report year (2019–2020 → 2019 format).
    ///
    /// - Throws: `TemplateLoadError.noFormatForYear` when none applies.
    public static func builtin(forYear year: Int) throws -> ReportTemplate {
        for format in builtinFormats.reversed() {
            let template = try builtin(format: format)
            if template.applies(toYear: year) { return template }
        }
        throw TemplateLoadError.noFormatForYear(year, known: builtinFormats)
    }

    /// Loads a template file (YAML or JSON; JSON is YAML).
    ///
    /// - Throws: `TemplateLoadError.unreadable` when the file cannot be read,
    ///   `TemplateValidationError` with every problem found.
    public static func load(path: String) throws -> ReportTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateLoadError.unreadable(path: path)
        }
        return try load(yaml: String(decoding: data, as: UTF8.self), source: path)
    }

    /// Parses and validates template text.
    public static func load(yaml: String, source: String) throws -> ReportTemplate {
        let file: TemplateFile
        do {
            file = try YAMLDecoder().decode(TemplateFile.self, from: yaml)
        } catch let error as YamlError {
            throw TemplateValidationError(source: source, issues: [TemplateIssue(path: "", message: "YAML 语法错误：\(error)")])
        } catch let error as DecodingError {
            // YAMLDecoder wraps a syntax error as "The given data was not valid YAML."
            if case .dataCorrupted(let context) = error, let yamlError = context.underlyingError as? YamlError {
                throw TemplateValidationError(source: source, issues: [TemplateIssue(path: "", message: "YAML 语法错误：\(yamlError)")])
            }
            throw TemplateValidationError(source: source, issues: [decodingIssue(error)])
        }
        var compiler = TemplateCompiler(file: file, source: source)
        return try compiler.compile()
    }

    private static func builtinBytes(_ format: String) -> [UInt8]? {
        switch format {
        // SwiftPM names the embedded file `_019_yaml`: an identifier cannot start with a digit.
        case "2019": PackageResources._019_yaml
        case "2021": PackageResources._021_yaml
        default: nil
        }
    }

    /// Turns a Codable error into `tables[2].rows[5].label: 缺少…`.
    static func decodingIssue(_ error: DecodingError) -> TemplateIssue {
        func render(_ path: [CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return TemplateIssue(path: render(context.codingPath + [key]), message: "缺少必填项“\(key.stringValue)”")
        case .typeMismatch(let type, let context):
            return TemplateIssue(path: render(context.codingPath), message: "类型不对，应为 \(type)")
        case .valueNotFound(let type, let context):
            return TemplateIssue(path: render(context.codingPath), message: "缺少值，应为 \(type)")
        case .dataCorrupted(let context):
            return TemplateIssue(path: render(context.codingPath), message: context.debugDescription)
        @unknown default:
            return TemplateIssue(path: "", message: "\(error)")
        }
    }
}

/// A template that could not be found or read.
public enum TemplateLoadError: Error, CustomStringConvertible, Equatable {
    case unknownFormat(String, known: [String])
    case noFormatForYear(Int, known: [String])
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .unknownFormat(let format, let known):
            "没有“\(format)”格式；可用的格式：\(known.joined(separator: "、"))"
        case .noFormatForYear(let year, let known):
            "没有适用于 \(year) 年度的格式；可用的格式：\(known.joined(separator: "、"))"
        case .unreadable(let path):
            "无法读取模板文件 \(path)"
        }
    }
}

/// One problem in a template, at a path like `tables[1].rows[3]`.
public struct TemplateIssue: Hashable, Sendable {
    public let path: String
    public let message: String
}

/// Every problem found in a template, thrown once.
public struct TemplateValidationError: Error, CustomStringConvertible {
    public let source: String
    public let issues: [TemplateIssue]

    public var description: String {
        var lines = ["模板 \(source) 有 \(issues.count) 处问题："]
        for issue in issues {
            lines.append(issue.path.isEmpty ? "  \(issue.message)" : "  \(issue.path): \(issue.message)")
        }
        return lines.joined(separator: "\n")
    }
}
