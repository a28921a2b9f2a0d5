import Testing
import XlsxWriter

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("123.45", 6), ("中文", 4), ("单位名称", 8), ("ａ", 2), ("，", 2), ("　", 2),
        ("𠀀", 2), ("😀", 2), ("e\u{301}", 1), ("\u{200B}", 0), ("ｶ", 1), ("한글", 4), ("かな", 4),
        ("a\nbcd", 3), ("合计\r\n总计（万元）", 12), ("\t", 0), ("Å", 1),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(TextWidth.displayWidth(text) == width, "\(text.debugDescription)")
    }

    @Test func columnWidth() {
        #expect(TextWidth.columnWidth(forLongestText: "中华人民共和国") == 16)
        #expect(TextWidth.columnWidth(forLongestText: "") == 2)
        #expect(TextWidth.columnWidth(forLongestText: String(repeating: "中", count: 200)) == 255)
    }
}
