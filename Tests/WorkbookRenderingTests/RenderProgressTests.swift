import Foundation
import Progress
import ReportEngine
import ReportSpec
import Submissions
import Synchronization
import TestSupport
import Testing
import WorkbookRendering

/// Writing the workbook counts the 明细 rows, then says it is compressing.
struct RenderProgressTests {
    @Test func detailRowsAreCountedThenCompressing() throws {
        let template = try TemplateLoader.builtin(format: "2019")
        let example = Paths.packageRoot.appendingPathComponent("examples/licheng-2020").path
        var reader = SubmissionReader(template: template)
        reader.excludedPaths = [example + "/units.csv"]
        let report = Merger(template: template, year: 2020)
            .merge(reader.read(inputs: [example]), roster: try Roster.load(path: example + "/units.csv"))
        let ended = Mutex<[ProgressCounter.Snapshot]>([])
        let counter = ProgressCounter(onBegin: { snapshot in ended.withLock { $0.append(snapshot) } })
        let output = Paths.uniqueTemporaryFile("进度.xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        try WorkbookRenderer(report: report, options: RenderOptions(generator: "nianbao test", createdEpoch: 0, progress: counter))
            .write(to: output.path)
        let stages = ended.withLock { $0 }
        #expect(stages.last == .init(stage: .writingRows, done: report.units.count, total: report.units.count))
        #expect(report.units.count == 26)
        #expect(counter.snapshot.stage == .compressing)
        #expect(FileManager.default.fileExists(atPath: output.path))
    }
}
