/// One HTTP/1.1 request, framed and checked by ``HTTPRequestParser``.
struct HTTPRequest: Sendable, Equatable {
    /// A header field; `name` is lowercased, `value` has its surrounding whitespace removed.
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    /// The method token, case-sensitive as RFC 9110 §9.1 requires (`GET`, not `get`).
    let method: String
    /// The request target in origin form (`/v1/ask?q=…`), or `*` for `OPTIONS *`. An
    /// absolute-form target (`http://host/path`) is reduced to its path and query.
    let target: String
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x).
    let minorVersion: Int
    let fields: [Field]
    let body: [UInt8]

    /// The target's path, before any `?`; still percent-encoded.
    var path: Substring {
        guard let mark = questionMark else { return target[...] }
        return target[..<mark]
    }

    /// The target's query, after the first `?`; nil when there is none.
    var query: Substring? {
        guard let mark = questionMark else { return nil }
        return target[target.utf8.index(after: mark)...]
    }

    /// Where the first `?` is, found in the UTF-8 bytes (the target is visible ASCII, so a
    /// byte is a character; searching Characters cost 4k instructions a look).
    private var questionMark: String.Index? { target.utf8.firstIndex(of: UInt8(ascii: "?")) }

    /// The value of the first field named `name` (lowercase), if any.
    func header(_ name: String) -> String? {
        fields.first(where: { $0.name == name })?.value
    }

    /// Whether the connection stays open after the response (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    var keepAlive: Bool {
        let options = fields.filter { $0.name == "connection" }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingSpaces.lowercased() }
        if options.contains("close") { return false }
        return minorVersion >= 1 || options.contains("keep-alive")
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
