import ExactArithmetic
import Submissions
import Testing

/// Spec §3.1: some copies of the 2019 form stretch the two columns of the (八) and (九)
/// blocks over the width, so the CSV has a blank column between the two figures; the
/// header row says where each figure stands.
@Suite struct StretchedBlockTests {
    @Test func figuresFollowTheHeaderOfAStretchedBlock() throws {
        let path = try Fixture.temporary("拉伸.csv", """
            二、主动公开政府信息情况
            第二十条第（八）项,,,,
            信息内容,上一年项目数量,,本年增/减,
            行政事业性收费,16,,-2,
            第二十条第（九）项,,,,
            信息内容,采购项目数量,,采购总金额,
            政府集中采购,249,,35692694.56元,

            """)
        let result = Fixture.read([path])
        let submission = try #require(result.submissions.first)
        let template = try Fixture.template()
        #expect(submission.value("FEE_PREV", in: template) == ExactDecimal(integer: 16))
        #expect(submission.value("FEE_DELTA", in: template) == ExactDecimal(integer: -2))
        #expect(submission.value("PROC_COUNT", in: template) == ExactDecimal(integer: 249))
        #expect(submission.value("PROC_AMOUNT", in: template) == ExactDecimal("35692694.56"))
        // Only the tables and rows the file leaves out are reported, no extra or empty values.
        #expect(!submission.findings.contains { $0.code == .extraValue || $0.code == .emptyCell })
    }
}
