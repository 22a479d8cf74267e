/// A mistake in a line-oriented corpus file (the vocabulary or the myth cards): which file,
/// which line, and what to fix. Rendered as `FILE:LINE: message`.
public struct LineError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
