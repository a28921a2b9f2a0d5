// swift-tools-version: 6.0
import PackageDescription

// The import graph only points down: CLI → rendering/engine → spec/submissions → reading/arithmetic.
let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoCLI", targets: ["NianbaoCLI"]),
        // For the fuzz targets under Fuzz/, a separate package that depends on this one by path.
        .library(name: "CSVReading", targets: ["CSVReading"]),
        .library(name: "ReportSpec", targets: ["ReportSpec"]),
        .library(name: "Submissions", targets: ["Submissions"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter"]),
        .target(name: "ExactArithmetic"),
        // SHA-256 blocks through the x86 SHA extensions, for the CPUs that have them.
        .target(name: "CSHA256"),
        .target(name: "Progress"),
        .target(name: "CSVReading"),
        .target(name: "Conversion", dependencies: ["CSVReading", "XlsxWriter", "Progress"]),
        .target(name: "Findings", dependencies: ["ExactArithmetic"]),
        .target(name: "XlsxReading", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "ReportSpec",
            dependencies: [
                "ExactArithmetic",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Templates/README.md"],
            resources: [
                // The official formats ship inside the binary, so it runs from any directory.
                .embedInCode("Templates/2019.yaml"),
                .embedInCode("Templates/2021.yaml"),
            ]
        ),
        .target(
            name: "Submissions",
            dependencies: ["CSVReading", "XlsxReading", "ReportSpec", "ExactArithmetic", "Findings", "Progress", "CSHA256"]
        ),
        .target(
            name: "ReportEngine",
            dependencies: [
                "ReportSpec", "Submissions", "ExactArithmetic", "Findings", "Progress",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "WorkbookRendering",
            dependencies: ["ReportEngine", "ReportSpec", "Submissions", "ExactArithmetic", "Findings", "XlsxWriter", "Progress"]
        ),
        .target(
            name: "NianbaoCLI",
            dependencies: [
                "CSVReading", "ReportSpec", "Submissions", "ReportEngine", "WorkbookRendering",
                "ExactArithmetic", "Findings", "XlsxWriter", "Conversion", "Progress",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nianbao", dependencies: ["NianbaoCLI"]),
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["xlsx_dump.py"]),

        .testTarget(name: "ExactArithmeticTests", dependencies: ["ExactArithmetic", "TestSupport"]),
        .testTarget(name: "FindingsTests", dependencies: ["Findings"]),
        .testTarget(name: "ProgressTests", dependencies: ["Progress"]),
        .testTarget(name: "XlsxReadingTests", dependencies: ["XlsxReading", "XlsxWriter", "TestSupport"]),
        .testTarget(name: "ConversionTests", dependencies: ["Conversion", "Progress", "TestSupport"]),
        .testTarget(name: "CSVReadingTests", dependencies: ["CSVReading", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter", "TestSupport"]),
        .testTarget(name: "ReportSpecTests", dependencies: ["ReportSpec", "TestSupport"]),
        .testTarget(name: "SubmissionsTests", dependencies: ["Submissions", "ReportSpec", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportEngineTests", dependencies: ["ReportEngine", "Submissions", "ReportSpec", "Progress", "TestSupport"]),
        .testTarget(name: "WorkbookRenderingTests", dependencies: [
            "WorkbookRendering", "ReportEngine", "ReportSpec", "Submissions", "ExactArithmetic", "Progress", "TestSupport",
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["NianbaoCLI", "TestSupport"], exclude: ["Golden"]),
    ]
)
