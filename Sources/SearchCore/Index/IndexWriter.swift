/// Writes ``IndexContents`` as index format v2 (docs/FORMATS.md#index-file-v2).
///
/// The same contents always give the same bytes, whatever the parallelism: postings are
/// encoded term range by term range and concatenated in term order.
enum IndexWriter {
    /// The v2 file for `contents`, encoding postings on up to `parallelism` threads.
    ///
    /// - Complexity: O(*p* + *n* + *t*) for *p* postings, *n* passages and *t* terms, plus
    ///   O(*n* log *n*) when the passage ids do not already ascend.
    static func write(_ contents: IndexContents, parallelism: Int = 1) -> [UInt8] {
        let passageCount = contents.passageIDs.count
        let totalLength = contents.passageLengths.reduce(UInt64(0)) { $0 + UInt64($1) }
        let averageLength = passageCount == 0 ? 0 : Double(totalLength) / Double(passageCount)
        let maximumLength = contents.passageLengths.max() ?? 0
        let lengthWidth = maximumLength <= UInt32(UInt8.max) ? 1 : maximumLength <= UInt32(UInt16.max) ? 2 : 4
        let ranks = PassageIDOrder.ranks(of: contents.passageIDs).ranks

        var sections = [[UInt8]](repeating: [], count: IndexFormat.sectionCount)
        var meta = ByteWriter()
        meta.writeString(contents.analyzerID)
        meta.writeUInt64(contents.sourceFingerprint)
        meta.writeUInt32(UInt32(passageCount))
        meta.writeUInt32(UInt32(contents.termCount))
        meta.writeUInt64(UInt64(contents.postingOrdinals.count))
        meta.writeUInt64(totalLength)
        meta.write([UInt8(lengthWidth), ranks == nil ? 0 : 1])
        meta.writeVarint(UInt64(contents.synonymRules.count))
        for rule in contents.synonymRules {
            for phrases in [rule.triggers, rule.expansions] {
                meta.writeVarint(UInt64(phrases.count))
                for phrase in phrases { meta.writeString(phrase) }
            }
        }
        sections[IndexFormat.Section.meta.rawValue] = meta.bytes

        var lengths = ByteWriter()
        for length in contents.passageLengths {
            switch lengthWidth {
            case 1: lengths.writeUInt8(UInt8(length))
            case 2: lengths.writeUInt16(UInt16(length))
            default: lengths.writeUInt32(length)
            }
        }
        sections[IndexFormat.Section.lengths.rawValue] = lengths.bytes
        let (idBlocks, idData) = encodePassageIDs(contents.passageIDs)
        sections[IndexFormat.Section.idBlocks.rawValue] = idBlocks
        sections[IndexFormat.Section.idData.rawValue] = idData
        var rankBytes = ByteWriter()
        for rank in ranks ?? [] { rankBytes.writeUInt32(rank) }
        sections[IndexFormat.Section.idRanks.rawValue] = rankBytes.bytes
        var termOffsets = ByteWriter()
        for offset in contents.termOffsets { termOffsets.writeUInt32(offset) }
        sections[IndexFormat.Section.termOffsets.rawValue] = termOffsets.bytes
        sections[IndexFormat.Section.termBytes.rawValue] = contents.termBytes

        let encoded = PostingEncoder.encode(contents, averageLength: averageLength, parallelism: parallelism)
        sections[IndexFormat.Section.termInfo.rawValue] = encoded.termInfo
        sections[IndexFormat.Section.postings.rawValue] = encoded.postings
        return assemble(sections)
    }

    /// Front-codes the ids in blocks of ``IndexFormat/idBlockSize``: each block's first id
    /// whole, each later one as (bytes shared with the previous id, the rest).
    static func encodePassageIDs(_ ids: [String]) -> (blocks: [UInt8], data: [UInt8]) {
        var blocks = ByteWriter()
        var data = ByteWriter()
        var previous: [UInt8] = []
        for (ordinal, id) in ids.enumerated() {
            let bytes = Array(id.utf8)
            if ordinal % IndexFormat.idBlockSize == 0 {
                blocks.writeUInt64(UInt64(data.bytes.count))
                data.writeVarint(UInt64(bytes.count))
                data.write(bytes)
            } else {
                var shared = 0
                while shared < bytes.count, shared < previous.count, bytes[shared] == previous[shared] { shared += 1 }
                data.writeVarint(UInt64(shared))
                data.writeVarint(UInt64(bytes.count - shared))
                data.write(bytes[shared...])
            }
            previous = bytes
        }
        return (blocks.bytes, data.bytes)
    }

    /// Lays out header, section table, the sections (each at a multiple of 8) and footer.
    private static func assemble(_ sections: [[UInt8]]) -> [UInt8] {
        var offsets: [Int] = []
        var position = IndexFormat.headerSize + IndexFormat.sectionTableSize
        for section in sections {
            position = (position + 7) & ~7
            offsets.append(position)
            position += section.count
        }
        var writer = ByteWriter()
        writer.reserve(position + IndexFormat.footerSize + 8)
        writer.write(IndexFile.magic)
        writer.writeUInt16(IndexFormat.version)
        writer.writeUInt16(0)
        writer.writeUInt32(UInt32(IndexFormat.sectionCount))
        writer.writeUInt32(0)
        for (offset, section) in zip(offsets, sections) {
            writer.writeUInt64(UInt64(offset))
            writer.writeUInt64(UInt64(section.count))
        }
        for (offset, section) in zip(offsets, sections) {
            writer.padTo(offset)
            writer.write(section)
        }
        let bodyLength = UInt64(writer.bytes.count - IndexFormat.headerSize)
        let checksum = XXHash64.hash(writer.bytes)
        writer.writeUInt64(bodyLength)
        writer.writeUInt64(checksum)
        writer.write(IndexFile.magic)
        return writer.bytes
    }
}
