import CSVReading

/// libFuzzer entry point: `CSVReader.parse(bytes:)` on arbitrary bytes must either return a
/// table or throw a `CSVReadError`; it must never trap, hang or read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = count == 0 || start == nil ? [] : Array(UnsafeRawBufferPointer(start: start, count: count))
    do {
        let table = try CSVReader.parse(bytes: bytes, path: "fuzz.csv")
        // Touch every field so a malformed String would be noticed.
        var total = 0
        for record in table.records {
            precondition(record.line >= 1)
            for (index, field) in record.fields.enumerated() {
                total &+= field.utf8.count
                precondition(record.line(ofField: index) >= record.line)
            }
        }
        _ = total
    } catch {
        _ = error.description
    }
    return 0
}

/// SwiftPM links an executable target on Linux with `--defsym main=FuzzCSVReader_main`; with
/// `-parse-as-library` there is no Swift `main`, so this one hands over to libFuzzer's driver.
@_cdecl("FuzzCSVReader_main")
public func FuzzCSVReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
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
