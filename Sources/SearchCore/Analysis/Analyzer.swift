/// Turns text into index terms: the same chain for indexing and for queries.
///
/// The chain is declared, Lucene-style: ``WordTokenizer`` (folding case, diacritics and
/// apostrophes), then English stop words removed, then the ``Porter2`` stemmer for words
/// (tokens holding a digit, such as "6.45", "6000" or "s66", are kept as they are).
/// Its ``id`` is stored in the index file, so an index is never read with another chain.
///
/// ```swift
/// Analyzer.english.terms("Can under-5s have SEN?")   // ["can", "5", "sen"]
/// ```
public struct Analyzer: Sendable {
    /// Names the chain; change it whenever the terms produced for any text change.
    public let id: String
    let tokenizer: WordTokenizer
    let stopwords: Set<String>

    /// The analyzer for the guidance: Snowball English stop words and the Porter2 stemmer.
    public static let english = Analyzer(
        id: "en-porter2-v1", tokenizer: WordTokenizer(), stopwords: Analyzer.englishStopwords)

    /// Returns the index terms of `text`, in order, repeats kept.
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        tokenizer.forEachToken(in: WordTokenizer.foldedBytes(text)) { token in
            if let term = term(forToken: token) { result.append(term) }
        }
        return result
    }

    /// Returns the term for one token, or nil for a stop word.
    public func term(forToken token: String) -> String? {
        if stopwords.contains(token) { return nil }
        if token.utf8.contains(where: WordTokenizer.isDigit) { return token }
        let stem = Porter2.stem(token)
        return stem.isEmpty ? nil : stem
    }

    /// True when `token` (already lowercase) is a stop word.
    public func isStopword(_ token: String) -> Bool { stopwords.contains(token) }

    /// The raw tokens of `text` before stop words and stemming (for spelling and highlighting).
    public func tokens(_ text: String) -> [String] { tokenizer.tokens(text) }
}
