import Foundation
import Testing
import XlsxReading

/// Broken packages: each fails with `.damaged` naming the part and the reason, quickly,
/// and never traps.
@Suite struct DamagedPackageTests {
    private let sheetPart = "xl/worksheets/sheet1.xml"

    private func error(sheetData: String, sharedStrings: [String]? = nil,
                       tweak: (inout TestZip) -> Void = { _ in }) throws -> (XlsxReadError?, String) {
        let path = try writeFile(Package.zip(sheetData: sheetData, sharedStrings: sharedStrings, tweak: tweak).build())
        return (readError(path), path)
    }

    @Test func garbageXML() throws {
        let (error, path) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: "<worksheet><<<") }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "XML 格式错误（第 1 行第 13 列）"))
        #expect(error?.description
            == "\(path): 文件已损坏，无法读取（xl/worksheets/sheet1.xml：XML 格式错误（第 1 行第 13 列））。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。")
    }

    @Test func truncatedXML() throws {
        // libxml2 reports some truncations itself (a syntax error), silently accepts others
        // (then the root element was never closed), and in recovery mode even passes on a
        // cut attribute (`r="A`): damaged either way.
        let full = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        for length in 1..<full.count {
            let (error, _) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: String(full.prefix(length))) }
            guard case let .damaged(_, part, reason) = error else { Issue.record("\(length): \(String(describing: error))"); continue }
            #expect(part == sheetPart, "\(length): \(reason)")
        }
    }

    @Test func emptyAndMismatchedXML() throws {
        let (empty, path) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: "") }
        #expect(empty == .damaged(path: path, part: sheetPart, reason: "XML 不完整（缺少结束标记）"))
        let (mismatched, path2) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: "<a><b></a>") }
        guard case let .damaged(errorPath, part, reason) = mismatched else { Issue.record("\(String(describing: mismatched))"); return }
        #expect(errorPath == path2 && part == sheetPart && reason.hasPrefix("XML 格式错误"))
    }

    @Test func invalidUTF8AndUTF16() throws {
        // Invalid bytes in an element name made Foundation's XMLParser trap on Linux.
        for bad: [UInt8] in [[0xE9], [0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]] {
            let (error, path) = try error(sheetData: "") {
                $0.members[4].data = Data("<worksheet><c".utf8) + Data(bad) + Data(#"r="A1"/></worksheet>"#.utf8)
            }
            #expect(error == .damaged(path: path, part: sheetPart, reason: "XML 含有无效的 UTF-8 字节"))
        }
        let (utf16, path) = try error(sheetData: "") {
            $0.members[4].data = Data([0xFF, 0xFE]) + "<worksheet/>".data(using: .utf16LittleEndian)!
        }
        #expect(utf16 == .damaged(path: path, part: sheetPart, reason: "XML 不是 UTF-8 编码"))
    }

    @Test func processingInstructionsAreRefused() throws {
        // A processing instruction without data made Foundation's XMLParser call strlen(NULL).
        for xml in ["<?xml?><worksheet/>", "<worksheet><?pi?></worksheet>", "<worksheet/><?pi?>",
                    #"<worksheet><?mso-application progid="Excel.Sheet"?></worksheet>"#,
                    #" <?xml version="1.0"?><worksheet/>"#] {
            let (error, path) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: xml) }
            #expect(error == .damaged(path: path, part: sheetPart, reason: "XML 含有处理指令（<?…?>），为安全起见拒绝读取"), "\(xml)")
        }
        // The XML declaration itself is fine, with or without a byte-order mark.
        for prefix in ["", "\u{FEFF}"] {
            let (error, _) = try error(sheetData: "") {
                $0.replace("xl/worksheets/sheet1.xml", with: prefix + #"<?xml version="1.0" encoding="UTF-8"?>\#r\#n<worksheet/>"#)
            }
            #expect(error == nil)
        }
    }

    @Test func entityExpansionIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!-- x --><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let (error, path) = try error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: laughs) }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "XML 含有 DTD 声明，为安全起见拒绝读取"))
        // Wherever it hides: after a declaration with "?>" in a quoted value, in lower case,
        // after the root element.
        for xml in [#"<?xml version="1.0?>" ?><!DOCTYPE a [<!ENTITY e "x">]><worksheet>&e;</worksheet>"#,
                    "<!doctype worksheet><worksheet/>", "<worksheet/><!DOCTYPE x>", "<worksheet><!ENTITY e 'x'></worksheet>"] {
            let (error, path) = try self.error(sheetData: "") { $0.replace("xl/worksheets/sheet1.xml", with: xml) }
            #expect(error == .damaged(path: path, part: sheetPart, reason: "XML 含有 DTD 声明，为安全起见拒绝读取"), "\(xml)")
        }
    }

    @Test func externalEntitiesAreRefused() throws {
        let secret = try writeFile(Data("机密".utf8), named: "secret.txt")
        let xml = """
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://\(secret)">]><sst xmlns="\(Package.mainNS)"><si><t>&x;</t></si></sst>
            """
        let (error, path) = try error(sheetData: "", sharedStrings: []) { $0.replace("xl/sharedStrings.xml", with: xml) }
        #expect(error == .damaged(path: path, part: "xl/sharedStrings.xml", reason: "XML 含有 DTD 声明，为安全起见拒绝读取"))
    }

    @Test func undefinedEntity() throws {
        let (error, _) = try error(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>"#)
        guard case let .damaged(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(part == sheetPart && reason.hasPrefix("XML 格式错误"))
    }

    @Test func hugeSharedStringIndex() throws {
        let (error, path) = try error(sheetData: #"<row r="1"><c r="B1" t="s"><v>99999999999999999999999</v></c></row>"#,
                                      sharedStrings: ["<si><t>a</t></si>"])
        #expect(error == .damaged(path: path, part: sheetPart,
                                  reason: "单元格 B1 的共享字符串编号“99999999999999999999999”超出范围（共 1 个）"))
        let (negative, _) = try self.error(sheetData: #"<row r="1"><c r="A1" t="s"><v>-1</v></c></row>"#, sharedStrings: [])
        #expect(negative.map { error in
            guard case let .damaged(_, part, reason) = error else { return false }
            return part == sheetPart && reason == "单元格 A1 的共享字符串编号“-1”超出范围（共 0 个）"
        } == true)
    }

    @Test func badCellReferencesAndRowNumbers() throws {
        for reference in ["A0", "XFE1", "A1048577", "1A", "AAAA1", "A-1", "", "A 1"] {
            let (error, path) = try error(sheetData: #"<row r="1"><c r="\#(reference)"><v>1</v></c></row>"#)
            #expect(error == .damaged(path: path, part: sheetPart, reason: "单元格位置“\(reference)”无效"))
        }
        for row in ["0", "1048577", "x", "-3", "99999999999999999999"] {
            let (error, path) = try error(sheetData: #"<row r="\#(row)"><c><v>1</v></c></row>"#)
            #expect(error == .damaged(path: path, part: sheetPart, reason: "行号“\(row)”无效"))
        }
    }

    @Test func cellsWithoutReferencesRunningOffTheSheet() throws {
        let (error, path) = try error(sheetData: #"<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>"#)
        #expect(error == .damaged(path: path, part: sheetPart, reason: "单元格（第 1 行第 16385 列）超出工作表范围"))
    }

    @Test func badBoolean() throws {
        let (error, path) = try error(sheetData: #"<row r="1"><c r="C2" t="b"><v>2</v></c></row>"#)
        #expect(error == .damaged(path: path, part: sheetPart, reason: "单元格 C2 的逻辑值“2”无效"))
    }

    @Test func sheetMissingAttributes() throws {
        let (error, path) = try error(sheetData: "") {
            $0.replace("xl/workbook.xml", with: #"<workbook xmlns="\#(Package.mainNS)"><sheets><sheet sheetId="1"/></sheets></workbook>"#)
        }
        #expect(error == .damaged(path: path, part: "xl/workbook.xml", reason: "元素 <sheet> 缺少属性 name"))
        let (noID, path2) = try self.error(sheetData: "") {
            $0.replace("xl/workbook.xml", with: #"<workbook xmlns="\#(Package.mainNS)"><sheets><sheet name="A"/></sheets></workbook>"#)
        }
        #expect(noID == .damaged(path: path2, part: "xl/workbook.xml", reason: "元素 <sheet> 缺少属性 r:id"))
    }

    @Test func relationshipProblems() throws {
        let rels = "xl/_rels/workbook.xml.rels"
        let (missingRels, path1) = try error(sheetData: "") { $0.remove(rels) }
        #expect(missingRels == .damaged(path: path1, part: rels, reason: "缺少此部件"))

        let (missingID, path2) = try error(sheetData: "") {
            $0.replace(rels, with: #"<Relationships xmlns="\#(Package.pkgNS)"/>"#)
        }
        #expect(missingID == .damaged(path: path2, part: rels, reason: "工作表“Sheet1”指向的关系 rId1 不存在"))

        let (external, path3) = try error(sheetData: "") {
            $0.replace(rels, with: #"<Relationships xmlns="\#(Package.pkgNS)"><Relationship Id="rId1" Type="t/worksheet" Target="http://example.com/a.xml" TargetMode="External"/></Relationships>"#)
        }
        #expect(external == .damaged(path: path3, part: rels, reason: "工作表“Sheet1”指向外部文件"))

        let (noTarget, path4) = try error(sheetData: "") {
            $0.replace(rels, with: #"<Relationships xmlns="\#(Package.pkgNS)"><Relationship Id="rId1" Type="t"/></Relationships>"#)
        }
        #expect(noTarget == .damaged(path: path4, part: rels, reason: "元素 <Relationship> 缺少属性 Target"))

        let (badTarget, path5) = try error(sheetData: "") {
            $0.replace(rels, with: #"<Relationships xmlns="\#(Package.pkgNS)"><Relationship Id="rId1" Type="t" Target="/"/></Relationships>"#)
        }
        #expect(badTarget == .damaged(path: path5, part: rels, reason: "关系目标“/”无效"))

        let (missingSheet, path6) = try error(sheetData: "") { $0.remove("xl/worksheets/sheet1.xml") }
        #expect(missingSheet == .damaged(path: path6, part: "xl/worksheets/sheet1.xml", reason: "缺少此部件"))
    }

    @Test func aBrokenSheetDoesNotHideTheOthers() throws {
        var zip = Package.zip(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        zip.replace("xl/workbook.xml", with: #"<workbook xmlns="\#(Package.mainNS)" xmlns:r="\#(Package.relNS)"><sheets><sheet name="好" sheetId="1" r:id="rId1"/><sheet name="坏" sheetId="2" r:id="rId9"/></sheets></workbook>"#)
        let path = try writeFile(zip.build())
        let reader = try XlsxWorkbookReader(path: path)
        #expect(reader.sheetNames == ["好", "坏"])
        #expect(try reader.sheet(named: "好").value(row: 0, column: 0)?.text == "1")
        #expect(throws: XlsxReadError.damaged(path: path, part: "xl/_rels/workbook.xml.rels",
                                              reason: "工作表“坏”指向的关系 rId9 不存在")) {
            try reader.sheet(named: "坏")
        }
    }

    // MARK: - The ZIP container

    @Test func checksumMismatch() throws {
        let (error, path) = try error(sheetData: "") { $0.members[4].crc = 0x1234_5678 }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "校验和不符"))
    }

    @Test func storedSizeMismatch() throws {
        let (error, path) = try error(sheetData: "") { $0.members[4].declaredSize = 5 }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "解压后的大小与 ZIP 目录记录不符"))
    }

    @Test func deflateStreamRunningPastTheEndOfTheFile() async throws {
        // A stored deflate block claiming 65,535 bytes with 3 present: ZIPFoundation's own
        // `Archive.extract` loops forever on this on Linux.
        let bogus = Data([0x00, 0xFF, 0xFF, 0x00, 0x00]) + Data("abc".utf8)
        for declared: UInt32 in [65535, 3, 10_000_000] {
            let (error, path) = try error(sheetData: "") {
                $0.members[4].method = 8
                $0.members[4].compressed = bogus
                $0.members[4].declaredSize = declared
            }
            let expected = declared == 3 ? "解压后的大小与 ZIP 目录记录不符" : "压缩数据不完整"
            #expect(error == .damaged(path: path, part: sheetPart, reason: expected))
        }
    }

    @Test func deflateGarbage() throws {
        let (error, path) = try error(sheetData: "") {
            $0.members[4].method = 8
            $0.members[4].compressed = Data([0xFF, 0xFF, 0xFF, 0xFF, 0x12, 0x34])
        }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "压缩数据损坏"))
    }

    @Test func deflateOutputLongerThanDeclared() throws {
        // A small declared size must not let a bomb inflate past it.
        let big = Data(repeating: 0x20, count: 200_000)
        let (error, path) = try error(sheetData: "") {
            $0.members[4].method = 8
            $0.members[4].compressed = TestZip.deflateStored(big)
            $0.members[4].declaredSize = 1000
        }
        #expect(error == .damaged(path: path, part: sheetPart, reason: "解压后的大小与 ZIP 目录记录不符"))
    }

    @Test func declaredSizeOverTheLimit() throws {
        let (_, path) = try error(sheetData: "") { $0.members[4].declaredSize = 0xFFFF_FFF0 }
        #expect(readError(path) == .tooLarge(path: path, part: sheetPart, limit: 256 * 1024 * 1024))
    }

    @Test func encryptedAndUnsupportedMembers() throws {
        let (encrypted, path1) = try error(sheetData: "") { $0.members[4].flags |= 1 }
        #expect(encrypted == .damaged(path: path1, part: sheetPart, reason: "部件已加密"))
        let (bzip2, path2) = try error(sheetData: "") { $0.members[4].method = 12 }
        #expect(bzip2 == .damaged(path: path2, part: sheetPart, reason: "不支持的压缩方式 12"))
    }

    @Test func brokenDirectoryAndHeaders() throws {
        let good = Package.zip(sheetData: "").build()
        // The central directory starts right after the last member; break its first signature.
        let directoryOffset = Int(UInt32(good[good.count - 6]) | UInt32(good[good.count - 5]) << 8
            | UInt32(good[good.count - 4]) << 16 | UInt32(good[good.count - 3]) << 24)
        var brokenDirectory = good
        brokenDirectory[directoryOffset] = 0
        let path1 = try writeFile(brokenDirectory)
        #expect(readError(path1) == .damaged(path: path1, part: "", reason: "ZIP 目录损坏"))

        // Break the local header of the workbook relationships member.
        let relsHeader = try #require(good.firstRange(of: Data("xl/_rels/workbook.xml.rels".utf8))).lowerBound - 30
        var brokenHeader = good
        brokenHeader[relsHeader] = 0
        let path2 = try writeFile(brokenHeader)
        #expect(readError(path2) == .damaged(path: path2, part: "xl/_rels/workbook.xml.rels", reason: "ZIP 条目头损坏"))
    }
}
