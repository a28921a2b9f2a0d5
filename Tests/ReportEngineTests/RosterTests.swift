import Findings
import ReportEngine
import Testing

/// The roster (`units.csv`): its header variants, its problems, and matching unit names to it.
struct RosterTests {
    static let body = "鲤城区人民政府,区政府,001\n鲤城区教育局,区直部门,002\n海滨街道,街道及园区,\n"

    @Test(arguments: ["单位,分组,代码\n", "unit,group,code\n", "Unit,Group,Code\n", ""])
    func headerVariants(_ header: String) throws {
        let roster = try Inbox().roster(header + Self.body)
        #expect(roster.units.map(\.name) == ["鲤城区人民政府", "鲤城区教育局", "海滨街道"], "header “\(header)”")
        #expect(roster.units.map(\.group) == ["区政府", "区直部门", "街道及园区"], "header “\(header)”")
        #expect(roster.units.map(\.code) == ["001", "002", nil], "header “\(header)”")
        #expect(roster.groups == ["区政府", "区直部门", "街道及园区"], "header “\(header)”")
        #expect(roster.findings.isEmpty, "header “\(header)”")
        let firstLine = header.isEmpty ? 1 : 2
        #expect(roster.units.map(\.line) == [firstLine, firstLine + 1, firstLine + 2], "header “\(header)”")
    }

    @Test func columnsInAnotherOrder() throws {
        let roster = try Inbox().roster("代码,单位名称\n001,鲤城区人民政府\n")
        #expect(roster.units.map(\.name) == ["鲤城区人民政府"])
        #expect(roster.units.map(\.group) == ["未分组"])
        #expect(roster.units.map(\.code) == ["001"])
    }

    @Test func blankGroupIsUngrouped() throws {
        let roster = try Inbox().roster("单位,分组\n鲤城区教育局,\n海滨街道,街道及园区\n")
        #expect(roster.units.map(\.group) == ["未分组", "街道及园区"])
        #expect(roster.groups == ["未分组", "街道及园区"])
    }

    @Test func duplicateNameAndEmptyNameAreFindings() throws {
        let inbox = try Inbox()
        let roster = try inbox.roster("单位,分组\n鲤城区教育局,区直部门\n,区直部门\n鲤城区 教育局,街道及园区\n")
        #expect(roster.units.map(\.name) == ["鲤城区教育局"])
        #expect(roster.findings.map(inbox.printed) == [
            "units.csv:3:1: 错误: [roster-invalid] 名册第 3 行缺少单位名称",
            "units.csv:4:1: 错误: [roster-invalid] 名册第 4 行的“鲤城区 教育局”与第 2 行重复，已忽略",
        ])
    }

    @Test func matchExactByCodeAndByUniqueSuffix() throws {
        let roster = try Inbox().roster("单位,分组,代码\n鲤城区教育局,区直部门,J01\n鲤城区财政局,区直部门,J02\n丰泽区财政局,外区,F02\n海滨街道,街道及园区,S01\n")
        #expect(roster.match("鲤城区教育局").map { [$0.unit.name, "\($0.loose)"] } == ["鲤城区教育局", "false"])
        #expect(roster.match("鲤城区 教育局")?.unit.name == "鲤城区教育局", "spaces do not matter")
        #expect(roster.match("S01").map { [$0.unit.name, "\($0.loose)"] } == ["海滨街道", "false"])
        #expect(roster.match("区教育局").map { [$0.unit.name, "\($0.loose)"] } == ["鲤城区教育局", "true"])
        #expect(roster.match("泉州市鲤城区海滨街道")?.unit.name == "海滨街道", "the roster name at the end of the file's")
        #expect(roster.match("区财政局") == nil, "two roster units end in 区财政局: no guess")
        #expect(roster.match("财政") == nil)
        #expect(roster.match("鲤城区卫健局") == nil)
    }
}
