/// The answer as JSON, per CONTRACT.md ("The answer (JSON)"), plus `disclaimer`,
/// `corrected_question`, and per citation `area` (null for national guidance) and `strength`
/// ("duty" for "must", "guidance" for "should", else null).
extension Answer {
    public var json: JSONValue {
        .object([
            ("question", .string(question)),
            ("kind", .string(kind.rawValue)),
            ("summary", .string(summary)),
            ("myth", myth.map(\.json) ?? .null),
            ("citations", .array(citations.map(\.json))),
            ("signposts", .array(signposts.map(\.json))),
            ("suggestions", .strings(suggestions)),
            ("corrected_question", .optional(correctedQuestion)),
            ("disclaimer", .string(Answer.disclaimer)),
        ])
    }
}

extension MythCard {
    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("claim", .string(claim)), ("verdict", .string(verdict)),
            ("explanation", .string(fact)),
        ])
    }
}

extension Citation {
    public var json: JSONValue {
        .object([
            ("passage", .string(passage.id)),
            ("source", .string(document.publisher)),
            ("title", .string(document.title)),
            ("heading", .string(passage.heading)),
            ("text", .string(passage.text)),
            ("code_refs", .strings(passage.codeParagraphs)),
            ("url", .optional(document.url)),
            ("score", .number(Citation.rounded(score))),
            ("area", .optional(localArea)),
            ("strength", .optional(strength?.rawValue)),
        ])
    }

    /// Scores to six decimal places, as the TREC run file writes them.
    static func rounded(_ score: Double) -> Double { (score * 1_000_000).rounded() / 1_000_000 }
}

extension Signpost {
    public var json: JSONValue { .object([("name", .string(name)), ("detail", .string(detail))]) }
}

extension SearchHit {
    /// One hit of `/v1/search` and `senguide search --json`.
    public var json: JSONValue {
        .object(
            SearchHit.membersBeforeScore(passage)
                + [("score", .number(Citation.rounded(score)))]
                + SearchHit.membersAfterScore(passage, document))
    }

    /// The members of a hit that come before its score: the passage's id.
    static func membersBeforeScore(_ passage: Passage) -> [(String, JSONValue)] {
        [("passage", .string(passage.id))]
    }

    /// The members of a hit that come after its score: where it is from and what it says.
    static func membersAfterScore(_ passage: Passage, _ document: CorpusDocument) -> [(String, JSONValue)] {
        [
            ("source", .string(document.publisher)),
            ("title", .string(document.title)),
            ("heading", .string(passage.heading)),
            ("text", .string(passage.text)),
            ("code_refs", .strings(passage.codeParagraphs)),
            ("area", .string(document.area)),
        ]
    }

    /// The `{"query", "hits"}` document for a search.
    public static func json(query: String, hits: [SearchHit]) -> JSONValue {
        .object([("query", .string(query)), ("hits", .array(hits.map(\.json)))])
    }
}
