/// The command line after the command name: options with values, flags, and positionals.
///
/// `--name value` and `--name=value` both work; `--` ends options. An option not declared by
/// the command is a usage error, so typos are never silently ignored.
struct Arguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Parses `arguments` for a command that takes the options in `valued` (each needs a
    /// value) and the flags in `flags`.
    init(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String>) throws(CLIError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("--") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw .usage("--\(name) takes no value") }
                flags.insert(name)
            } else if valued.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else { throw .usage("--\(name) needs a value") }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                throw .usage("unknown option --\(name)")
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value given for `name`, if any.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of `name` as a whole number in `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(CLIError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw .usage("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    /// The value of `name` as a number, or `defaultValue` when absent.
    func number(_ name: String, default defaultValue: Double) throws(CLIError) -> Double {
        guard let text = value(name) else { return defaultValue }
        guard let number = Double(text), number.isFinite else {
            throw .usage("--\(name) must be a number, not \"\(text)\"")
        }
        return number
    }
}

/// A failure the CLI reports in one line: a usage error (exit 2) or a user error (exit 1).
enum CLIError: Error, Equatable, CustomStringConvertible {
    /// The command line is wrong: exit 2.
    case usage(String)
    /// The command could not do what was asked (a missing file, a corrupt index): exit 1.
    case failure(String)

    var description: String {
        switch self {
        case .usage(let message), .failure(let message): message
        }
    }

    var exitStatus: Int32 {
        switch self {
        case .usage: 2
        case .failure: 1
        }
    }
}
