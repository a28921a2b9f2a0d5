import Testing
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
}
