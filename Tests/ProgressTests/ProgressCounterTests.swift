import Dispatch
import Progress
import Testing

/// The counter the jobs update from several threads, and the line the terminal shows.
struct ProgressCounterTests {
    @Test func linesSayWhatIsDoneAndHowFar() {
        let counter = ProgressCounter()
        #expect(counter.snapshot.line == nil, "nothing before a stage starts")
        counter.begin(.readingFiles, total: 9230)
        counter.advance(by: 1234)
        #expect(counter.snapshot.line == "读取文件 1,234/9,230")
        counter.begin(.checkingUnits, total: 10_000)
        #expect(counter.snapshot.line == "审核单位 0/10,000", "a new stage starts from zero")
        counter.begin(.convertingRows)
        counter.advance(by: 1_048_576)
        counter.consumed(0.456)
        #expect(counter.snapshot.line == "写出行 1,048,576（45%）")
        counter.begin(.compressing)
        #expect(counter.snapshot.line == "压缩写出工作簿…")
        counter.finish()
        #expect(counter.snapshot.line == nil)
    }

    @Test func countsFromManyThreadsAddUp() {
        let counter = ProgressCounter()
        counter.begin(.readingFiles, total: 80_000)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.advance() }
        }
        #expect(counter.snapshot.done == 80_000)
        #expect(counter.snapshot.line == "读取文件 80,000/80,000")
    }

    @Test func neverShowsMoreThanTheTotalOrAShareOutsideZeroToHundred() {
        let counter = ProgressCounter()
        counter.begin(.writingRows, total: 3)
        counter.advance(by: 5)
        #expect(counter.snapshot.line == "写出明细 3/3")
        counter.consumed(1.7)
        #expect(counter.snapshot.perMille == 1000)
        counter.consumed(-1)
        #expect(counter.snapshot.perMille == 0)
    }
}
