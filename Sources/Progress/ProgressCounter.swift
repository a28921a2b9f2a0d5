import Synchronization

/// How far a long job has got: which stage it is in and how many of how many things are
/// done. The threads doing the work update it with one atomic add per thing; whoever
/// shows it (the terminal line of the command-line tool) reads it on its own thread.
/// Nothing here prints, and nothing here slows the work down measurably.
public final class ProgressCounter: Sendable {
    /// The stages of the jobs, in the words the terminal line uses.
    public enum Stage: Int, Sendable, CaseIterable {
        case readingFiles = 1
        case checkingUnits
        case writingRows
        case compressing
        case convertingRows

        /// What is being done, for the terminal line.
        public var description: String {
            switch self {
            case .readingFiles: "读取文件"
            case .checkingUnits: "审核单位"
            case .writingRows: "写出明细"
            case .compressing: "压缩写出工作簿"
            case .convertingRows: "写出行"
            }
        }
    }

    /// What the counter says at one moment.
    public struct Snapshot: Sendable, Equatable {
        public let stage: Stage?
        public let done: Int
        /// Zero when the total is not known in advance.
        public let total: Int
        /// Per mille of the input consumed, when the stage counts rows of an input of known size.
        public let perMille: Int?

        public init(stage: Stage?, done: Int, total: Int, perMille: Int? = nil) {
            self.stage = stage
            self.done = done
            self.total = total
            self.perMille = perMille
        }
    }

    private let stage = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let perMille = Atomic<Int>(-1)
    /// Called when a stage begins, with where the one before ended, so that a display can
    /// show the new stage at once.
    private let onBegin: (@Sendable (_ ended: Snapshot) -> Void)?

    public init(onBegin: (@Sendable (_ ended: Snapshot) -> Void)? = nil) {
        self.onBegin = onBegin
    }

    /// Starts a stage; `total` is 0 when unknown.
    public func begin(_ stage: Stage, total: Int = 0) {
        let ended = snapshot
        self.total.store(total, ordering: .relaxed)
        done.store(0, ordering: .relaxed)
        perMille.store(-1, ordering: .relaxed)
        self.stage.store(stage.rawValue, ordering: .releasing)
        onBegin?(ended)
    }

    /// Counts `count` more things done in the current stage.
    public func advance(by count: Int = 1) {
        done.add(count, ordering: .relaxed)
    }

    /// Sets the share of the input consumed, `fraction` in 0…1.
    public func consumed(_ fraction: Double) {
        perMille.store(Int((min(max(fraction, 0), 1) * 1000).rounded(.down)), ordering: .relaxed)
    }

    /// Ends the job: nothing more to show.
    public func finish() {
        stage.store(0, ordering: .releasing)
    }

    public var snapshot: Snapshot {
        let stage = Stage(rawValue: self.stage.load(ordering: .acquiring))
        let share = perMille.load(ordering: .relaxed)
        return Snapshot(stage: stage, done: done.load(ordering: .relaxed), total: total.load(ordering: .relaxed),
                        perMille: share >= 0 ? share : nil)
    }
}

extension ProgressCounter.Snapshot {
    /// The line shown on the terminal, e.g. `读取文件 1,234/9,230`, `写出行 120,000（45%）`;
    /// `nil` when no stage is running.
    public var line: String? {
        guard let stage else { return nil }
        var text = stage.description
        if total > 0 {
            text += " \(Self.grouped(min(done, total)))/\(Self.grouped(total))"
        } else if done > 0 {
            text += " \(Self.grouped(done))"
        }
        if let perMille { text += "（\(perMille / 10)%）" }
        return stage == .compressing ? text + "…" : text
    }

    /// 1234567 → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
