import CSVReading
import Foundation
@testable import Submissions
import TestSupport
import Testing

/// Row shapes are remembered per reading thread by the row's text up to its first plain
/// number (`LabelMemo.shape`). What that relies on, and that a folder read with remembered
/// shapes gives every file exactly what reading it alone gives.
struct RowShapeTests {
    /// The signature stops at a cell `isPlainNumber(raw:)` accepts, so whatever such a cell
    /// says, the recogniser must take it for a figure: its key is a plain number.
    @Test func aRawPlainNumberIsAlwaysAFigure() {
        let pieces = ["0", "1", "7", "9", "+", "-", ".", ",", " ", "１", "元", "a", "—", "−", "\u{3000}", "e", "/"]
        var generator = SplitMix64(seed: 20261127)
        var accepted = 0
        var rejected = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &generator)
            var text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let raw = text.withUTF8 { RowShape.isPlainNumber(raw: $0) }
            let key = LabelKey.key(text)
            if raw {
                accepted += 1
                #expect(!key.isEmpty && RowShape.looksLikeFigure(key) && RowShape.isPlainNumber(key), "“\(text)” → “\(key)”")
            } else {
                rejected += 1
                // Cells with something other than digits, signs, points and commas are never taken for plain.
                #expect(!text.utf8.allSatisfy { $0 &- 0x30 < 10 || [0x2B, 0x2D, 0x2E, 0x2C].contains($0) }
                        || !text.utf8.contains { $0 &- 0x30 < 10 }, "“\(text)”")
            }
        }
        #expect(accepted > 500 && rejected > 500)
    }

    @Test func plainNumbersAsTyped() {
        for text in ["0", "12", "-210", "+3", "1,234", "291648.11", "1.2.3", "12-"] {
            var text = text
            #expect(text.withUTF8 { RowShape.isPlainNumber(raw: $0) }, "“\(text)”")
        }
        for text in ["", "-", "+", ".", " 12", "12 ", "１２", "12件", "—", "0595-22355663a", "2020年"] {
            var text = text
            #expect(!text.withUTF8 { RowShape.isPlainNumber(raw: $0) }, "“\(text)”")
        }
    }

    /// A thread's memo keeps a bounded number of shapes and none of a very long row, and a
    /// shape not kept is worked out again the same way.
    @Test func theMemoStaysBounded() throws {
        let template = try Fixture.template()
        let memo = LabelMemo(index: LabelIndex(template: template))
        let long = String(repeating: "很长的说明文字", count: 100)
        let first = memo.shape(of: CSVRecord(line: 1, fields: [long, "", "3"]))
        let again = memo.shape(of: CSVRecord(line: 2, fields: [long, "", "4"]))
        #expect(memo.shapesKept == 0 && first !== again)
        #expect(first.labelCells.map(\.key) == again.labelCells.map(\.key) && first.hasFigures && again.hasFigures)
        for row in 0..<(LabelMemo.shapeCapacity + 500) {
            _ = memo.shape(of: CSVRecord(line: row + 3, fields: ["第\(row)行说明", "1"]))
        }
        #expect(memo.shapesKept == LabelMemo.shapeCapacity)
        // Kept shapes are found again: the same object for a row that differs only in its figures.
        let kept = memo.shape(of: CSVRecord(line: 1, fields: ["第7行说明", "1"]))
        #expect(memo.shape(of: CSVRecord(line: 2, fields: ["第7行说明", "99"])) === kept)
    }

    /// Every form of the example and the fixtures, read as one folder (shapes remembered
    /// across files on each thread), gives the same unit, figures, locations and findings
    /// as the file read alone by a fresh reader.
    @Test func aFolderGivesEachFileWhatItGivesAlone() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/licheng-2020").standardizedFileURL.path
        let forms = Fixture.root.appendingPathComponent("forms").path
        let bad = Fixture.root.appendingPathComponent("bad").path
        let together = Fixture.read([example, forms, bad])
        #expect(together.submissions.count > 40)
        for submission in together.submissions {
            let alone = Fixture.read([submission.file.path]).submissions.filter { $0.unit == submission.unit }
            try #require(alone.count == 1, "\(submission.file.displayName): \(submission.unit)")
            let single = alone[0]
            // Compared first, so that a difference names the file instead of printing both arrays.
            let sameFigures = single.values == submission.values
                && single.values.indices.allSatisfy { single.location(at: $0) == submission.location(at: $0) }
            let sameFindings = single.findings.map { printed($0) } == submission.findings.map { printed($0) }
            let sameFacts = single.unitSource == submission.unitSource && single.statedYear == submission.statedYear
                && single.tablesFound == submission.tablesFound && single.file.normalisations == submission.file.normalisations
            #expect(sameFigures, "figures of \(submission.file.displayName)")
            #expect(sameFindings, "findings of \(submission.file.displayName)")
            #expect(sameFacts, "unit name, year, tables or normalisations of \(submission.file.displayName)")
        }
    }
}
