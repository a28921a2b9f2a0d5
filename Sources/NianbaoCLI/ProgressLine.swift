import Dispatch
import Foundation
import Progress
import Synchronization

/// The progress line on a terminal. A job that takes longer than about a second shows
/// what it is doing on standard error (`读取文件 1,234/9,230`), rewritten in place ten
/// times a second and cleared when the job ends or anything else is printed. Nothing at
/// all is written when standard error is not a terminal (a pipe, a file, a CI log).
final class ProgressLine: Sendable {
    /// The counter the job updates; a new stage wakes the line at once.
    let counter: ProgressCounter
    private let stopped = Atomic<Bool>(false)
    private let wake: DispatchSemaphore
    private let finished = DispatchSemaphore(value: 0)
    private let drawing: Bool

    /// The line showing now, so that `Diagnostics` can clear it before printing.
    private static let current = Mutex<ProgressLine?>(nil)

    /// Seconds of work before the line appears; `NIANBAO_PROGRESS_AFTER` changes it.
    static var delay: Double {
        ProcessInfo.processInfo.environment["NIANBAO_PROGRESS_AFTER"].flatMap(Double.init) ?? 1.0
    }

    /// Starts showing `counter` on standard error if it is a terminal.
    init(terminal: Bool = isatty(STDERR_FILENO) != 0) {
        let wake = DispatchSemaphore(value: 0)
        self.wake = wake
        if terminal {
            counter = ProgressCounter(onBegin: { @Sendable _ in wake.signal() })
        } else {
            counter = ProgressCounter()
        }
        drawing = terminal
        guard terminal else { return }
        let delay = Self.delay
        Self.current.withLock { $0 = self }
        let thread = Thread { [self] in
            let start = DispatchTime.now()
            var shown = ""
            while !stopped.load(ordering: .acquiring) {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                if elapsed >= delay, let line = counter.snapshot.line, line != shown {
                    Self.write("\r" + line + "\u{1B}[K")
                    shown = line
                }
                _ = wake.wait(timeout: .now() + .milliseconds(100))
            }
            if !shown.isEmpty { Self.write("\r\u{1B}[K") }
            finished.signal()
        }
        thread.name = "nianbao-progress"
        thread.start()
    }

    /// Clears the line and stops drawing; waits until the line is gone. Safe to call twice.
    func stop() {
        guard drawing, !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
        Self.current.withLock { if $0 === self { $0 = nil } }
    }

    /// Stops the line showing now, if any: before anything else goes to the terminal.
    static func clear() {
        current.withLock { $0 }?.stop()
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
