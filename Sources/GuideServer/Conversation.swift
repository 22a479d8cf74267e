/// The context a line-protocol connection keeps for follow-up questions.
///
/// The last ``capacity`` questions asked on the connection, oldest first, are passed to
/// ``GuideService/ask(_:history:)`` as history. Nothing else is kept, and it dies with the
/// connection.
struct Conversation: Sendable, Equatable {
    static let defaultCapacity = 5

    let capacity: Int
    private(set) var history: [String] = []

    init(capacity: Int = Conversation.defaultCapacity) {
        precondition(capacity >= 0, "capacity \(capacity) < 0")
        self.capacity = capacity
    }

    /// Records a question that was answered.
    mutating func record(_ question: String) {
        guard capacity > 0 else { return }
        if history.count == capacity { history.removeFirst() }
        history.append(question)
    }
}
