import CadreModel
import Crypto
import Foundation

/// SHA-256 digests, in lower-case hex, of files and of sets of files: the one way the engine and
/// the history fingerprint what a run read.
public enum Digest {
    /// The digest of `bytes`.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The digest of a file as the engine reads it (``FileReader``: at most one byte past the
    /// limit of a document, so a larger file is refused whatever follows); empty when it cannot
    /// be read or is not a regular file.
    public static func sha256(ofFile path: String) -> String {
        (try? FileReader.read(path)).map { sha256($0) } ?? ""
    }

    /// Lower-case hex of a digest (String(format:) would cost more than the hashing).
    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// A digest of named parts: changes when a part is added, removed, renamed or changed.
    public static func combining(_ parts: [(name: String, digest: String)]) -> String {
        var hasher = SHA256()
        for (name, digest) in parts.sorted(by: { $0.name < $1.name }) {
            hasher.update(data: Data("\(name)\u{0}\(digest)\n".utf8))
        }
        return hex(hasher.finalize())
    }
}

extension Digest {
    /// A short, stable identifier of a finding (for SARIF's fingerprints and history diffs).
    public static func fingerprint(_ parts: [String]) -> String {
        String(sha256(parts.joined(separator: "\u{1F}")).prefix(32))
    }
}
