/// Reading index format v1 (docs/FORMATS.md#index-file-v1-still-read), kept so that indexes written
/// before v2 still load: the v1 file is decoded into ``IndexContents`` and re-encoded as v2
/// in memory.
///
/// ```
/// body := analyzer:str fingerprint:u64 passages:u32 terms:u32 postings:u64
///         passage-id:str × passages  passage-length:varint × passages  synonyms
///         (term:str document-frequency:varint) × terms
///         (ordinal-gap:varint frequency:varint) × postings
/// footer := body-length:u64 crc32:u32 "SGIX"
/// ```
extension IndexFile {
    static let version1FooterSize = 16

    /// Decodes a whole v1 file: footer, CRC-32, then the body.
    static func decodeVersion1(_ bytes: [UInt8], analyzer: Analyzer) throws(IndexFileError) -> IndexContents {
        guard bytes.count >= headerSize + version1FooterSize else {
            throw .truncated(section: "footer", atByte: bytes.count)
        }
        let footerStart = bytes.count - version1FooterSize
        var footer = ByteReader(bytes, from: footerStart)
        guard let bodyLength = footer.readUInt64(), let storedCRC = footer.readUInt32(),
            let endMagic = footer.readBytes(4)
        else { throw .truncated(section: "footer", atByte: bytes.count) }
        guard Array(endMagic) == magic, bodyLength == UInt64(footerStart - headerSize) else {
            throw .truncated(section: "footer", atByte: bytes.count)
        }
        let computedCRC = CRC32.checksum(bytes[0..<footerStart])
        guard computedCRC == storedCRC else {
            throw .checksumMismatch(stored: UInt64(storedCRC), computed: UInt64(computedCRC))
        }
        var reader = ByteReader(bytes, from: headerSize, to: footerStart)
        return try decodeVersion1Body(&reader, analyzer: analyzer)
    }

    /// Reads a v1 body (after magic, version, footer and CRC are checked) into contents.
    static func decodeVersion1Body(_ reader: inout ByteReader<[UInt8]>, analyzer: Analyzer) throws(IndexFileError)
        -> IndexContents
    {
        func fail(_ section: String, _ detail: String) -> IndexFileError {
            .corrupt(section: section, atByte: reader.offset, detail: detail)
        }
        guard let analyzerID = reader.readString(maximumBytes: 256) else { throw fail("header", "bad analyzer id") }
        guard analyzerID == analyzer.id else {
            throw .analyzerMismatch(found: analyzerID, expected: analyzer.id)
        }
        guard let fingerprint = reader.readUInt64(), let passageCount = reader.readUInt32(),
            let termCount = reader.readUInt32(), let postingCount = reader.readUInt64()
        else { throw fail("header", "counts missing") }
        // Every passage, term and posting takes at least one byte: counts larger than the
        // body are corrupt, and are refused before anything is allocated for them.
        guard Int(passageCount) <= reader.remaining, Int(termCount) <= reader.remaining,
            postingCount <= UInt64(reader.remaining)
        else { throw fail("header", "counts larger than the file") }

        var passageIDs: [String] = []
        passageIDs.reserveCapacity(Int(passageCount))
        for _ in 0..<passageCount {
            guard let id = reader.readString(maximumBytes: 4096) else { throw fail("passage ids", "bad id") }
            passageIDs.append(id)
        }
        var lengths: [UInt32] = []
        lengths.reserveCapacity(Int(passageCount))
        for _ in 0..<passageCount {
            guard let length = reader.readCount(atMost: Int(UInt32.max)) else {
                throw fail("passage lengths", "bad length")
            }
            lengths.append(UInt32(length))
        }
        guard let ruleCount = reader.readCount(atMost: reader.remaining) else { throw fail("synonyms", "bad count") }
        var rules: [SynonymRule] = []
        for _ in 0..<ruleCount {
            var lists: [[String]] = []
            for _ in 0..<2 {
                guard let phraseCount = reader.readCount(atMost: reader.remaining) else {
                    throw fail("synonyms", "bad phrase count")
                }
                var phrases: [String] = []
                for _ in 0..<phraseCount {
                    guard let phrase = reader.readString(maximumBytes: 1024) else {
                        throw fail("synonyms", "bad phrase")
                    }
                    phrases.append(phrase)
                }
                lists.append(phrases)
            }
            rules.append(SynonymRule(triggers: lists[0], expansions: lists[1]))
        }
        var terms: [String] = []
        var starts: [Int] = [0]
        terms.reserveCapacity(Int(termCount))
        for _ in 0..<termCount {
            guard let term = reader.readString(maximumBytes: 1024),
                let frequency = reader.readCount(atMost: Int(passageCount))
            else { throw fail("terms", "bad term entry") }
            if let last = terms.last, last >= term { throw fail("terms", "terms out of order") }
            terms.append(term)
            starts.append((starts.last ?? 0) + frequency)
        }
        // v1 sorted terms as Swift strings; v2 sorts them by bytes (the same for ASCII).
        guard starts.last == Int(postingCount) else { throw fail("terms", "document frequencies do not sum to the posting count") }
        var ordinals: [UInt32] = []
        var frequencies: [UInt32] = []
        ordinals.reserveCapacity(Int(postingCount))
        frequencies.reserveCapacity(Int(postingCount))
        for termOrdinal in 0..<Int(termCount) {
            var previous = -1
            for _ in starts[termOrdinal]..<starts[termOrdinal + 1] {
                guard let gap = reader.readCount(atMost: Int(passageCount)),
                    let frequency = reader.readCount(atMost: Int(UInt32.max)), frequency > 0
                else { throw fail("postings", "bad posting") }
                let ordinal = (previous < 0 ? 0 : previous) + gap
                guard ordinal < Int(passageCount), ordinal > previous else {
                    throw fail("postings", "passage ordinal out of range")
                }
                ordinals.append(UInt32(ordinal))
                frequencies.append(UInt32(frequency))
                previous = ordinal
            }
        }
        guard reader.remaining == 0 else { throw fail("postings", "\(reader.remaining) bytes left over") }
        let postings = terms.indices.map { term in
            (term: terms[term], ordinals: Array(ordinals[starts[term]..<starts[term + 1]]),
             frequencies: Array(frequencies[starts[term]..<starts[term + 1]]))
        }
        return IndexContents(
            analyzerID: analyzerID, sourceFingerprint: fingerprint, synonymRules: rules, passageIDs: passageIDs,
            passageLengths: lengths, postings: postings)
    }
}
