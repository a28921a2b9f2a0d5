#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file of any size record by record, in chunks, with the same results as
/// `CSVReader` (same encodings, delimiter sniffing, Excel-like parsing, line numbers and
/// errors) and memory bounded by the chunk size and the longest record.
///
/// ```swift
/// let reader = try CSVStreamReader(path: "名单.csv")
/// while try reader.nextRecord() {
///     for index in 0..<reader.fieldCount {
///         reader.withFieldBytes(index) { bytes in … }   // UTF-8, no String made
///     }
/// }
/// ```
///
/// How it reads:
/// 1. The encoding is decided before the first record, by the rules of `CSVReader`, over
///    the whole file: a first pass in chunks checks for NUL bytes and strict UTF-8 (and, for
///    UTF-16, decodes once). A GB18030 file may begin with a megabyte of ASCII, so the start
///    alone cannot decide. Regular files are read twice; a pipe is read once into memory.
/// 2. The text is decoded chunk by chunk into a reused buffer: UTF-8 as is, UTF-16 and
///    GB18030 (iconv) with sequences cut by a chunk's end carried into the next chunk.
/// 3. The delimiter, unless given, is sniffed from the first 1 MiB of text, as `CSVReader`
///    does (so that much text is decoded before the first record).
/// 4. Each record is scanned in the buffer; one cut by the buffer's end is scanned again
///    once more text has arrived. Fields are byte ranges into the buffer (quoted fields
///    unescaped in place), valid until the next `nextRecord()`.
///
/// Errors found while streaming (a GB18030 sequence iconv rejects, a quote still open at the
/// end) are thrown by `nextRecord()`, with the values `CSVReader` gives for the same file.
///
/// Not `Sendable`: one reader per task.
public final class CSVStreamReader {
    /// 1 MiB.
    public static let defaultChunkSize = 1 << 20
    /// A record cut by the buffer's end is scanned again from its start after the next read;
    /// from this length on, the next read is as long as the record so far, so that very long
    /// records are still read in linear time.
    static let rescanThreshold = 64 * 1024

    /// The input as it was named.
    public let path: String
    /// The encoding the file was decoded from.
    public let encoding: TextEncoding
    /// The field separator: `,`, tab or `;` when sniffed, or what the caller passed.
    public private(set) var delimiter: UInt8 = ASCII.comma
    /// Size of the input in bytes (byte order mark included).
    public let byteCount: Int
    /// Bytes read from the input per chunk.
    public let chunkSize: Int

    private let source: ByteSource
    private let decoder: Decoder
    /// Where strict UTF-8 failed, for GB18030 failure offsets (see `TextDecoding.decode`).
    private let utf8Failure: Int?

    /// Raw bytes for UTF-16 and GB18030: a cut sequence carried over, then the next chunk.
    private var raw: UnsafeMutablePointer<UInt8>
    private var rawCapacity: Int
    private var rawCount = 0
    /// File offset of the next byte to read.
    private var readOffset: Int
    /// Bytes of the file read so far (a chunk ahead of the records returned), for progress.
    public var bytesRead: Int { readOffset }
    /// Decoded UTF-8 text; `head..<tail` is not yet consumed.
    // Read for every field, from inlined code in other modules: no dynamic exclusivity
    // checks (the reader is not shared between tasks, and only its own methods write).
    @usableFromInline @exclusivity(unchecked) var text: UnsafeMutablePointer<UInt8>
    private var textCapacity: Int
    private var head = 0
    private var tail = 0
    /// All input has been decoded into `text`.
    private var exhausted = false

    /// The current record's fields: `start..<end` in `text` after unescaping.
    @usableFromInline @exclusivity(unchecked) var slots: UnsafeMutablePointer<FieldSlot>
    private var slotCapacity: Int
    /// Number of fields of the current record; 0 before the first and after the last record.
    @exclusivity(unchecked) public private(set) var fieldCount = 0
    /// 1-based physical line where the current record starts.
    public private(set) var line = 0
    /// Records handed out so far (the current one included).
    public private(set) var recordCount = 0
    /// Line of the next record.
    private var nextLine = 1

    /// Opens `path` and prepares the first record.
    ///
    /// - Parameters:
    ///   - delimiter: the field separator; `nil` sniffs `,`, tab or `;` like `CSVReader`.
    ///   - chunkSize: bytes read at a time (at least 1; tests use tiny chunks).
    /// - Throws: `CSVReadError.cannotOpen`, `.empty`, `.notText`, `.invalidEncoding` (also a
    ///   GB18030 failure within the first 1 MiB when sniffing), `.tooLarge` for a pipe over
    ///   `CSVReader.defaultSizeLimit`.
    public convenience init(path: String, delimiter: UInt8? = nil, chunkSize: Int = defaultChunkSize) throws(CSVReadError) {
        let source = try ByteSource(path: path, pipeSizeLimit: CSVReader.defaultSizeLimit)
        try self.init(source: source, delimiter: delimiter, chunkSize: chunkSize)
    }

    /// Reads `bytes` as if they were a file named `path` (for tests and callers that already
    /// hold the bytes).
    ///
    /// - Throws: as `init(path:delimiter:chunkSize:)`, except `.cannotOpen`.
    public convenience init(bytes: [UInt8], path: String = "<memory>", delimiter: UInt8? = nil,
                            chunkSize: Int = defaultChunkSize) throws(CSVReadError) {
        try self.init(source: ByteSource(bytes: bytes, path: path), delimiter: delimiter, chunkSize: chunkSize)
    }

    private init(source: ByteSource, delimiter: UInt8?, chunkSize: Int) throws(CSVReadError) {
        precondition(chunkSize >= 1, "chunkSize must be at least 1")
        if let delimiter {
            precondition(CSVReader.isUsableDelimiter(delimiter), "delimiter must be ASCII and not a quote, CR, LF or NUL")
        }
        self.source = source
        self.path = source.path
        self.chunkSize = chunkSize
        let probe = try StreamEncodingProbe.probe(source, chunkSize: chunkSize)
        encoding = probe.encoding
        byteCount = probe.byteCount
        utf8Failure = probe.utf8Failure
        readOffset = probe.start
        switch probe.encoding {
        case .utf8, .utf8WithBOM:
            decoder = .utf8
        case .utf16LE, .utf16BE:
            decoder = .utf16(UTF16ChunkDecoder(bigEndian: probe.encoding == .utf16BE))
        case .gb18030:
            guard let gb = GB18030ChunkDecoder() else {
                throw .cannotOpen(path: source.path, reason: CSVReadError.reasonNoGB18030Converter)
            }
            decoder = .gb18030(gb)
        }
        rawCapacity = decoder.isUTF8 ? 0 : chunkSize + 4
        raw = .allocate(capacity: max(rawCapacity, 1))
        textCapacity = DelimiterSniffer.sampleBytes + 4 * chunkSize + 64
        text = .allocate(capacity: textCapacity)
        slotCapacity = 64
        slots = .allocate(capacity: slotCapacity)

        if let delimiter {
            self.delimiter = delimiter
            return
        }
        // Enough text for the sniffer, which looks at no more than its first 1 MiB.
        // (Every stored property is set: if this throws, deinit frees the buffers.)
        while !exhausted && tail < DelimiterSniffer.sampleBytes {
            try readMore(chunkSize)
        }
        self.delimiter = DelimiterSniffer.sniff(UnsafeBufferPointer(start: text, count: tail),
                                                preferTab: probe.encoding == .utf16LE || probe.encoding == .utf16BE)
    }

    deinit {
        raw.deallocate()
        text.deallocate()
        slots.deallocate()
    }

    // MARK: - Records

    /// Moves to the next record. Returns `false` at the end of the file.
    ///
    /// - Throws: `CSVReadError.unterminatedQuote` (at the end of the file),
    ///   `.invalidEncoding` (a GB18030 sequence iconv rejects), `.cannotOpen` (I/O error).
    public func nextRecord() throws(CSVReadError) -> Bool {
        while true {
            if head == tail {
                if exhausted {
                    fieldCount = 0
                    return false
                }
                try refill()
                continue
            }
            if try scanRecord(atEnd: exhausted) {
                recordCount += 1
                return true
            }
            try refill()
        }
    }

    /// The 1-based line on which field `index` of the current record starts.
    public func fieldLine(_ index: Int) -> Int {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        return slots[index].line
    }

    /// Calls `body` with the UTF-8 bytes of field `index` of the current record (unquoted,
    /// `""` made `"`). The bytes are valid only inside `body`.
    @inlinable @inline(__always)
    public func withFieldBytes<R, E: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        let slot = slots[index]
        return try body(UnsafeBufferPointer(start: text + slot.start, count: slot.end - slot.start))
    }

    /// Field `index` of the current record as a `String`.
    public func field(_ index: Int) -> String {
        withFieldBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The current record's fields as `String`s.
    public var fields: [String] {
        (0..<fieldCount).map { field($0) }
    }

    /// The current record as `CSVReader` returns it (`fieldLines` only when a field starts
    /// on a later line).
    public var record: CSVRecord {
        var lines: [Int]? = nil
        if (0..<fieldCount).contains(where: { slots[$0].line != line }) {
            lines = (0..<fieldCount).map { slots[$0].line }
        }
        return CSVRecord(line: line, fields: fields, fieldLines: lines)
    }

    /// Reads every remaining record into a table, as `CSVReader.read` would (for tests and
    /// small files: this holds the whole file in memory).
    ///
    /// - Throws: as `nextRecord()`.
    public func readAll() throws(CSVReadError) -> CSVTable {
        var records: [CSVRecord] = []
        while try nextRecord() { records.append(record) }
        return CSVTable(encoding: encoding, delimiter: delimiter, records: records, byteCount: byteCount)
    }

    // MARK: - Scanning

    /// A field of the record being scanned: its content range, the literal tail after a
    /// closing quote, and whether it must be unescaped.
    @usableFromInline struct FieldSlot {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        var tailStart: Int
        var tailEnd: Int
        var line: Int
        var needsCopy: Bool
    }

    /// Scans one record from `head` with the rules of `RecordScanner`. Returns `false`,
    /// changing nothing, when the record runs past `tail` and more text may come.
    private func scanRecord(atEnd: Bool) throws(CSVReadError) -> Bool {
        let text = self.text
        let end = tail
        let delimiter = self.delimiter
        let quote = ASCII.quote, lineFeed = ASCII.lineFeed, carriageReturn = ASCII.carriageReturn
        var i = head
        var line = nextLine
        let recordLine = line
        var count = 0

        while true {
            let fieldLine = line
            var slot: FieldSlot
            if i < end && text[i] == quote {
                i += 1
                let contentStart = i
                var doubled = false
                while true {
                    guard i < end else {
                        if atEnd { throw .unterminatedQuote(path: path, line: fieldLine) }
                        return false
                    }
                    let byte = text[i]
                    if byte == quote {
                        // A quote just before `end` is taken as closing; the check after
                        // the tail below asks for more text in that case.
                        if i + 1 < end && text[i + 1] == quote {
                            doubled = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if byte == lineFeed {
                        line += 1
                    } else if byte == carriageReturn {
                        // A CR just before `end` cannot be settled, but the field is then
                        // unfinished anyway, and the whole record is scanned again.
                        if !(i + 1 < end && text[i + 1] == lineFeed) { line += 1 }   // a lone CR
                    }
                    i += 1
                }
                let contentEnd = i
                i += 1   // the closing quote
                let tailStart = i
                while i < end {
                    let byte = text[i]
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    i += 1
                }
                if i == end && !atEnd { return false }
                slot = FieldSlot(start: contentStart, end: contentEnd, tailStart: tailStart, tailEnd: i,
                                 line: fieldLine, needsCopy: doubled || tailStart != i)
            } else {
                let start = i
                while i < end {
                    let byte = text[i]
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    i += 1
                }
                if i == end && !atEnd { return false }
                slot = FieldSlot(start: start, end: i, tailStart: i, tailEnd: i, line: fieldLine, needsCopy: false)
            }
            if count == slotCapacity { growSlots() }
            slots[count] = slot
            count += 1

            guard i < end else { break }   // the end of the input ends the record
            let byte = text[i]
            i += 1
            if byte == delimiter { continue }
            if byte == carriageReturn {
                if i == end && !atEnd { return false }
                if i < end && text[i] == lineFeed { i += 1 }
            }
            line += 1
            break
        }

        // The record is complete: unescape in place. The result never outgrows the raw
        // field (`""` → `"`, the closing quote dropped), so writing from the opening quote
        // on never overtakes the reading.
        for k in 0..<count where slots[k].needsCopy {
            let slot = slots[k]
            var write = slot.start - 1
            let first = write
            var read = slot.start
            while read < slot.end {
                let byte = text[read]
                text[write] = byte
                write += 1
                read += byte == quote ? 2 : 1   // inside a closed quoted field every `"` is doubled
            }
            read = slot.tailStart
            while read < slot.tailEnd {
                text[write] = text[read]
                write += 1
                read += 1
            }
            slots[k].start = first
            slots[k].end = write
        }
        head = i
        nextLine = line
        self.line = recordLine
        fieldCount = count
        return true
    }

    private func growSlots() {
        let bigger = UnsafeMutablePointer<FieldSlot>.allocate(capacity: slotCapacity * 2)
        bigger.moveInitialize(from: slots, count: slotCapacity)
        slots.deallocate()
        slots = bigger
        slotCapacity *= 2
    }

    // MARK: - Reading and decoding

    private enum Decoder {
        case utf8
        case utf16(UTF16ChunkDecoder)
        case gb18030(GB18030ChunkDecoder)

        var isUTF8: Bool { if case .utf8 = self { true } else { false } }
    }

    /// Makes room and decodes more text, after the current (incomplete) record.
    private func refill() throws(CSVReadError) {
        let pending = tail - head
        if head > 0 {
            if pending > 0 { memmove(text, text + head, pending) }
            head = 0
            tail = pending
        }
        try readMore(pending >= Self.rescanThreshold ? max(chunkSize, pending) : chunkSize)
    }

    /// Reads up to `amount` bytes of input and appends their text at `tail`.
    private func readMore(_ amount: Int) throws(CSVReadError) {
        let wanted = min(amount, byteCount - readOffset)
        switch decoder {
        case .utf8:
            ensureTextCapacity(tail + wanted)
            let got = wanted > 0 ? try source.readBytes(at: readOffset, into: text + tail, count: wanted) : 0
            readOffset += got
            tail += got
            if got == 0 || readOffset >= byteCount { exhausted = true }
        case .utf16(let utf16):
            try readRaw(wanted) { input, isLast, out in utf16.decode(input, isLast: isLast, into: out) }
        case .gb18030(let gb):
            try readRaw(wanted) { input, isLast, out in gb.decode(input, isLast: isLast, into: out) }
        }
    }

    private func readRaw(_ wanted: Int,
                         _ decode: (UnsafeBufferPointer<UInt8>, Bool, UnsafeMutablePointer<UInt8>) -> ChunkDecodeResult) throws(CSVReadError) {
        if rawCount + wanted > rawCapacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: rawCount + wanted)
            bigger.update(from: raw, count: rawCount)
            raw.deallocate()
            raw = bigger
            rawCapacity = rawCount + wanted
        }
        let got = wanted > 0 ? try source.readBytes(at: readOffset, into: raw + rawCount, count: wanted) : 0
        let rawOffset = readOffset - rawCount   // file offset of raw[0]
        readOffset += got
        rawCount += got
        let isLast = got == 0 || readOffset >= byteCount
        ensureTextCapacity(tail + GB18030ChunkDecoder.outputCapacity(forInput: rawCount))
        let result = decode(UnsafeBufferPointer(start: raw, count: rawCount), isLast, text + tail)
        if let failure = result.failure {
            throw .invalidEncoding(path: path, byteOffset: max(rawOffset + failure, utf8Failure ?? 0))
        }
        tail += result.produced
        rawCount -= result.consumed
        if rawCount > 0 { memmove(raw, raw + result.consumed, rawCount) }
        if isLast { exhausted = true }
    }

    private func ensureTextCapacity(_ needed: Int) {
        guard needed > textCapacity else { return }
        var capacity = textCapacity
        while capacity < needed { capacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: text, count: tail)
        text.deallocate()
        text = bigger
        textCapacity = capacity
    }
}
