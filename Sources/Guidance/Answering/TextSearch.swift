extension String {
    /// Whether `part` occurs in this string, compared byte for byte in UTF-8.
    ///
    /// The answerer looks for fixed phrases (" right? ", " means ") in text it has already
    /// folded, many times per question; this plain search does that without the Unicode and
    /// locale machinery of Foundation's `contains`, which gives the same result on such text.
    ///
    /// - Complexity: O(*n* × *m*) in the worst case, O(*n*) for the short phrases used here.
    func includes(_ part: String) -> Bool {
        var text = self
        var part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard let first = part.first else { return true }
                guard text.count >= part.count else { return false }
                var start = 0
                let lastStart = text.count - part.count
                while start <= lastStart {
                    if text[start] == first {
                        var offset = 1
                        while offset < part.count, text[start + offset] == part[offset] { offset += 1 }
                        if offset == part.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// Whether `phrase`, written with a space before and after it (" stop it "), occurs in
    /// this folded text (``QuestionReading/foldForCues(_:)``) as whole words, a question mark
    /// ending its last word as a space does: " stop it " is in " what must they do to stop it? ".
    func includesWords(_ phrase: String) -> Bool {
        guard phrase.hasSuffix(" ") else { return includes(phrase) }
        var text = self
        var phrase = phrase
        return text.withUTF8 { text in
            phrase.withUTF8 { phrase in
                guard text.count >= phrase.count else { return false }
                let last = phrase.count - 1
                var start = 0
                while start <= text.count - phrase.count {
                    var offset = 0
                    while offset < last, text[start + offset] == phrase[offset] { offset += 1 }
                    // The closing space may be typed as a question mark.
                    if offset == last, text[start + last] == UInt8(ascii: " ") || text[start + last] == UInt8(ascii: "?") {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
