// Canonical decomposition (NFD) comes from the standard library's own Unicode tables, so that
// SearchCore needs no Foundation (docs/DEPLOY.md: a static binary without ICU). Same result as
// Foundation's decomposedStringWithCanonicalMapping for every scalar up to Unicode 15
// (Tests/SearchCoreTests/CanonicalDecompositionTests.swift).
@_spi(_Unicode) import Swift

/// Splits text into lowercase word tokens, working over UTF-8 bytes.
///
/// Rules, in order:
/// - Case and diacritics are folded ("Café" → "cafe"); curly apostrophes become `'`.
/// - A token is a run of letters and digits. An apostrophe between letters stays inside
///   ("child's", "don't"); one at either end is dropped.
/// - A dot between digits stays ("6.45"); a comma between digits followed by exactly three
///   digits is a thousands separator and is dropped ("£6,000" → "6000"); currency signs are
///   separators.
/// - Digits followed by `s` lose it ("under-5s" → "under", "5"); digits followed by `k` mean
///   thousands ("6k" → "6000").
/// - Hyphens separate ("under-5s" → "under", "5s"); a hyphenated word whose parts are all
///   letters also yields the parts joined ("co-ordinator" → "co", "ordinator", "coordinator").
/// - Tokens longer than ``maximumTokenBytes`` are dropped.
public struct WordTokenizer: Sendable {
    /// Longer tokens are noise (URLs, base64) and are dropped.
    public static let maximumTokenBytes = 64

    public init() {}

    /// Returns the tokens of `text`, in order.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(in: WordTokenizer.foldedBytes(text)) { result.append($0) }
        return result
    }

    /// Folds `text` to lowercase UTF-8 bytes: ASCII letters lowercased, diacritics removed,
    /// curly apostrophes made straight, other non-alphanumeric characters made spaces.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            bytes.append(asciiLowercase(byte))
        }
        if isASCII { return bytes }
        bytes.removeAll(keepingCapacity: true)
        for scalar in text._nfd {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(asciiLowercase(UInt8(value)))
            } else if (0x300...0x36F).contains(value) {
                continue  // a combining mark left by decomposition: the diacritic folds away
            } else if value == 0x2018 || value == 0x2019 || value == 0x02BC || value == 0x2032 {
                bytes.append(UInt8(ascii: "'"))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                bytes.append(contentsOf: String(scalar).lowercased().utf8)
            } else {
                bytes.append(UInt8(ascii: " "))
            }
        }
        return bytes
    }

    @inline(__always)
    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || byte >= 0x80
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 }

    /// Calls `body` with each token of already folded `bytes`.
    func forEachToken(in bytes: [UInt8], _ body: (String) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            forEachToken(in: buffer) { body(String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// Calls `body` with the UTF-8 bytes of each token of already folded `bytes`, without
    /// making strings or allocating: the indexing path. The bytes given to `body` are valid
    /// only during the call.
    ///
    /// - Complexity: O(*n*) in the length of `bytes`.
    func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * TokenCutter.capacity) { buffer in
            guard let base = buffer.baseAddress else { return }
            var cutter = TokenCutter(token: base, parts: base + TokenCutter.capacity)
            cutter.cut(bytes, body)
        }
    }
}
