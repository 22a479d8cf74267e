/// The lines of a text file as people save it: ended by "\n" or "\r\n".
///
/// Swift reads "\r\n" as one `Character`, so `split(separator: "\n")` leaves a file saved
/// with Windows line endings as a single line; every line-oriented corpus file is split here.
public enum TextLines {
    /// Every line, empty ones included, without its ending; line N is element N − 1.
    public static func of(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}
