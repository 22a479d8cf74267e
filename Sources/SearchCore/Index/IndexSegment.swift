/// A run of passages analysed on one thread: the unit of a parallel build.
///
/// Analysis works over UTF-8 bytes. Each distinct token is analysed once (stop word check
/// and ``Porter2`` stem) and remembered, so that the same token met again costs one hash
/// lookup; no `String` is made per token. Each passage is kept as its distinct terms (local
/// term ids) with their counts, ready for ``IndexBuilder`` to invert.
///
/// ```swift
/// let halves = Parallel.map(count: 2, parallelism: 2) { half in
///     var segment = IndexSegment(analyzer: .english)
///     for (id, text) in documents[half] { segment.add(passageID: id, text: text) }
///     return segment
/// }
/// let index = IndexBuilder(segments: halves).build()
/// ```
public struct IndexSegment: Sendable {
    public let analyzer: Analyzer
    private(set) var passageIDs: [String] = []
    private(set) var passageLengths: [UInt32] = []
    /// Where each passage's entries start; one more than passages.
    private(set) var passageStarts: [Int] = [0]
    /// Local term id and count of each distinct term of each passage, passage by passage.
    private(set) var entryTerms: [UInt32] = []
    private(set) var entryFrequencies: [UInt32] = []
    /// The segment's terms, by local id.
    private(set) var terms = ByteStringTable(capacity: 1 << 14)
    /// The local term of each token met, −1 for a token with no term (a stop word).
    private var tokens = TokenTermTable(capacity: 1 << 15)
    /// Buffers reused from one passage to the next.
    private var buffers = Buffers()

    private struct Buffers: Sendable {
        var folded: [UInt8] = []
        /// The current passage's tokens, looked up in two passes (``TokenTermTable``).
        var keys: [TokenTermTable.Key] = []
        var longTokens: [UInt8] = []
        /// Where the first pass's reads go, so that they are not optimised away.
        var touched: UInt32 = 0
        /// The current passage's terms, sorted and counted when it ends.
        var passageTerms: [UInt32] = []
    }

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// The number of passages added.
    public var passageCount: Int { passageIDs.count }

    /// Adds one passage.
    public mutating func add(passageID: String, text: String) {
        var text = text
        text.withUTF8 { add(passageID: passageID, utf8: $0) }
    }

    /// Adds one passage given as UTF-8 bytes (invalid sequences are repaired, as
    /// `String(decoding:as:)` does).
    ///
    /// - Complexity: O(*n*) in the text's length, plus the analysis of tokens not met before.
    public mutating func add(passageID: String, utf8 text: UnsafeBufferPointer<UInt8>) {
        // Moved out so that the token callback can change the tables while the tokenizer
        // uses the buffers (each is then uniquely referenced: no copy is made).
        var buffers = self.buffers
        var tokens = self.tokens
        var terms = self.terms
        self.buffers = Buffers()
        self.tokens = .empty
        self.terms = .empty
        buffers.folded.removeAll(keepingCapacity: true)
        var isASCII = true
        for byte in text {
            if byte >= 0x80 { isASCII = false; break }
            buffers.folded.append(WordTokenizer.asciiLowercase(byte))
        }
        if !isASCII { buffers.folded = WordTokenizer.foldedBytes(String(decoding: text, as: UTF8.self)) }
        var passageTerms = buffers.passageTerms
        buffers.passageTerms = []
        passageTerms.removeAll(keepingCapacity: true)
        let analyzer = self.analyzer
        buffers.keys.removeAll(keepingCapacity: true)
        buffers.longTokens.removeAll(keepingCapacity: true)
        buffers.folded.withUnsafeBufferPointer { folded in
            analyzer.tokenizer.forEachToken(in: folded) { token in
                buffers.keys.append(TokenTermTable.key(token, arena: &buffers.longTokens))
            }
        }
        var touched: UInt32 = 0
        for key in buffers.keys { touched &+= tokens.touch(key) }
        buffers.touched &+= touched
        for key in buffers.keys {
            let term = tokens.term(for: key, arena: buffers.longTokens) {
                Self.analyse($0, analyzer: analyzer, terms: &terms)
            }
            if term >= 0 { passageTerms.append(UInt32(term)) }
        }
        // Distinct terms with their counts: sorting a passage's few terms is cheaper than a
        // random access per token into a table as large as the vocabulary.
        let length = UInt32(passageTerms.count)
        passageTerms.sort()
        var position = 0
        while position < passageTerms.count {
            let term = passageTerms[position]
            var end = position + 1
            while end < passageTerms.count, passageTerms[end] == term { end += 1 }
            entryTerms.append(term)
            entryFrequencies.append(UInt32(end - position))
            position = end
        }
        buffers.passageTerms = passageTerms
        self.buffers = buffers
        self.tokens = tokens
        self.terms = terms
        passageIDs.append(passageID)
        passageLengths.append(length)
        passageStarts.append(entryTerms.count)
    }

    /// The local term of a token met for the first time, or −1.
    private static func analyse(_ token: UnsafeBufferPointer<UInt8>, analyzer: Analyzer, terms: inout ByteStringTable)
        -> Int32
    {
        guard let term = analyzer.term(forToken: String(decoding: token, as: UTF8.self)) else { return -1 }
        var bytes = term
        return Int32(bytes.withUTF8 { terms.intern($0).id })
    }

    /// The segment's postings by local term: ordinals (within the segment) and counts.
    ///
    /// - Complexity: O(entries + terms): a counting sort.
    func inverted() -> (starts: [Int], ordinals: [UInt32], frequencies: [UInt32]) {
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in entryTerms { starts[Int(term) + 1] += 1 }
        for term in 0..<terms.count { starts[term + 1] += starts[term] }
        var next = starts
        var ordinals = [UInt32](repeating: 0, count: entryTerms.count)
        var frequencies = [UInt32](repeating: 0, count: entryTerms.count)
        for passage in 0..<passageCount {
            for entry in passageStarts[passage]..<passageStarts[passage + 1] {
                let term = Int(entryTerms[entry])
                ordinals[next[term]] = UInt32(passage)
                frequencies[next[term]] = entryFrequencies[entry]
                next[term] += 1
            }
        }
        return (starts, ordinals, frequencies)
    }
}
