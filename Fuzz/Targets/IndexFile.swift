// Fuzz target: the index file loader (docs/FORMATS.md). An index that loads is then used as
// every command uses it — passage ids, terms, document frequencies, a search for its own
// terms — since a file that passes the opening checks but whose postings lie must still
// never be read out of bounds.
//
// Each input is tried twice: as it is, and with its footer checksum recomputed, so that the
// fuzzer reaches the checks behind the checksum (a random change almost never passes it).
// Build and run: Fuzz/run.sh IndexFile
@testable import SearchCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndexFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    load(bytes)
    if let repaired = withChecksumRepaired(bytes) { load(repaired) }
    return 0
}

/// The bytes with the checksum in the footer set to what the bytes before it hash to
/// (v1: CRC-32 in a 16-byte footer; v2: XXH64 in a 20-byte footer), or nil when the input
/// is too short or is neither version.
private func withChecksumRepaired(_ input: [UInt8]) -> [UInt8]? {
    var bytes = input
    guard bytes.count >= 28, bytes.starts(with: IndexFile.magic) else { return nil }
    switch bytes[4] {
    case 1:
        let checksum = CRC32.checksum(bytes[0..<(bytes.count - 16)])
        for shift in 0..<4 { bytes[bytes.count - 8 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift)) }
    case 2:
        let checksum = XXHash64.hash(Array(bytes[0..<(bytes.count - 20)]))
        for shift in 0..<8 { bytes[bytes.count - 12 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift)) }
    default:
        return nil
    }
    return bytes
}

private func load(_ bytes: [UInt8]) {
    let index: InvertedIndex
    do {
        index = try IndexFile.decode(bytes)
    } catch {
        precondition(error.description.contains("Rebuild it: senguide index"), "an index error must say how to recover")
        return
    }
    // A file whose checksum was repaired may hold ids, terms or postings that do not add up:
    // the reader may then give fewer ids or odd scores (the CLI then finds that the index does
    // not match the corpus), but must never read out of bounds or trap.
    _ = index.passageIDs
    let terms = index.allTerms
    for term in terms.prefix(16) { _ = index.documentFrequency(of: term) }
    let query = terms.prefix(6).map { WeightedTerm(term: $0, weight: 1) } + index.query("school plan review")
    for hit in index.search(query, limit: 5) {
        precondition(hit.ordinal >= 0 && hit.ordinal < index.passageCount, "a hit is a passage of the index")
    }
}
