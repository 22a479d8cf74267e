import Guidance

/// How an answer reads on a terminal: the answer first, then each quote with who wrote it,
/// then where to get help and the disclaimer.
enum AnswerRendering {
    static func render(_ answer: Answer, terminal: Terminal) -> String {
        var lines: [String] = []
        if let corrected = answer.correctedQuestion {
            lines.append(terminal.dim(terminal.wrap("(Read as: \"\(corrected)\")")))
        }
        switch answer.kind {
        case .myth:
            let label = terminal.red("Myth — \(answer.myth?.verdict ?? "No").")
            let fact = answer.myth?.fact ?? answer.summary
            lines.append(terminal.wrap(label + " " + fact))
            if let claim = answer.myth?.claim { lines.append(terminal.dim(terminal.wrap("The claim: \(claim)"))) }
        case .answer:
            lines.append(terminal.wrap(terminal.bold(answer.summary)))
        case .none:
            lines.append(terminal.wrap(answer.summary))
        }
        for citation in answer.citations {
            lines.append("")
            lines.append(terminal.wrap("“" + citation.passage.text + "”", indent: "  ", firstIndent: "  "))
            lines.append(terminal.dim(terminal.wrap(attribution(citation), indent: "    ", firstIndent: "    ")))
            var notes: [String] = []
            if let area = citation.localArea { notes.append("Local guidance for \(area).") }
            if let strength = citation.strength { notes.append(strength.explanation) }
            if !notes.isEmpty { lines.append(terminal.dim(terminal.wrap(notes.joined(separator: " "), indent: "    ", firstIndent: "    "))) }
        }
        if !answer.signposts.isEmpty {
            lines.append("")
            lines.append(terminal.bold("Where to get help"))
            for signpost in answer.signposts {
                lines.append(terminal.wrap("• \(signpost.name): \(signpost.detail)", indent: "    ", firstIndent: "  "))
            }
        }
        lines.append("")
        lines.append(terminal.dim(Answer.disclaimer))
        return lines.joined(separator: "\n")
    }

    /// "— IPSEA, ‘SEN Support: What this means…’, Myth-busting moment · Code of Practice 5.48"
    static func attribution(_ citation: Citation) -> String {
        var text = "— \(citation.document.publisher), ‘\(citation.document.title)’"
        let heading = citation.passage.heading
        if !heading.isEmpty, heading != citation.document.title { text += ", \(heading)" }
        let paragraphs = citation.passage.codeParagraphs
        if !paragraphs.isEmpty { text += " · Code of Practice \(paragraphs.joined(separator: ", "))" }
        if let url = citation.document.url { text += " · \(url)" }
        return text
    }
}
