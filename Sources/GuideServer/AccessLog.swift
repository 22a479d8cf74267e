import Glibc

/// One line of the access log: what was asked of which listener, how it went, how long it
/// took and how much was sent.
///
/// It never holds the request text or the client address (a parent's question can name a
/// child): `endpoint` is a route name such as `GET /v1/ask` or a line command such as `ask`.
struct AccessLogEntry: Sendable, Equatable {
    /// Wall-clock time the request completed, seconds since 1970.
    var time: Double
    /// `http` or `lines`.
    var listener: String
    var endpoint: String
    /// An HTTP status, or for the line protocol `ok` or an error code.
    var status: String
    var microseconds: Int
    /// Bytes of the response, headers included.
    var bytes: Int

    /// `2025-01-31T09:30:00.123Z http GET /v1/search 200 153us 1024B`.
    var formatted: String {
        "\(AccessLogEntry.timestamp(time)) \(listener) \(endpoint) \(status) \(microseconds)us \(bytes)B"
    }

    /// ISO 8601 UTC with milliseconds.
    static func timestamp(_ time: Double) -> String {
        var seconds = time_t(time.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int((time - time.rounded(.down)) * 1000)
        return "\(parts.tm_year + 1900)-\(pad(Int(parts.tm_mon) + 1))-\(pad(Int(parts.tm_mday)))T"
            + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec)))."
            + "\(pad(millis, width: 3))Z"
    }

    /// The IMF-fixdate of RFC 9110 §5.6.7, for the `Date` header: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ time: Double) -> String {
        var seconds = time_t(time.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[Int(parts.tm_wday) % 7]), \(pad(Int(parts.tm_mday))) "
            + "\(months[Int(parts.tm_mon) % 12]) \(parts.tm_year + 1900) "
            + "\(pad(Int(parts.tm_hour))):\(pad(Int(parts.tm_min))):\(pad(Int(parts.tm_sec))) GMT"
    }

    private static func pad(_ value: Int, width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
