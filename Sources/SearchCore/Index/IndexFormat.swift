/// The layout of index format v2: a file that is used where it lies (memory-mapped), with
/// fixed-width tables found through a section table and postings compressed in blocks.
/// The full grammar and a worked example are in docs/FORMATS.md#index-file-v2.
///
/// ```
/// index-file := header section-table sections footer
/// header     := "SGIX" version:u16=2 flags:u16=0 sections:u32=9 reserved:u32=0
/// section-table := (offset:u64 length:u64) × 9     -- each section starts at a multiple of 8
/// sections   := meta lengths id-blocks id-data id-ranks term-offsets term-bytes term-info postings
/// footer     := body-length:u64 xxh64:u64 "SGIX"    -- XXH64 of every byte before the footer
/// ```
enum IndexFormat {
    static let version: UInt16 = 2
    static let headerSize = 16
    static let footerSize = 20
    static let sectionCount = 9
    static let sectionTableSize = sectionCount * 16

    /// Postings per compressed block; the last block of a term may hold fewer.
    static let blockSize = 128
    /// Bytes of one skip entry: last-ordinal:u32 end:u32 max-impact:u16.
    static let skipEntrySize = 10
    /// Bytes of one term-info entry: postings-offset:u64 document-frequency:u32 max-impact:u16 0:u16.
    static let termInfoSize = 16
    /// Passage ids are front-coded in blocks of this many.
    static let idBlockSize = 16
    /// Zero bytes after the last block, so that unpacking may read whole 8-byte words.
    static let postingsPadding = 8

    /// The parameters block maxima are computed for. Searches with other k1 or b score
    /// every posting instead of pruning.
    static let impactParameters = BM25Parameters.standard
    /// Impacts are stored as ⌈impact · 65535⌉ + 1, clamped to 65535: never below the truth.
    static let impactScale = 65535.0

    /// The section ids, in file order.
    enum Section: Int, CaseIterable {
        case meta, lengths, idBlocks, idData, idRanks, termOffsets, termBytes, termInfo, postings

        var name: String {
            switch self {
            case .meta: "meta"
            case .lengths: "passage lengths"
            case .idBlocks: "id blocks"
            case .idData: "passage ids"
            case .idRanks: "id ranks"
            case .termOffsets: "term offsets"
            case .termBytes: "terms"
            case .termInfo: "term info"
            case .postings: "postings"
            }
        }
    }
}
