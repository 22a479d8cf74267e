/// Parsing of one request head (request-line and field lines), RFC 9112 §2–§6.
extension HTTPRequestParser {
    /// Methods RFC 9110 defines; any other token is answered 501.
    static let knownMethods: Set<String> = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    ]

    /// Parses the bytes of a head, blank line included.
    static func parseHead(_ bytes: ArraySlice<UInt8>, limits: Limits) throws(HTTPError) -> Head {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            var line = bytes[lineStart..<index]
            if line.last == 0x0D { line = line.dropLast() }
            if line.contains(0x0D) {
                throw .badRequest("bare_cr", "a line ends in a bare CR; end lines with CRLF")
            }
            lines.append(line)
            lineStart = index + 1
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else {
            throw .badRequest("bad_request_line", "the request line is missing")
        }
        var head = try parseRequestLine(requestLine)
        for line in lines.dropFirst() {
            head.fields.append(try parseField(line))
        }
        try applyFraming(&head, limits: limits)
        return head
    }

    static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> Head {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, let methodBytes = parts.first, !methodBytes.isEmpty,
            methodBytes.allSatisfy(isTokenByte)
        else {
            if line.contains(0x00) {
                throw .badRequest("nul_byte", "the request contains a NUL byte")
            }
            throw .badRequest(
                "bad_request_line",
                "the request line must be METHOD SP TARGET SP HTTP/1.1, e.g. GET /healthz HTTP/1.1")
        }
        let method = String(decoding: methodBytes, as: UTF8.self)
        let minorVersion = try parseVersion(parts[2])
        let target = try parseTarget(parts[1], method: method)
        guard knownMethods.contains(method) else {
            throw HTTPError(
                status: 501, code: "method_not_implemented",
                message: "the method \(method) is not implemented; use GET, HEAD, POST or OPTIONS")
        }
        return Head(
            method: method, target: target, minorVersion: minorVersion, fields: [],
            contentLength: 0, expectsContinue: false)
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> Int {
        let text = Array(bytes)
        guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8), text[6] == UInt8(ascii: "."),
            isDigit(text[5]), isDigit(text[7])
        else {
            throw .badRequest("bad_version", "the request line must end in HTTP/1.1 or HTTP/1.0")
        }
        guard text[5] == UInt8(ascii: "1") else {
            throw HTTPError(
                status: 505, code: "version_not_supported",
                message: "only HTTP/1.1 and HTTP/1.0 are served here")
        }
        return Int(text[7] - UInt8(ascii: "0"))
    }

    /// Origin form, `*` for OPTIONS, or absolute form reduced to its path and query.
    private static func parseTarget(_ bytes: ArraySlice<UInt8>, method: String) throws(HTTPError)
        -> String
    {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .badRequest(
                "bad_target",
                "the request target must be visible ASCII with no spaces; percent-encode the rest")
        }
        var target = String(decoding: bytes, as: UTF8.self)
        // Origin form, as nearly every client sends: nothing to reduce.
        if bytes.first == UInt8(ascii: "/") { return target }
        if target == "*" && method == "OPTIONS" { return target }
        if let schemeEnd = target.firstRange(of: "://"),
            target[..<schemeEnd.lowerBound].lowercased() == "http"
                || target[..<schemeEnd.lowerBound].lowercased() == "https"
        {
            let authorityAndPath = target[schemeEnd.upperBound...]
            if let slash = authorityAndPath.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                target = String(authorityAndPath[slash...])
                if target.hasPrefix("?") { target = "/" + target }
            } else {
                target = "/"
            }
        }
        guard target.hasPrefix("/") else {
            throw .badRequest("bad_target", "the request target must start with /")
        }
        return target
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPError) -> HTTPRequest.Field {
        if let first = line.first, first == 0x20 || first == 0x09 {
            throw .badRequest(
                "obsolete_line_folding", "header lines may not be folded (RFC 9112 §5.2); unfold them")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw .badRequest("bad_header", "a header line has no colon; write Name: value")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            if name.contains(0x00) { throw .badRequest("nul_byte", "a header contains a NUL byte") }
            throw .badRequest(
                "bad_header",
                "a header name is empty or holds a character a token may not, such as a space before the colon")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        for byte in value where byte < 0x20 && byte != 0x09 || byte == 0x7F {
            if byte == 0x00 { throw .badRequest("nul_byte", "a header value contains a NUL byte") }
            throw .badRequest("bad_header", "a header value contains a control character")
        }
        guard let text = String(validating: value, as: UTF8.self) else {
            throw .badRequest("invalid_utf8", "a header value is not valid UTF-8")
        }
        let lowercasedName = String(decoding: name.map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
        return HTTPRequest.Field(name: lowercasedName, value: text)
    }

    /// Host, Content-Length, Transfer-Encoding and Expect: how the message is framed.
    private static func applyFraming(_ head: inout Head, limits: Limits) throws(HTTPError) {
        let hosts = head.fields.filter { $0.name == "host" }
        if head.minorVersion >= 1 && hosts.count != 1 || hosts.count > 1 {
            throw .badRequest("bad_host", "an HTTP/1.1 request needs exactly one Host header")
        }
        let lengths = head.fields.filter { $0.name == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingSpaces }
        let hasTransferEncoding = head.fields.contains { $0.name == "transfer-encoding" }
        if hasTransferEncoding && !lengths.isEmpty {
            throw .badRequest(
                "ambiguous_length",
                "the request has both Content-Length and Transfer-Encoding; send only Content-Length")
        }
        if hasTransferEncoding {
            throw HTTPError(
                status: 501, code: "transfer_encoding_not_implemented",
                message: "chunked and other transfer-coded bodies are not accepted; send Content-Length")
        }
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }) else {
                throw .badRequest(
                    "ambiguous_length", "the request has Content-Length values that differ; send one")
            }
            guard !first.isEmpty, first.utf8.allSatisfy(isDigit) else {
                throw .badRequest("bad_content_length", "Content-Length must be a decimal number")
            }
            let digits = first.drop { $0 == "0" }
            guard digits.count <= 18, let length = Int(digits.isEmpty ? "0" : digits),
                length <= limits.maxBodyBytes
            else {
                throw HTTPError(
                    status: 413, code: "body_too_large",
                    message: "the body is longer than \(limits.maxBodyBytes) bytes")
            }
            head.contentLength = length
        }
        if let expect = head.fields.first(where: { $0.name == "expect" }) {
            guard expect.value.lowercased() == "100-continue" else {
                throw HTTPError(
                    status: 417, code: "expectation_failed",
                    message: "only Expect: 100-continue is understood")
            }
            head.expectsContinue = head.contentLength > 0
        }
    }

    /// tchar (RFC 9110 §5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
}
