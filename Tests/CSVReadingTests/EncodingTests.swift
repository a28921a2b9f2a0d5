@testable import CSVReading
import Testing

@Suite struct EncodingTests {
    @Test func displayNames() {
        #expect(TextEncoding.allCases.map(\.displayName) == [
            "UTF-8", "UTF-8（带 BOM）", "UTF-16 LE（带 BOM）", "UTF-16 BE（带 BOM）", "GB18030",
        ])
        #expect(TextEncoding.allCases.map(\.rawValue) == ["utf8", "utf8WithBOM", "utf16LE", "utf16BE", "gb18030"])
    }

    @Test func utf8BOMIsDroppedFromTheFirstField() throws {
        let table = try CSVReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("单位,数\n".utf8))
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.records[0].fields == ["单位", "数"])
    }

    @Test func aBOMLaterInTheFileIsData() throws {
        let table = try CSVReader.parse(bytes: Array("a,\u{FEFF}b".utf8))
        #expect(table.records[0].fields == ["a", "\u{FEFF}b"])
    }

    /// 𠀀 (U+20000) is outside GBK: GB18030 writes it as the four bytes 95 32 82 36.
    @Test func gb18030FourByteSequenceSurvives() throws {
        let table = try CSVReader.parse(bytes: [0xC3, 0xFB, 0x2C, 0x95, 0x32, 0x82, 0x36, 0x0A])   // 名,𠀀
        #expect(table.encoding == .gb18030)
        #expect(table.records[0].fields == ["名", "𠀀"])
    }

    /// Code page 936 writes € as the lone byte 0x80; strict GB18030 writes A2 E3.
    @Test func cp936EuroByte() throws {
        let table = try CSVReader.parse(bytes: [0x80, 0x35, 0x2C, 0xA2, 0xE3, 0x36, 0x2C, 0xC3, 0xFB, 0x80])
        #expect(table.encoding == .gb18030)
        #expect(table.records[0].fields == ["€5", "€6", "名€"])
    }

    /// 0x80 as the second byte of a two-byte GB18030 character is that character, not €.
    @Test func byte0x80AsTrailByteIsNotEuro() throws {
        let table = try CSVReader.parse(bytes: [0x81, 0x80, 0x2C, 0x80])
        #expect(table.records[0].fields == ["\u{4E90}", "€"])
    }

    @Test func truncatedGB18030SequenceAtTheEnd() {
        #expect(throws: CSVReadError.invalidEncoding(path: "<memory>", byteOffset: 3)) {
            try CSVReader.parse(bytes: [0xC3, 0xFB, 0x2C, 0x81])
        }
    }

    @Test(arguments: [
        ([0xC0, 0xAF], 0),              // overlong "/"
        ([0x61, 0xE0, 0x80, 0xAF], 1),  // overlong three-byte form
        ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),   // UTF-8-encoded surrogate D800
        ([0x61, 0xF4, 0x90, 0x80, 0x80], 1),   // above U+10FFFF
    ] as [([UInt8], Int)])
    func strictUTF8RejectsOverlongsAndSurrogates(bytes: [UInt8], utf8Offset: Int) throws {
        // None of these decode as GB18030 past the UTF-8 failure either.
        do {
            let table = try CSVReader.parse(bytes: bytes)
            #expect(table.encoding == .gb18030, "not UTF-8: \(bytes)")
        } catch {
            guard case .invalidEncoding(_, let offset) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(offset >= utf8Offset)
        }
    }

    /// The validator itself, on the Unicode Standard's Table 3-7 boundaries.
    @Test(arguments: [
        ([0x61, 0xC0, 0xAF], 1), ([0xC1, 0xBF], 0), ([0xC2], 0), ([0xC2, 0x41], 0),
        ([0xE0, 0x9F, 0x80], 0), ([0xE0, 0xA0], 0), ([0xED, 0xA0, 0x80], 0), ([0xED, 0xBF, 0xBF], 0),
        ([0xF0, 0x8F, 0xBF, 0xBF], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x80], 0), ([0xFF], 0),
        (Array("0123456789abcdef".utf8) + [0xE4, 0xB8, 0xAD, 0xE4, 0xB8], 19),
    ] as [([UInt8], Int)])
    func utf8ValidatorFindsFirstBadByte(bytes: [UInt8], offset: Int) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validator.firstInvalidOffset(in: $0) } == offset, "\(bytes)")
    }

    @Test func validUTF8AtTheEdgesOfTable37() throws {
        let text = "\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF},x"
        let table = try CSVReader.parse(bytes: Array(text.utf8))
        #expect(table.encoding == .utf8)
        #expect(table.records[0].fields == ["\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}", "x"])
    }

    @Test func utf16SurrogatePairs() throws {
        let le: [UInt8] = [0xFF, 0xFE, 0x40, 0xD8, 0x00, 0xDC, 0x09, 0x00, 0x61, 0x00]   // 𠀀 \t a
        let be: [UInt8] = [0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x00, 0x00, 0x09, 0x00, 0x61]
        #expect(try CSVReader.parse(bytes: le).records[0].fields == ["𠀀", "a"])
        #expect(try CSVReader.parse(bytes: be).records[0].fields == ["𠀀", "a"])
        #expect(try CSVReader.parse(bytes: le).delimiter == UInt8(ascii: "\t"))
    }

    @Test func utf16LoneLowSurrogate() {
        #expect(throws: CSVReadError.invalidEncoding(path: "x", byteOffset: 4)) {
            try CSVReader.parse(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xDC, 0x61, 0x00], path: "x")
        }
    }

    @Test func utf16OnlyBOMIsEmpty() {
        #expect(throws: CSVReadError.empty(path: "<memory>")) { try CSVReader.parse(bytes: [0xFF, 0xFE]) }
        #expect(throws: CSVReadError.empty(path: "<memory>")) { try CSVReader.parse(bytes: [0xFE, 0xFF, 0x00, 0x0A]) }
    }

    @Test func pureASCIIIsUTF8() throws {
        #expect(try CSVReader.parse(bytes: Array("a,b\n".utf8)).encoding == .utf8)
    }
}
