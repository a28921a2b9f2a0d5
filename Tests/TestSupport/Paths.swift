import Foundation

/// Paths tests need: the package root, the shared tools and a unique temporary file.
public enum Paths {
    /// The package root (the directory holding Package.swift), found from this file's path.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Tests/TestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
    }

    /// `packageRoot/../shared`: project docs, tools and test data shared between checkouts.
    public static var shared: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A path that no other test uses, in a fresh directory under the system temporary
    /// directory, ending in `name` (e.g. `out.xlsx`). The file itself is not created.
    public static func uniqueTemporaryFile(_ name: String) -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("nianbao-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name)
    }
}
