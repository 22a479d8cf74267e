import Guidance

/// `senguide serve`: the HTTP and line-protocol servers (wired in when GuideServer lands).
enum ServeCommand {
    static let command = CommandLineTool.Command(
        name: "serve", summary: "the HTTP JSON endpoint and the line-protocol server",
        help: "Usage: senguide serve [--http HOST:PORT] [--lines HOST:PORT]",
        run: { _ throws(CLIError) in throw .failure("serve is not built yet") })
}
