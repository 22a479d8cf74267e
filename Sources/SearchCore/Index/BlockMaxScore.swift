/// Top-k retrieval that skips what cannot reach the top k: MaxScore over block-max windows
/// (Turtle & Flood 1995; Ding & Suel 2011; as in Lucene's `MaxScoreBulkScorer`).
///
/// Each term has an upper bound on its part in any score: its weighted idf times the largest
/// impact f / (f + k1 · (1 − b + b · dl / avgdl)) stored for the term and for each block of
/// 128 postings. Once k passages are held, the k-th score θ is the bar to clear:
/// - The passages are walked in windows that end where the current block of a candidate
///   term ends. A window whose block bounds add up to less than θ is skipped undecoded.
/// - Within a window the terms are sorted by bound; the lowest ones whose bounds together
///   stay below θ are *non-essential*: a passage holding none of the others cannot clear θ,
///   so candidates come only from the essential terms, and the non-essential ones are
///   looked up (with skipping) only while the running bound still clears θ.
///
/// The result is exactly that of scoring every posting: a passage is dropped only when an
/// upper bound of its score, rounded up, is below θ (a passage scoring exactly θ may still
/// enter on its id), and a kept passage's score is summed over the query terms in query
/// order, as ``InvertedIndex/searchExhaustively(_:limit:parameters:allowed:)`` sums it.
struct BlockMaxScore {
    /// Bounds are scaled by this before comparing with θ, so that no rounding in summing
    /// them in another order can drop a passage that belongs.
    static let slack = 1 + 1e-9

    struct Term {
        let termOrdinal: Int
        let weightedIDF: Double
    }

    /// The best `limit` passages for `terms` (in query order), pruning when `prune`.
    static func search(
        _ index: InvertedIndex, terms: [Term], limit: Int, parameters: BM25Parameters,
        allowed: ((Int) -> Bool)?, prune: Bool
    ) -> [TopHits.Hit] {
        let count = terms.count
        guard count > 0, let base = index.bytes.baseAddress else { return [] }
        let buffers = UnsafeMutablePointer<UInt32>.allocate(capacity: count * 2 * IndexFormat.blockSize)
        let cursors = UnsafeMutablePointer<PostingCursor>.allocate(capacity: count)
        for (position, term) in terms.enumerated() {
            (cursors + position).initialize(
                to: PostingCursor(
                    index: index, termOrdinal: term.termOrdinal,
                    buffer: buffers + position * 2 * IndexFormat.blockSize))
        }
        defer {
            cursors.deinitialize(count: count)
            cursors.deallocate()
            buffers.deallocate()
        }
        var search = Run(
            index: index, base: base, terms: terms, cursors: cursors, limit: limit, parameters: parameters,
            allowed: allowed, prune: prune)
        search.run()
        return search.top.sorted()
    }

    /// One search's state.
    private struct Run {
        let index: InvertedIndex
        let terms: [Term]
        let cursors: UnsafeMutablePointer<PostingCursor>
        let parameters: BM25Parameters
        let allowed: ((Int) -> Bool)?
        let prune: Bool
        var top: TopHits
        /// Each term's part in the current passage's score, by query position.
        var parts: [Double]
        /// Each term's bound within the current window.
        var windowBounds: [Double]
        /// Term positions by ascending window bound.
        var order: [Int]
        /// `order[..<essentialStart]` are the non-essential terms.
        var essentialStart = 0
        /// The sum of the non-essential terms' window bounds.
        var nonEssentialBound = 0.0
        /// Read directly in the scoring loop, to keep it free of reference counting.
        let lengths: UnsafeRawPointer
        let lengthWidth: Int
        let ranks: UnsafeRawPointer?
        let averageLength: Double

        init(
            index: InvertedIndex, base: UnsafeRawPointer, terms: [Term], cursors: UnsafeMutablePointer<PostingCursor>,
            limit: Int,
            parameters: BM25Parameters, allowed: ((Int) -> Bool)?, prune: Bool
        ) {
            self.index = index
            self.terms = terms
            self.cursors = cursors
            self.parameters = parameters
            self.allowed = allowed
            self.prune = prune
            top = TopHits(capacity: limit)
            parts = Array(repeating: 0, count: terms.count)
            windowBounds = Array(repeating: 0, count: terms.count)
            order = Array(terms.indices)
            lengths = base + index.layout.start(.lengths)
            lengthWidth = index.layout.lengthWidth
            ranks = index.layout.hasRanks ? base + index.layout.start(.idRanks) : nil
            averageLength = index.averageLength
        }

        mutating func run() {
            // Whole-postings bounds decide where windows may start: a passage holding only
            // terms whose bounds sum below θ can be skipped even between windows.
            let termBounds = terms.indices.map { position in
                terms[position].weightedIDF * Double(cursors[position].termImpact) / IndexFormat.impactScale
                    * BlockMaxScore.slack
            }
            let byBound = terms.indices.sorted { termBounds[$0] < termBounds[$1] }
            var windowMin = 0
            while windowMin < index.passageCount {
                var leadStart = 0
                var sum = 0.0
                while prune, leadStart < byBound.count, (sum + termBounds[byBound[leadStart]]) * BlockMaxScore.slack < top.threshold {
                    sum += termBounds[byBound[leadStart]]
                    leadStart += 1
                }
                // The window ends with the current block of the lead term that ends first.
                var windowMax = Int.max - 1
                var lowestStart = Int.max
                for position in byBound[leadStart...] where cursors[position].shallowAdvance(to: windowMin) {
                    let block = cursors[position].block
                    windowMax = min(windowMax, cursors[position].lastOrdinal(ofBlock: block))
                    let start = block == 0 ? 0 : cursors[position].lastOrdinal(ofBlock: block - 1) + 1
                    lowestStart = min(lowestStart, max(start, windowMin))
                }
                guard lowestStart != Int.max else { return }  // every lead term is exhausted
                windowMin = lowestStart
                windowMax = max(windowMax, windowMin)
                if prune {
                    if !boundWindow(from: windowMin, to: windowMax) {
                        windowMin = windowMax + 1
                        continue
                    }
                } else {
                    essentialStart = 0
                    nonEssentialBound = 0
                }
                scoreWindow(from: windowMin, to: windowMax)
                windowMin = windowMax &+ 1
            }
        }

        /// Sets each term's bound within [from, to] and splits the terms into non-essential
        /// and essential; false when even all of them together cannot clear θ.
        private mutating func boundWindow(from: Int, to: Int) -> Bool {
            var total = 0.0
            for position in terms.indices {
                windowBounds[position] = bound(of: position, from: from, to: to)
                total += windowBounds[position]
            }
            if total * BlockMaxScore.slack < top.threshold { return false }
            order.sort { windowBounds[$0] < windowBounds[$1] }
            partition()
            return true
        }

        /// The largest part term `position` can add to a passage in [from, to].
        private mutating func bound(of position: Int, from: Int, to: Int) -> Double {
            guard cursors[position].shallowAdvance(to: from) else { return 0 }
            var impact = cursors[position].impact(ofBlock: cursors[position].block)
            var block = cursors[position].block
            var scanned = 0
            while cursors[position].lastOrdinal(ofBlock: block) < to, block + 1 < cursors[position].blockCount {
                block += 1
                scanned += 1
                if scanned > 32 {
                    impact = cursors[position].termImpact
                    break
                }
                impact = max(impact, cursors[position].impact(ofBlock: block))
            }
            return terms[position].weightedIDF * Double(impact) / IndexFormat.impactScale * BlockMaxScore.slack
        }

        /// Moves the lowest bounds whose sum stays below θ to the non-essential side.
        private mutating func partition() {
            let threshold = top.threshold
            var sum = 0.0
            essentialStart = 0
            while essentialStart < order.count {
                let next = sum + windowBounds[order[essentialStart]]
                if next * BlockMaxScore.slack >= threshold { break }
                sum = next
                essentialStart += 1
            }
            nonEssentialBound = sum
        }

        /// Scores the candidates in [from, to]: passages holding an essential term.
        private mutating func scoreWindow(from: Int, to: Int) {
            while true {
                if prune, allowed == nil, essentialStart == order.count - 1, scoreLead(from: from, to: to) { return }
                var candidate = PostingCursor.exhausted
                var slot = essentialStart
                while slot < order.count {
                    candidate = min(candidate, cursors[order[slot]].advance(to: from))
                    slot += 1
                }
                guard candidate <= to else { return }
                let threshold = top.threshold
                for position in terms.indices { parts[position] = 0 }
                var partial = 0.0
                let isAllowed = allowed.map { $0(candidate) } ?? true
                slot = essentialStart
                while slot < order.count {
                    let position = order[slot]
                    slot += 1
                    guard cursors[position].ordinal == candidate else { continue }
                    if isAllowed {
                        parts[position] = score(position, ordinal: candidate)
                        partial += parts[position]
                    }
                    _ = cursors[position].next()
                }
                guard isAllowed, consider(candidate, partial: partial, threshold: threshold) else { continue }
                let before = top.threshold
                offer(candidate)
                if prune, top.threshold != before { partition() }
            }
        }

        /// The common case once θ is high, made a tight loop: one essential term, whose
        /// postings in the window are scored alone first, and looked at further only when
        /// that part plus the others' bounds clears θ (the same test ``consider`` starts
        /// with). True when the window is done; false when the essential terms changed.
        private mutating func scoreLead(from: Int, to: Int) -> Bool {
            let lead = order[essentialStart]
            var threshold = top.threshold
            var candidate = cursors[lead].advance(to: from)
            while candidate <= to {
                let part = score(lead, ordinal: candidate)
                _ = cursors[lead].next()
                if (part + nonEssentialBound) * BlockMaxScore.slack >= threshold {
                    for position in terms.indices { parts[position] = 0 }
                    parts[lead] = part
                    if consider(candidate, partial: part, threshold: threshold) {
                        offer(candidate)
                        if top.threshold != threshold {
                            threshold = top.threshold
                            partition()
                            if essentialStart != order.count - 1 { return essentialStart >= order.count }
                        }
                    }
                }
                candidate = cursors[lead].ordinal
            }
            return true
        }

        /// Offers the candidate whose parts are in ``parts``, summed in query order.
        @inline(__always)
        private mutating func offer(_ candidate: Int) {
            var total = 0.0
            for part in parts { total += part }
            let rank =
                ranks.map { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: candidate * 4, as: UInt32.self)) }
                ?? UInt32(candidate)
            top.offer(score: total, rank: rank, ordinal: UInt32(candidate))
        }

        /// Adds the non-essential terms' parts, highest bound first, while the passage can
        /// still clear θ; false as soon as it cannot.
        private mutating func consider(_ candidate: Int, partial: Double, threshold: Double) -> Bool {
            var partial = partial
            var rest = nonEssentialBound
            if (partial + rest) * BlockMaxScore.slack < threshold { return false }
            for slot in stride(from: essentialStart - 1, through: 0, by: -1) {
                let position = order[slot]
                rest -= windowBounds[position]
                if cursors[position].advance(to: candidate) == candidate {
                    parts[position] = score(position, ordinal: candidate)
                    partial += parts[position]
                }
                if (partial + max(rest, 0)) * BlockMaxScore.slack < threshold { return false }
            }
            return true
        }

        @inline(__always)
        private func score(_ position: Int, ordinal: Int) -> Double {
            let length: UInt32
            switch lengthWidth {
            case 1: length = UInt32(lengths.load(fromByteOffset: ordinal, as: UInt8.self))
            case 2: length = UInt32(UInt16(littleEndian: lengths.loadUnaligned(fromByteOffset: ordinal * 2, as: UInt16.self)))
            default: length = UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: ordinal * 4, as: UInt32.self))
            }
            return BM25.termScore(
                weightedIDF: terms[position].weightedIDF, frequency: Double(cursors[position].frequency),
                length: Double(length), averageLength: averageLength, parameters: parameters)
        }
    }
}
