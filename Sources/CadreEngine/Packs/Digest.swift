import Crypto
import Foundation

/// SHA-256 digests, in lower-case hex, of files and of sets of files.
public enum Digest {
    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// A digest of named parts: changes when a part is added, removed, renamed or changed.
    static func combining(_ parts: [(name: String, digest: String)]) -> String {
        var hasher = SHA256()
        for (name, digest) in parts.sorted(by: { $0.name < $1.name }) {
            hasher.update(data: Data("\(name)\u{0}\(digest)\n".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension Digest {
    /// A short, stable identifier of a finding (for SARIF's fingerprints and history diffs).
    public static func fingerprint(_ parts: [String]) -> String {
        String(sha256(parts.joined(separator: "\u{1F}")).prefix(32))
    }
}
