#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The body of `POST /v1/ask`: `{"question": "…", "history": ["earlier question", …]}`.
struct AskBody: Decodable, Equatable {
    let question: String
    let history: [String]

    private enum CodingKeys: String, CodingKey { case question, history }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(String.self, forKey: .question)
        history = try container.decodeIfPresent([String].self, forKey: .history) ?? []
    }

    /// Checks the media type and decodes the body of `request`.
    ///
    /// - Throws: 415 unless the body is `application/json` (UTF-8); 400 unless it is a JSON
    ///   object with a non-empty string `question` and, optionally, an array of strings `history`.
    static func decode(_ request: HTTPRequest) throws(HTTPError) -> AskBody {
        try checkMediaType(request.header("content-type"))
        let shape = #"the body must be JSON {"question": "…", "history": ["…"]}"#
        guard String(validating: request.body, as: UTF8.self) != nil else {
            throw .badRequest("invalid_utf8", "the body is not valid UTF-8")
        }
        let body: AskBody
        do {
            body = try JSONDecoder().decode(AskBody.self, from: Data(request.body))
        } catch {
            throw .badRequest("bad_body", shape)
        }
        guard body.question.contains(where: { !$0.isWhitespace }) else {
            throw .badRequest("missing_question", "the question is empty; " + shape)
        }
        if body.question.utf8.contains(0) || body.history.contains(where: { $0.utf8.contains(0) }) {
            throw .badRequest("nul_byte", "the question or history contains a NUL character")
        }
        return body
    }

    private static func checkMediaType(_ contentType: String?) throws(HTTPError) {
        let unsupported = HTTPError(
            status: 415, code: "unsupported_media_type",
            message: "send the body as Content-Type: application/json (UTF-8)")
        guard let contentType else { throw unsupported }
        let parts = contentType.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
        guard parts.first == "application/json" else { throw unsupported }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingScalars(where: { $0 == "\"" })
            guard charset == "utf-8" || charset == "utf8" else { throw unsupported }
        }
    }
}
