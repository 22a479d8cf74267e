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
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
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
        var scratch = TokenScratch()
        bytes.withUnsafeBufferPointer { buffer in
            forEachToken(in: buffer, scratch: &scratch) { body(String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// Calls `body` with the UTF-8 bytes of each token of already folded `bytes`, without
    /// making strings: the indexing path. `scratch` is reused between calls; the bytes given
    /// to `body` are valid only during the call.
    ///
    /// - Complexity: O(*n*) in the length of `bytes`.
    func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>, scratch: inout TokenScratch, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // The buffers are moved out of `scratch` so that each is a separate variable.
        var token = scratch.token
        var word = scratch.word
        var parts = scratch.parts
        scratch = .empty
        defer { scratch = TokenScratch(token: token, word: word, parts: parts) }
        let count = bytes.count
        var index = 0
        token.removeAll(keepingCapacity: true)
        parts.removeAll(keepingCapacity: true)
        var partCount = 0
        var partsAreLetters = true

        func byte(at position: Int) -> UInt8 { position < count ? bytes[position] : 0 }

        func emit(_ raw: UnsafeBufferPointer<UInt8>) {
            word.removeAll(keepingCapacity: true)
            word.append(contentsOf: raw)
            while word.last == UInt8(ascii: "'") { word.removeLast() }
            guard !word.isEmpty, word.count <= WordTokenizer.maximumTokenBytes else { return }
            if word.count >= 2, let last = word.last, word.dropLast().allSatisfy(WordTokenizer.isDigit) {
                if last == UInt8(ascii: "s") {
                    word.removeLast()
                } else if last == UInt8(ascii: "k") {
                    word.removeLast()
                    word.append(contentsOf: [0x30, 0x30, 0x30])
                }
            }
            word.withUnsafeBufferPointer(body)
        }

        func finishToken() {
            token.withUnsafeBufferPointer { emit($0) }
            parts.append(contentsOf: token)
            partCount += 1
            if partsAreLetters { partsAreLetters = token.allSatisfy(WordTokenizer.isLetter) }
            token.removeAll(keepingCapacity: true)
        }

        func finishHyphenatedWord() {
            if partCount > 1, partsAreLetters { parts.withUnsafeBufferPointer { emit($0) } }
            parts.removeAll(keepingCapacity: true)
            partCount = 0
            partsAreLetters = true
        }

        while index < count {
            let current = bytes[index]
            if WordTokenizer.isWordByte(current) {
                token.append(current)
                index += 1
                continue
            }
            let previous = token.last ?? 0
            let next = byte(at: index + 1)
            if current == UInt8(ascii: "'"), !token.isEmpty, WordTokenizer.isLetter(previous),
                WordTokenizer.isWordByte(next)
            {
                token.append(current)
                index += 1
                continue
            }
            if current == UInt8(ascii: "."), WordTokenizer.isDigit(previous), WordTokenizer.isDigit(next),
                !token.isEmpty
            {
                token.append(current)
                index += 1
                continue
            }
            if current == UInt8(ascii: ","), WordTokenizer.isDigit(previous),
                WordTokenizer.isDigit(next), WordTokenizer.isDigit(byte(at: index + 2)),
                WordTokenizer.isDigit(byte(at: index + 3)), !WordTokenizer.isDigit(byte(at: index + 4))
            {
                index += 1  // a thousands separator: "6,000" is one number
                continue
            }
            if !token.isEmpty {
                finishToken()
                if current != UInt8(ascii: "-") || !WordTokenizer.isWordByte(next) {
                    finishHyphenatedWord()
                }
            } else {
                parts.removeAll(keepingCapacity: true)
                partCount = 0
                partsAreLetters = true
            }
            index += 1
        }
        if !token.isEmpty { finishToken() }
        finishHyphenatedWord()
    }
}

/// Buffers reused by ``WordTokenizer`` from one text to the next.
struct TokenScratch: Sendable {
    var token: [UInt8] = []
    var word: [UInt8] = []
    var parts: [UInt8] = []

    /// Scratch that is never used, to stand in for real scratch.
    static let empty = TokenScratch(token: [], word: [], parts: [])

    init(token: [UInt8], word: [UInt8], parts: [UInt8]) {
        self.token = token
        self.word = word
        self.parts = parts
    }

    init() {
        token.reserveCapacity(64)
        word.reserveCapacity(64)
        parts.reserveCapacity(128)
    }
}
