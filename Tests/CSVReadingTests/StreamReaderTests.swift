import CSVReading
import Foundation
import Testing

/// `CSVStreamReader` gives what `CSVReader` gives — records, line numbers, encoding,
/// delimiter, size, or the same error — on every file, whatever the chunk size.
@Suite struct StreamReaderTests {
    /// Chunk sizes that put a chunk boundary inside every kind of sequence.
    static let tinyChunks = [1, 2, 3, 7, 64]

    /// The whole-file reader's result for a file.
    static func whole(_ path: String, delimiter: UInt8? = nil) -> Result<CSVTable, CSVReadError> {
        Result { () throws(CSVReadError) in try CSVReader.read(path: path, delimiter: delimiter) }
    }

    static func streamed(_ path: String, delimiter: UInt8? = nil, chunkSize: Int) -> Result<CSVTable, CSVReadError> {
        Result { () throws(CSVReadError) in
            try CSVStreamReader(path: path, delimiter: delimiter, chunkSize: chunkSize).readAll()
        }
    }

    static func streamed(bytes: [UInt8], delimiter: UInt8? = nil, chunkSize: Int) -> Result<CSVTable, CSVReadError> {
        Result { () throws(CSVReadError) in
            try CSVStreamReader(bytes: bytes, delimiter: delimiter, chunkSize: chunkSize).readAll()
        }
    }

    static func parsed(bytes: [UInt8], delimiter: UInt8? = nil) -> Result<CSVTable, CSVReadError> {
        Result { () throws(CSVReadError) in try CSVReader.parse(bytes: bytes, delimiter: delimiter) }
    }

    /// Streams `bytes` twice: sniffing (all of a small input is decoded before the first
    /// record) and with the delimiter given (text arrives chunk by chunk while scanning, so
    /// records are cut at every position), and compares both with `whole`.
    static func expectSameBothWays(bytes: [UInt8], chunkSize: Int, _ whole: Result<CSVTable, CSVReadError>,
                                   _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSame(streamed(bytes: bytes, chunkSize: chunkSize), whole, label + " sniffed", sourceLocation: sourceLocation)
        let delimiter = (try? whole.get())?.delimiter ?? UInt8(ascii: ",")
        expectSame(streamed(bytes: bytes, delimiter: delimiter, chunkSize: chunkSize), whole, label + " given",
                   sourceLocation: sourceLocation)
    }

    static func expectSame(_ streamed: Result<CSVTable, CSVReadError>, _ whole: Result<CSVTable, CSVReadError>,
                           _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (streamed, whole) {
        case (.success(let s), .success(let w)):
            #expect(s.records == w.records, "\(label): records", sourceLocation: sourceLocation)
            #expect(s.encoding == w.encoding, "\(label): encoding", sourceLocation: sourceLocation)
            #expect(s.delimiter == w.delimiter, "\(label): delimiter", sourceLocation: sourceLocation)
            #expect(s.byteCount == w.byteCount, "\(label): byteCount", sourceLocation: sourceLocation)
        case (.failure(let s), .failure(let w)):
            #expect(s == w, "\(label): error", sourceLocation: sourceLocation)
            #expect(s.description == w.description, "\(label): message", sourceLocation: sourceLocation)
        default:
            Issue.record("\(label): streamed \(streamed), whole file \(whole)", sourceLocation: sourceLocation)
        }
    }

    static var conformanceFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.conformance)) ?? []
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { FixturePaths.conformance + "/" + $0 }
    }

    static var invalidFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.invalid)) ?? []
        return names.sorted().map { FixturePaths.invalid + "/" + $0 } + [FixturePaths.invalid + "/no_such_file.csv"]
    }

    /// Every case of the public suites with its dialect's delimiter (cases needing other
    /// dialect options are read with the defaults: the point here is agreement).
    static var suiteCases: [(path: String, delimiter: UInt8?)] {
        var cases: [(String, UInt8?)] = []
        for suite in ["csv-spectrum", "w3c-csvw", "rust-csv-core"] {
            let directory = FixturePaths.publicSuites + "/" + suite
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json")),
                  let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let entries = manifest["cases"] as? [[String: Any]] else { continue }
            for entry in entries {
                guard let input = entry["input"] as? String else { continue }
                var delimiter: UInt8?
                if let text = (entry["dialect"] as? [String: Any])?["delimiter"] as? String, text.utf8.count == 1,
                   CSVReader.isUsableDelimiter(text.utf8.first!) {
                    delimiter = text.utf8.first
                }
                cases.append((directory + "/" + input, delimiter))
            }
        }
        return cases
    }

    @Test func corporaAreThere() {
        #expect(Self.conformanceFiles.count >= 25)
        #expect(Self.invalidFiles.count >= 10)
        #expect(Self.suiteCases.count >= 80)
    }

    @Test(arguments: conformanceFiles)
    func conformanceCorpusMatchesWholeFileReader(_ path: String) {
        let whole = Self.whole(path)
        #expect((try? whole.get()) != nil, "\(path) should be readable")
        let delimiter = (try? whole.get())?.delimiter
        for chunk in [CSVStreamReader.defaultChunkSize] + Self.tinyChunks {
            Self.expectSame(Self.streamed(path, chunkSize: chunk), whole, "\(path) chunk \(chunk)")
            Self.expectSame(Self.streamed(path, delimiter: delimiter, chunkSize: chunk), whole, "\(path) chunk \(chunk), delimiter given")
        }
    }

    @Test(arguments: invalidFiles)
    func invalidInputsGiveTheSameErrors(_ path: String) {
        let whole = Self.whole(path)
        for chunk in [CSVStreamReader.defaultChunkSize, 1, 3] {
            Self.expectSame(Self.streamed(path, chunkSize: chunk), whole, "\(path) chunk \(chunk)")
        }
    }

    @Test func publicSuitesMatchWholeFileReader() {
        for (path, delimiter) in Self.suiteCases {
            let whole = Self.whole(path, delimiter: delimiter)
            let given = delimiter ?? (try? whole.get())?.delimiter
            for chunk in [CSVStreamReader.defaultChunkSize, 1, 2, 7] {
                Self.expectSame(Self.streamed(path, delimiter: delimiter, chunkSize: chunk), whole, "\(path) chunk \(chunk)")
                Self.expectSame(Self.streamed(path, delimiter: given, chunkSize: chunk), whole, "\(path) chunk \(chunk), delimiter given")
            }
        }
    }

    // MARK: - Chunk boundaries

    /// Text whose records cross chunk boundaries in every way: quoted line breaks (LF, CRLF,
    /// lone CR), doubled quotes, text after a closing quote, multi-byte characters (CJK,
    /// 𠀀 outside the BMP), CRLF record ends, blank lines, a trailing delimiter, no final
    /// line break.
    static let boundaryText = "姓名,备注,金额\r\n"
        + "\"张三\",\"第一行\r\n第二行\",12.5\r\n"
        + "李四,\"他说\"\"好\"\"\",\"a\"尾巴\r\n"
        + "\r\n"
        + "𠀀王,\"x\ry\",\"\"\r"
        + "赵六,\"\",\n"
        + "\"多\n行\n字段\"\"\",末,\"𠀀\""

    @Test(arguments: [1, 2, 3, 4, 5, 7, 11, 64])
    func recordsAcrossChunkBoundariesUTF8(_ chunk: Int) throws {
        let bytes = Array(Self.boundaryText.utf8)
        let whole = Self.parsed(bytes: bytes)
        #expect(try whole.get().records.count == 7)
        Self.expectSameBothWays(bytes: bytes, chunkSize: chunk, whole, "UTF-8 chunk \(chunk)")
        let withBOM = [0xEF, 0xBB, 0xBF] + bytes
        Self.expectSameBothWays(bytes: withBOM, chunkSize: chunk, Self.parsed(bytes: withBOM), "UTF-8 BOM chunk \(chunk)")
    }

    @Test(arguments: [1, 2, 3, 5, 7])
    func recordsAcrossChunkBoundariesUTF16(_ chunk: Int) throws {
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in Self.boundaryText.replacingOccurrences(of: ",", with: "\t").utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for (name, bytes) in [("LE", little), ("BE", big)] {
            let whole = Self.parsed(bytes: bytes)
            #expect(try whole.get().records.count == 7, "UTF-16 \(name)")
            #expect(try whole.get().records[4].fields.first == "𠀀王", "UTF-16 \(name)")
            Self.expectSameBothWays(bytes: bytes, chunkSize: chunk, whole, "UTF-16 \(name) chunk \(chunk)")
        }
    }

    /// GB18030 with two-byte (中), four-byte (𠀀 = 95 32 82 36) sequences and code page 936's
    /// one-byte € (0x80), cut at every position by the tiny chunks.
    @Test(arguments: [1, 2, 3, 5, 7])
    func recordsAcrossChunkBoundariesGB18030(_ chunk: Int) throws {
        let zhong: [UInt8] = [0xD6, 0xD0], rare: [UInt8] = [0x95, 0x32, 0x82, 0x36], euro: [UInt8] = [0x80]
        let comma = Array(",".utf8), crlf = Array("\r\n".utf8), quote = Array("\"".utf8)
        var bytes: [UInt8] = zhong + comma + rare + crlf
        bytes += quote + zhong + crlf + rare + quote + comma + euro + Array("12".utf8) + crlf
        bytes += rare + rare + comma + quote + quote + quote + zhong + quote
        let whole = Self.parsed(bytes: bytes)
        let table = try whole.get()
        #expect(table.encoding == .gb18030)
        #expect(table.records.map(\.fields) == [["中", "𠀀"], ["中\r\n𠀀", "€12"], ["𠀀𠀀", "\"中"]])
        Self.expectSameBothWays(bytes: bytes, chunkSize: chunk, whole, "GB18030 chunk \(chunk)")
    }

    /// A bad GB18030 byte far into the file, found while streaming: same offset as `CSVReader`.
    @Test func gb18030FailurePartWayThrough() {
        var bytes: [UInt8] = [0xD6, 0xD0, 0x2C, 0x61, 0x0A]   // 中,a in GB18030
        for _ in 0..<300 { bytes += [0xD6, 0xD0, 0x2C, 0x31, 0x0A] }
        bytes += [0xFF, 0x0A]
        let whole = Self.parsed(bytes: bytes)
        #expect(throws: CSVReadError.invalidEncoding(path: "<memory>", byteOffset: 1505)) { try whole.get() }
        for chunk in [1, 7, 100, CSVStreamReader.defaultChunkSize] {
            Self.expectSameBothWays(bytes: bytes, chunkSize: chunk, whole, "chunk \(chunk)")
        }
    }

    /// A GB18030 file that starts with more than a megabyte of ASCII: the encoding is decided
    /// over the whole file, as `CSVReader` does, not from the first chunk.
    @Test func gb18030AfterALongASCIIStart() throws {
        var bytes = Array("id,n\n".utf8)
        let line = Array("1234567890,42\n".utf8)
        while bytes.count < 3 * 1024 * 1024 / 2 { bytes += line }
        bytes += [0xD6, 0xD0, 0x2C, 0x31, 0x0A]   // 中,1
        let whole = Self.parsed(bytes: bytes)
        #expect(try whole.get().encoding == .gb18030)
        #expect(try whole.get().records.last?.fields == ["中", "1"])
        Self.expectSame(Self.streamed(bytes: bytes, chunkSize: 64 * 1024), whole, "64 KiB chunks")
        Self.expectSame(Self.streamed(bytes: bytes, chunkSize: CSVStreamReader.defaultChunkSize), whole, "1 MiB chunks")
    }

    /// A NUL byte after the first chunk still makes the file binary.
    @Test func nulFarIntoTheFile() {
        var bytes = Array(String(repeating: "a,b\n", count: 1000).utf8)
        bytes += [0x61, 0x00, 0x0A]
        let whole = Self.parsed(bytes: bytes)
        #expect(throws: CSVReadError.notText(path: "<memory>", kind: CSVReadError.kindBinary)) { try whole.get() }
        Self.expectSameBothWays(bytes: bytes, chunkSize: 100, whole, "chunk 100")
    }

    /// A quoted field longer than many chunks (and than the rescan threshold, 64 KiB) is read
    /// in one piece, and its line numbers are right. (Under Excel's 32,767 characters, which
    /// `CSVReader` may refuse; see `fieldsOfAnyLength`.)
    @Test func veryLongQuotedField() throws {
        let long = String(repeating: "长长长\n", count: 8_000)   // 32,000 characters, 80,000 bytes
        let text = "a,b\n1,\"\(long)\"\n2,x\n"
        let bytes = Array(text.utf8)
        let whole = Self.parsed(bytes: bytes)
        #expect(try whole.get().records[2].line == 8_003)
        Self.expectSameBothWays(bytes: bytes, chunkSize: 1000, whole, "chunk 1000")
        Self.expectSameBothWays(bytes: bytes, chunkSize: 65_537, whole, "chunk 65537")
    }

    /// The stream reader has no limit on a field's length or on the number of fields: the
    /// converter reports over-long cells itself, and memory stays bounded by the longest record.
    @Test func fieldsOfAnyLength() throws {
        let long = String(repeating: "长\r\n", count: 100_000)
        let reader = try CSVStreamReader(bytes: Array("x,\"\(long)\"\ny\n".utf8), delimiter: UInt8(ascii: ","), chunkSize: 4096)
        #expect(try reader.nextRecord())
        #expect(reader.fieldCount == 2 && reader.field(1) == long && reader.fieldLine(1) == 1)
        #expect(try reader.nextRecord())
        #expect(reader.line == 100_002 && reader.fields == ["y"])
        #expect(try !reader.nextRecord())
    }

    @Test func unterminatedQuoteAtTheEnd() {
        let bytes = Array("a,b\n1,\"open\n2,3\n".utf8)
        let whole = Self.parsed(bytes: bytes)
        #expect(throws: CSVReadError.unterminatedQuote(path: "<memory>", line: 2)) { try whole.get() }
        for chunk in [1, 2, 5] {
            Self.expectSameBothWays(bytes: bytes, chunkSize: chunk, whole, "chunk \(chunk)")
        }
    }

    @Test func explicitDelimiter() {
        let bytes = Array("a;b,c\n1;2,3\n".utf8)
        for delimiter in [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")] {
            Self.expectSame(Self.streamed(bytes: bytes, delimiter: delimiter, chunkSize: 3),
                            Self.parsed(bytes: bytes, delimiter: delimiter), "delimiter \(delimiter)")
        }
    }

    /// The delimiter is sniffed from the first records, as `CSVReader` does, even when they
    /// span many chunks.
    @Test func sniffsAcrossChunks() throws {
        let bytes = Array("名称;数量;备注\n甲;1;\"x;y\"\n乙;2;z\n".utf8)
        let reader = try CSVStreamReader(bytes: bytes, chunkSize: 2)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.encoding == .utf8)
        #expect(try reader.nextRecord())
        #expect(reader.fields == ["名称", "数量", "备注"])
        #expect(reader.line == 1)
    }

    /// Field bytes, field lines and counters for a caller that makes no `String`s.
    @Test func fieldBytesAndLines() throws {
        let reader = try CSVStreamReader(bytes: Array("a,\"b\nc\",\"d\"\"e\"\n,x\n".utf8), chunkSize: 4)
        #expect(try reader.nextRecord())
        #expect(reader.fieldCount == 3)
        #expect(reader.withFieldBytes(1) { Array($0) } == Array("b\nc".utf8))
        #expect(reader.withFieldBytes(2) { Array($0) } == Array("d\"e".utf8))
        #expect(reader.fieldLine(0) == 1)
        #expect(reader.fieldLine(2) == 2)
        #expect(reader.record.fieldLines == [1, 1, 2])
        #expect(try reader.nextRecord())
        #expect(reader.line == 3)
        #expect(reader.withFieldBytes(0) { $0.count } == 0)
        #expect(reader.recordCount == 2)
        #expect(try !reader.nextRecord())
        #expect(reader.fieldCount == 0)
        #expect(try !reader.nextRecord())
    }
}
