import ReportSpec
import Submissions

/// A reader for each built-in format, made once (building the label index is the slow part).
let readers: [SubmissionReader] = TemplateLoader.builtinFormats.map {
    SubmissionReader(template: try! TemplateLoader.builtin(format: $0))
}

/// libFuzzer entry point: reading arbitrary bytes as a submission (form CSV or long CSV)
/// with each built-in format's template must give submissions and findings, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = count == 0 || start == nil ? [] : Array(UnsafeRawBufferPointer(start: start, count: count))
    for reader in readers {
        let result = reader.read(bytes: bytes, name: "fuzz.csv")
        for finding in result.fileFindings { _ = finding.message }
        for submission in result.submissions {
            for finding in submission.findings { _ = finding.message }
        }
    }
    return 0
}

/// SwiftPM links an executable target on Linux with `--defsym main=FuzzFormRecognizer_main`; with
/// `-parse-as-library` there is no Swift `main`, so this one hands over to libFuzzer's driver.
@_cdecl("FuzzFormRecognizer_main")
public func FuzzFormRecognizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        LLVMFuzzerTestOneInput(data.map(UnsafeRawPointer.init), size)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
