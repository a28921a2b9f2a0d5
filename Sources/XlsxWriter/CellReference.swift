/// A1-style cell references, built from zero-based row and column numbers.
///
/// ```swift
/// CellReference.a1(row: 2, column: 1)                  // "B3"
/// CellReference.quotedSheetName("表一")                 // "'表一'"
/// CellReference.range(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3)  // "A1:D1"
/// ```
public enum CellReference {
    /// The `A1` reference of a zero-based row and column. Does not throw; traps on a negative index.
    public static func a1(row: Int, column: Int) -> String {
        precondition(row >= 0, "row must not be negative")
        return columnLetters(column) + String(row + 1)
    }

    /// The sheet-qualified reference `'表一'!B3`, quoting the name when needed. Does not throw.
    public static func a1(sheet: String, row: Int, column: Int) -> String {
        quotedSheetName(sheet) + "!" + a1(row: row, column: column)
    }

    /// The column letters of a zero-based column: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
    /// Does not throw; traps on a negative column.
    public static func columnLetters(_ column: Int) -> String {
        precondition(column >= 0, "column must not be negative")
        var letters: [UInt8] = []
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `A1:D1` for a rectangle of zero-based rows and columns, or `A1` for a single cell.
    /// Does not throw; traps on a negative index.
    public static func range(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) -> String {
        let first = a1(row: firstRow, column: firstColumn)
        if firstRow == lastRow && firstColumn == lastColumn { return first }
        return first + ":" + a1(row: lastRow, column: lastColumn)
    }

    /// The sheet name as a formula or link needs it: unchanged when it is a plain ASCII
    /// identifier such as `Sheet1`, otherwise in single quotes with each `'` doubled
    /// (`'My Sheet'`, `'表一'`, `'O''Brien'`). Does not throw.
    ///
    /// Quoting is always accepted by Excel, so anything doubtful is quoted: names with
    /// spaces, punctuation or any non-ASCII character (CJK included), names starting with
    /// a digit, and names that read as a cell reference (`A1`, `XFD1`, `R1C1`, `R`, `C`).
    public static func quotedSheetName(_ name: String) -> String {
        if !needsQuotes(name) { return name }
        return "'" + name.replacingAll("'", with: "''") + "'"
    }

    private static func needsQuotes(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return true }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return true }
        for b in bytes where !(isLetter(b) || isDigit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")) {
            return true
        }
        // A1-style: 1–3 letters then digits.
        let letterCount = bytes.prefix(while: isLetter).count
        if (1...3).contains(letterCount), letterCount < bytes.count,
           bytes[letterCount...].allSatisfy(isDigit) {
            return true
        }
        // R1C1-style: R, C, Rn, Cn, RnCn (either letter case).
        let upper = bytes.map { isLetter($0) ? $0 & ~0x20 : $0 }
        var i = 0
        func digits() { while i < upper.count, isDigit(upper[i]) { i += 1 } }
        if i < upper.count, upper[i] == UInt8(ascii: "R") { i += 1; digits() }
        if i < upper.count, upper[i] == UInt8(ascii: "C") { i += 1; digits() }
        return i == upper.count
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
