#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Dispatches `senguide COMMAND …` to its command and renders any error in one line.
enum CommandLineTool {
    struct Command: Sendable {
        let name: String
        let summary: String
        let help: String
        let run: @Sendable ([String]) throws(CLIError) -> Int32
    }

    static let commands: [Command] = [
        AskCommand.command, ChatCommand.command, SearchCommand.command, CiteCommand.command,
        IndexCommand.command, EvalCommand.command, ServeCommand.command, StemCommand.command,
        AnalyzeCommand.command,
    ]

    static let overview = """
        senguide: what a child is entitled to under SEN Support in England, answered from the
        guidance with cited passages, myth-busting, and an honest "not covered".

        Usage: senguide COMMAND [OPTIONS]

        Commands:
        \(commands.map { "  " + TextFormatting.column($0.name, width: 9) + $0.summary }.joined(separator: "\n"))

        Run "senguide COMMAND --help" for a command's options.
        Files: the guidance in Corpus/ (docs/CORPUS.md), its index in Index/ (docs/FORMATS.md),
        looked for in the current directory, then beside the senguide executable;
        --corpus DIR and --index DIR name others.
        Exit status: 0 success (an honest "not covered" included), 1 could not do it, 2 usage error.
        """

    static func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            printError(overview)
            return 2
        }
        if name == "--help" || name == "-h" || name == "help" {
            print(overview)
            return 0
        }
        if name == "--version" {
            print("senguide 0.1.0")
            return 0
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            printError("senguide: unknown command \"\(name)\". Run senguide --help for the list")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.help)
            return 0
        }
        do {
            return try command.run(rest)
        } catch {
            printError("senguide \(name): \(error.description)")
            if case .usage = error { printError("Run senguide \(name) --help for usage") }
            return error.exitStatus
        }
    }
}
