import CSVReading
import Testing

/// Bad input: each fixture in `Fixtures/invalid/` with the exact error and message it must produce.
@Suite struct ReadErrorTests {
    static let resave = "请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。"

    func expectFailure(_ name: String, _ error: (String) -> CSVReadError, _ message: (String) -> String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let path = FixturePaths.invalid(name)
        do {
            let table = try CSVReader.read(path: path)
            Issue.record("fixture \(name): read \(table.records.count) records, expected \(error(path))", sourceLocation: sourceLocation)
        } catch let thrown {
            #expect(thrown == error(path), "fixture \(name)", sourceLocation: sourceLocation)
            #expect(thrown.description == message(path), "fixture \(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func emptyFile() {
        expectFailure("empty.csv", { .empty(path: $0) }) { "\($0): 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。" }
    }

    @Test func onlyBOM() {
        expectFailure("only_bom.csv", { .empty(path: $0) }) { "\($0): 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。" }
    }

    @Test func onlyWhitespace() {
        expectFailure("only_whitespace.csv", { .empty(path: $0) }) { "\($0): 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。" }
    }

    @Test func xlsxMagic() {
        expectFailure("xlsx_magic.csv", { .notText(path: $0, kind: "XLSX 工作簿") }) { "\($0): 这不是 CSV 文本文件，而是“XLSX 工作簿”。\(Self.resave)" }
    }

    @Test func xlsMagic() {
        expectFailure("xls_magic.csv", { .notText(path: $0, kind: "旧版 Excel（.xls）文件") }) { "\($0): 这不是 CSV 文本文件，而是“旧版 Excel（.xls）文件”。\(Self.resave)" }
    }

    @Test func nulBytes() {
        expectFailure("nul_bytes.csv", { .notText(path: $0, kind: "二进制文件") }) { "\($0): 这不是 CSV 文本文件，而是“二进制文件”。\(Self.resave)" }
    }

    @Test func mostlyControlBytes() {
        expectFailure("control_bytes.csv", { .notText(path: $0, kind: "二进制文件") }) { "\($0): 这不是 CSV 文本文件，而是“二进制文件”。\(Self.resave)" }
    }

    @Test func nulInUTF16() {
        expectFailure("utf16le_nul.csv", { .notText(path: $0, kind: "二进制文件") }) { "\($0): 这不是 CSV 文本文件，而是“二进制文件”。\(Self.resave)" }
    }

    /// UTF-8 text with one bad byte at offset 18; GB18030 stops earlier (16), so 18 is reported.
    @Test func invalidForBothUTF8FurtherThanGB18030() {
        expectFailure("bad_encoding_utf8_further.csv", { .invalidEncoding(path: $0, byteOffset: 18) }) {
            "\($0): 无法识别文件编码（第 19 字节起既不是 UTF-8 也不是 GB18030）。\(Self.resave)"
        }
    }

    /// GB18030 text (UTF-8 fails at 0), then 0xFF at offset 10, which GB18030 rejects too.
    @Test func invalidForBothGB18030FurtherThanUTF8() {
        expectFailure("bad_encoding_gb_further.csv", { .invalidEncoding(path: $0, byteOffset: 10) }) {
            "\($0): 无法识别文件编码（第 11 字节起既不是 UTF-8 也不是 GB18030）。\(Self.resave)"
        }
    }

    @Test func utf8BOMThenInvalidUTF8IsNotReadAsGB18030() {
        expectFailure("utf8_bom_then_invalid.csv", { .invalidEncoding(path: $0, byteOffset: 7) }) {
            "\($0): 无法识别文件编码（第 8 字节起既不是 UTF-8 也不是 GB18030）。\(Self.resave)"
        }
    }

    @Test func utf16UnpairedSurrogate() {
        expectFailure("utf16le_unpaired_surrogate.csv", { .invalidEncoding(path: $0, byteOffset: 10) }) {
            "\($0): 无法识别文件编码（第 11 字节起既不是 UTF-8 也不是 GB18030）。\(Self.resave)"
        }
    }

    @Test func utf16OddLength() {
        expectFailure("utf16le_odd_length.csv", { .invalidEncoding(path: $0, byteOffset: 10) }) {
            "\($0): 无法识别文件编码（第 11 字节起既不是 UTF-8 也不是 GB18030）。\(Self.resave)"
        }
    }

    @Test func unterminatedQuote() {
        expectFailure("unterminated_quote.csv", { .unterminatedQuote(path: $0, line: 3) }) {
            "\($0): 第 3 行开始的带引号字段直到文件末尾都没有结束（缺少配对的英文双引号 \"）。请检查该处引号是否成对，或在 Excel 或 WPS 中重新另存为 CSV 后提交。"
        }
    }

    @Test func directory() {
        expectFailure("folder.csv", { .cannotOpen(path: $0, reason: "这是一个文件夹，不是文件") }) {
            "\($0): 无法打开文件（这是一个文件夹，不是文件）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"
        }
    }

    @Test func missingFile() {
        expectFailure("no_such_file.csv", { .cannotOpen(path: $0, reason: "文件不存在") }) {
            "\($0): 无法打开文件（文件不存在）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"
        }
    }

    @Test func pathThroughAFile() {
        expectFailure("empty.csv/x.csv", { .cannotOpen(path: $0, reason: "路径中的某一级不是文件夹") }) {
            "\($0): 无法打开文件（路径中的某一级不是文件夹）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"
        }
    }

    @Test func tooLarge() {
        let path = FixturePaths.conformance + "/gb18030.csv"
        #expect(throws: CSVReadError.tooLarge(path: path, byteCount: 120, limit: 100)) {
            try CSVReader.read(path: path, sizeLimit: 100)
        }
        // Exactly at the limit is fine.
        #expect(throws: Never.self) { try CSVReader.read(path: path, sizeLimit: 120) }
    }

    @Test func kindTexts() {
        #expect(CSVReadError.kindXLSX == "XLSX 工作簿")
        #expect(CSVReadError.kindXLS == "旧版 Excel（.xls）文件")
        #expect(CSVReadError.kindBinary == "二进制文件")
    }

    /// Every message text, pinned (sizes shown in binary units).
    @Test func messages() {
        let cases: [(CSVReadError, String)] = [
            (.cannotOpen(path: "区教育局.csv", reason: "没有读取权限"),
             "区教育局.csv: 无法打开文件（没有读取权限）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"),
            (.empty(path: "区教育局.csv"),
             "区教育局.csv: 文件是空的，没有任何内容。请确认保存前表格中已填入数据，然后重新提交。"),
            (.notText(path: "区教育局.csv", kind: "XLSX 工作簿"),
             "区教育局.csv: 这不是 CSV 文本文件，而是“XLSX 工作簿”。请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。"),
            (.invalidEncoding(path: "区教育局.csv", byteOffset: 1233),
             "区教育局.csv: 无法识别文件编码（第 1234 字节起既不是 UTF-8 也不是 GB18030）。请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”后重新提交。"),
            (.tooLarge(path: "区教育局.csv", byteCount: 600 * 1024 * 1024 + 123, limit: CSVReader.defaultSizeLimit),
             "区教育局.csv: 文件太大（600.0 MB，上限为 512.0 MB）。请确认选对了文件，或把数据拆成几个较小的文件分别提交。"),
            (.tooLarge(path: "a.csv", byteCount: 1536, limit: 1000),
             "a.csv: 文件太大（1.5 KB，上限为 1000 字节）。请确认选对了文件，或把数据拆成几个较小的文件分别提交。"),
            (.tooLarge(path: "a.csv", byteCount: 3 << 30, limit: (1 << 30) + (1 << 29) + (1 << 27)),
             "a.csv: 文件太大（3.0 GB，上限为 1.6 GB）。请确认选对了文件，或把数据拆成几个较小的文件分别提交。"),
            (.cannotOpen(path: "区教育局.csv", reason: "本机缺少 GB18030 编码转换组件（iconv），无法读取非 UTF-8 文件"),
             "区教育局.csv: 无法打开文件（本机缺少 GB18030 编码转换组件（iconv），无法读取非 UTF-8 文件）。请检查文件路径，并确认它是一个可以读取的 CSV 文件。"),
            (.unterminatedQuote(path: "区教育局.csv", line: 12),
             "区教育局.csv: 第 12 行开始的带引号字段直到文件末尾都没有结束（缺少配对的英文双引号 \"）。请检查该处引号是否成对，或在 Excel 或 WPS 中重新另存为 CSV 后提交。"),
        ]
        for (error, message) in cases {
            #expect(error.description == message)
            #expect(!error.description.contains("\n"))
            #expect(error.path == (message.split(separator: ":").first.map(String.init) ?? ""))
        }
    }
}

@Suite struct LoadBytesTests {
    @Test func loadBytesReturnsTheFileAndChecksLikeRead() throws {
        let path = FixturePaths.conformance + "/utf8_bom.csv"
        let bytes = try CSVReader.loadBytes(path: path)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try CSVReader.parse(bytes: bytes, path: path) == CSVReader.read(path: path))
        #expect(throws: CSVReadError.tooLarge(path: path, byteCount: bytes.count, limit: 3)) {
            try CSVReader.loadBytes(path: path, sizeLimit: 3)
        }
        let folder = FixturePaths.invalid("folder.csv")
        #expect(throws: CSVReadError.cannotOpen(path: folder, reason: "这是一个文件夹，不是文件")) {
            try CSVReader.loadBytes(path: folder)
        }
    }
}
