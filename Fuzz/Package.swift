// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets, kept out of the main package's `swift build`. Build and run them with
// `make fuzz` (see the Makefile): every module is compiled with
// `-sanitize=fuzzer,address -parse-as-library`, so libFuzzer supplies `main`.
let package = Package(
    name: "nianbao-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "nianbao", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzCSVReader",
            dependencies: [.product(name: "CSVReading", package: "nianbao")]
        ),
        .executableTarget(
            name: "FuzzFormRecognizer",
            dependencies: [
                .product(name: "Submissions", package: "nianbao"),
                .product(name: "ReportSpec", package: "nianbao"),
            ]
        ),
    ]
)
