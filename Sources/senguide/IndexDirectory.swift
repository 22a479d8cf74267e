#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SearchCore

#if canImport(Glibc)
    import Glibc
#endif

/// The index as stored in a directory: one file, `index.sgix` (docs/FORMATS.md), written
/// atomically so that a crash mid-write leaves the old index whole.
enum IndexDirectory {
    static let fileName = "index.sgix"

    static func filePath(_ directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    /// True when the directory holds an index file.
    static func exists(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: filePath(directory))
    }

    /// Opens and checks the index in `directory`: the file is memory-mapped and used where
    /// it lies (IndexFile.open), so opening costs a checksum pass, not a parse.
    static func read(_ directory: String) throws(CLIError) -> InvertedIndex {
        let path = filePath(directory)
        let file: MappedFile
        do {
            file = try MappedFile(path: path, populate: true)
        } catch .cannotOpen {
            throw .failure("no index at \(path). Build it: senguide index")
        } catch {
            throw .failure("cannot read \(path): \(error). Rebuild it: senguide index")
        }
        do {
            return try IndexFile.open(file)
        } catch {
            throw .failure("\(path) \(error.description)")
        }
    }

    /// Why a file operation failed, in the system's words ("Not a directory") when it says.
    private static func reason(_ error: any Error) -> String {
        if let posix = (error as? CocoaError)?.underlying as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        return "\(error)"
    }

    /// Writes `bytes` as the index in `directory`: to a temporary file in the same directory,
    /// flushed to disk, then renamed over the old file (an atomic replace on POSIX).
    static func write(_ bytes: [UInt8], to directory: String) throws(CLIError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .failure("cannot create the index directory \(directory): \(reason(error))")
        }
        let path = filePath(directory)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw .failure("cannot write the index in \(directory): \(String(cString: strerror(errno))). The old index is unchanged")
        }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                guard let base = buffer.baseAddress else { break }
                let result = Glibc.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                written += result
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0 else {
            unlink(temporary)
            throw .failure("cannot write the index in \(directory): \(String(cString: strerror(failure))). The old index is unchanged")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failure("cannot replace \(path): \(reason). The old index is unchanged")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        removeAbandonedTemporaries(in: directory)
    }

    /// Deletes the `index.sgix.tmp-PID` files of writers that died mid-write (kill -9, power
    /// loss), so that repeated crashes do not fill the disk. A file whose process still runs
    /// is another writer's and is left alone.
    static func removeAbandonedTemporaries(in directory: String) {
        let prefix = fileName + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            }
        }
    }
}
