/// Encodes an ``InvertedIndex`` to bytes and back. Layout: docs/FORMATS.md#index-file.
///
/// ```
/// index-file := header body footer
/// header     := "SGIX" version:u16 flags:u16
/// body       := analyzer:str fingerprint:u64 passages:u32 terms:u32 postings:u64
///               passage-id:str × passages
///               passage-length:varint × passages
///               synonyms
///               (term:str document-frequency:varint) × terms
///               (ordinal-gap:varint frequency:varint) × postings
/// synonyms   := rules:varint (triggers:varint phrase:str × triggers
///                              expansions:varint phrase:str × expansions) × rules
/// footer     := body-length:u64 crc32:u32 "SGIX"
/// str        := length:varint utf8-bytes
/// ```
/// Integers are little-endian; varints are unsigned LEB128. The CRC-32 covers header and body.
public enum IndexFile {
    public static let magic: [UInt8] = Array("SGIX".utf8)
    public static let currentVersion: UInt16 = 1
    public static let readableVersions: ClosedRange<UInt16> = 1...1
    static let headerSize = 8
    static let footerSize = 16

    /// The file's bytes for `index`. The same index always gives the same bytes.
    public static func encode(_ index: InvertedIndex) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(magic)
        writer.writeUInt16(currentVersion)
        writer.writeUInt16(0)
        writer.writeString(index.analyzerID)
        writer.writeUInt64(index.sourceFingerprint)
        writer.writeUInt32(UInt32(index.passageIDs.count))
        writer.writeUInt32(UInt32(index.terms.count))
        writer.writeUInt64(UInt64(index.postingOrdinals.count))
        for id in index.passageIDs { writer.writeString(id) }
        for length in index.passageLengths { writer.writeVarint(UInt64(length)) }
        writer.writeVarint(UInt64(index.synonyms.rules.count))
        for rule in index.synonyms.rules {
            for phrases in [rule.triggers, rule.expansions] {
                writer.writeVarint(UInt64(phrases.count))
                for phrase in phrases { writer.writeString(phrase) }
            }
        }
        for (ordinal, term) in index.terms.enumerated() {
            writer.writeString(term)
            writer.writeVarint(UInt64(index.postingStarts[ordinal + 1] - index.postingStarts[ordinal]))
        }
        for termOrdinal in index.terms.indices {
            var previous: UInt32 = 0
            for position in index.postingStarts[termOrdinal]..<index.postingStarts[termOrdinal + 1] {
                let ordinal = index.postingOrdinals[position]
                writer.writeVarint(UInt64(ordinal - previous))
                writer.writeVarint(UInt64(index.postingFrequencies[position]))
                previous = ordinal
            }
        }
        let bodyLength = UInt64(writer.bytes.count - headerSize)
        let crc = CRC32.checksum(writer.bytes)
        writer.writeUInt64(bodyLength)
        writer.writeUInt32(crc)
        writer.write(magic)
        return writer.bytes
    }

    /// Reads an index from `bytes`, checking magic, version, checksum, analyzer and every
    /// count against what the bytes can hold; never reads past the end.
    public static func decode(_ bytes: [UInt8], analyzer: Analyzer = .english) throws(IndexFileError)
        -> InvertedIndex
    {
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
            throw bytes.count < 4 && magic.starts(with: bytes)
                ? .truncated(section: "header", atByte: bytes.count) : .notAnIndex
        }
        var header = ByteReader(bytes, from: 4)
        guard let version = header.readUInt16(), header.readUInt16() != nil else {
            throw .truncated(section: "header", atByte: bytes.count)
        }
        guard readableVersions.contains(version) else {
            throw .unsupportedVersion(found: version, readable: readableVersions)
        }
        guard bytes.count >= headerSize + footerSize else {
            throw .truncated(section: "footer", atByte: bytes.count)
        }
        let footerStart = bytes.count - footerSize
        var footer = ByteReader(bytes, from: footerStart)
        guard let bodyLength = footer.readUInt64(), let storedCRC = footer.readUInt32(),
            let endMagic = footer.readBytes(4)
        else { throw .truncated(section: "footer", atByte: bytes.count) }
        guard Array(endMagic) == magic, bodyLength == UInt64(footerStart - headerSize) else {
            throw .truncated(section: "footer", atByte: bytes.count)
        }
        let computedCRC = CRC32.checksum(bytes[0..<footerStart])
        guard computedCRC == storedCRC else {
            throw .checksumMismatch(stored: storedCRC, computed: computedCRC)
        }
        var reader = ByteReader(bytes, from: headerSize, to: footerStart)
        return try decodeBody(&reader, analyzer: analyzer)
    }

    private static func decodeBody(_ reader: inout ByteReader, analyzer: Analyzer) throws(IndexFileError)
        -> InvertedIndex
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
        return InvertedIndex(
            analyzer: analyzer, passageIDs: passageIDs, passageLengths: lengths, terms: terms,
            postingStarts: starts, postingOrdinals: ordinals, postingFrequencies: frequencies,
            synonyms: SynonymGroups(rules: rules, analyzer: analyzer), sourceFingerprint: fingerprint)
    }
}
