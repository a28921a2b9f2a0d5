import Progress
import ReportEngine
import Submissions
import Testing

/// Reading and merging count what they do, for the progress line.
struct ReadingAndMergingProgressTests {
    @Test func everyFileReadAndEveryUnitCheckedIsCounted() throws {
        let inbox = try Inbox()
        let paths = try MergerTests.fiveUnits(inbox)
        let counter = ProgressCounter()
        var reader = SubmissionReader(template: inbox.template)
        reader.progress = counter
        let read = reader.read(inputs: paths + [inbox.folder.appendingPathComponent("missing.csv").path])
        #expect(counter.snapshot == .init(stage: .readingFiles, done: 6, total: 6, perMille: nil), "unreadable files count too")

        var merger = Merger(template: inbox.template, year: 2020)
        merger.progress = counter
        let report = merger.merge(read, roster: try inbox.roster(MergerTests.roster))
        #expect(report.units.count == 5)
        #expect(counter.snapshot == .init(stage: .checkingUnits, done: 5, total: 5, perMille: nil))
    }
}
