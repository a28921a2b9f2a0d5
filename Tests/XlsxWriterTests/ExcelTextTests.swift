import Testing
import TestSupport
@testable import XlsxWriter

@Suite struct ExcelTextTests {
    @Test(arguments: [
        ("plain", "plain"), ("中文", "中文"), ("_x0041_", "_x005F_x0041_"), ("a_x00e9_b", "a_x005F_x00e9_b"),
        ("_x0041_x0042_", "_x005F_x0041_x005F_x0042_"), ("_x005F_", "_x005F_x005F_"),
        ("_x004_", "_x004_"), ("_X0041_", "_X0041_"), ("_x004G_", "_x004G_"), ("x_", "x_"), ("_x0041", "_x0041"),
        ("a\rb", "a_x000D_b"), ("\u{1}", "_x0001_"), ("\u{1F}", "_x001F_"), ("tab\there\nnext", "tab\there\nnext"),
        ("\u{FFFE}", "_xFFFE_"), ("\u{FFFF}x", "_xFFFF_x"), ("\u{FFFD}", "\u{FFFD}"), ("中_x0041_文", "中_x005F_x0041_文"),
    ])
    func escaped(input: String, output: String) {
        #expect(ExcelText.escaped(input) == output)
    }

    /// The shortcut that lets text go to libxlsxwriter as it is never passes over text that
    /// escaping would change, and lets the full-width punctuation of Chinese labels through.
    @Test func shortcutNeverMissesWhatEscapingChanges() {
        let pieces = ["a", "中", "（", "）", "，", "：", "\u{FF01}", "\u{FFBF}", "\u{FFC0}", "\u{FFFD}", "\u{FFFE}",
                      "\u{FFFF}", "\u{FEFF}", "_", "x", "0", "4", "1", "A", "f", "_x0041_", "\t", "\n", "\r", "\u{1}",
                      "\u{1F}", "\u{7F}", "𠀀", "é", "e\u{301}"]
        var generator = SplitMix64(seed: 1127)
        var changed = 0, passed = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &generator)
            var text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let mayChange = text.withUTF8(ExcelText.mayNeedEscaping)
            let escaped = ExcelText.escaped(text)
            if escaped != text {
                changed += 1
                #expect(mayChange, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            if !mayChange {
                passed += 1
                #expect(escaped == text)
                #expect(Worksheet.isPlain(text))
            }
        }
        #expect(changed > 1_000 && passed > 1_000)
        for label in ["（一）予以公开", "表二：主动公开", "鲤城区，２０２０", "\u{FF5E}\u{FFE5}"] {
            #expect(Worksheet.isPlain(label), "\(label)")
        }
        for text in ["\u{FFFE}", "a\u{FFFF}", "_", "\r", "a\u{1}"] {
            #expect(!Worksheet.isPlain(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
