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
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func digest(_ text: String) -> String { digest(Data(text.utf8)) }

    /// A digest of named parts: changes when a part is added, removed, renamed or changed.
    static func combining(_ parts: [(String, String)]) -> String {
        digest(parts.sorted { $0.0 < $1.0 }.map { "\($0.0)\u{0}\($0.1)\n" }.joined())
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// A system's result list: one line per rule, `rule key status severity`.
    static func list(_ references: [ResultReference]) -> String {
        references.map { "\($0.rule) \($0.key) \($0.status.rawValue) \($0.severity.rawValue)\n" }.joined()
    }

    /// Reads a result list (rule ids, keys, statuses and severities hold no space).
    static func references(_ body: String) throws -> [ResultReference] {
        var references: [ResultReference] = []
        var body = body
        try body.withUTF8 { bytes in
            var fields: [String] = []
            fields.reserveCapacity(4)
            var start = 0
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 10
                guard byte == 32 || byte == 10 else { continue }
                if index > start { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
                guard byte == 10, !fields.isEmpty else { continue }
                guard fields.count == 4, let status = RuleResult.Status(rawValue: fields[2]), let severity = Severity(rawValue: fields[3]) else {
                    throw CorruptList(line: fields.joined(separator: " "))
                }
                references.append(ResultReference(rule: fields[0], key: fields[1], status: status, severity: severity))
                fields.removeAll(keepingCapacity: true)
            }
        }
        return references
    }

    struct CorruptList: Error, CustomStringConvertible {
        var line: String
        var description: String { "a result list holds an unreadable line" }
    }
}
