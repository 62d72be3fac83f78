import Foundation

/// The platform's checkpoints kept outside the database: a file to which every signed checkpoint is
/// appended, never rewritten, in a directory only the owner may read.
///
/// ```
/// checkpoints/      0700
///   checkpoints     0600, signed notes, each followed by a blank line
/// ```
///
/// Whoever can write the database cannot reach it, so the platform can prove on every start and
/// before every checkpoint that the database's log still extends what it signed.
public struct CheckpointFile: Sendable {
    /// The directory.
    public let directory: URL

    /// The file in `directory` (created on first append).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file's path.
    public var url: URL { directory.appendingPathComponent("checkpoints") }

    /// Appends `note` and forces it to disk before returning; under an exclusive lock on the file,
    /// so that writers in several processes append in turn. A note smaller than the file's last
    /// one, or the same, is not appended (the file only grows); one of the same size with another
    /// root is refused as a fork.
    @discardableResult
    public func append(_ note: SignedNote) throws -> Bool {
        let record = Array((note.serialized + "\n").utf8)
        guard record.count <= SignedNote.maximumSize else {
            throw CheckpointFileError.malformed(reason: "a checkpoint larger than \(SignedNote.maximumSize) bytes")
        }
        let head: TreeHead
        do {
            head = try TreeHead(text: note.text)
        } catch {
            throw CheckpointFileError.malformed(reason: "\(error)")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let descriptor = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CheckpointFileError.unwritable(path: url.path, errno: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw CheckpointFileError.unwritable(path: url.path, errno: errno) }
        if let last = try last().map({ try TreeHead(text: $0.text) }), last.size >= head.size {
            guard last.size > head.size || last.rootHash == head.rootHash else {
                throw CheckpointFileError.malformed(reason: "another tree of size \(head.size) is already in the file")
            }
            return false
        }
        // One write of the whole record: O_APPEND places it at the end.
        let written = record.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == record.count, fsync(descriptor) == 0 else { throw CheckpointFileError.unwritable(path: url.path, errno: errno) }
        return true
    }

    /// Every checkpoint in the file, oldest first; empty when there is no file.
    public func notes() throws -> [SignedNote] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        try checkPermissions()
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return try Self.parse(text[...], complete: true)
    }

    /// The largest checkpoint in the file, read from its end; nil when the file is missing or
    /// empty. A file whose end holds no complete checkpoint is refused, never read as empty.
    public func last() throws -> SignedNote? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        try checkPermissions()
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        guard size > 0 else { return nil }
        let start = size > UInt64(SignedNote.maximumSize * 2) ? size - UInt64(SignedNote.maximumSize * 2) : 0
        try handle.seek(toOffset: start)
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        let notes = try Self.parse(text[...], complete: start == 0)
        let sized = notes.compactMap { note in (try? TreeHead(text: note.text)).map { (note, $0.size) } }
        guard let largest = sized.max(by: { $0.1 < $1.1 })?.0 else {
            throw CheckpointFileError.malformed(reason: "its end holds no complete checkpoint")
        }
        return largest
    }

    /// The checkpoints in the text of a checkpoint file (or a single checkpoint).
    public static func notes(in text: String) throws -> [SignedNote] { try parse(text[...], complete: true) }

    /// The notes in `text`: blocks separated by blank lines, a text block followed by a signature
    /// block. When `text` is a tail of the file (`complete` false), a cut first record is skipped.
    static func parse(_ text: Substring, complete: Bool) throws -> [SignedNote] {
        var blocks = text.components(separatedBy: "\n\n").map { $0[...] }
        if blocks.last?.isEmpty == true { blocks.removeLast() }
        if !complete {
            // The first block may be cut; start at the first text block followed by signatures.
            blocks.removeFirst()
            while blocks.count >= 2, blocks[0].hasPrefix("\u{2014}") || !blocks[1].hasPrefix("\u{2014}") { blocks.removeFirst() }
        }
        guard blocks.count % 2 == 0 else { throw CheckpointFileError.malformed(reason: "a checkpoint lacks its signatures") }
        return try stride(from: 0, to: blocks.count, by: 2).map { index in
            do {
                return try SignedNote(parsing: "\(blocks[index])\n\n\(blocks[index + 1])\n")
            } catch {
                throw CheckpointFileError.malformed(reason: "\(error)")
            }
        }
    }

    private func checkPermissions() throws {
        for path in [directory.path, url.path] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let mode = attributes[.posixPermissions] as? Int, mode & 0o022 != 0 {
                throw CheckpointFileError.writableByOthers(path: path)
            }
        }
    }
}

/// Why the checkpoint file cannot be used.
public enum CheckpointFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// It cannot be created or written.
    case unwritable(path: String, errno: Int32)
    /// Others than its owner may write it (or its directory): it could be rewritten unseen.
    case writableByOthers(path: String)
    /// It holds something that is not a sequence of signed checkpoints.
    case malformed(reason: String)

    public var description: String {
        switch self {
        case .unwritable(let path, let code): "the checkpoint file \(path) cannot be written: \(String(cString: strerror(code)))"
        case .writableByOthers(let path): "\(path) may be written by others than its owner: chmod go-w \(path)"
        case .malformed(let reason): "the checkpoint file is malformed: \(reason)"
        }
    }
}
