import Foundation
import Submissions
import TestSupport
import Testing

/// Reading folders: which files are read, in which order, and what is said about the others.
struct FolderTests {
    /// A folder with submissions, a subfolder, hidden files, lock files, a workbook and the roster.
    static func makeFolder() throws -> URL {
        let folder = Paths.uniqueTemporaryFile("收件箱")
        let manager = FileManager.default
        for sub in ["", "街道", ".git"] {
            try manager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func long(_ unit: String, separator: String = ",") throws -> Data {
            let lines = try ["单位,年度,指标代码,数值"] + LongTableTests.rows(unit: unit)
            return Data((lines.joined(separator: "\n") + "\n").replacingOccurrences(of: ",", with: separator).utf8)
        }
        let files: [(String, Data)] = [
            ("乙局.csv", try long("乙局")),
            ("甲局.txt", try long("甲局")),
            ("街道/丙街道.tsv", try long("丙街道", separator: "\t")),
            (".隐藏.csv", try long("隐藏")),
            (".git/config.csv", try long("版本库")),
            ("~$乙局.csv", try long("锁文件")),
            ("~$填报表.xlsx", Data([0x50, 0x4B, 0x03, 0x04])),
            ("丁局.xlsx", Data([0x50, 0x4B, 0x03, 0x04])),
            ("说明.md", Data("不是报表".utf8)),
            ("units.csv", Data("单位,分组\n甲局,区直部门\n".utf8)),
        ]
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func readsCsvTxtTsvRecursivelyInSortedOrder() throws {
        let folder = try Self.makeFolder()
        var reader = SubmissionReader(template: try Fixture.template())
        reader.excludedPaths = [folder.appendingPathComponent("units.csv").path]
        let result = reader.read(inputs: [folder.path])
        let input = folder.path + "/"
        #expect(result.files.map { $0.displayName.replacingOccurrences(of: input, with: "") } == ["乙局.csv", "甲局.txt", "街道/丙街道.tsv"])
        #expect(result.submissions.map(\.unit) == ["乙局", "甲局", "丙街道"])
        #expect(result.submissions.flatMap(\.findings).map(\.message) == [])
        #expect(result.fileFindings.map { printed($0, removing: folder.path) } == [
            "丁局.xlsx: 错误: [file-unreadable] 无法读取：丁局.xlsx: 这是 Excel/WPS 工作簿，目前只读取 CSV；请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。",
        ])
    }

    @Test func excludedPathsAreNotRead() throws {
        let folder = try Self.makeFolder()
        let template = try Fixture.template()
        let all = SubmissionReader(template: template).read(inputs: [folder.path])
        #expect(all.files.contains { $0.displayName.hasSuffix("/units.csv") }, "without exclusion the roster is read")
        var reader = SubmissionReader(template: template)
        // Given in another spelling of the same path: `folder/./units.csv`.
        reader.excludedPaths = [folder.path + "/./units.csv"]
        #expect(!reader.read(inputs: [folder.path]).files.contains { $0.displayName.hasSuffix("/units.csv") })
    }

    @Test func aFolderGivenWithTrailingSlashNamesFilesOnce() throws {
        let folder = try Self.makeFolder()
        let result = Fixture.read([folder.path + "/"])
        #expect(result.files.contains { $0.displayName == folder.path + "/甲局.txt" })
    }

    @Test func sha256MatchesSha256sum() throws {
        for name in ["canonical-excel.csv", "gb18030.csv"] {
            let path = Fixture.url("forms", name).path
            let run = try runProcess("/usr/bin/sha256sum", [path])
            let expected = String(run.stdout.prefix(64))
            #expect(run.status == 0 && expected.count == 64, "\(name): \(run.stderr)")
            let file = try #require(Fixture.read([path]).files.first, "\(name)")
            #expect(file.sha256 == expected, "\(name)")
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(file.byteCount == size, "\(name)")
        }
    }

    @Test func sha256OfEmptyAndMultiBlockInputs() throws {
        // Lengths around the 55/56/64-byte padding boundaries, checked against sha256sum.
        for length in [0, 1, 55, 56, 63, 64, 65, 1000] {
            let path = try Fixture.temporary("len\(length).csv", Array(repeating: UInt8(ascii: "a"), count: length))
            let expected = String(try runProcess("/usr/bin/sha256sum", [path]).stdout.prefix(64))
            // An unreadable (empty) file has no digest; the others do.
            let file = try #require(Fixture.read([path]).files.first)
            #expect(file.sha256 == (length == 0 ? "" : expected), "\(length) bytes")
        }
    }
}
