import Foundation
import ZIPFoundation

/// Why reading one part failed; `XlsxWorkbookReader` adds the path and part name.
enum PartFailure: Error, Equatable {
    case damaged(String)
    /// Over a limit (bytes for a part, cells for a sheet).
    case tooLarge(limit: Int)
}

/// One member of the ZIP central directory.
struct ZipMember: Sendable {
    let name: String
    let flags: UInt16
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int
}

/// A ZIP file held in memory: a hardened central-directory
/// reader, with ZIPFoundation inflating the members.
///
/// Why not `Archive.extract`: on Linux, ZIPFoundation 0.9.20's `Data.decode` gives zlib
/// `avail_in = bufferSize` even for a short last chunk, and loops forever once the file
/// ends before the deflate stream does (each read returns empty data and nothing calls the
/// consumer). A corrupt or crafted member would hang the program. Here every member is
/// bounds-checked against the file first, and `Data.decompress` gets a provider that hands
/// out exactly that member's bytes, padded to full chunks, and throws when they run out.
struct ZipPackage: Sendable {
    enum OpenFailure: Error, Equatable {
        case notZip
        case damaged(String)
    }

    private let bytes: Data
    private let members: [String: ZipMember]
    private let membersIgnoringCase: [String: ZipMember]

    init(bytes raw: Data) throws(OpenFailure) {
        let bytes = raw.startIndex == 0 ? raw : Data(raw)
        self.bytes = bytes
        let reader = ByteReader(bytes: bytes)
        let looksLikeZip = reader.u32(0) == 0x0403_4B50
        guard let directory = Self.findDirectory(reader) else {
            throw looksLikeZip ? .damaged(Reason.zipTruncated) : .notZip
        }
        var members: [String: ZipMember] = [:]
        var offset = directory.offset
        var count = 0
        while count < directory.count {
            guard offset <= directory.end - 46, reader.u32(offset) == 0x0201_4B50,
                  let flags = reader.u16(offset + 8), let method = reader.u16(offset + 10),
                  let crc = reader.u32(offset + 16),
                  let compressed32 = reader.u32(offset + 20), let uncompressed32 = reader.u32(offset + 24),
                  let nameLength = reader.u16(offset + 28), let extraLength = reader.u16(offset + 30),
                  let commentLength = reader.u16(offset + 32), let local32 = reader.u32(offset + 42)
            else { throw .damaged(Reason.zipDirectoryBroken) }
            let nameStart = offset + 46
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= directory.end, let nameBytes = reader.slice(nameStart, Int(nameLength)) else {
                throw .damaged(Reason.zipDirectoryBroken)
            }
            // ZIP64: 0xFFFFFFFF fields move to the extra field (id 1), in this order.
            var uncompressed = UInt64(uncompressed32)
            var compressed = UInt64(compressed32)
            var local = UInt64(local32)
            if uncompressed32 == .max || compressed32 == .max || local32 == .max {
                guard var field = Self.zip64Field(reader, start: extraStart, length: Int(extraLength)) else {
                    throw .damaged(Reason.zipDirectoryBroken)
                }
                func take() -> UInt64? {
                    guard let value = reader.u64(field.start), field.start + 8 <= field.end else { return nil }
                    field.start += 8
                    return value
                }
                if uncompressed32 == .max { guard let v = take() else { throw .damaged(Reason.zipDirectoryBroken) }; uncompressed = v }
                if compressed32 == .max { guard let v = take() else { throw .damaged(Reason.zipDirectoryBroken) }; compressed = v }
                if local32 == .max { guard let v = take() else { throw .damaged(Reason.zipDirectoryBroken) }; local = v }
            }
            guard let uncompressedSize = Int(exactly: uncompressed), let compressedSize = Int(exactly: compressed),
                  let localOffset = Int(exactly: local) else { throw .damaged(Reason.zipDirectoryBroken) }
            var name = String(decoding: nameBytes, as: UTF8.self).replacingOccurrences(of: "\\", with: "/")
            while name.hasPrefix("/") { name.removeFirst() }
            let member = ZipMember(name: name, flags: flags, method: method, crc32: crc,
                                   compressedSize: compressedSize, uncompressedSize: uncompressedSize,
                                   localHeaderOffset: localOffset)
            if members[name] == nil { members[name] = member }  // the first of duplicates wins
            offset = next
            count += 1
        }
        self.members = members
        var ignoringCase: [String: ZipMember] = [:]
        for (name, member) in members where ignoringCase[name.lowercased()] == nil {
            ignoringCase[name.lowercased()] = member
        }
        self.membersIgnoringCase = ignoringCase
    }

    /// The member with this name; OPC part names ignore case, so a case-insensitive match
    /// is the fallback.
    func member(_ name: String) -> ZipMember? {
        members[name] ?? membersIgnoringCase[name.lowercased()]
    }

    /// The member's bytes, inflated and checked (size, CRC-32); nil when there is no such member.
    func read(_ name: String, limit: Int) throws(PartFailure) -> Data? {
        guard let member = member(name) else { return nil }
        if member.flags & 1 != 0 { throw .damaged(Reason.encrypted) }
        if member.uncompressedSize > limit { throw .tooLarge(limit: limit) }
        let reader = ByteReader(bytes: bytes)
        let header = member.localHeaderOffset
        guard reader.u32(header) == 0x0403_4B50, let nameLength = reader.u16(header + 26),
              let extraLength = reader.u16(header + 28) else { throw .damaged(Reason.localHeaderBroken) }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard let compressed = reader.slice(start, member.compressedSize) else {
            throw .damaged(Reason.dataOutOfFile)
        }
        let data: Data
        let checksum: CRC32
        switch member.method {
        case 0:
            guard member.compressedSize == member.uncompressedSize else { throw .damaged(Reason.sizeMismatch) }
            data = compressed
            checksum = data.crc32(checksum: 0)
        case 8:
            (data, checksum) = try Self.inflate(compressed, expectedSize: member.uncompressedSize)
        default:
            throw .damaged(Reason.unsupportedMethod(member.method))
        }
        guard data.count == member.uncompressedSize else { throw .damaged(Reason.sizeMismatch) }
        guard checksum == member.crc32 else { throw .damaged(Reason.checksumMismatch) }
        return data
    }

    // MARK: - Inflating

    private enum InflateStop: Error { case inputExhausted, outputTooLong }

    private static func inflate(_ compressed: Data, expectedSize: Int) throws(PartFailure) -> (Data, CRC32) {
        let chunkSize = 64 * 1024
        var output = Data()
        var offset = 0
        var exhausted = false
        do {
            let checksum = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: false,
                provider: { _, size in
                    // Always exactly `size` bytes: zlib is told `size` bytes are available.
                    guard size > 0 else { return Data() }
                    if exhausted { throw InflateStop.inputExhausted }
                    let take = min(size, compressed.count - offset)
                    var chunk = compressed.subdata(in: offset..<(offset + take))
                    offset += take
                    if take < size {
                        chunk.append(Data(count: size - take))
                        exhausted = true
                    }
                    return chunk
                },
                consumer: { chunk in
                    guard chunk.count <= expectedSize - output.count else { throw InflateStop.outputTooLong }
                    output.append(chunk)
                })
            return (output, checksum)
        } catch InflateStop.inputExhausted {
            throw .damaged(Reason.compressedDataIncomplete)
        } catch InflateStop.outputTooLong {
            throw .damaged(Reason.sizeMismatch)
        } catch {
            throw .damaged(Reason.compressedDataBroken)
        }
    }

    // MARK: - Central directory

    private struct Directory { let offset: Int; let end: Int; let count: Int }

    /// Finds the end-of-central-directory record (searching back over a comment of up to
    /// 65,535 bytes), following the ZIP64 locator when the classic fields are saturated.
    private static func findDirectory(_ reader: ByteReader) -> Directory? {
        let size = reader.count
        guard size >= 22 else { return nil }
        let lowest = max(0, size - 22 - 0xFFFF)
        let candidates: [Int] = reader.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var found: [Int] = []
            var position = size - 22
            while position >= lowest {
                if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05,
                   bytes[position + 3] == 0x06 {
                    found.append(position)
                }
                position -= 1
            }
            return found
        }
        for position in candidates {
            if let directory = directory(at: position, reader) { return directory }
        }
        return nil
    }

    private static func directory(at eocd: Int, _ reader: ByteReader) -> Directory? {
        guard let count16 = reader.u16(eocd + 10), let size32 = reader.u32(eocd + 12),
              let offset32 = reader.u32(eocd + 16), let commentLength = reader.u16(eocd + 20),
              eocd + 22 + Int(commentLength) <= reader.count else { return nil }
        var count = UInt64(count16)
        var directorySize = UInt64(size32)
        var directoryOffset = UInt64(offset32)
        var limit = eocd
        if count16 == .max || size32 == .max || offset32 == .max {
            let locator = eocd - 20
            guard locator >= 0, reader.u32(locator) == 0x0706_4B50, let recordOffset64 = reader.u64(locator + 8),
                  let record = Int(exactly: recordOffset64), record <= locator - 56,
                  reader.u32(record) == 0x0606_4B50,
                  let count64 = reader.u64(record + 32), let size64 = reader.u64(record + 40),
                  let offset64 = reader.u64(record + 48) else { return nil }
            count = count64
            directorySize = size64
            directoryOffset = offset64
            limit = record
        }
        guard let offset = Int(exactly: directoryOffset), let length = Int(exactly: directorySize),
              offset <= limit, length <= limit - offset else { return nil }
        // Each entry takes at least 46 bytes, so a huge count cannot make a long loop.
        let entries = Int(min(count, UInt64(length / 46)))
        guard UInt64(entries) == count else { return nil }
        return Directory(offset: offset, end: offset + length, count: entries)
    }

    private static func zip64Field(_ reader: ByteReader, start: Int, length: Int) -> (start: Int, end: Int)? {
        var position = start
        let end = start + length
        while position <= end - 4 {
            guard let id = reader.u16(position), let size = reader.u16(position + 2) else { return nil }
            let dataStart = position + 4
            guard dataStart + Int(size) <= end else { return nil }
            if id == 1 { return (dataStart, dataStart + Int(size)) }
            position = dataStart + Int(size)
        }
        return nil
    }
}

/// Little-endian reads that return nil instead of trapping outside the data.
private struct ByteReader {
    let bytes: Data  // startIndex 0
    var count: Int { bytes.count }

    func value(_ offset: Int, _ size: Int) -> UInt64? {
        guard offset >= 0, size <= bytes.count, offset <= bytes.count - size else { return nil }
        var result: UInt64 = 0
        for k in stride(from: size - 1, through: 0, by: -1) {
            result = result << 8 | UInt64(bytes[offset + k])
        }
        return result
    }

    func u16(_ offset: Int) -> UInt16? { value(offset, 2).map { UInt16(truncatingIfNeeded: $0) } }
    func u32(_ offset: Int) -> UInt32? { value(offset, 4).map { UInt32(truncatingIfNeeded: $0) } }
    func u64(_ offset: Int) -> UInt64? { value(offset, 8) }

    func slice(_ offset: Int, _ length: Int) -> Data? {
        guard offset >= 0, length >= 0, length <= bytes.count, offset <= bytes.count - length else { return nil }
        return bytes.subdata(in: offset..<(offset + length))
    }
}
