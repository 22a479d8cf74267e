import Foundation
import Testing

@testable import SearchCore

struct IndexFileTests {
    static func sample() -> InvertedIndex {
        var builder = IndexBuilder(analyzer: .english)
        builder.add(passageID: "a", text: "school plan")
        builder.add(passageID: "b", text: "plan plan review")
        builder.add(passageID: "c", text: "school review meeting")
        return builder.build(
            synonyms: SynonymGroups(
                rules: [.group(["EHCP", "EHC plan"]), SynonymRule(triggers: ["statement"], expansions: ["EHC plan"])],
                analyzer: .english),
            sourceFingerprint: 0x1234_5678_9ABC_DEF0)
    }

    @Test func roundTripKeepsEverything() throws {
        let index = Self.sample()
        let decoded = try IndexFile.decode(IndexFile.encode(index))
        #expect(decoded.passageIDs == index.passageIDs)
        #expect(decoded.passageLengths == index.passageLengths)
        #expect(decoded.allTerms == index.allTerms)
        #expect(decoded.synonyms == index.synonyms)
        #expect(decoded.sourceFingerprint == 0x1234_5678_9ABC_DEF0)
        for term in index.allTerms {
            #expect(decoded.postings(of: term).map { [$0.ordinal, $0.frequency] } == index.postings(of: term).map { [$0.ordinal, $0.frequency] })
        }
        #expect(decoded.search(decoded.query("plan"), limit: 3) == index.search(index.query("plan"), limit: 3))
    }

    @Test func theSameIndexAlwaysGivesTheSameBytes() {
        #expect(IndexFile.encode(Self.sample()) == IndexFile.encode(Self.sample()))
    }

    /// The v1 file committed in Fixtures/ must keep decoding (made by
    /// `senguide index --jsonl` from the three passages above, without synonyms).
    @Test func theCommittedVersion1FixtureStillLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/three-passages-v1.sgix")
        let bytes = try [UInt8](Data(contentsOf: url))
        let index = try IndexFile.decode(bytes)
        #expect(index.passageIDs == ["a", "b", "c"])
        #expect(index.search(index.query("plan"), limit: 3).map(\.passageID) == ["b", "a"])
    }

    @Test func everyTruncationAndBitFlipOfTheVersion1FixtureIsAnError() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/three-passages-v1.sgix")
        let bytes = try [UInt8](Data(contentsOf: url))
        for length in 0..<bytes.count {
            let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(Array(bytes[0..<length])) }
            #expect(error?.description.contains("Rebuild it: senguide index") == true)
        }
        for position in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[position] ^= UInt8(1 << bit)
                #expect(throws: IndexFileError.self) { try IndexFile.decode(flipped) }
            }
        }
    }

    @Test func aVersion1FileIsReadAsVersion2() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/three-passages-v1.sgix")
        let version1 = try IndexFile.decode([UInt8](Data(contentsOf: url)))
        let version2 = try IndexFile.decode(IndexFile.encode(version1))
        #expect(IndexFile.encode(version1)[4] == 2)
        #expect(version2.passageIDs == version1.passageIDs)
        #expect(version2.search(version2.query("school review"), limit: 3) == version1.search(version1.query("school review"), limit: 3))
    }

    /// Bytes the index does not own, as a memory-mapped file is.
    final class BorrowedBytes: IndexBytes, @unchecked Sendable {
        let storage: [UInt8]
        let pointer: UnsafeMutableRawBufferPointer
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(pointer) }
        init(_ storage: [UInt8]) {
            self.storage = storage
            pointer = .allocate(byteCount: storage.count, alignment: 4096)
            pointer.copyBytes(from: storage)
        }
        deinit { pointer.deallocate() }
    }

    @Test func openUsesTheBytesWhereTheyLie() throws {
        let bytes = IndexFile.encode(Self.sample())
        let index = try IndexFile.open(BorrowedBytes(bytes))
        #expect(IndexFile.encode(index) == bytes)
        #expect(index.search(index.query("plan"), limit: 3) == Self.sample().search(Self.sample().query("plan"), limit: 3))
        #expect(throws: IndexFileError.self) { try IndexFile.open(BorrowedBytes(Array(bytes.dropLast()))) }
    }

    /// The worked example of docs/FORMATS.md#index-file-v2, byte for byte where it matters.
    @Test func theDocumentedVersion2ExampleIsWhatIsWritten() {
        var builder = IndexBuilder(analyzer: .english)
        builder.add(passageID: "a", text: "school plan")
        builder.add(passageID: "b", text: "plan plan review")
        builder.add(passageID: "c", text: "school review meeting")
        let bytes = IndexFile.encode(builder.build())
        #expect(bytes.count == 392)
        #expect(Array(bytes[0..<16]) == [0x53, 0x47, 0x49, 0x58, 2, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[0xd8..<0xdb]) == [2, 3, 3])
        #expect(Array(bytes[0xe8..<0xf0]) == [1, 0x61, 0, 1, 0x62, 0, 1, 0x63])
        #expect(Array(bytes[0x120..<0x130]) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0xb5, 0x6e, 0, 0])
        #expect(Array(bytes[0x160..<0x16c]) == [2, 0, 2, 0, 1, 2, 1, 0, 1, 1, 0, 2])
        #expect(Array(bytes[0x174..<0x188]) == [
            0x64, 0x01, 0, 0, 0, 0, 0, 0, 0xf9, 0x69, 0x0f, 0x59, 0x26, 0xc8, 0x4c, 0xba, 0x53, 0x47, 0x49, 0x58,
        ])
    }

    @Test func everyTruncationIsAClearErrorNeverACrash() {
        let bytes = IndexFile.encode(Self.sample())
        for length in 0..<bytes.count {
            let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(Array(bytes[0..<length])) }
            #expect(error?.description.contains("Rebuild it: senguide index") == true)
        }
    }

    @Test func everySingleBitFlipIsDetected() {
        let bytes = IndexFile.encode(Self.sample())
        for position in 0..<bytes.count {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[position] ^= UInt8(1 << bit)
                #expect(throws: IndexFileError.self) { try IndexFile.decode(flipped) }
            }
        }
    }

    @Test func aFlippedBodyByteIsAChecksumError() {
        var bytes = IndexFile.encode(Self.sample())
        bytes[20] ^= 0x01
        let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(bytes) }
        guard case .checksumMismatch = error else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            return
        }
    }

    @Test func anotherVersionSaysWhichAndHowToRebuild() {
        var bytes = IndexFile.encode(Self.sample())
        bytes[4] = 9
        let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(bytes) }
        #expect(error == .unsupportedVersion(found: 9, readable: 1...2))
        #expect(error?.description == "uses index format v9; this build reads v1–v2. Rebuild it: senguide index")
    }

    @Test func otherFilesAreNotIndexes() {
        let error = #expect(throws: IndexFileError.self) { try IndexFile.decode(Array("hello, world".utf8)) }
        #expect(error?.description == "is not a SENGuide index file (no SGIX magic). Rebuild it: senguide index")
    }
}
