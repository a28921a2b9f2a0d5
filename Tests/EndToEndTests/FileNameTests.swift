import Foundation
import Testing
import TestSupport

/// File names are bytes: two names that differ only in Unicode normalisation (é as one
/// scalar, or e and a combining accent — what a Mac writes) are two files, though equal
/// as Swift `String`s.
@Suite struct FileNameTests {
    @Test func namesThatDifferOnlyInNormalisationAreTwoFiles() throws {
        let folder = Paths.uniqueTemporaryFile("名称")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let composed = "报表\u{E9}.csv", decomposed = "报表e\u{301}.csv"
        try FileManager.default.copyItem(atPath: "\(Nianbao.example)/鲤城区发改局.csv",
                                         toPath: folder.appendingPathComponent(composed).path)
        try FileManager.default.copyItem(atPath: "\(Nianbao.example)/鲤城区人社局.csv",
                                         toPath: folder.appendingPathComponent(decomposed).path)
        let output = Paths.uniqueTemporaryFile("names.xlsx")
        let run = try Nianbao.run(["merge", folder.path, "--year", "2020", "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")

        // 说明 lists each file once, in byte order (e + U+0301 before U+00E9), with its own unit.
        let about = try #require(try readBack(output)["说明"])
        let rows = about.cells.keys.filter { $0.hasPrefix("A") }.compactMap { a1 -> (row: Int, name: String)? in
            let text = about.text(a1)
            guard text.hasSuffix(".csv"), let row = Int(a1.dropFirst()) else { return nil }
            return (row, text)
        }.sorted { $0.row < $1.row }
        #expect(rows.count == 2)
        let names = rows.map { Array(($0.name as NSString).lastPathComponent.unicodeScalars) }
        #expect(names == [Array(decomposed.unicodeScalars), Array(composed.unicodeScalars)])
        #expect(rows.map { about.text("C\($0.row)") } == ["鲤城区人社局", "鲤城区发改局"])
    }
}
