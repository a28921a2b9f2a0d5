#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What one call of a chunk decoder did. A decoder consumes the complete sequences of its
/// input and leaves the bytes of a sequence cut by the chunk's end for the next call, which
/// gets them again in front of the next chunk.
struct ChunkDecodeResult {
    /// Input bytes decoded; the rest (at most 3 bytes) belongs to a cut sequence.
    var consumed: Int
    /// UTF-8 bytes written.
    var produced: Int
    /// Index in the input of the first byte that cannot be decoded, as the whole-file
    /// decoders report it.
    var failure: Int?
}

/// UTF-16 to UTF-8 chunk by chunk, with the same rules and failure offsets as
/// `UTF16Transcoder` on the whole file.
struct UTF16ChunkDecoder {
    let bigEndian: Bool

    /// Room `decode` needs in `out` for `inputCount` bytes: 3 UTF-8 bytes per 2-byte unit.
    static func outputCapacity(forInput inputCount: Int) -> Int { inputCount / 2 * 3 + 4 }

    /// Decodes the complete units and surrogate pairs of `input`. When `isLast`, a dangling
    /// byte or a high surrogate without its low half is a failure, as in `UTF16Transcoder`.
    func decode(_ input: UnsafeBufferPointer<UInt8>, isLast: Bool, into out: UnsafeMutablePointer<UInt8>) -> ChunkDecodeResult {
        let count = input.count
        var written = 0
        var i = 0
        @inline(__always) func unit(at offset: Int) -> UInt32 {
            let a = UInt32(input[offset]), b = UInt32(input[offset + 1])
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        while i + 1 < count {
            var scalar = unit(at: i)
            let unitOffset = i
            if scalar >= 0xD800 && scalar <= 0xDFFF {
                guard scalar <= 0xDBFF else { return .init(consumed: i, produced: written, failure: unitOffset) }
                guard i + 3 < count else {
                    // The low half is in the next chunk, or missing at the end of the file.
                    if isLast { return .init(consumed: i, produced: written, failure: unitOffset) }
                    break
                }
                let next = unit(at: i + 2)
                guard next >= 0xDC00 && next <= 0xDFFF else { return .init(consumed: i, produced: written, failure: unitOffset) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (next - 0xDC00)
                i += 4
            } else {
                i += 2
            }
            switch scalar {
            case 0..<0x80:
                out[written] = UInt8(scalar)
                written += 1
            case 0x80..<0x800:
                out[written] = UInt8(0xC0 | scalar >> 6)
                out[written + 1] = UInt8(0x80 | scalar & 0x3F)
                written += 2
            case 0x800..<0x10000:
                out[written] = UInt8(0xE0 | scalar >> 12)
                out[written + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[written + 2] = UInt8(0x80 | scalar & 0x3F)
                written += 3
            default:
                out[written] = UInt8(0xF0 | scalar >> 18)
                out[written + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                out[written + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[written + 3] = UInt8(0x80 | scalar & 0x3F)
                written += 4
            }
        }
        if isLast && i < count { return .init(consumed: i, produced: written, failure: i) }   // odd length
        return .init(consumed: i, produced: written, failure: nil)
    }
}

/// GB18030 to UTF-8 chunk by chunk through iconv, with the same rules as
/// `GB18030Transcoder`: code page 936's lone 0x80 is €, anything else iconv rejects is a
/// failure at the start of its sequence. A sequence cut by the chunk's end (iconv's EINVAL)
/// waits for the next chunk; at the end of the file it is a failure.
final class GB18030ChunkDecoder {
    private let converter: iconv_t

    /// `nil` when the system has no GB18030 converter (glibc's gconv modules are missing).
    init?() {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    /// Room `decode` needs in `out`: 3 UTF-8 bytes per input byte covers the one-byte € (the
    /// worst case); everything else grows by at most half.
    static func outputCapacity(forInput inputCount: Int) -> Int { inputCount * 3 + 16 }

    func decode(_ input: UnsafeBufferPointer<UInt8>, isLast: Bool, into out: UnsafeMutablePointer<UInt8>) -> ChunkDecodeResult {
        let count = input.count
        guard count > 0, let base = input.baseAddress else { return .init(consumed: 0, produced: 0, failure: nil) }
        let capacity = Self.outputCapacity(forInput: count)
        var consumed = 0
        var produced = 0
        while consumed < count {
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + consumed)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = count - consumed
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out + produced)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - produced
            let inBefore = inLeft, outBefore = outLeft
            let failure: Int32 = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 ? errno : 0
            consumed += inBefore - inLeft
            produced += outBefore - outLeft
            switch failure {
            case 0:
                continue
            case EILSEQ where base[consumed] == GB18030Transcoder.euroCP936:
                for byte in GB18030Transcoder.euroUTF8 { out[produced] = byte; produced += 1 }
                consumed += 1
            case EINVAL where !isLast:
                return .init(consumed: consumed, produced: produced, failure: nil)
            default:   // EILSEQ; EINVAL at the end of the file; E2BIG cannot happen (capacity)
                return .init(consumed: consumed, produced: produced, failure: consumed)
            }
        }
        return .init(consumed: consumed, produced: produced, failure: nil)
    }
}

/// Strict UTF-8 validation chunk by chunk (`UTF8Validator` on each chunk, with a sequence cut
/// by the chunk's end carried into the next one).
enum UTF8ChunkValidator {
    enum Outcome: Equatable {
        /// Everything up to `validUpTo` is valid; the bytes after it start a sequence that the
        /// chunk cuts (never when `isLast`).
        case valid(validUpTo: Int)
        /// The byte at this index starts an ill-formed (or, at the end, incomplete) sequence.
        case invalid(at: Int)
    }

    static func validate(_ buffer: UnsafeBufferPointer<UInt8>, isLast: Bool) -> Outcome {
        guard let offset = UTF8Validator.firstInvalidOffset(in: buffer) else { return .valid(validUpTo: buffer.count) }
        if !isLast && isCutSequence(buffer, at: offset) { return .valid(validUpTo: offset) }
        return .invalid(at: offset)
    }

    /// Whether the bytes from `offset` to the end are a well-formed sequence missing only its
    /// last bytes (Unicode Table 3-7, as in `UTF8Validator`).
    static func isCutSequence(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let (length, low, high) = UTF8Validator.sequenceShape(lead: buffer[offset]) else { return false }
        let available = buffer.count - offset
        guard available < length else { return false }
        if available >= 2 {
            let second = buffer[offset + 1]
            guard second >= low && second <= high else { return false }
        }
        var k = 2
        while k < available {
            guard buffer[offset + k] & 0xC0 == 0x80 else { return false }
            k += 1
        }
        return true
    }
}
