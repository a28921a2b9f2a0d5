import Dispatch
import Foundation
import Synchronization

/// Asks the kernel to start reading files before the reading threads get to them.
///
/// A folder of thousands of small files that is not in the page cache (the first run after
/// copying the submissions, or after the machine has reclaimed memory) is read one file at
/// a time per thread, each read waiting for the disk: 15 s instead of 4.5 s for 9,230
/// files. `POSIX_FADV_WILLNEED` starts each file's read without waiting, so the disk works
/// on many at once. The hint stays a bounded number of files ahead of the readers, so a
/// huge folder does not push the first files out of memory before they are read.
final class ReadAhead: Sendable {
    /// Files hinted ahead of the ones read.
    static let window = 256

    private let read = Atomic<Int>(0)
    private let hintedCount = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts hinting `paths` in order on a thread of its own; files larger than
    /// `largeFileSize` are left alone (they are read one at a time, later).
    init(paths: [String], skippingLargerThan largeFileSize: Int = .max) {
        let thread = Thread { [self] in
            for (index, path) in paths.enumerated() {
                while index - read.load(ordering: .relaxed) > Self.window {
                    if stopped.load(ordering: .relaxed) { break }
                    usleep(500)
                }
                if stopped.load(ordering: .relaxed) { break }
                hintedCount.add(1, ordering: .relaxed)
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                var info = stat()
                if fstat(descriptor, &info) == 0, Int(info.st_size) <= largeFileSize {
                    _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                }
                close(descriptor)
            }
            finished.signal()
        }
        thread.name = "nianbao-read-ahead"
        thread.start()
    }

    /// Files hinted so far (or tried: a file that cannot be opened counts).
    var hinted: Int { hintedCount.load(ordering: .relaxed) }

    /// One more file has been read (or passed over), in the order of `paths`.
    func fileRead() {
        read.add(1, ordering: .relaxed)
    }

    /// Stops hinting and waits for the thread to end.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        finished.wait()
    }
}
