/// Excel's sheet-name rules, checked before libxlsxwriter sees a name.
enum SheetNameRules {
    static func problem(_ name: String, existing: [String]) -> (XlsxError.Code, String)? {
        if name.isEmpty { return (.parameterValidation, "工作表名称为空") }
        let length = name.utf16.count
        if length > ExcelLimits.sheetNameLength {
            return (.sheetNameLengthExceeded, "工作表名称有 \(length) 个字符，超过 Excel 上限 31")
        }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            return (.invalidSheetNameCharacter, "工作表名称不能含有“\(bad)”（不允许 [ ] : * ? / \\）")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return (.sheetNameStartEndApostrophe, "工作表名称不能以单引号开头或结尾")
        }
        if let bad = name.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            return (.parameterValidation, "工作表名称含有控制字符 \(ExcelText.codePoint(bad))")
        }
        if name.lowercased() == "history" {
            return (.parameterValidation, "工作表名称“\(name)”为 Excel 保留")
        }
        let folded = name.lowercased()
        if let other = existing.first(where: { $0.lowercased() == folded }) {
            return (.sheetNameAlreadyUsed, "已有名为“\(other)”的工作表（Excel 不区分大小写）")
        }
        return nil
    }
}
