/// What the servers serve: the answering engine seen as JSON in, JSON out.
///
/// The servers know nothing of passages or ranking; they frame requests, enforce limits and
/// call these methods. Each method returns one complete JSON document (UTF-8 bytes, no
/// trailing newline). A service is immutable: a reload builds a new one and swaps it in.
public protocol GuideService: Sendable {
    /// The answer JSON (see CONTRACT.md) for `question`, with earlier questions of the same
    /// conversation in `history`, oldest first.
    func ask(_ question: String, history: [String]) -> [UInt8]
    /// `{"query", "hits": [...]}` for `query`, at most `limit` hits.
    func search(_ query: String, limit: Int) -> [UInt8]
    /// The passages citing a Code of Practice paragraph such as `6.45`; nil when `paragraph`
    /// is not of that form.
    func cite(_ paragraph: String) -> [UInt8]?
    /// Fields for `/healthz` besides `"status": "ok"`, e.g. passage count and index version.
    var healthFields: [(String, String)] { get }
    /// One line for the start-up log: what is served and from which index.
    var summary: String { get }
}
