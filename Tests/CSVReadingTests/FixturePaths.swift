import Foundation

/// Paths of test inputs, found relative to this source file so tests run from any directory.
enum FixturePaths {
    /// `Tests/CSVReadingTests`
    static let testsDirectory: String = {
        URL(fileURLWithPath: "\(#filePath)").resolvingSymlinksInPath().deletingLastPathComponent().path
    }()
    static let fixtures = testsDirectory + "/Fixtures"
    static let conformance = fixtures + "/conformance"
    static let invalid = fixtures + "/invalid"
    /// The package root (`/work/main`), two levels up from the test directory.
    static let packageRoot: String = {
        URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().deletingLastPathComponent().path
    }()
    /// `../shared/testdata/csv-suites` from the package root.
    static let publicSuites: String = {
        URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/testdata/csv-suites").standardizedFileURL.path
    }()

    static func invalid(_ name: String) -> String { invalid + "/" + name }

    /// Rows of a JSON file holding an array of arrays of strings, or `nil` if it holds something else.
    /// (JSONDecoder, not JSONSerialization: on Linux the latter drops U+FEFF inside strings.)
    static func rows(ofJSON path: String) throws -> [[String]]? {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try? JSONDecoder().decode([[String]].self, from: data)
    }
}

