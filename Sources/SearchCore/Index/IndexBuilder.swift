/// Collects passages and builds an ``InvertedIndex``.
///
/// The same passages added in the same order always give the same index, byte for byte once
/// encoded: terms are sorted by bytes and postings are in passage order. A large collection
/// can be analysed on several threads, one ``IndexSegment`` each, and the segments joined in
/// order with ``init(segments:)``.
public struct IndexBuilder: Sendable {
    public let analyzer: Analyzer
    private var segments: [IndexSegment]

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
        segments = [IndexSegment(analyzer: analyzer)]
    }

    /// A builder holding `segments`' passages, in the order given (the first segment's
    /// passages get the lowest ordinals). The segments must share one analyzer.
    public init(segments: [IndexSegment]) {
        self.analyzer = segments.first?.analyzer ?? .english
        self.segments = segments.isEmpty ? [IndexSegment(analyzer: analyzer)] : segments
    }

    /// The number of passages added so far.
    public var passageCount: Int { segments.reduce(0) { $0 + $1.passageCount } }

    /// Adds one passage; its id must be unique (see ``firstDuplicateID()``).
    public mutating func add(passageID: String, text: String) {
        segments[segments.count - 1].add(passageID: passageID, text: text)
    }

    /// An id given to more than one passage, if any.
    ///
    /// - Complexity: O(*n*) when the ids ascend, else O(*n* log *n*).
    public func firstDuplicateID() -> String? {
        PassageIDOrder.ranks(of: segments.flatMap(\.passageIDs)).duplicate
    }

    /// Builds the index, with `synonyms` for query expansion and the fingerprint of its
    /// source, inverting and encoding on up to `parallelism` threads.
    public func build(synonyms: SynonymGroups = .none, sourceFingerprint: UInt64 = 0, parallelism: Int = 1)
        -> InvertedIndex
    {
        let contents = contents(synonyms: synonyms, sourceFingerprint: sourceFingerprint, parallelism: parallelism)
        let bytes = IndexWriter.write(contents, parallelism: parallelism)
        do {
            return try InvertedIndex(storage: OwnedIndexBytes(copying: bytes), analyzer: analyzer)
        } catch {
            preconditionFailure("the index writer made a file its reader refuses: \(error)")
        }
    }

    /// The passages inverted: each segment on its own thread, then joined term by term.
    func contents(synonyms: SynonymGroups, sourceFingerprint: UInt64, parallelism: Int) -> IndexContents {
        let segments = self.segments
        let inverted = Parallel.map(count: segments.count, parallelism: parallelism) { segments[$0].inverted() }
        // Every distinct term of every segment, sorted by bytes.
        var all = ByteStringTable(capacity: segments.reduce(0) { $0 + $1.terms.count })
        let localToAll = segments.map { segment in
            (0..<segment.terms.count).map { local in
                segment.terms.bytes(local).withUnsafeBufferPointer { all.intern($0).id }
            }
        }
        let sorted = (0..<all.count).sorted { all.bytes($0).lexicographicallyPrecedes(all.bytes($1)) }
        var ordinalOfAll = [Int](repeating: 0, count: all.count)
        var termBytes: [UInt8] = []
        var termOffsets: [UInt32] = [0]
        termOffsets.reserveCapacity(sorted.count + 1)
        for (ordinal, id) in sorted.enumerated() {
            ordinalOfAll[id] = ordinal
            termBytes.append(contentsOf: all.bytes(id))
            termOffsets.append(UInt32(termBytes.count))
        }
        // Each segment's postings for a term, one after the other, ordinals shifted.
        var localOf = [[Int]](repeating: [], count: segments.count)
        for (segment, map) in localToAll.enumerated() {
            localOf[segment] = [Int](repeating: -1, count: sorted.count)
            for (local, id) in map.enumerated() { localOf[segment][ordinalOfAll[id]] = local }
        }
        let total = inverted.reduce(0) { $0 + $1.ordinals.count }
        var postingStarts = [Int]()
        postingStarts.reserveCapacity(sorted.count + 1)
        var ordinals = [UInt32]()
        var frequencies = [UInt32]()
        ordinals.reserveCapacity(total)
        frequencies.reserveCapacity(total)
        postingStarts.append(0)
        for term in 0..<sorted.count {
            var base: UInt32 = 0
            for (segment, postings) in inverted.enumerated() {
                let local = localOf[segment][term]
                if local >= 0 {
                    let range = postings.starts[local]..<postings.starts[local + 1]
                    ordinals.append(contentsOf: postings.ordinals[range].lazy.map { $0 + base })
                    frequencies.append(contentsOf: postings.frequencies[range])
                }
                base += UInt32(segments[segment].passageCount)
            }
            postingStarts.append(ordinals.count)
        }
        return IndexContents(
            analyzerID: analyzer.id, sourceFingerprint: sourceFingerprint, synonymRules: synonyms.rules,
            passageIDs: segments.flatMap(\.passageIDs), passageLengths: segments.flatMap(\.passageLengths),
            termBytes: termBytes, termOffsets: termOffsets, postingStarts: postingStarts, postingOrdinals: ordinals,
            postingFrequencies: frequencies)
    }
}
