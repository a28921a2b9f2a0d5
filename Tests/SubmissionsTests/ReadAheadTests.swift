import Foundation
@testable import Submissions
import TestSupport
import Testing

/// The read-ahead hint: bounded ahead of the readers, never blocking them, stopped on demand.
struct ReadAheadTests {
    @Test func stopsWhileWaitingForTheReadersToCatchUp() {
        // More files than the window, none of them read: the hinting thread waits, and
        // stop() must still end it.
        let paths = (0..<(ReadAhead.window * 3)).map { "/nonexistent/\($0).csv" }
        let readAhead = ReadAhead(paths: paths)
        usleep(50_000)
        readAhead.stop()
        #expect(readAhead.hinted <= ReadAhead.window + 1, "no further ahead than the window: \(readAhead.hinted)")
    }

    @Test func hintsEveryFileAsTheReadersGo() throws {
        let folder = Paths.uniqueTemporaryFile("预读")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try (0..<(ReadAhead.window + 50)).map { index -> String in
            let url = folder.appendingPathComponent("\(index).csv")
            try Data("单位,年度,指标代码,数值\n".utf8).write(to: url)
            return url.path
        }
        let readAhead = ReadAhead(paths: paths)
        for _ in paths { readAhead.fileRead() }
        // Everything read: the thread goes through the whole list, then stop() waits for it.
        let deadline = Date().addingTimeInterval(10)
        while readAhead.hinted < paths.count && Date() < deadline { usleep(1000) }
        readAhead.stop()
        #expect(readAhead.hinted == paths.count)
    }
}
