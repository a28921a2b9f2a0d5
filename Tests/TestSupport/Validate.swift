import Foundation

/// Runs `../shared/tools/xlsx-validate.sh FILE --no-lo` (zip, XML, XSD, package limits,
/// openpyxl and calamine agreement).
///
/// - Throws: `ProcessFailure` with the script's full output when it exits non-zero.
public func validateXlsx(_ xlsx: URL) throws {
    let script = Paths.shared.appendingPathComponent("tools/xlsx-validate.sh").path
    let result = try runProcess("/bin/bash", [script, xlsx.path, "--no-lo"])
    if result.status != 0 {
        throw ProcessFailure(command: "bash \(script) \(xlsx.path) --no-lo", status: result.status,
                             output: result.stdout + result.stderr)
    }
}
