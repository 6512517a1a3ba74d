// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Passline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "passline", targets: ["passline"]),
        .executable(name: "inquiry", targets: ["inquiry"]),
        .library(name: "PasslineCore", targets: ["PasslineCore"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2")
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CMark"], exclude: ["README.md"]),
        .target(name: "ChineseScript", dependencies: ["COpenCC"], exclude: ["README.md"]),
        .target(name: "PasslineCore", dependencies: ["Markdown", .product(name: "Yams", package: "Yams")], exclude: ["README.md"]),
        .target(
            name: "PasslineSite",
            dependencies: ["PasslineCore", "Markdown", "ChineseScript"],
            exclude: ["README.md"],
            resources: [.copy("Assets")]
        ),
        .target(name: "PasslineInquiry", dependencies: ["PasslineCore", "ChineseScript"], exclude: ["README.md"]),
        .target(
            name: "PasslineImport",
            dependencies: ["PasslineCore", "ChineseScript", "CLibXML2", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"],
            resources: [.copy("Phrasing.yaml")]
        ),
        .executableTarget(
            name: "passline",
            dependencies: [
                "PasslineCore", "PasslineSite", "PasslineImport", "PasslineInquiry",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "inquiry",
            dependencies: ["PasslineCore", "PasslineInquiry", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["README.md"]
        ),
        // Support shared by the test targets (repository paths, `beijing`, the built binaries, a
        // scratch copy of Content/); a plain target under Tests/, never linked into a product.
        .target(name: "PasslineTesting", dependencies: ["PasslineCore"], path: "Tests/PasslineTesting", exclude: ["README.md"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ChineseScriptTests", dependencies: ["ChineseScript", "PasslineCore", "PasslineTesting"]),
        .testTarget(name: "PasslineCoreTests", dependencies: ["PasslineCore", "PasslineTesting"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PasslineSiteTests", dependencies: ["PasslineSite", "PasslineCore", "PasslineImport", "PasslineTesting"]),
        .testTarget(
            name: "PasslineImportTests",
            dependencies: ["PasslineImport", "PasslineCore", "PasslineTesting", "Markdown", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PasslineInquiryTests", dependencies: ["PasslineInquiry", "PasslineCore", "PasslineTesting"],
            exclude: ["Evaluation", "HeldOut", "HeldOut2", "HeldOut3"]),
        // The built `passline` and `inquiry` run as their users run them; fails when they are not built.
        .testTarget(
            name: "PasslineEndToEndTests", dependencies: ["PasslineCore", "PasslineSite", "PasslineTesting"], exclude: ["README.md"])
    ],
    swiftLanguageModes: [.v6]
)
