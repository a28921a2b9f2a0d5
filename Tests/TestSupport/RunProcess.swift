import Foundation

/// Runs a program to completion and returns its exit status and output.
///
/// `executable` is a path, or a bare name looked up on `PATH` (through `/usr/bin/env`).
/// Output goes through temporary files, so a chatty child cannot fill a pipe and deadlock.
///
/// - Throws: when the program cannot be started or the output cannot be read.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                       currentDirectory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("nianbao-run-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    func read(_ url: URL) throws -> String {
        // FileHandle rather than Data(contentsOf:), which LeakSanitizer flags on Linux.
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
    return (process.terminationStatus, try read(outURL), try read(errURL))
}

/// A failed helper process, with everything it said.
public struct ProcessFailure: Error, CustomStringConvertible {
    /// The command line.
    public var command: String
    /// The exit status.
    public var status: Int32
    /// Standard output and standard error, in that order.
    public var output: String

    /// Makes a failure record.
    public init(command: String, status: Int32, output: String) {
        self.command = command
        self.status = status
        self.output = output
    }

    /// The command, its status and its output.
    public var description: String { "\(command) exited with status \(status):\n\(output)" }
}
