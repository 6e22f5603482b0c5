import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("cadre-stores-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to a file of the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A checksum of every file in a folder, to prove a store left them as they were: FNV-1a 64 over
/// names, sizes and bytes, plus modification times.
enum FolderDigest {
    static func of(_ folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for b in bytes {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        var parts: [String] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            mix(name.utf8)
            mix(try Data(contentsOf: URL(fileURLWithPath: path)))
            parts.append("\(name):\(attributes[.size] ?? 0):\(modified)")
        }
        return String(hash, radix: 16) + " " + parts.joined(separator: ",")
    }

    /// The digest of one file.
    static func ofFile(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in data {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let modified =
            (try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)?.timeIntervalSince1970
            ?? 0
        return "\(String(hash, radix: 16)) \(data.count) \(modified)"
    }
}
