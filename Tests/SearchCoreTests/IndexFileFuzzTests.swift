import Foundation
import Testing

@testable import SearchCore

/// Regressions found by the IndexFile fuzz target (Fuzz/Targets/IndexFile.swift): files whose
/// checksum is right but whose tables lie. Each used to stop the process with a Swift runtime
/// trap; each must now be an error or a harmless result. The crashing inputs themselves are
/// kept in Fuzz/Seeds/IndexFile/crash-* and replayed here.
struct IndexFileFuzzTests {
    /// The v2 bytes of IndexFileTests' three passages, with `change` applied and the footer's
    /// XXH64 recomputed, as someone who wanted to get past the checksum would.
    static func tampered(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = IndexFile.encode(IndexFileTests.sample())
        change(&bytes)
        return Self.withChecksumRepaired(bytes)
    }

    static func withChecksumRepaired(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        guard bytes.count >= 28, bytes.starts(with: IndexFile.magic) else { return bytes }
        switch bytes[4] {
        case 1:
            let checksum = CRC32.checksum(bytes[0..<(bytes.count - 16)])
            for shift in 0..<4 { bytes[bytes.count - 8 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift)) }
        case 2:
            let checksum = XXHash64.hash(Array(bytes[0..<(bytes.count - 20)]))
            for shift in 0..<8 { bytes[bytes.count - 12 + shift] = UInt8(truncatingIfNeeded: checksum >> (8 * shift)) }
        default:
            break
        }
        return bytes
    }

    /// The section table entry (offset, length) of section `number`, as u64 little-endian.
    static func setSection(_ bytes: inout [UInt8], number: Int, start: UInt64) {
        let entry = IndexFormat.headerSize + number * 16
        for shift in 0..<8 { bytes[entry + shift] = UInt8(truncatingIfNeeded: start >> (8 * UInt64(shift))) }
    }

    static func sectionStart(_ bytes: [UInt8], _ section: IndexFormat.Section) -> Int {
        let entry = IndexFormat.headerSize + section.rawValue * 16
        return (0..<8).reduce(0) { $0 | Int(bytes[entry + $1]) << (8 * $1) }
    }

    /// Found by fuzzing: a section starting near 2^64 overflowed `start + length`.
    @Test func aSectionStartingNearTwoToThe64IsCorruptNotAnOverflow() {
        let bytes = Self.tampered { Self.setSection(&$0, number: IndexFormat.Section.termInfo.rawValue, start: UInt64.max - 7) }
        let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(bytes) }
        guard case .corrupt(section: "section table", _, _) = error else {
            Issue.record("expected a corrupt section table, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasSuffix("Rebuild it: senguide index") == true)
    }

    /// Found by fuzzing: a passage id whose shared-prefix varint runs off the end of the id
    /// data was converted to Int from UInt64.max. The ids stop there instead.
    @Test func aPassageIDPrefixRunningOffTheEndStopsTheIDsNotTheProcess() throws {
        let bytes = Self.tampered { bytes in
            // Ids "a", "b", "c" front-coded: 01 'a' | 00 01 'b' | 00 01 'c'. From the second
            // id's prefix length on, every byte continues a varint that never ends.
            let idData = Self.sectionStart(bytes, .idData)
            for offset in 2..<8 { bytes[idData + offset] = 0x80 }
        }
        let index = try IndexFile.decode(bytes)
        #expect(index.passageIDs == ["a"])
        _ = index.passageID(at: 2)
    }

    /// Every crashing input the fuzzer saved, as it is and with its checksum repaired, loads
    /// or fails with an error; none may trap.
    @Test func everySavedCrashInputIsAnErrorOrAnIndex() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/Seeds/IndexFile").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("crash-") }
        #expect(!names.isEmpty)
        for name in names.sorted() {
            let raw = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            for bytes in [raw, Self.withChecksumRepaired(raw)] {
                do {
                    let index = try IndexFile.decode(bytes)
                    _ = index.passageIDs
                    let terms = index.allTerms.prefix(6).map { WeightedTerm(term: $0, weight: 1) }
                    for hit in index.search(terms + index.query("school plan review"), limit: 5) {
                        #expect(hit.ordinal < index.passageCount, "\(name)")
                    }
                } catch {
                    #expect(error.description.hasSuffix("Rebuild it: senguide index"), "\(name)")
                }
            }
        }
    }
}
