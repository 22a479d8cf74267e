/// Where each part of a v2 index file lies, checked against the file: what opening an
/// index does instead of parsing it.
///
/// Opening checks, in order: magic, version, footer, the XXH64 checksum of everything before
/// the footer, the section table (in order, aligned, inside the file), the meta section
/// (analyzer, counts), every section's size against the counts, term order, term-info
/// offsets and document frequencies, and id-block offsets. That is O(file size) for the
/// checksum and O(*t* + *n*/16) for the rest; nothing is decoded or allocated per passage.
/// Reads that depend on posting bytes are bounds-checked where they happen (``PostingCursor``).
struct IndexLayout: Sendable {
    let analyzerID: String
    let sourceFingerprint: UInt64
    let synonymRules: [SynonymRule]
    let passageCount: Int
    let termCount: Int
    let postingCount: Int
    let totalLength: UInt64
    /// Bytes per passage length: 1, 2 or 4.
    let lengthWidth: Int
    /// Whether the id-ranks section is present (else ids ascend in ordinal order).
    let hasRanks: Bool
    /// Section starts, indexed by ``IndexFormat/Section``.
    let starts: [Int]
    let lengths: [Int]
    /// The end of posting data (the padding after it excluded).
    let postingsEnd: Int

    static func read(_ bytes: UnsafeRawBufferPointer, analyzer: Analyzer) throws(IndexFileError) -> IndexLayout {
        let size = bytes.count
        let footerStart = size - IndexFormat.footerSize
        guard size >= IndexFormat.headerSize + IndexFormat.sectionTableSize + IndexFormat.footerSize else {
            throw .truncated(section: "footer", atByte: size)
        }
        guard bytes.u64(footerStart) == UInt64(footerStart - IndexFormat.headerSize),
            Array(bytes[(size - 4)..<size]) == IndexFile.magic
        else { throw .truncated(section: "footer", atByte: size) }
        let stored = bytes.u64(footerStart + 8)
        let computed = XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<footerStart]))
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

        func fail(_ section: String, _ at: Int, _ detail: String) -> IndexFileError {
            .corrupt(section: section, atByte: at, detail: detail)
        }
        guard bytes.u32(8) == UInt32(IndexFormat.sectionCount) else {
            throw fail("header", 8, "expected \(IndexFormat.sectionCount) sections")
        }
        var starts: [Int] = []
        var lengths: [Int] = []
        var previousEnd = IndexFormat.headerSize + IndexFormat.sectionTableSize
        for section in IndexFormat.Section.allCases {
            let entry = IndexFormat.headerSize + section.rawValue * 16
            let start = bytes.u64(entry)
            let length = bytes.u64(entry + 8)
            // `start <= footerStart - length`, not `start + length <= footerStart`: a start near
            // 2^64 must be rejected, not overflow.
            guard start % 8 == 0, start >= UInt64(previousEnd), length <= UInt64(footerStart),
                start <= UInt64(footerStart) - length
            else { throw fail("section table", entry, "the \(section.name) section lies outside the file") }
            starts.append(Int(start))
            lengths.append(Int(length))
            previousEnd = Int(start + length)
        }
        let metaStart = starts[IndexFormat.Section.meta.rawValue]
        let meta = Array(bytes[metaStart..<(metaStart + lengths[IndexFormat.Section.meta.rawValue])])
        var reader = ByteReader(meta)
        guard let analyzerID = reader.readString(maximumBytes: 256) else { throw fail("meta", metaStart, "bad analyzer id") }
        guard analyzerID == analyzer.id else { throw .analyzerMismatch(found: analyzerID, expected: analyzer.id) }
        guard let fingerprint = reader.readUInt64(), let passages = reader.readUInt32(), let terms = reader.readUInt32(),
            let postings = reader.readUInt64(), let totalLength = reader.readUInt64(),
            let widthBytes = reader.readBytes(2), let width = widthBytes.first, let flags = widthBytes.last,
            [1, 2, 4].contains(width), flags <= 1
        else { throw fail("meta", metaStart + reader.offset, "counts missing") }
        let rules = try readSynonyms(&reader, at: metaStart)
        guard reader.remaining == 0 else { throw fail("meta", metaStart + reader.offset, "bytes left over") }

        let passageCount = Int(passages)
        let termCount = Int(terms)
        let expected: [IndexFormat.Section: Int] = [
            .lengths: passageCount * Int(width),
            .idBlocks: (passageCount + IndexFormat.idBlockSize - 1) / IndexFormat.idBlockSize * 8,
            .idRanks: flags == 1 ? passageCount * 4 : 0,
            .termOffsets: (termCount + 1) * 4,
            .termInfo: termCount * IndexFormat.termInfoSize,
        ]
        for (section, length) in expected where lengths[section.rawValue] != length {
            throw fail(section.name, starts[section.rawValue], "\(lengths[section.rawValue]) bytes, expected \(length)")
        }
        let postingsLength = lengths[IndexFormat.Section.postings.rawValue]
        guard postingsLength >= IndexFormat.postingsPadding, UInt64(passageCount) <= UInt64(UInt32.max) else {
            throw fail("postings", starts[IndexFormat.Section.postings.rawValue], "missing padding")
        }
        let layout = IndexLayout(
            analyzerID: analyzerID, sourceFingerprint: fingerprint, synonymRules: rules,
            passageCount: passageCount, termCount: termCount, postingCount: Int(truncatingIfNeeded: postings),
            totalLength: totalLength, lengthWidth: Int(width), hasRanks: flags == 1, starts: starts, lengths: lengths,
            postingsEnd: starts[IndexFormat.Section.postings.rawValue] + postingsLength - IndexFormat.postingsPadding)
        try layout.checkTables(bytes, postingCount: postings)
        return layout
    }

    private static func readSynonyms(_ reader: inout ByteReader<[UInt8]>, at base: Int) throws(IndexFileError) -> [SynonymRule] {
        guard let ruleCount = reader.readCount(atMost: reader.remaining) else {
            throw .corrupt(section: "meta", atByte: base + reader.offset, detail: "bad synonym count")
        }
        var rules: [SynonymRule] = []
        for _ in 0..<ruleCount {
            var lists: [[String]] = []
            for _ in 0..<2 {
                guard let phraseCount = reader.readCount(atMost: reader.remaining) else {
                    throw .corrupt(section: "meta", atByte: base + reader.offset, detail: "bad phrase count")
                }
                var phrases: [String] = []
                for _ in 0..<phraseCount {
                    guard let phrase = reader.readString(maximumBytes: 1024) else {
                        throw .corrupt(section: "meta", atByte: base + reader.offset, detail: "bad phrase")
                    }
                    phrases.append(phrase)
                }
                lists.append(phrases)
            }
            rules.append(SynonymRule(triggers: lists[0], expansions: lists[1]))
        }
        return rules
    }

    /// Checks term order, term-info entries and id-block offsets: O(*t* + *n*/16).
    private func checkTables(_ bytes: UnsafeRawBufferPointer, postingCount: UInt64) throws(IndexFileError) {
        let termOffsets = start(.termOffsets)
        let termBytes = start(.termBytes)
        let termBytesLength = UInt32(truncatingIfNeeded: length(.termBytes))
        guard bytes.u32(termOffsets) == 0, bytes.u32(termOffsets + termCount * 4) == termBytesLength,
            length(.termBytes) <= Int(UInt32.max)
        else { throw .corrupt(section: "term offsets", atByte: termOffsets, detail: "do not span the terms") }
        var documentFrequencies: UInt64 = 0
        var previousPostings: UInt64 = 0
        let postingsSpan = UInt64(postingsEnd - start(.postings))
        for term in 0..<termCount {
            let from = Int(bytes.u32(termOffsets + term * 4))
            let to = Int(bytes.u32(termOffsets + term * 4 + 4))
            guard from <= to, to <= Int(termBytesLength) else {
                throw .corrupt(section: "term offsets", atByte: termOffsets + term * 4, detail: "out of order")
            }
            if term > 0 {
                let previousFrom = Int(bytes.u32(termOffsets + term * 4 - 4))
                let previous = UnsafeRawBufferPointer(rebasing: bytes[(termBytes + previousFrom)..<(termBytes + from)])
                let current = UnsafeRawBufferPointer(rebasing: bytes[(termBytes + from)..<(termBytes + to)])
                guard previous.lexicographicallyPrecedes(current) else {
                    throw .corrupt(section: "terms", atByte: termBytes + from, detail: "terms out of order")
                }
            }
            let info = start(.termInfo) + term * IndexFormat.termInfoSize
            let postingsOffset = bytes.u64(info)
            let frequency = bytes.u32(info + 8)
            guard postingsOffset >= previousPostings, postingsOffset < postingsSpan, frequency >= 1,
                Int(frequency) <= passageCount
            else { throw .corrupt(section: "term info", atByte: info, detail: "bad postings offset or frequency") }
            previousPostings = postingsOffset
            documentFrequencies += UInt64(frequency)
        }
        guard documentFrequencies == postingCount else {
            throw .corrupt(section: "term info", atByte: start(.termInfo), detail: "document frequencies do not sum to the posting count")
        }
        var previousID: UInt64 = 0
        let idBlocks = start(.idBlocks)
        for block in 0..<(length(.idBlocks) / 8) {
            let offset = bytes.u64(idBlocks + block * 8)
            guard offset >= previousID, offset < UInt64(length(.idData)) else {
                throw .corrupt(section: "id blocks", atByte: idBlocks + block * 8, detail: "offset out of range")
            }
            previousID = offset
        }
    }

    @inline(__always) func start(_ section: IndexFormat.Section) -> Int { starts[section.rawValue] }
    @inline(__always) func length(_ section: IndexFormat.Section) -> Int { lengths[section.rawValue] }
}

extension UnsafeRawBufferPointer {
    /// The little-endian integers at `offset`; the caller has checked the bounds.
    @inline(__always) func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
    @inline(__always) func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    @inline(__always) func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
}
