import Testing
@testable import GuideServer

@Suite struct AccessLogTests {
    @Test func formatsOneLine() {
        let entry = AccessLogEntry(
            time: 1_700_000_000.25, listener: "http", endpoint: "GET /v1/search", status: "200",
            microseconds: 153, bytes: 1024)
        #expect(entry.formatted == "2023-11-14T22:13:20.250Z http GET /v1/search 200 153us 1024B")
    }

    @Test func httpDateIsIMFFixdate() {
        #expect(AccessLogEntry.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
