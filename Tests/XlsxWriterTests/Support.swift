import Foundation
import Testing
import TestSupport
@testable import XlsxWriter

/// Builds a workbook at a unique temporary path, closes it, runs xlsx-validate.sh on it
/// (unless `validate` is false) and reads it back with the independent reader.
func roundTrip(_ fileName: String = "t.xlsx", options: WorkbookOptions = .init(), validate: Bool = true,
               _ build: (Workbook) throws -> Void) throws -> (dump: WorkbookDump, url: URL) {
    let url = Paths.uniqueTemporaryFile(fileName)
    let workbook = try Workbook(path: url.path, options: options)
    try build(workbook)
    try workbook.close()
    if validate { try validateXlsx(url) }
    return (try readBack(url), url)
}

/// Expects `body` to throw an `XlsxError` with exactly this description and code.
func expectXlsxError(_ description: String, code: XlsxError.Code,
                     sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected XlsxError “\(description)”, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as XlsxError {
        #expect(error.description == description, sourceLocation: sourceLocation)
        #expect(error.code == code, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected XlsxError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// One part of the XLSX package, as text (via `unzip -p`).
func packagePart(_ url: URL, _ part: String) throws -> String {
    let result = try runProcess("unzip", ["-p", url.path, part])
    guard result.status == 0 else {
        throw ProcessFailure(command: "unzip -p \(url.path) \(part)", status: result.status, output: result.stderr)
    }
    return result.stdout
}
