/// Names of the sheets `convert` writes: like Excel opening a CSV, the sheet is named after
/// the file (`名单.csv` → `名单`); the rows past Excel's 1,048,576 continue on `名单 (2)`,
/// `名单 (3)` … (Excel's own naming for a copied sheet).
enum SheetNaming {
    static let fallback = "Sheet1"

    /// The file name without folder and extension, made a valid sheet name: `[ ] : * ? / \`
    /// and control characters become `_`, leading and trailing `'` are dropped, and it is cut
    /// to 31 characters; `Sheet1` when nothing is left or it is Excel's reserved `History`.
    static func baseName(forFile path: String) -> String {
        var name = Substring(path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        var cleaned = String(name.unicodeScalars.map { scalar -> Character in
            if "[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0x7F
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                return "_"
            }
            return Character(scalar)
        })
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        cleaned = cut(cleaned, to: ExcelSheetLimits.sheetNameLength)
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        if cleaned.isEmpty || cleaned.lowercased() == "history" { return fallback }
        return cleaned
    }

    /// The name of sheet `number` (1-based): `base` for the first, `base (2)` after it, with
    /// `base` shortened so the whole stays within 31 characters.
    static func name(base: String, number: Int) -> String {
        guard number > 1 else { return base }
        let suffix = " (\(number))"
        var stem = cut(base, to: ExcelSheetLimits.sheetNameLength - suffix.utf16.count)
        while stem.hasSuffix("'") { stem.removeLast() }
        return stem + suffix
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units (Excel's count).
    static func cut(_ text: String, to limit: Int) -> String {
        var units = 0
        var result = ""
        for character in text {
            let size = character.utf16.count
            if units + size > limit { break }
            units += size
            result.append(character)
        }
        return result
    }
}
