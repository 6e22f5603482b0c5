import CadreModel
import Crypto
import Foundation

/// The recorded form of results: JSON with sorted keys, so one result always gives the same bytes
/// and the same key (SHA-256 of the bytes, hex).
enum ResultCoding {
    static func encode(_ result: RuleResult) -> (key: String, body: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(result)) ?? Data()
        return (digest(data), String(decoding: data, as: UTF8.self))
    }

    static func decode(_ body: String) throws -> RuleResult {
        try JSONDecoder().decode(RuleResult.self, from: Data(body.utf8))
    }

    static func digest(_ data: some DataProtocol) -> String {
        SHA256.hash(data: data).map { hex($0) }.joined()
    }

    static func digest(_ text: String) -> String { digest(Data(text.utf8)) }

    /// A digest of named parts: changes when a part is added, removed, renamed or changed.
    static func combining(_ parts: [(String, String)]) -> String {
        digest(parts.sorted { $0.0 < $1.0 }.map { "\($0.0)\u{0}\($0.1)\n" }.joined())
    }

    private static let digits = Array("0123456789abcdef")
    private static func hex(_ byte: UInt8) -> String { String([digits[Int(byte >> 4)], digits[Int(byte & 15)]]) }

    /// A system's result list: one line per rule, `rule key status severity`.
    static func list(_ references: [ResultReference]) -> String {
        references.map { "\($0.rule) \($0.key) \($0.status.rawValue) \($0.severity.rawValue)\n" }.joined()
    }

    /// Reads a result list (rule ids, keys, statuses and severities hold no space).
    static func references(_ body: String) throws -> [ResultReference] {
        var references: [ResultReference] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ")
            guard parts.count == 4, let status = RuleResult.Status(rawValue: String(parts[2])),
                let severity = Severity(rawValue: String(parts[3]))
            else { throw CorruptList(line: String(line)) }
            references.append(ResultReference(rule: String(parts[0]), key: String(parts[1]), status: status, severity: severity))
        }
        return references
    }

    struct CorruptList: Error, CustomStringConvertible {
        var line: String
        var description: String { "a result list holds an unreadable line" }
    }
}
