import Findings
import Foundation
import ReportEngine

/// `--json FILE`: every finding as data — the stable code, the severity, where, the
/// message's named parameters (not the rendered text), the rule with both sides — for
/// other programs. Keys are sorted, so the same run gives the same bytes.
enum FindingsJSON {
    static func document(_ report: MergeReport, files: Int) -> [String: Any] {
        [
            "generator": NianbaoVersion.generator,
            "year": report.year,
            "format": report.template.format,
            "template": report.template.source,
            "summary": [
                "files": files,
                "units": report.units.count,
                "errors": report.errorCount,
                "warnings": report.warningCount,
                "explained": report.findings.filter { $0.explanation != nil }.count,
            ] as [String: Any],
            "findings": report.findings.map(finding),
        ]
    }

    static func finding(_ finding: Finding) -> [String: Any] {
        var object: [String: Any] = [
            "code": finding.code.rawValue,
            "severity": finding.severity.rawValue,
            "parameters": Dictionary(finding.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
        ]
        switch finding.scope {
        case .file: object["scope"] = "file"
        case .unit(let name): object["scope"] = "unit"; object["unit"] = name
        case .group(let name): object["scope"] = "group"; object["group"] = name
        case .total: object["scope"] = "total"
        }
        if let subject = finding.subject { object["subject"] = subject }
        if let location = finding.location {
            object["file"] = location.file
            if let line = location.line { object["line"] = line }
            if let column = location.column { object["column"] = column }
        }
        if let table = finding.table { object["table"] = table }
        if let row = finding.rowLabel { object["row"] = row }
        if let column = finding.columnLabel { object["columnLabel"] = column }
        if let cell = finding.cellCode { object["cell"] = cell }
        if !finding.notes.isEmpty { object["notes"] = finding.notes }
        if let explanation = finding.explanation { object["explanation"] = explanation }
        if let rule = finding.rule {
            object["rule"] = [
                "id": rule.ruleID,
                "equation": rule.equation,
                "equationWithValues": rule.equationWithValues,
                "relation": rule.relation,
                "left": rule.left.description,
                "right": rule.right.description,
                "difference": rule.difference.description,
                "cells": rule.cells,
            ] as [String: Any]
        }
        return object
    }

    static func data(_ report: MergeReport, files: Int) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: document(report, files: files),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}
