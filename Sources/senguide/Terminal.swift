#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal can show: colour only on a TTY, never with `NO_COLOR` or `TERM=dumb`;
/// text wrapped to the terminal's width.
struct Terminal {
    let colorEnabled: Bool
    let width: Int

    static func standardOutput(environment: [String: String]) -> Terminal {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        var columns = 0
        var size = winsize()
        if tty, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
        if columns == 0, let text = environment["COLUMNS"], let value = Int(text) { columns = value }
        if columns == 0 { columns = 80 }
        return Terminal(colorEnabled: tty && !noColor && !dumb, width: min(max(columns, 40), 100))
    }

    func bold(_ text: String) -> String { style(text, "1") }
    func dim(_ text: String) -> String { style(text, "2") }
    func highlight(_ text: String) -> String { style(text, "1;33") }
    func green(_ text: String) -> String { style(text, "1;32") }
    func red(_ text: String) -> String { style(text, "1;31") }

    private func style(_ text: String, _ code: String) -> String {
        colorEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Wraps `text` to the terminal width, each line starting with `indent`; existing line
    /// breaks are kept. Escape sequences do not count towards the width.
    func wrap(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        var lines: [String] = []
        var first = true
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = first ? (firstIndent ?? indent) : indent
            var visible = Terminal.visibleCount(line)
            var lineHasWord = false
            for word in paragraph.split(separator: " ") {
                let length = Terminal.visibleCount(String(word))
                if lineHasWord && visible + 1 + length > width {
                    lines.append(line)
                    line = indent
                    visible = Terminal.visibleCount(indent)
                    lineHasWord = false
                }
                if lineHasWord {
                    line += " "
                    visible += 1
                }
                line += word
                visible += length
                lineHasWord = true
            }
            lines.append(line)
            first = false
        }
        return lines.joined(separator: "\n")
    }

    /// Characters that show, not counting ANSI escape sequences.
    static func visibleCount(_ text: String) -> Int {
        var count = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}

/// Writes to standard error.
func printError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    writeStandardError(line)
}

/// Writes `text` to file descriptor 2, unbuffered.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        if written <= 0 { break }
        offset += written
    }
}
