#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SearchCore

/// A collection of `{"id","title","text"}` lines, indexed on every core: the file is
/// memory-mapped and cut at line boundaries into one part per core; each part is parsed
/// (``JSONLine``, falling back to ``JSONFields`` for unusual lines) and analysed into an
/// ``IndexSegment`` on its own thread; the segments join in file order.
enum JSONLCollection {
    /// Why a part stopped: the byte offset of the bad line and what is wrong with it.
    private struct LineFailure: Error {
        let offset: Int
        let message: String
    }

    static func buildIndex(path: String) throws(CLIError) -> InvertedIndex {
        let file: MappedFile
        do {
            file = try MappedFile(path: path, populate: true)
        } catch {
            throw .failure("cannot read \(path)")
        }
        let bytes = file.bytes
        let parallelism = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let parts = cut(bytes, into: parallelism)
        let results = Parallel.map(count: parts.count, parallelism: parallelism) { part in
            analyse(file, range: parts[part], showsProgress: part == 0, scale: parts.count)
        }
        var segments: [IndexSegment] = []
        for result in results {
            switch result {
            case .success(let segment):
                segments.append(segment)
            case .failure(let failure):
                throw .failure("\(path):\(lineNumber(in: bytes, at: failure.offset)): \(failure.message)")
            }
        }
        let builder = IndexBuilder(segments: segments)
        if let duplicate = builder.firstDuplicateID() {
            throw .failure("\(path):\(secondLine(of: duplicate, in: bytes)): the id \"\(duplicate)\" is used twice")
        }
        return builder.build(parallelism: parallelism)
    }

    /// Splits `bytes` into up to `count` ranges of whole lines.
    static func cut(_ bytes: UnsafeRawBufferPointer, into count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1...count {
            var end = part == count ? bytes.count : max(start, bytes.count * part / count)
            while end < bytes.count, end > 0, bytes[end - 1] != 0x0A { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// Parses and analyses the lines in `range`.
    private static func analyse(_ file: MappedFile, range: Range<Int>, showsProgress: Bool, scale: Int)
        -> Result<IndexSegment, LineFailure>
    {
        var segment = IndexSegment(analyzer: .english)
        var line = JSONLine()
        var progress = ProgressLine(label: "indexed", unit: "passages")
        let base = file.bytes.bindMemory(to: UInt8.self)
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound, base[end] != 0x0A { end += 1 }
            let bytes = UnsafeBufferPointer(rebasing: base[start..<end])
            defer { start = end + 1 }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            if line.parse(bytes) {
                line.passage.withUnsafeBufferPointer { segment.add(passageID: line.id, utf8: $0) }
            } else {
                guard let object = JSONFields.parse(bytes), let id = object.string("id"), !id.isEmpty
                else {
                    return .failure(
                        LineFailure(offset: start, message: "expected a JSON object with a string \"id\", \"title\" and \"text\""))
                }
                let title = object.string("title") ?? ""
                let text = object.string("text") ?? ""
                segment.add(passageID: id, text: title.isEmpty ? text : title + "\n" + text)
            }
            if showsProgress { progress.tick(segment.passageCount * scale) }
        }
        if showsProgress { progress.finish(segment.passageCount * scale) }
        return .success(segment)
    }

    /// The 1-based number of the second line with passage id `id` (an error path: rescans).
    private static func secondLine(of id: String, in bytes: UnsafeRawBufferPointer) -> Int {
        var line = JSONLine()
        var seen = 0
        var number = 0
        let base = bytes.bindMemory(to: UInt8.self)
        for range in base.split(separator: 0x0A, omittingEmptySubsequences: false).map(\.indices) {
            number += 1
            let lineBytes = UnsafeBufferPointer(rebasing: base[range])
            let lineID =
                line.parse(lineBytes)
                ? line.id : JSONFields.parse(lineBytes)?.string("id")
            if lineID == id {
                seen += 1
                if seen == 2 { return number }
            }
        }
        return number
    }

    /// The 1-based number of the line holding byte `offset`.
    private static func lineNumber(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
        bytes[0..<min(offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
