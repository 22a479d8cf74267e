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
        var text = AccessLogEntry.timestamp(time)
        text.reserveCapacity(text.utf8.count + listener.utf8.count + endpoint.utf8.count + status.utf8.count + 32)
        for part in [" ", listener, " ", endpoint, " ", status, " ", String(microseconds), "us ", String(bytes), "B"] {
            text.append(part)
        }
        return text
    }

    /// ISO 8601 UTC with milliseconds: `2025-01-31T09:30:00.123Z`.
    ///
    /// Digits are written into a fixed 24-byte pattern (one per request, so interpolating
    /// padded numbers showed in the request profile).
    static func timestamp(_ time: Double) -> String {
        var seconds = time_t(time.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = min(999, max(0, Int(((time - time.rounded(.down)) * 1000).rounded())))
        var text = Array("0000-00-00T00:00:00.000Z".utf8)
        func put(_ value: Int, at offset: Int, width: Int) {
            var rest = max(0, value)
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, at: 0, width: 4)
        put(Int(parts.tm_mon) + 1, at: 5, width: 2)
        put(Int(parts.tm_mday), at: 8, width: 2)
        put(Int(parts.tm_hour), at: 11, width: 2)
        put(Int(parts.tm_min), at: 14, width: 2)
        put(Int(parts.tm_sec), at: 17, width: 2)
        put(millis, at: 20, width: 3)
        return String(decoding: text, as: UTF8.self)
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
