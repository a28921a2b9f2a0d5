import Foundation
import Testing
import XlsxReading

/// Hand-made packages for the parts of the format our writer and the reference files do
/// not show. Sheet XML is `Package.zip`'s minimal workbook with one sheet, Sheet1.
@Suite struct PackageFeatureTests {
    @Test func cellTypes() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c>\
            <c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1" t="n"><v>1E-3</v></c>\
            <c r="E1"><v>-0.5</v></c><c r="F1" t="d"><v>2024-01-31T00:00:00</v></c>\
            <c r="G1" t="inlineStr"><is><t>行内</t></is></c><c r="H1" t="s"><v>0</v></c></row>
            """, sharedStrings: ["<si><t>共享</t></si>"])
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .boolean, text: "TRUE"))
        #expect(sheet.value(row: 0, column: 1) == XlsxCellValue(kind: .error, text: "#DIV/0!"))
        #expect(sheet.value(row: 0, column: 2) == XlsxCellValue(kind: .text, text: "ab", formula: #""a"&"b""#))
        #expect(sheet.value(row: 0, column: 3) == XlsxCellValue(kind: .number, text: "1E-3"))
        #expect(sheet.value(row: 0, column: 4) == XlsxCellValue(kind: .number, text: "-0.5"))
        #expect(sheet.value(row: 0, column: 5) == XlsxCellValue(kind: .text, text: "2024-01-31T00:00:00"))
        #expect(sheet.value(row: 0, column: 6) == XlsxCellValue(kind: .text, text: "行内"))
        #expect(sheet.value(row: 0, column: 7) == XlsxCellValue(kind: .text, text: "共享"))
    }

    @Test func formulaErrorAndBooleanResults() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="b"><f>1&lt;2</f><v>1</v></c>\
            <c r="C1"><f>NOW()</f></c></row>
            """)
        #expect(sheet.value(row: 0, column: 0) == XlsxCellValue(kind: .error, text: "#DIV/0!", formula: "1/0"))
        #expect(sheet.value(row: 0, column: 1) == XlsxCellValue(kind: .boolean, text: "TRUE", formula: "1<2"))
        // No cached value: empty text, formula kept.
        #expect(sheet.value(row: 0, column: 2) == XlsxCellValue(kind: .text, text: "", formula: "NOW()"))
    }

    @Test func sharedFormulaFollowersHaveAnEmptyFormula() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row>\
            <row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>
            """)
        #expect(sheet.value(row: 0, column: 0)?.formula == "B1*2")
        #expect(sheet.value(row: 1, column: 0) == XlsxCellValue(kind: .number, text: "4", formula: ""))
    }

    @Test func styledCellsWithoutValuesAreAbsent() throws {
        let sheet = try Package.readSheet(sheetData: #"<row r="3"><c r="A3" s="1"/><c r="B3" s="2"><v></v></c></row>"#)
        #expect(sheet.cells.isEmpty)
        #expect(sheet.rowCount == 0)
    }

    @Test func cellsWithoutReferencesFollowThePreviousOne() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>\
            <row><c><v>7</v></c></row>
            """)
        #expect(sheet.value(row: 1, column: 0)?.text == "1")
        #expect(sheet.value(row: 1, column: 1)?.text == "2")
        #expect(sheet.value(row: 1, column: 4)?.text == "5")
        #expect(sheet.value(row: 1, column: 5)?.text == "6")
        #expect(sheet.value(row: 2, column: 0)?.text == "7")
        #expect(sheet.rowCount == 3)
    }

    @Test func richTextRunsWithoutPhoneticGuides() throws {
        let sheet = try Package.readSheet(sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v> 1 </v></c></row>"#,
                                          sharedStrings: [
                                              #"<si><r><rPr><b/></rPr><t>海淀</t></r><r><t xml:space="preserve"> 街道 </t></r></si>"#,
                                              #"<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>"#,
                                          ])
        #expect(sheet.value(row: 0, column: 0)?.text == "海淀 街道 ")
        #expect(sheet.value(row: 0, column: 1)?.text == "東京")
    }

    @Test func underscoreEscapesDecodeAsExcelDoes() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>_xD840__xDC00_</t></is></c><c r="D1" t="inlineStr"><is><t>_x004G_ _x41_</t></is></c>\
            <c r="E1" t="inlineStr"><is><t>_xD840_</t></is></c><c r="F1" t="str"><f>A1</f><v>_x000D_</v></c></row>
            """, sharedStrings: ["<si><t>a_x000A_b_x005f_</t></si>"])
        #expect(sheet.value(row: 0, column: 0)?.text == "a\nb_")
        #expect(sheet.value(row: 0, column: 1)?.text == "_x0041_")
        #expect(sheet.value(row: 0, column: 2)?.text == "𠀀")  // a surrogate pair
        #expect(sheet.value(row: 0, column: 3)?.text == "_x004G_ _x41_")  // not escapes
        #expect(sheet.value(row: 0, column: 4)?.text == "\u{FFFD}")  // a lone surrogate
        #expect(sheet.value(row: 0, column: 5)?.text == "\r")
    }

    @Test func entitiesAndCharacterReferences() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&amp;&gt;&quot;&apos;&#x20000;&#20013;</t></is></c>\
            <c r="B1" t="inlineStr"><is><t><![CDATA[<原样>]]></t></is></c></row>
            """)
        #expect(sheet.value(row: 0, column: 0)?.text == "<&>\"'𠀀中")
        #expect(sheet.value(row: 0, column: 1)?.text == "<原样>")
    }

    @Test func whitespaceInTextIsKept() throws {
        let sheet = try Package.readSheet(sheetData: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>  两端  </t></is></c>\
            <c r="B1" t="inlineStr"><is><t xml:space="preserve">\r\n行</t></is></c></row>
            """)
        #expect(sheet.value(row: 0, column: 0)?.text == "  两端  ")
        #expect(sheet.value(row: 0, column: 1)?.text == "\n行")  // XML turns CR LF into LF
    }

    @Test func absoluteRelationshipTargets() throws {
        let sheet = try Package.readSheet(sheetData: #"<row r="1"><c r="A1"><v>9</v></c></row>"#,
                                          sheetTarget: "/xl/worksheets/sheet1.xml")
        #expect(sheet.value(row: 0, column: 0)?.text == "9")
    }

    @Test func relativeTargetsWithDotSegmentsAndPercentEscapes() throws {
        let sheet = try Package.readSheet(sheetData: "", sheetTarget: "./sub/../worksheets/%E6%98%8E%E7%BB%86.xml") { zip in
            zip.add("xl/worksheets/明细.xml",
                    #"<worksheet xmlns="\#(Package.mainNS)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#)
        }
        #expect(sheet.value(row: 0, column: 0)?.text == "1")
    }

    @Test func workbookFoundThroughPackageRelationships() throws {
        var zip = Package.zip(sheetData: #"<row r="1"><c r="A1"><v>2</v></c></row>"#)
        for index in zip.members.indices {
            zip.members[index].name = zip.members[index].name
                .replacingOccurrences(of: "xl/workbook.xml", with: "book/main.xml")
                .replacingOccurrences(of: "xl/_rels/workbook.xml.rels", with: "book/_rels/main.xml.rels")
                .replacingOccurrences(of: "xl/worksheets/", with: "book/worksheets/")
        }
        zip.replace("_rels/.rels", with: #"<Relationships xmlns="\#(Package.pkgNS)"><Relationship Id="r" Type="\#(Package.relNS)/officeDocument" Target="/book/main.xml"/></Relationships>"#)
        let reader = try XlsxWorkbookReader(path: try writeFile(zip.build()))
        #expect(try reader.sheet(named: "Sheet1").value(row: 0, column: 0)?.text == "2")
    }

    @Test func prefixedNamespacesAndUnusualRelationshipPrefix() throws {
        var zip = Package.zip(sheetData: "")
        zip.replace("xl/workbook.xml", with: #"<x:workbook xmlns:x="\#(Package.mainNS)" xmlns:rel="\#(Package.relNS)"><x:sheets><x:sheet name="甲" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>"#)
        zip.replace("xl/worksheets/sheet1.xml", with: #"<x:worksheet xmlns:x="\#(Package.mainNS)"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#)
        let reader = try XlsxWorkbookReader(path: try writeFile(zip.build()))
        #expect(reader.sheetNames == ["甲"])
        #expect(try reader.sheet(named: "甲").value(row: 0, column: 1)?.text == "乙")
    }

    @Test func memberNamesMatchIgnoringCase() throws {
        let sheet = try Package.readSheet(sheetData: #"<row r="1"><c r="A1"><v>3</v></c></row>"#,
                                          sheetTarget: "Worksheets/Sheet1.XML")
        #expect(sheet.value(row: 0, column: 0)?.text == "3")
    }

    @Test func deflatedMembers() throws {
        var zip = Package.zip(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>压缩</t></is></c></row>"#)
        for index in zip.members.indices { zip.members[index].method = 8 }
        let reader = try XlsxWorkbookReader(path: try writeFile(zip.build()))
        #expect(try reader.sheet(named: "Sheet1").value(row: 0, column: 0)?.text == "压缩")
    }

    @Test func sharedStringsFoundWithoutARelationship() throws {
        var zip = Package.zip(sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)
        zip.add("xl/sharedStrings.xml", #"<sst xmlns="\#(Package.mainNS)"><si><t>无关系</t></si></sst>"#)
        let reader = try XlsxWorkbookReader(path: try writeFile(zip.build()))
        #expect(try reader.sheet(named: "Sheet1").value(row: 0, column: 0)?.text == "无关系")
    }
}
