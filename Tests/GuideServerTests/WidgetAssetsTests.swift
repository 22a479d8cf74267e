import Foundation
import Testing

@testable import GuideServer

/// The widget the server embeds is the one in `Widget/`, and it stays within its size budget.
struct WidgetAssetsTests {
    /// `Widget/` in the repository, found from this file's path.
    static let widgetDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GuideServerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("Widget")

    /// Site owners paste one script tag; it must stay small enough for a slow phone.
    static let widgetScriptLimit = 20 * 1024

    /// The embedded copies by file name. Tests take the name alone as their argument, so
    /// that the test log does not print the whole file.
    static let embedded = ["widget.js": WidgetAssets.widgetJS, "demo.html": WidgetAssets.demoHTML]

    @Test(arguments: ["widget.js", "demo.html"])
    func embeddedCopyMatchesTheFile(name: String) throws {
        let embedded = try #require(Self.embedded[name])
        let url = Self.widgetDirectory.appendingPathComponent(name)
        let file = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        // Compared line by line so that a failure names the first line that differs rather
        // than printing the whole file.
        let fileLines = file.split(separator: "\n", omittingEmptySubsequences: false)
        let embeddedLines = embedded.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference =
            zip(fileLines, embeddedLines).enumerated()
            .first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }?.offset
            ?? (fileLines.count == embeddedLines.count ? nil : min(fileLines.count, embeddedLines.count))
        #expect(
            firstDifference == nil,
            """
            Widget/\(name) differs from its embedded copy (WidgetAssets+…swift) from line \((firstDifference ?? 0) + 1): \
            run python3 scripts/embed_widget.py
            """)
    }

    @Test func widgetScriptIsWithinItsSizeBudget() throws {
        let file = try Data(contentsOf: Self.widgetDirectory.appendingPathComponent("widget.js"))
        #expect(file.count <= Self.widgetScriptLimit, "Widget/widget.js is \(file.count) bytes")
        #expect(WidgetAssets.widgetJS.utf8.count <= Self.widgetScriptLimit)
    }
}
