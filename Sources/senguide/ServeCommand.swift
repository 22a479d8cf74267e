import GuideServer
import Guidance

/// `senguide serve`: the HTTP JSON endpoint, the widget and the line protocol, from one
/// loaded index. SIGHUP reloads `Index/` and the corpus files.
enum ServeCommand {
    static let command = CommandLineTool.Command(
        name: "serve", summary: "the HTTP JSON endpoint, the website widget and the line protocol",
        help: ServerConfiguration.helpText + "\n  --corpus DIR              corpus directory (default Corpus)\n"
            + "\nCorpus/ and Index/ are looked for in the current directory, then beside the senguide\n"
            + "executable (docs/DEPLOY.md).\n",
        run: run)

    static func run(_ arguments: [String]) throws(CLIError) -> Int32 {
        var rest: [String] = []
        var corpusPath = Workspace.defaultCorpus
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--corpus" {
                guard index + 1 < arguments.count else { throw .usage("--corpus needs a value") }
                corpusPath = arguments[index + 1]
                index += 2
            } else if argument.hasPrefix("--corpus=") {
                corpusPath = String(argument.dropFirst("--corpus=".count))
                index += 1
            } else {
                rest.append(argument)
                index += 1
            }
        }
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration.parse(arguments: rest)
        } catch {
            throw .usage(error.description)
        }
        let indexPath = configuration.indexDirectory ?? Workspace.defaultIndex
        let workspace = Workspace(corpusPath: corpusPath, indexPath: indexPath)
        let load: @Sendable () throws -> any GuideService = {
            let answerer = try workspace.openAnswerer()
            return GuidanceService(answerer: answerer, indexDescription: IndexDirectory.filePath(indexPath))
        }
        let service: any GuideService
        do {
            service = try load()
        } catch let error as CLIError {
            throw error
        } catch {
            throw .failure("\(error)")
        }
        do {
            return try runServer(configuration: configuration, service: service, reload: load)
        } catch {
            throw .failure(error.description)
        }
    }
}
