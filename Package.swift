// swift-tools-version:6.1
// SENGuide: cited answers from the SEN Support guidance. No package dependencies: the
// Swift toolchain alone (Foundation, Dispatch, Glibc, Swift Testing).
import PackageDescription

let package = Package(
    name: "SENGuide",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "senguide", targets: ["senguide"]),
    ],
    targets: [
        // Pure: analysis (tokeniser, Porter2, stop words), the inverted index, BM25, index file codec.
        .target(name: "SearchCore"),
        // Pure: corpus format, passages, Code of Practice references, vocabulary, myth cards, answers.
        .target(name: "Guidance", dependencies: ["SearchCore"]),
        // I/O: POSIX sockets, HTTP/1.1, the line protocol.
        .target(name: "GuideServer", dependencies: ["Guidance"]),
        // The command-line front: arguments, files, terminal.
        .executableTarget(name: "senguide", dependencies: ["Guidance", "GuideServer"]),
        .testTarget(name: "SearchCoreTests", dependencies: ["SearchCore"]),
        .testTarget(name: "GuidanceTests", dependencies: ["Guidance"]),
        .testTarget(name: "GuideServerTests", dependencies: ["GuideServer"]),
        .testTarget(name: "senguideTests", dependencies: ["senguide"]),
    ]
)
