/// Splits a passage into sentences, keeping each exactly as written.
///
/// A sentence ends at `.`, `?` or `!` followed by white space and then an upper-case letter,
/// a digit or an opening quote — so "6.45", "e.g. the" and "etc." inside a sentence do not
/// split it — and at every line break (list items and table cells are lines of their own).
/// A "sentence" with no letter in it ("5." numbering a list item) stays with what follows.
enum SentenceSplitter {
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") {
            let characters = Array(line)
            var start = 0
            var position = 0
            while position < characters.count {
                let character = characters[position]
                if character == "." || character == "?" || character == "!" {
                    var next = position + 1
                    while next < characters.count, characters[next] == "\"" || characters[next] == "\u{201D}"
                        || characters[next] == "'" || characters[next] == "\u{2019}" || characters[next] == ")"
                    {
                        next += 1
                    }
                    if next < characters.count, characters[next] == " " {
                        var after = next
                        while after < characters.count, characters[after] == " " { after += 1 }
                        let sentenceSoFar = characters[start..<next]
                        if after < characters.count, sentenceSoFar.contains(where: \.isLetter),
                            characters[after].isUppercase || characters[after].isNumber || "\"\u{201C}‘'(".contains(characters[after])
                        {
                            let sentence = String(characters[start..<next]).trimmingCharacters(in: " ")
                            if !sentence.isEmpty { result.append(sentence) }
                            start = after
                            position = after
                            continue
                        }
                    }
                }
                position += 1
            }
            let rest = String(characters[start...]).trimmingCharacters(in: " ")
            if !rest.isEmpty { result.append(rest) }
        }
        return result
    }
}
