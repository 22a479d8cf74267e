import Foundation
import Testing

/// Where `senguide` looks for `Corpus/` and `Index/` when not told: the current directory,
/// then the folder holding the executable (docs/DEPLOY.md).
struct WorkspaceTests {
    /// A copy of the built binary in a fresh folder, with the real corpus and index beside it
    /// when `withGuidance`.
    static func installedCopy(withGuidance: Bool) throws -> URL {
        let folder = try CLIRunner.temporaryDirectory()
        try FileManager.default.copyItem(at: CLIRunner.binary, to: folder.appendingPathComponent("senguide"))
        if withGuidance {
            for name in ["Corpus", "Index"] {
                try FileManager.default.copyItem(
                    at: CLIRunner.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        return folder
    }

    static func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try Self.start(process)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `process`, waiting out "Text file busy": tests run in parallel, and a child
    /// another test forks while the copy is being written inherits the copy's open file for
    /// a moment, during which Linux refuses to execute it (ETXTBSY).
    static func start(_ process: Process) throws {
        var attempt = 0
        while true {
            do {
                try process.run()
                return
            } catch let error as NSError {
                let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
                guard underlying?.code == Int(ETXTBSY) || error.code == Int(ETXTBSY), attempt < 100 else { throw error }
                attempt += 1
                usleep(50_000)
            }
        }
    }

    @Test func findsTheGuidanceBesideTheExecutableFromAnotherDirectory() throws {
        let installed = try Self.installedCopy(withGuidance: true)
        let elsewhere = try CLIRunner.temporaryDirectory()
        let (status, stdout, stderr) = try Self.run(
            installed.appendingPathComponent("senguide"), ["ask", "--json", "can under-5s have SEN"], in: elsewhere)
        #expect(status == 0)
        #expect(stdout.contains(#""kind":"myth""#) || stdout.contains(#""kind": "myth""#))
        #expect(stderr == "", "the saved index beside the binary is used, not one built in memory")
    }

    @Test func aSymbolicLinkFindsTheFolderOfTheRealFile() throws {
        let installed = try Self.installedCopy(withGuidance: true)
        let elsewhere = try CLIRunner.temporaryDirectory()
        let link = elsewhere.appendingPathComponent("senguide")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: installed.appendingPathComponent("senguide"))
        let (status, stdout, _) = try Self.run(link, ["cite", "6.45"], in: elsewhere)
        #expect(status == 0)
        #expect(stdout.contains("6.45"))
    }

    @Test func theCurrentDirectoryWinsOverTheExecutablesFolder() throws {
        let installed = try Self.installedCopy(withGuidance: true)
        let here = try CLIRunner.temporaryDirectory()
        try FileManager.default.createDirectory(
            at: here.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        let (status, _, stderr) = try Self.run(installed.appendingPathComponent("senguide"), ["ask", "EHCP"], in: here)
        #expect(status == 1)
        #expect(stderr.contains("Corpus"), "the empty ./Corpus is the one read: \(stderr)")
    }

    @Test func withNothingBesideItTheMessageNamesCorpusAsBefore() throws {
        let installed = try Self.installedCopy(withGuidance: false)
        let elsewhere = try CLIRunner.temporaryDirectory()
        let (status, _, stderr) = try Self.run(installed.appendingPathComponent("senguide"), ["ask", "EHCP"], in: elsewhere)
        #expect(status == 1)
        #expect(stderr.contains("cannot read the corpus directory Corpus"))
    }
}
