import Conversion
import Progress
import Synchronization
import Testing

/// `convert` counts the rows it writes and how much of the file it has read, then says it
/// is compressing.
struct ConversionProgressTests {
    @Test func rowsAndShareAreCountedThenCompressing() throws {
        let rows = (1...10_000).map { "单位\($0),\($0)" }
        let input = try ConversionHelpers.file("名单.csv", (["单位,件数"] + rows).joined(separator: "\n") + "\n")
        let ended = Mutex<[ProgressCounter.Snapshot]>([])
        let counter = ProgressCounter(onBegin: { snapshot in ended.withLock { $0.append(snapshot) } })
        let (_, summary) = try ConversionHelpers.convert(input, CSVConverter.Options(chunkSize: 4096, progress: counter))
        #expect(summary.records == 10_001)
        let stages = ended.withLock { $0 }
        #expect(stages.count == 2)
        #expect(stages.first?.stage == nil, "nothing before converting")
        let converting = try #require(stages.last)
        #expect(converting.stage == .convertingRows)
        #expect(converting.done == 10_001, "every record, the header too")
        #expect(converting.perMille.map { (900...1000).contains($0) } == true, "share read: \(String(describing: converting.perMille))")
        #expect(counter.snapshot.stage == .compressing)
    }
}
