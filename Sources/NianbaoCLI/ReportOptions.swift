import ArgumentParser
import CSVReading
import Findings
import Foundation
import Progress
import ReportEngine
import ReportSpec
import Submissions

/// The options `merge` and `check` share: what to read and how to judge it.
struct ReportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("报送文件或文件夹（submissions: files or folders）；文件夹中的 .csv/.txt/.tsv 都会读取。", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("名册（roster）units.csv：单位,分组,代码。", valueName: "units.csv"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp("报告年度（report year），如 2020；不写则取文件中标明的年度。", valueName: "年度"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("年报格式（format）：2019 或 2021；默认按年度选择（2019、2020 年度用 2019 年版，2021 年度起用 2021 年版）。", valueName: "格式"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("调整规则级别（rule severity），可多次使用：R2.3=error、街道及园区:R2.3=off；级别为 error、warning 或 off。", valueName: "规则=级别"))
    var rule: [String] = []

    @Option(name: .long, help: ArgumentHelp("自定义模板文件（custom template，YAML）。", valueName: "FILE"))
    var template: String?

    @Option(name: .long, help: ArgumentHelp("上一年度的数据（previous year）：上一年 merge --csv 写出的长表，或上一年 nianbao 生成的工作簿；用于跨年度核对（上年结转等）。", valueName: "FILE"))
    var previous: String?

    @Option(name: .long, help: ArgumentHelp("说明文件（explanations）：单位,规则,说明；对警告写明理由后视为已说明，错误不能以说明消除。", valueName: "FILE.csv"))
    var explanations: String?

    @Option(name: .long, help: ArgumentHelp("把全部问题另存为 JSON（machine-readable findings），供其他程序使用。", valueName: "FILE.json"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("汇总单位名称（district），用于标题，如 鲤城区；默认取名册中“××人民政府”。", valueName: "名称"))
    var district: String?

    /// The outcome of reading and checking, before any output is written.
    struct Job {
        var report: MergeReport
        var read: ReadResult
    }

    /// Reads and checks everything. Returns nil (after printing why) when the command
    /// cannot go on: a bad template, an unreadable roster, no year, nothing readable.
    func runJob(excluding excluded: [String] = [], progress: ProgressCounter? = nil) -> Job? {
        guard !inputs.isEmpty else {
            Diagnostics.printError("没有指定要读取的文件或文件夹。")
            return nil
        }
        var roster: Roster?
        if let units {
            do {
                roster = try Roster.load(path: units)
            } catch {
                Diagnostics.printError("名册 \(error.description)")
                return nil
            }
        }
        // The template decides how files are read, so a year is needed first: given, or
        // the one the files state (read with the template of the latest built-in format
        // whose labels cover both formats' titles).
        let template: ReportTemplate
        do {
            if let path = self.template {
                template = try TemplateLoader.load(path: path)
            } else if let format {
                template = try TemplateLoader.builtin(format: format)
            } else if let year {
                template = try TemplateLoader.builtin(forYear: year)
            } else {
                template = try TemplateLoader.builtin(format: TemplateLoader.builtinFormats.last!)
            }
        } catch {
            Diagnostics.printError("\(error)")
            return nil
        }
        var previousYear: PreviousYear?
        if let previous {
            do {
                previousYear = try PreviousYear.load(path: previous)
            } catch {
                Diagnostics.printError(error.description)
                return nil
            }
        }
        var explained: Explanations?
        if let explanations {
            do {
                explained = try Explanations.load(path: explanations)
            } catch {
                Diagnostics.printError("说明文件 \(error.description)")
                return nil
            }
        }
        var overrides = RuleOverrides()
        for text in rule {
            switch RuleOverrides.parse(text, template: template) {
            case .success(let entry): overrides.entries.append(entry)
            case .failure(let error):
                Diagnostics.printError(error.description)
                return nil
            }
        }
        var reader = SubmissionReader(template: template)
        reader.excludedPaths = Set(excluded + readOnlyInputs)
        reader.progress = progress
        let read = reader.read(inputs: inputs)
        guard !read.submissions.isEmpty else {
            Diagnostics.print(read.fileFindings.sortedForDisplay())
            Diagnostics.printError("没有读到任何单位的数据（共 \(read.files.count) 个文件）。请检查文件路径和格式。")
            return nil
        }
        guard let reportYear = year ?? Self.statedYear(read) else {
            Diagnostics.printError("无法确定报告年度：文件中没有写明年度。请用 --year 指明，例如 --year 2020。")
            return nil
        }
        if self.template == nil, format == nil, year == nil, !template.applies(toYear: reportYear) {
            // The files said which year; read them again with that year's format.
            var again = self
            again.year = reportYear
            return again.runJob(excluding: excluded, progress: progress)
        }
        let district = self.district ?? roster.flatMap(Self.districtName)
        var merger = Merger(template: template, year: reportYear, overrides: overrides, previous: previousYear)
        merger.explanations = explained
        merger.progress = progress
        let report = merger.merge(read, roster: roster, district: district)
        return Job(report: report, read: read)
    }

    /// The year most submissions state.
    static func statedYear(_ read: ReadResult) -> Int? {
        var counts: [Int: Int] = [:]
        for submission in read.submissions { if let year = submission.statedYear { counts[year, default: 0] += 1 } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// `鲤城区` from a roster unit named `鲤城区人民政府`.
    static func districtName(_ roster: Roster) -> String? {
        for unit in roster.units where unit.name.hasSuffix("人民政府") && unit.name.count > 4 {
            return String(unit.name.dropLast(4))
        }
        return nil
    }

    /// The time written into outputs: `SOURCE_DATE_EPOCH` when set, else the newest input
    /// file's modification time — never the clock, so the same inputs give the same bytes.
    static func creationEpoch(files: [SourceFile]) -> Int {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let epoch = Int(text), epoch >= 0 {
            return epoch
        }
        var newest = 0
        for file in files {
            var info = stat()
            if stat(file.path, &info) == 0 { newest = max(newest, Int(info.st_mtim.tv_sec)) }
        }
        return newest
    }

    /// Files read besides the submissions: never to be overwritten either.
    var readOnlyInputs: [String] { [units, template, previous, explanations].compactMap { $0 } }

    /// Every output file the command will write, for the checks against the inputs.
    var extraOutputs: [String] { json.map { [$0] } ?? [] }

    /// Writes `--json` if asked; prints why and returns false when it cannot.
    func writeJSON(_ job: Job) -> Bool {
        guard let json else { return true }
        do {
            let data = try FindingsJSON.data(job.report, files: job.read.files.count)
            try AtomicOutput(destination: json).write { temporary in try data.write(to: URL(fileURLWithPath: temporary)) }
            return true
        } catch {
            Diagnostics.printError("无法写出 \(json)：\(error)")
            return false
        }
    }

    /// Prints the findings and a one-line summary; returns the exit status they imply.
    static func report(_ job: Job, wrote output: String?) -> ExitStatus {
        let report = job.report
        ProgressLine.clear()
        Diagnostics.print(report.findings.groupedByUnit())
        let readable = job.read.files.filter { $0.kind != .unreadable }.count
        var summary = "读取 \(job.read.files.count) 个文件（\(readable) 个可读），汇总 \(report.units.count) 个单位"
        if report.groups.count > 1 || report.roster != nil { summary += "（\(report.groups.count) 个分组）" }
        summary += "，\(report.year) 年度，\(report.template.format) 格式；"
        let explained = report.findings.filter { $0.explanation != nil }.count
        summary += report.errorCount == 0 && report.warningCount == 0 && explained == 0
            ? "未发现问题。" : "\(report.errorCount) 个错误，\(report.warningCount) 个警告"
        if explained > 0 { summary += "（另有 \(explained) 个警告已说明）" }
        if !summary.hasSuffix("。") { summary += "。" }
        if let output { summary += "\n工作簿已写入：\(output)" }
        print(summary)
        return report.errorCount > 0 ? .findings : .success
    }
}
