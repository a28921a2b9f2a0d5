import Foundation

/// Runs a program with its standard error on a pseudo-terminal, as when a clerk runs it in
/// a terminal window, and returns everything written there (control characters included).
/// Standard output goes to a file, returned as well.
///
/// - Throws: when no pseudo-terminal can be opened or the program cannot be started.
public func runOnTerminal(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                          currentDirectory: URL? = nil) throws -> (status: Int32, terminal: String, stdout: String) {
    // A new pseudo-terminal pair (Linux): unlock the other end and ask for its number.
    // TIOCSPTLCK and TIOCGPTN, whose values Swift's Glibc module does not export.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: CInt = 0
    var number: CInt = 0
    guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
        if master >= 0 { close(master) }
        throw ProcessFailure(command: "open /dev/ptmx", status: errno, output: "no pseudo-terminal")
    }
    let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard slave >= 0 else {
        close(master)
        throw ProcessFailure(command: "open /dev/pts/\(number)", status: errno, output: "")
    }
    // Everything the program writes, read as it comes so that it never blocks on a full terminal.
    final class Collected: @unchecked Sendable {
        var bytes: [UInt8] = []
        let done = DispatchSemaphore(value: 0)
    }
    let collected = Collected()
    let reader = Thread {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once every copy of the terminal's other end is closed
            collected.bytes += buffer[0..<count]
        }
        collected.done.signal()
    }
    reader.start()

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-tty-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: outURL) }
    let out = try FileHandle(forWritingTo: outURL)
    process.standardOutput = out
    process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        close(slave)
        close(master)
        throw error
    }
    close(slave)
    process.waitUntilExit()
    try out.close()
    collected.done.wait()
    close(master)
    let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    return (process.terminationStatus, String(decoding: collected.bytes, as: UTF8.self), stdout)
}
