#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Guesses the field separator from the start of a file.
///
/// For each candidate (`,` tab `;`) the first `sampleRecords` records are scanned with the
/// real quoting rules (a delimiter inside a quoted field does not count) and the candidate's
/// occurrences counted per record; blank records are ignored. The winner occurs in the largest
/// share of records; among those, its most frequent per-record count covers the largest share
/// (the most consistent column count). Shares rather than plain counts, because the records
/// themselves depend on the candidate when a quoted field holds a line break. Ties go to `,`
/// then tab then `;` — for UTF-16 input tab first, since UTF-16 is Excel's “Unicode 文本”,
/// which is tab-separated. A file without any of them (one column) uses `,`.
enum DelimiterSniffer {
    static let sampleRecords = 50
    /// Upper bound on the bytes looked at, for files whose first records are huge.
    static let sampleBytes = 1 << 20

    struct Score {
        /// Non-blank records sampled.
        var records = 0
        /// Records in which the candidate occurs.
        var containing = 0
        /// Records with the most common (non-zero) count of the candidate.
        var consistent = 0

        /// Compares shares by cross-multiplying: `containing / records`, then `consistent / records`.
        func beats(_ other: Score) -> Bool {
            guard containing > 0 else { return false }
            guard other.containing > 0 else { return true }
            let mine = containing * other.records, theirs = other.containing * records
            if mine != theirs { return mine > theirs }
            return consistent * other.records > other.consistent * records
        }
    }

    static func sniff(_ text: UnsafeBufferPointer<UInt8>, preferTab: Bool) -> UInt8 {
        let order: [UInt8] = preferTab
            ? [ASCII.tab, ASCII.comma, ASCII.semicolon]
            : [ASCII.comma, ASCII.tab, ASCII.semicolon]
        var best = ASCII.comma
        var bestScore = Score()
        let sampled = min(text.count, sampleBytes)
        for candidate in order {
            // A candidate absent from the sample occurs in no record and cannot win:
            // one fast byte search instead of a scan with the quoting rules.
            guard sampled > 0, memchr(text.baseAddress!, Int32(candidate), sampled) != nil else { continue }
            let score = score(text, delimiter: candidate)
            if score.beats(bestScore) {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    static func score(_ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Score {
        let (records, counts) = countsPerRecord(text, delimiter: delimiter)
        return Score(records: records, containing: counts.count, consistent: modeFrequency(counts))
    }

    /// How often the most common value occurs.
    static func modeFrequency(_ counts: [Int]) -> Int {
        var tally: [Int: Int] = [:]
        var best = 0
        for count in counts {
            let n = (tally[count] ?? 0) + 1
            tally[count] = n
            best = max(best, n)
        }
        return best
    }

    /// The number of non-blank records sampled, and the occurrences of `delimiter` outside
    /// quotes in each of those records that have any.
    static func countsPerRecord(_ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> (records: Int, counts: [Int]) {
        let end = min(text.count, sampleBytes)
        var counts: [Int] = []
        var i = 0
        var records = 0
        var nonBlank = 0
        while i < end && records < sampleRecords {
            let recordStart = i
            var delimiters = 0
            var recordEnded = false
            while i < end && !recordEnded {
                // One field.
                if text[i] == ASCII.quote {
                    i += 1
                    while i < end {
                        if text[i] == ASCII.quote {
                            if i + 1 < end && text[i + 1] == ASCII.quote { i += 2; continue }
                            i += 1
                            break
                        }
                        i += 1
                    }
                }
                while i < end {
                    let byte = text[i]
                    if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
                    i += 1
                }
                guard i < end else { break }
                if text[i] == delimiter {
                    delimiters += 1
                    i += 1
                } else {
                    if text[i] == ASCII.carriageReturn && i + 1 < end && text[i + 1] == ASCII.lineFeed { i += 1 }
                    i += 1
                    recordEnded = true
                }
            }
            records += 1
            let isBlank = text[recordStart] == ASCII.lineFeed || text[recordStart] == ASCII.carriageReturn
            if !isBlank { nonBlank += 1 }
            if delimiters > 0 { counts.append(delimiters) }
        }
        return (nonBlank, counts)
    }
}
