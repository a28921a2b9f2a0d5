import ExactArithmetic
import Foundation
import ReportSpec
import Testing
@testable import WorkbookRendering

/// What the fast path for figure cells relies on: the number format depends only on the scale.
@Suite struct FigureCellTests {
    /// `FigureFormats` keeps one format per figure unless `numberFormatFollowsScale`, and
    /// then one per normalised scale: the number format must depend on nothing else.
    @Test func numberFormatDependsOnlyOnTheScale() throws {
        let values = ["0", "1", "-2", "10", "1.5", "1.50", "0.001", "123.456789", "9999999999"].map { ExactDecimal($0)! }
        for format in ["2019", "2021"] {
            for figure in try TemplateLoader.builtin(format: format).figures {
                let followsScale = Styles.numberFormatFollowsScale(figure)
                for value in values {
                    for other in values where !followsScale || other.normalized.scale == value.normalized.scale {
                        #expect(Styles.numberFormat(figure, value: value) == Styles.numberFormat(figure, value: other),
                                "\(figure.code) \(value) \(other)")
                    }
                }
            }
        }
    }
}
