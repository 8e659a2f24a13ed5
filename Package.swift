// swift-tools-version:6.0
import PackageDescription

/// portal: a static site generator for public transparency portals about AI in public administration.
///
/// Data flows one way through the targets:
/// `PortalContent` (pure parsing and validation) → `PortalModel` (the validated site)
/// → `PortalRender` (pages, feeds, open data) + `PortalSearch` (index) → `PortalBuild` (the only writer).
let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Tests only: the reference for portal's own template engine.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Used by PortalServe directly (Hummingbird depends on them too).
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // The C library, reached only through PortalMarkdown/CommonMarkConverter.swift.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "PortalMarkdown", dependencies: ["CMark", "PortalModel"]),
        .target(name: "PortalDiagnostics"),
        .target(name: "PortalModel", dependencies: ["PortalDiagnostics"]),
        .target(
            name: "PortalContent",
            dependencies: ["PortalDiagnostics", "PortalModel", "PortalMarkdown", "Yams"]
        ),
        .target(name: "PortalSearch"),
        .target(
            name: "PortalRender",
            dependencies: [
                "PortalDiagnostics", "PortalModel", "PortalSearch", "PortalMarkdown", "Yams",
            ]
        ),
        .target(
            name: "PortalBuild",
            dependencies: ["PortalDiagnostics", "PortalModel", "PortalContent", "PortalRender", "PortalSearch"]
        ),
        // The preview server: builds, serves on 127.0.0.1, rebuilds on save, reloads open tabs.
        .target(
            name: "PortalServe",
            dependencies: [
                "PortalBuild", "PortalDiagnostics", "PortalModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalBuild", "PortalDiagnostics", "PortalServe", "PortalContent", "PortalModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) takes the place of glibc's allocator for the whole process:
            // full builds took a tenth (10,000 articles) to a fifth (100,000) less processor time, text edits and
            // peak memory stayed the same (BENCHMARKS.md, "session 11").
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Shared helpers for the tests: inline txtar sites, temporary folders.
        .target(name: "PortalTestSupport", dependencies: ["PortalContent", "PortalMarkdown", "PortalModel"], path: "Tests/PortalTestSupport"),
        .testTarget(name: "PortalMarkdownTests", dependencies: ["PortalMarkdown", "PortalModel", "PortalTestSupport"]),
        .testTarget(
            name: "PortalContentTests",
            dependencies: ["PortalContent", "PortalDiagnostics", "PortalMarkdown", "PortalModel", "PortalTestSupport"]
        ),
        .testTarget(name: "PortalSearchTests", dependencies: ["PortalSearch", "PortalTestSupport"]),
        .testTarget(
            name: "PortalServeTests",
            dependencies: ["PortalServe", "PortalBuild", "PortalTestSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // swift-mustache only as the reference the template engine is compared with (TemplateEngineTests).
        .testTarget(
            name: "PortalRenderTests",
            dependencies: ["PortalRender", "PortalModel", "PortalContent", "PortalSearch", "PortalTestSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "PortalBuildTests",
            dependencies: ["PortalBuild", "PortalContent", "PortalDiagnostics", "PortalModel", "PortalTestSupport"]
        ),
    ]
)
