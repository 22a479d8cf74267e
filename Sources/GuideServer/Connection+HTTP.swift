/// The HTTP side of a connection: frame, rate-limit, route, serialise, log.
extension Connection {
    private static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Answers the buffered complete requests in order; returns how many.
    func processHTTP(now: Double) -> Int {
        var answered = 0
        while wantsInput {
            let next: HTTPRequest?
            do {
                next = try parser.nextRequest()
            } catch {
                answerHTTPError(error, now: now)
                break
            }
            guard let request = next else {
                if parser.takeContinueRequest() { appendOutput(Self.continueResponse) }
                if peerClosed {
                    do {
                        try parser.finishInput()
                        closeAfterFlush = true
                    } catch {
                        answerHTTPError(error, now: now)
                    }
                }
                break
            }
            answered += 1
            answer(request, now: now)
        }
        return answered
    }

    private func answer(_ request: HTTPRequest, now: Double) {
        let started = Clock.monotonic()
        let state = loop.state
        var outcome: Router.Outcome
        if request.path != "/healthz",
            case .limited(let seconds) = state.admit(client, now: now)
        {
            let error = HTTPError(
                status: 429, code: "rate_limited",
                message: "too many requests from this address; retry in \(seconds) s",
                headers: [("Retry-After", String(seconds))])
            outcome = Router.Outcome(
                endpoint: state.router.endpointName(request), response: error.response)
        } else {
            outcome = state.router.route(request, service: state.service)
        }
        let keepAlive =
            request.keepAlive && !outcome.response.closesConnection && !state.isDraining
        let bytes = outcome.response.serialized(
            keepAlive: keepAlive, http10: request.minorVersion == 0,
            omitBody: request.method == "HEAD", date: loop.httpDate())
        appendOutput(bytes)
        if !keepAlive {
            closeAfterFlush = true
            lingerOnClose = outcome.response.closesConnection
        }
        lastActivity = now
        logRequest(
            endpoint: outcome.endpoint, status: String(outcome.response.status), started: started,
            bytes: bytes.count)
    }

    /// Answers an error found while framing, then closes.
    func answerHTTPError(_ error: HTTPError, now: Double) {
        let started = Clock.monotonic()
        let bytes = error.response.serialized(keepAlive: false, date: loop.httpDate())
        appendOutput(bytes)
        closeAfterFlush = true
        lingerOnClose = true
        lastActivity = now
        logRequest(endpoint: "(unframed)", status: String(error.status), started: started, bytes: bytes.count)
    }
}
