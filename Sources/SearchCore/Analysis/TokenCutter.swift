/// The state machine of ``WordTokenizer`` over folded bytes, in two fixed buffers: the token
/// being read and the parts of a hyphenated word (joined, for "co-ordinator" →
/// "coordinator"). Tokens longer than ``WordTokenizer/maximumTokenBytes`` are dropped, so
/// the buffers only need to hold that much; longer runs are counted, not stored.
///
/// A token never ends with an apostrophe or a dot (each is taken in only when a word byte
/// follows, and that byte is taken in too), so the only changes at the end of a token are
/// the number rules: "5s" → "5", "6k" → "6000".
struct TokenCutter {
    /// Bytes each buffer holds: the longest kept token, and room for "k" → "000".
    static let capacity = WordTokenizer.maximumTokenBytes + 8

    private let token: UnsafeMutablePointer<UInt8>
    private let parts: UnsafeMutablePointer<UInt8>
    /// Lengths as read (they may exceed what is stored).
    private var tokenLength = 0
    private var partsLength = 0
    private var lastByte: UInt8 = 0
    private var partCount = 0
    private var partsAreLetters = true
    private var tokenIsLetters = true

    init(token: UnsafeMutablePointer<UInt8>, parts: UnsafeMutablePointer<UInt8>) {
        self.token = token
        self.parts = parts
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if tokenLength < Self.capacity { token[tokenLength] = byte }
        tokenLength += 1
        lastByte = byte
        if !WordTokenizer.isLetter(byte) { tokenIsLetters = false }
    }

    /// Reads `bytes` and calls `body` with each token.
    mutating func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = bytes.count
        @inline(__always) func byte(at position: Int) -> UInt8 { position < count ? bytes[position] : 0 }
        var index = 0
        while index < count {
            let current = bytes[index]
            if WordTokenizer.isWordByte(current) {
                append(current)
                index += 1
                continue
            }
            let previous = tokenLength == 0 ? 0 : lastByte
            let next = byte(at: index + 1)
            if current == UInt8(ascii: "'"), tokenLength > 0, WordTokenizer.isLetter(previous), WordTokenizer.isWordByte(next) {
                append(current)
                index += 1
                continue
            }
            if current == UInt8(ascii: "."), tokenLength > 0, WordTokenizer.isDigit(previous), WordTokenizer.isDigit(next) {
                append(current)
                index += 1
                continue
            }
            if current == UInt8(ascii: ","), WordTokenizer.isDigit(previous), WordTokenizer.isDigit(next),
                WordTokenizer.isDigit(byte(at: index + 2)), WordTokenizer.isDigit(byte(at: index + 3)),
                !WordTokenizer.isDigit(byte(at: index + 4))
            {
                index += 1  // a thousands separator: "6,000" is one number
                continue
            }
            if tokenLength > 0 {
                finishToken(body)
                if current != UInt8(ascii: "-") || !WordTokenizer.isWordByte(next) { finishHyphenatedWord(body) }
            } else {
                resetParts()
            }
            index += 1
        }
        if tokenLength > 0 { finishToken(body) }
        finishHyphenatedWord(body)
    }

    /// Emits the token read and adds it to the hyphenated word's parts.
    @inline(__always)
    private mutating func finishToken(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let stored = min(tokenLength, Self.capacity)
        for offset in 0..<stored where partsLength + offset < Self.capacity { parts[partsLength + offset] = token[offset] }
        partsLength += tokenLength
        partCount += 1
        partsAreLetters = partsAreLetters && tokenIsLetters
        Self.emit(token, length: tokenLength, body)
        tokenLength = 0
        tokenIsLetters = true
    }

    /// Emits the parts joined when there are several and all are letters.
    @inline(__always)
    private mutating func finishHyphenatedWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if partCount > 1, partsAreLetters { Self.emit(parts, length: partsLength, body) }
        resetParts()
    }

    @inline(__always)
    private mutating func resetParts() {
        partsLength = 0
        partCount = 0
        partsAreLetters = true
    }

    /// Calls `body` with a word, unless it is too long, after the number rules.
    @inline(__always)
    private static func emit(_ word: UnsafeMutablePointer<UInt8>, length: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard length > 0, length <= WordTokenizer.maximumTokenBytes else { return }
        var length = length
        let last = word[length - 1]
        if length >= 2, last == UInt8(ascii: "s") || last == UInt8(ascii: "k"),
            (0..<(length - 1)).allSatisfy({ WordTokenizer.isDigit(word[$0]) })
        {
            if last == UInt8(ascii: "s") {
                length -= 1
            } else {
                word[length - 1] = 0x30
                word[length] = 0x30
                word[length + 1] = 0x30
                length += 2
            }
        }
        body(UnsafeBufferPointer(start: word, count: length))
    }
}
