/// Splits the line protocol's byte stream into lines, enforcing the framing rules.
///
/// A line ends at `\n`; a `\r` just before it is dropped. A line must be UTF-8 with no NUL
/// and at most `maxLineBytes` long without its terminator. After ``ProtocolError/lineTooLong(limit:)``
/// the stream cannot be re-framed and the framer stays failed.
struct LineFramer {
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanFrom = 0
    private var failed = false

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of a line has arrived but not its newline.
    var hasPartialLine: Bool { start < buffer.count }

    /// The number of bytes held, for tests of memory bounds.
    var bufferedByteCount: Int { buffer.count - start }

    /// The next line, or nil until its newline arrives.
    ///
    /// - Returns: the decoded line, or the framing error for that line (the stream goes on,
    ///   except after `lineTooLong`).
    mutating func nextLine() -> Result<Substring, ProtocolError>? {
        if failed { return .failure(.lineTooLong(limit: maxLineBytes)) }
        guard let newline = buffer[scanFrom...].firstIndex(of: 0x0A) else {
            scanFrom = buffer.count
            if buffer.count - start > maxLineBytes {
                failed = true
                return .failure(.lineTooLong(limit: maxLineBytes))
            }
            return nil
        }
        var line = buffer[start..<newline]
        start = newline + 1
        scanFrom = start
        defer { compact() }
        if line.last == 0x0D { line = line.dropLast() }
        if line.count > maxLineBytes {
            failed = true
            return .failure(.lineTooLong(limit: maxLineBytes))
        }
        return Self.decode(line)
    }

    /// The unterminated last line once the peer has stopped sending, if any.
    mutating func finishInput() -> Result<Substring, ProtocolError>? {
        guard !failed, start < buffer.count else { return nil }
        var line = buffer[start...]
        start = buffer.count
        defer { compact() }
        if line.last == 0x0D { line = line.dropLast() }
        return Self.decode(line)
    }

    private static func decode(_ line: ArraySlice<UInt8>) -> Result<Substring, ProtocolError> {
        if line.contains(0) { return .failure(.nulByte) }
        guard let text = String(validating: line, as: UTF8.self) else {
            return .failure(.invalidUTF8)
        }
        return .success(text[...])
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 16_384)
            start = 0
            scanFrom = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            scanFrom -= start
            start = 0
        }
    }
}
