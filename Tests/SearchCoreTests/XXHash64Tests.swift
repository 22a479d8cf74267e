import Testing

@testable import SearchCore

/// The index checksum is the reference XXH64 (seed 0); values from the reference
/// implementation (Python `xxhash`, which wraps it).
struct XXHash64Tests {
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("0123456789abcdef0123456789abcdef0", 0xE876_84F0_8D6D_0816),
    ])
    func matchesTheReference(text: String, hash: UInt64) {
        #expect(XXHash64.hash(Array(text.utf8)) == hash)
    }

    @Test func coversEveryTailLength() {
        #expect(XXHash64.hash((0..<100).map { UInt8($0) }) == 0x6AC1_E580_3216_6597)
    }

    @Test func everyBitFlipChangesTheHash() {
        let bytes = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let original = XXHash64.hash(bytes)
        for position in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[position] ^= UInt8(1 << bit)
                #expect(XXHash64.hash(flipped) != original)
            }
        }
    }
}
