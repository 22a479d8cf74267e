/// The best `capacity` passages seen so far: a binary min-heap whose root is the worst kept.
///
/// Order: higher score first; equal scores by passage-id rank, lower first (ties are broken
/// by passage id).
struct TopHits {
    struct Hit {
        var score: Double
        var rank: UInt32
        var ordinal: UInt32
    }

    let capacity: Int
    private(set) var hits: [Hit] = []

    init(capacity: Int) {
        self.capacity = capacity
        hits.reserveCapacity(min(capacity, 1 << 16))
    }

    var isFull: Bool { hits.count >= capacity }

    /// The score a passage must reach to be considered: −∞ until full, then the worst
    /// kept score (a passage scoring exactly this may still enter on a lower id rank).
    var threshold: Double { isFull ? hits[0].score : -Double.infinity }

    @inline(__always)
    private static func isWorse(_ left: Hit, than right: Hit) -> Bool {
        left.score != right.score ? left.score < right.score : left.rank > right.rank
    }

    /// Offers a passage; it is kept when there is room or it beats the worst kept.
    @inline(__always)
    mutating func offer(score: Double, rank: UInt32, ordinal: UInt32) {
        let hit = Hit(score: score, rank: rank, ordinal: ordinal)
        if hits.count < capacity {
            hits.append(hit)
            var child = hits.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isWorse(hits[child], than: hits[parent]) else { break }
                hits.swapAt(child, parent)
                child = parent
            }
        } else if let worst = hits.first, Self.isWorse(worst, than: hit) {
            hits[0] = hit
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < hits.count else { break }
                var worse = left
                if left + 1 < hits.count, Self.isWorse(hits[left + 1], than: hits[left]) { worse = left + 1 }
                guard Self.isWorse(hits[worse], than: hits[parent]) else { break }
                hits.swapAt(worse, parent)
                parent = worse
            }
        }
    }

    /// The kept passages, best first.
    func sorted() -> [Hit] { hits.sorted { Self.isWorse($1, than: $0) } }
}
