/// The line-protocol side of a connection: frame, rate-limit, parse, answer, log.
extension Connection {
    /// Answers the buffered complete lines in order; returns how many.
    func processLines(now: Double) -> Int {
        var answered = 0
        while wantsInput {
            guard let line = framer.nextLine() else {
                if peerClosed {
                    if let last = framer.finishInput() { answer(line: last, now: now) }
                    closeAfterFlush = true
                } else if loop.state.isDraining && !framer.hasPartialLine {
                    closeAfterFlush = true
                }
                break
            }
            answered += 1
            answer(line: line, now: now)
        }
        return answered
    }

    private func answer(line: Result<Substring, ProtocolError>, now: Double) {
        let started = Clock.monotonic()
        lastActivity = now
        let text: Substring
        switch line {
        case .failure(let error):
            answerLineError(error, now: now, started: started)
            if error.closesConnection {
                closeAfterFlush = true
                lingerOnClose = true
            }
            return
        case .success(let decoded):
            text = decoded
        }
        if case .limited(let seconds) = loop.state.admit(client, now: now) {
            answerLineError(.rateLimited(retryAfterSeconds: seconds), now: now, started: started)
            return
        }
        let command: Command
        do {
            command = try LineProtocol.parseCommand(text)
        } catch {
            answerLineError(error, now: now, started: started)
            return
        }
        let service = loop.state.service
        var body: [UInt8]
        let endpoint: String
        switch command {
        case .ask(let question):
            body = service.ask(question, history: conversation.history)
            conversation.record(question)
            endpoint = "ask"
        case .search(let query, let limit):
            body = service.search(query, limit: limit)
            endpoint = "search"
        case .cite(let paragraph):
            guard let passages = service.cite(paragraph) else {
                answerLineError(.notAParagraph, now: now, started: started, endpoint: "cite")
                return
            }
            body = passages
            endpoint = "cite"
        }
        body.append(0x0A)
        appendOutput(body)
        logRequest(endpoint: endpoint, status: "ok", started: started, bytes: body.count)
    }

    func answerLineError(
        _ error: ProtocolError, now: Double, started: Double, endpoint: String = "(line)"
    ) {
        let bytes = LineProtocol.errorLine(error)
        appendOutput(bytes)
        logRequest(endpoint: endpoint, status: error.code, started: started, bytes: bytes.count)
    }
}
