import Foundation
import TestSupport
import XlsxReading
import XlsxWriter

/// Writes a workbook with our libxlsxwriter wrapper and returns its path.
func writeWorkbook(_ name: String = "book.xlsx", options: WorkbookOptions = .init(),
                   _ build: (Workbook) throws -> Void) throws -> String {
    let path = Paths.uniqueTemporaryFile(name).path
    let workbook = try Workbook(path: path, options: options)
    try build(workbook)
    try workbook.close()
    return path
}

/// Writes `data` to a fresh temporary file and returns its path.
func writeFile(_ data: Data, named name: String = "book.xlsx") throws -> String {
    let url = Paths.uniqueTemporaryFile(name)
    try data.write(to: url)
    return url.path
}

/// Reads `path` and returns the error it throws (nil when it reads cleanly), reading
/// every sheet so sheet-level damage shows too.
func readError(_ path: String, limits: XlsxReadLimits = .init()) -> XlsxReadError? {
    do {
        let reader = try XlsxWorkbookReader(path: path, limits: limits)
        for name in reader.sheetNames { _ = try reader.sheet(named: name) }
        return nil
    } catch {
        return error
    }
}

/// The Excel-saved reference workbooks (see their README).
enum Reference {
    static var directory: URL {
        Paths.shared.appendingPathComponent("testdata/xlsx-reference/excel-made")
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}

/// A ZIP writer for hand-made packages: stored members, or deflate members given as raw
/// deflate bytes, with every header field open to lies.
struct TestZip {
    struct Member {
        var name: String
        var data: Data
        /// 0 stored; 8 deflate. With 8 and no `compressed`, the data is wrapped in
        /// deflate stored blocks (a valid deflate stream).
        var method: UInt16 = 0
        var compressed: Data?
        var declaredSize: UInt32?
        var crc: UInt32?
        var flags: UInt16 = 0x0800
    }

    var members: [Member] = []

    mutating func add(_ name: String, _ text: String) {
        members.append(Member(name: name, data: Data(text.utf8)))
    }

    mutating func add(_ member: Member) { members.append(member) }

    func build() -> Data {
        var out = Data()
        var directory = Data()
        for member in members {
            let payload: Data
            if member.method == 8 {
                payload = member.compressed ?? Self.deflateStored(member.data)
            } else {
                payload = member.data
            }
            let name = Data(member.name.utf8)
            let crc = member.crc ?? crc32(member.data)
            let size = member.declaredSize ?? UInt32(member.data.count)
            let offset = UInt32(out.count)
            out.append(le32(0x0403_4B50)); out.append(le16(20)); out.append(le16(member.flags))
            out.append(le16(member.method)); out.append(le16(0)); out.append(le16(0x21))
            out.append(le32(crc)); out.append(le32(UInt32(payload.count))); out.append(le32(size))
            out.append(le16(UInt16(name.count))); out.append(le16(0))
            out.append(name); out.append(payload)
            directory.append(le32(0x0201_4B50)); directory.append(le16(20)); directory.append(le16(20))
            directory.append(le16(member.flags)); directory.append(le16(member.method))
            directory.append(le16(0)); directory.append(le16(0x21))
            directory.append(le32(crc)); directory.append(le32(UInt32(payload.count))); directory.append(le32(size))
            directory.append(le16(UInt16(name.count))); directory.append(le16(0)); directory.append(le16(0))
            directory.append(le16(0)); directory.append(le16(0)); directory.append(le32(0))
            directory.append(le32(offset)); directory.append(name)
        }
        let directoryOffset = UInt32(out.count)
        out.append(directory)
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(members.count))); out.append(le16(UInt16(members.count)))
        out.append(le32(UInt32(directory.count))); out.append(le32(directoryOffset)); out.append(le16(0))
        return out
    }

    /// A valid deflate stream made of stored blocks.
    static func deflateStored(_ data: Data) -> Data {
        var out = Data()
        var chunks = stride(from: 0, to: data.count, by: 65535).map { data[data.startIndex + $0..<data.startIndex + min($0 + 65535, data.count)] }
        if chunks.isEmpty { chunks = [Data()[...]] }
        for (index, chunk) in chunks.enumerated() {
            out.append(index == chunks.count - 1 ? 1 : 0)
            out.append(le16(UInt16(chunk.count))); out.append(le16(~UInt16(chunk.count)))
            out.append(contentsOf: chunk)
        }
        return out
    }
}

private func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
private func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }

func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// A minimal hand-made XLSX package: one sheet named Sheet1 with `sheetData`, optional
/// shared strings. `tweak` can change any member before the ZIP is built.
enum Package {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func zip(sheetData: String, sharedStrings: [String]? = nil, sheetTarget: String = "worksheets/sheet1.xml",
                    tweak: (inout TestZip) -> Void = { _ in }) -> TestZip {
        var zip = TestZip()
        zip.add("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        zip.add("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\#(pkgNS)"><Relationship Id="rId1" Type="\#(relNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        zip.add("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        var rels = #"<Relationship Id="rId1" Type="\#(relNS)/worksheet" Target="\#(sheetTarget)"/>"#
        if sharedStrings != nil {
            rels += #"<Relationship Id="rId2" Type="\#(relNS)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        zip.add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\#(pkgNS)">\#(rels)</Relationships>"#)
        zip.add("xl/worksheets/sheet1.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(mainNS)"><sheetData>\#(sheetData)</sheetData></worksheet>"#)
        if let sharedStrings {
            zip.add("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(mainNS)">\#(sharedStrings.joined())</sst>"#)
        }
        tweak(&zip)
        return zip
    }

    /// Writes the package and reads Sheet1.
    static func readSheet(sheetData: String, sharedStrings: [String]? = nil,
                          sheetTarget: String = "worksheets/sheet1.xml",
                          tweak: (inout TestZip) -> Void = { _ in }) throws -> XlsxSheet {
        let path = try writeFile(zip(sheetData: sheetData, sharedStrings: sharedStrings,
                                     sheetTarget: sheetTarget, tweak: tweak).build())
        return try XlsxWorkbookReader(path: path).sheet(named: "Sheet1")
    }
}

extension TestZip {
    /// Replaces the text of member `name`.
    mutating func replace(_ name: String, with text: String) {
        guard let index = members.firstIndex(where: { $0.name == name }) else { return }
        members[index].data = Data(text.utf8)
    }

    mutating func remove(_ name: String) {
        members.removeAll { $0.name == name }
    }
}
