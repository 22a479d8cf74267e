// Fuzz target: the HTTP/1.1 request parser and the router, as a connection drives them.
//
// The input is a byte stream from a peer. Its first byte chooses how the stream is cut into
// reads (1 to 256 bytes each), so that a request split at every point is tried; the parser
// frames requests until it waits or fails, each request is routed and its response
// serialised, and the end of input is signalled as a half-close. A stub service answers, so
// the work measured is framing, query strings, bodies and CORS, not ranking.
// Build and run: Fuzz/run.sh HTTPRequest
@testable import GuideServer

private struct EchoService: GuideService {
    func ask(_ question: String, history: [String]) -> [UInt8] {
        JSONText.object([("question", question), ("history", String(history.count))])
    }
    func search(_ query: String, limit: Int) -> [UInt8] {
        JSONText.object([("query", query), ("limit", String(limit))])
    }
    func cite(_ paragraph: String) -> [UInt8]? {
        paragraph.isEmpty ? nil : JSONText.object([("paragraph", paragraph)])
    }
    var healthFields: [(String, String)] { [("passages", "1")] }
    var summary: String { "fuzz" }
}

private let service = EchoService()
private let router = Router(allowedOrigins: ["https://school.example"])
private let limits = HTTPRequestParser.Limits(maxHeaderBytes: 2048, maxBodyBytes: 4096)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0]) + 1
    let stream = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var parser = HTTPRequestParser(limits: limits)
    var offset = 0
    var failed = false
    func drain() {
        while !failed {
            do {
                guard let request = try parser.nextRequest() else {
                    _ = parser.takeContinueRequest()
                    return
                }
                let outcome = router.route(request, service: service)
                _ = router.endpointName(request)
                let bytes = outcome.response.serialized(
                    keepAlive: request.keepAlive, http10: request.minorVersion == 0,
                    omitBody: request.method == "HEAD", date: "Mon, 23 Nov 2026 09:00:00 GMT")
                precondition(bytes.starts(with: Array("HTTP/1.1 ".utf8)), "a response must start with its status line")
            } catch {
                precondition((400...599).contains(error.status), "a framing error must be 4xx or 5xx")
                _ = error.response.serialized(keepAlive: false, date: "Mon, 23 Nov 2026 09:00:00 GMT")
                failed = true
            }
        }
    }
    while offset < stream.count && !failed {
        let end = min(offset + chunk, stream.count)
        parser.append(stream[offset..<end])
        offset = end
        drain()
        precondition(parser.bufferedByteCount <= limits.maxHeaderBytes + limits.maxBodyBytes + chunk + 2,
                     "the parser must not hold more than one request's worth of bytes")
    }
    if !failed {
        do { try parser.finishInput() } catch { failed = true }
    }
    return 0
}
