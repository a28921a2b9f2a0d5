import Foundation
import Testing
import TestSupport

/// The shared helpers these tests rely on (TestSupport has no test target of its own).
@Suite struct TestSupportTests {
    @Test func lineDiffMarksChangedLines() {
        let diff = lineDiff("a\nb\nc", "a\nB\nc")
        #expect(diff == "  a\n- b\n+ B\n  c")
    }

    @Test func goldenMatchesSilently() throws {
        let directory = Paths.uniqueTemporaryFile("golden").deletingLastPathComponent()
        try "same\n".write(to: directory.appendingPathComponent("g.txt"), atomically: true, encoding: .utf8)
        assertGolden("same\n", named: "g.txt", in: directory)
    }

    @Test func goldenMismatchFails() throws {
        let directory = Paths.uniqueTemporaryFile("golden").deletingLastPathComponent()
        try "old\n".write(to: directory.appendingPathComponent("g.txt"), atomically: true, encoding: .utf8)
        withKnownIssue("a mismatch must fail") {
            assertGolden("new\n", named: "g.txt", in: directory)
        }
    }

    @Test func missingGoldenIsRecordedAndFails() throws {
        let directory = Paths.uniqueTemporaryFile("golden").deletingLastPathComponent()
        withKnownIssue("recording must fail") {
            assertGolden("fresh\n", named: "new.txt", in: directory)
        }
        let recorded = try String(contentsOf: directory.appendingPathComponent("new.txt"), encoding: .utf8)
        #expect(recorded == "fresh\n")
    }

    @Test func processOutputAndStatus() throws {
        let result = try runProcess("sh", ["-c", "echo 标准输出; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(result.stdout == "标准输出\n")
        #expect(result.stderr == "err\n")
    }

    @Test func sharedToolsAreFound() {
        #expect(FileManager.default.fileExists(atPath: Paths.shared.appendingPathComponent("tools/xlsx-validate.sh").path))
        #expect(FileManager.default.fileExists(atPath: Paths.packageRoot.appendingPathComponent("Tests/TestSupport/xlsx_dump.py").path))
    }
}
