import ArgumentParser
import Foundation
import ReportEngine
import Submissions
import WorkbookRendering

/// `nianbao merge INPUT... -o report.xlsx`: the main job.
struct MergeCommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "汇总各单位报送的数据，审核勾稽关系，生成汇总工作簿（merge submissions into a checked workbook）。",
        discussion: """
            读取每个报送文件（或文件夹中的全部 CSV），按名册对应单位，精确汇总为分组小计和合计，\
            对每个单位、每个分组和合计逐条审核，写出工作簿：汇总（统一格式的表二、表三、表四）、\
            分组小计、明细、审核结果、说明。发现的问题同时打印在屏幕上。

            例：nianbao merge examples/licheng-2020 --units examples/licheng-2020/units.csv --year 2020 -o 汇总.xlsx
            """
    )

    @OptionGroup var options: ReportOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("要写出的工作簿（output workbook），如 汇总.xlsx。", valueName: "FILE.xlsx"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("把合计、分组小计和各单位数据另存为长表 CSV（totals as long CSV）：可作为下一年的 --previous，其“合计”行也是向上一级报送的文件。", valueName: "FILE.csv"))
    var csv: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp("每个单位一张按统一格式排版的工作表（unit sheets），有问题的单元格标色并加批注；默认在不超过 \(RenderOptions.unitSheetLimit) 个单位时生成。"))
    var unitSheets: Bool?

    mutating func run() throws {
        throw ExitCode(runWithStatus().rawValue)
    }

    mutating func runWithStatus() -> ExitStatus {
        let destination = AtomicOutput(destination: output)
        let outputs = [output] + options.extraOutputs + (csv.map { [$0] } ?? [])
        do {
            for path in outputs {
                try AtomicOutput(destination: path).validate(against: options.inputs + options.readOnlyInputs)
            }
        } catch {
            Diagnostics.printError(error.description)
            return .failure
        }
        let progress = ProgressLine()
        defer { progress.stop() }
        guard let job = options.runJob(excluding: outputs + options.readOnlyInputs, progress: progress.counter) else {
            return .failure
        }
        let renderOptions = RenderOptions(
            generator: NianbaoVersion.generator,
            createdEpoch: ReportOptions.creationEpoch(files: job.read.files),
            unitSheets: unitSheets ?? (job.report.units.count <= RenderOptions.unitSheetLimit),
            progress: progress.counter)
        do {
            try destination.write { temporary in
                try WorkbookRenderer(report: job.report, options: renderOptions).write(to: temporary)
            }
        } catch {
            Diagnostics.print(job.report.findings)
            Diagnostics.printError("无法写出工作簿 \(output)：\(error)")
            return .failure
        }
        guard options.writeJSON(job), writeCSV(job) else { return .failure }
        return ReportOptions.report(job, wrote: output)
    }

    /// `--csv`: the total (named after the district), every group subtotal and every unit.
    private func writeCSV(_ job: ReportOptions.Job) -> Bool {
        guard let csv else { return true }
        let report = job.report
        var blocks = [LongTableWriter.Block(unit: report.district ?? MergeReport.totalName, group: "", level: .total,
                                            values: report.total)]
        for group in report.groups {
            blocks.append(.init(unit: MergeReport.groupSubject(group.name), group: group.name, level: .group, values: group.values))
        }
        for unit in report.units {
            blocks.append(.init(unit: unit.name, group: unit.group, level: .unit, values: unit.submission.values))
        }
        let bytes = LongTableWriter.csv(blocks, template: report.template, year: report.year)
        do {
            try AtomicOutput(destination: csv).write { temporary in try Data(bytes).write(to: URL(fileURLWithPath: temporary)) }
            return true
        } catch {
            Diagnostics.printError("无法写出 \(csv)：\(error)")
            return false
        }
    }
}

/// `nianbao check INPUT...`: the reading and every check, without a workbook.
struct CheckCommand: ParsableCommand, StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "只审核不汇总：读取并检查报送文件，不生成工作簿（check submissions without writing a workbook）。",
        discussion: """
            适合一边和报送单位通电话一边核对：每个问题一行，写明文件、行、列、哪张表哪一行哪一列、错在哪里、应当怎样。

            例：nianbao check 鲤城区教育局.csv --year 2020
            """
    )

    @OptionGroup var options: ReportOptions

    mutating func run() throws {
        throw ExitCode(runWithStatus().rawValue)
    }

    mutating func runWithStatus() -> ExitStatus {
        do {
            for path in options.extraOutputs {
                try AtomicOutput(destination: path).validate(against: options.inputs + options.readOnlyInputs)
            }
        } catch {
            Diagnostics.printError(error.description)
            return .failure
        }
        let progress = ProgressLine()
        defer { progress.stop() }
        guard let job = options.runJob(excluding: options.extraOutputs + options.readOnlyInputs, progress: progress.counter) else {
            return .failure
        }
        guard options.writeJSON(job) else { return .failure }
        return ReportOptions.report(job, wrote: nil)
    }
}
