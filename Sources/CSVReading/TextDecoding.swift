#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's text as UTF-8, after the byte order mark.
struct DecodedText {
    var encoding: TextEncoding
    /// UTF-8 bytes; for UTF-8 input this is the input itself (no copy).
    var utf8: [UInt8]
    /// Where the text starts in `utf8` (3 when a UTF-8 byte order mark is skipped).
    var start: Int
}

/// Decides the encoding once, up front, and turns the file into UTF-8. Never guesses lossily:
/// a file is either decoded exactly or rejected with the offset of the first bad byte.
///
/// Order: Office file signatures → byte order mark (UTF-8, UTF-16 LE/BE) → binary check →
/// strict UTF-8 → GB18030 (through iconv).
enum TextDecoding {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]
    /// ZIP local file header: every .xlsx (and .docx …) starts with it.
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// OLE2 compound document: legacy .xls (and .doc …).
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static let kindXLSX = CSVReadError.kindXLSX
    static let kindXLS = CSVReadError.kindXLS
    static let kindBinary = CSVReadError.kindBinary

    /// How much of the start of a file the control-byte check looks at.
    static let binarySampleSize = 64 * 1024

    /// - Throws: `empty` (zero bytes or only a byte order mark), `notText`, `invalidEncoding`,
    ///   `cannotOpen` when the system has no GB18030 converter.
    static func decode(_ bytes: [UInt8], path: String) throws(CSVReadError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty(path: path) }
        if bytes.starts(with: zipMagic) { throw .notText(path: path, kind: kindXLSX) }
        if bytes.starts(with: oleMagic) { throw .notText(path: path, kind: kindXLS) }

        // Byte order marks. A UTF-32 LE mark (FF FE 00 00) reads as UTF-16 LE followed by
        // U+0000 and is then rejected as binary, which is what it is for this tool.
        let isUTF16LE = bytes.starts(with: utf16LEBOM)
        if isUTF16LE || bytes.starts(with: utf16BEBOM) {
            guard bytes.count > 2 else { throw .empty(path: path) }
            let result = bytes.withUnsafeBufferPointer {
                UTF16Transcoder.transcode($0, from: 2, bigEndian: !isUTF16LE)
            }
            switch result {
            case .failure(let offset):
                throw .invalidEncoding(path: path, byteOffset: offset)
            case .success(let utf8):
                // UTF-16 text has NUL bytes by nature; after decoding a U+0000 means binary.
                if looksBinary(utf8, from: 0) { throw .notText(path: path, kind: kindBinary) }
                return DecodedText(encoding: isUTF16LE ? .utf16LE : .utf16BE, utf8: utf8, start: 0)
            }
        }

        let hasUTF8BOM = bytes.starts(with: utf8BOM)
        let start = hasUTF8BOM ? utf8BOM.count : 0
        guard bytes.count > start else { throw .empty(path: path) }
        if looksBinary(bytes, from: start) { throw .notText(path: path, kind: kindBinary) }

        let utf8Failure = bytes.withUnsafeBufferPointer { UTF8Validator.firstInvalidOffset(in: $0, from: start) }
        guard let utf8Failure else {
            return DecodedText(encoding: hasUTF8BOM ? .utf8WithBOM : .utf8, utf8: bytes, start: start)
        }
        // A UTF-8 byte order mark is a promise; do not reinterpret such a file as GB18030.
        if hasUTF8BOM { throw .invalidEncoding(path: path, byteOffset: utf8Failure) }

        switch bytes.withUnsafeBufferPointer({ GB18030Transcoder.transcode($0) }) {
        case .success(let utf8)?:
            return DecodedText(encoding: .gb18030, utf8: utf8, start: 0)
        case .failure(let offset)?:
            // Report where the decoder that got further stopped: that is where the file's
            // real encoding breaks (a UTF-8 file with one bad byte fails GB18030 early).
            throw .invalidEncoding(path: path, byteOffset: max(offset, utf8Failure))
        case nil:
            throw .cannotOpen(path: path, reason: CSVReadError.reasonNoGB18030Converter)
        }
    }

    /// A NUL byte anywhere, or control bytes making up more than a quarter of the first 64 KiB.
    static func looksBinary(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let length = buffer.count - start
            guard length > 0, let base = buffer.baseAddress else { return false }
            if memchr(base + start, 0, length) != nil { return true }
            let sample = min(length, binarySampleSize)
            let end = start + sample
            var controls = 0
            var index = start
            // Eight bytes at a time: a word with no byte below space and none equal to DEL
            // holds no control (these tests never miss one), so only other words are counted.
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete & 0x8080_8080_8080_8080
                if belowSpace | isDelete != 0 {
                    for i in index..<(index + 8) { controls &+= ASCII.isBinaryControl(base[i]) ? 1 : 0 }
                }
                index += 8
            }
            for i in index..<end { controls &+= ASCII.isBinaryControl(base[i]) ? 1 : 0 }
            return controls * 4 > sample
        }
    }

    /// True when the text holds nothing but spaces, tabs and line breaks.
    static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text where !ASCII.isWhitespace(byte) { return false }
        return true
    }
}
