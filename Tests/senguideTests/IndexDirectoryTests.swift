import Foundation
import Testing

/// How `senguide index` writes `Index/`: atomically, and cleaning up after writers that died.
struct IndexDirectoryTests {
    /// A pid that no process has: the highest the kernel allows is never handed out while
    /// pid_max is lower, so search down from a large one for a free number.
    static func deadPID() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    @Test func temporaryFilesOfWritersKilledMidWriteAreRemovedByTheNextWrite() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let collection = directory.appendingPathComponent("docs.jsonl")
        try Data(#"{"id": "a", "title": "", "text": "school plan"}"#.utf8).write(to: collection)
        let index = directory.appendingPathComponent("Index")
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        let abandoned = index.appendingPathComponent("index.sgix.tmp-\(Self.deadPID())")
        let live = index.appendingPathComponent("index.sgix.tmp-\(getpid())")
        try Data("half an index".utf8).write(to: abandoned)
        try Data("another writer's".utf8).write(to: live)
        let result = try CLIRunner.run(["index", "--jsonl", collection.path, "--out", index.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a running writer's file is left alone")
        let searched = try CLIRunner.run(["search", "--index", index.path, "school"])
        #expect(searched.status == 0, "\(searched.stderr)")
    }
}
