import Testing
@testable import GuideServer

@Suite struct AccessLogTests {
    @Test func formatsOneLine() {
        let entry = AccessLogEntry(
            time: 1_700_000_000.25, listener: "http", endpoint: "GET /v1/search", status: "200",
            microseconds: 153, bytes: 1024)
        #expect(entry.formatted == "2023-11-14T22:13:20.250Z http GET /v1/search 200 153us 1024B")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (951_825_599.999, "2000-02-29T11:59:59.999Z"),
        (1_798_761_599.5, "2026-12-31T23:59:59.500Z"),
        (1_000_000_000.007, "2001-09-09T01:46:40.007Z"),
    ])
    func timestampsArePaddedISO8601(time: Double, expected: String) {
        #expect(AccessLogEntry.timestamp(time) == expected)
    }

    @Test func httpDateIsIMFFixdate() {
        #expect(AccessLogEntry.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
