import CadreModel

/// Reads results back from their recorded form (``ResultJSON``) directly, many times faster than
/// `JSONDecoder`: a re-check reads the earlier results of every pair that changed, a report from
/// the history all of a run's.
///
/// It reads JSON as `JSONDecoder` would read it into a ``RuleResult`` (members in any order,
/// unknown members skipped, `null` for an absent optional, any escape; an absent `system` read as
/// empty, for whoever places the result on its system to fill), and gives up (nil) on
/// anything else — numbers that are not integers, a missing member, a wrong type, damaged bytes —
/// leaving `JSONDecoder` to read it or to say what is wrong.
struct ResultJSONReader {
    private let bytes: [UInt8]
    private var index = 0

    /// The result `body` holds; nil when this reader cannot read it.
    static func read(_ body: String) -> RuleResult? {
        var reader = ResultJSONReader(bytes: Array(body.utf8))
        guard let result = try? reader.result() else { return nil }
        reader.skipSpace()
        return reader.index == reader.bytes.count ? result : nil
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Unreadable: Error {}

    // MARK: Results

    private mutating func result() throws -> RuleResult {
        var rule: String?
        var system: String?
        var status: RuleResult.Status?
        var severity: Severity?
        var skipReason: RuleResult.SkipReason?
        var findings: [Finding]?
        var failure: RuleResult.Failure?
        var waiver: RuleResult.AppliedWaiver?
        var log: [String]?
        try object { reader, key in
            switch key {
            case "rule": rule = try reader.string()
            case "system": system = try reader.string()
            case "status": status = try reader.value(RuleResult.Status.self)
            case "severity": severity = try reader.value(Severity.self)
            case "skipReason": skipReason = try reader.optional { try $0.value(RuleResult.SkipReason.self) }
            case "findings": findings = try reader.array { try $0.finding() }
            case "failure": failure = try reader.optional { try $0.failure() }
            case "waiver": waiver = try reader.optional { try $0.waiver() }
            case "log": log = try reader.array { try $0.string() }
            default: try reader.skipValue()
            }
        }
        // No `system`: the recorded form of a result since results are stored once for every
        // system they are alike on (the system's row names it).
        guard let rule, let status, let severity, let findings, let log else { throw Unreadable() }
        return RuleResult(
            rule: rule, system: system ?? "", status: status, severity: severity, skipReason: skipReason,
            findings: findings,
            failure: failure,
            waiver: waiver, log: log)
    }

    private mutating func finding() throws -> Finding {
        var level: Finding.Level?
        var message: String?
        var location: SourceLocation?
        var path: NodePath?
        var evidence: [String]?
        try object { reader, key in
            switch key {
            case "level": level = try reader.value(Finding.Level.self)
            case "message": message = try reader.string()
            case "location": location = try reader.location()
            case "path": path = try reader.optional { try $0.path() }
            case "evidence": evidence = try reader.array { try $0.string() }
            default: try reader.skipValue()
            }
        }
        guard let level, let message, let location, let evidence else { throw Unreadable() }
        return Finding(level: level, message: message, location: location, path: path, evidence: evidence)
    }

    private mutating func path() throws -> NodePath {
        var components: [NodePath.Component]?
        try object { reader, key in
            guard key == "components" else { return try reader.skipValue() }
            components = try reader.array { try $0.component() }
        }
        guard let components else { throw Unreadable() }
        return NodePath(components)
    }

    /// `{"key":{"_0":"name"}}` or `{"index":{"_0":1}}`: one case, one value.
    private mutating func component() throws -> NodePath.Component {
        var component: NodePath.Component?
        try object { reader, key in
            guard component == nil else { throw Unreadable() }
            switch key {
            case "key": component = .key(try reader.only { try $0.string() })
            case "index": component = .index(try reader.only { try $0.integer() })
            default: throw Unreadable()
            }
        }
        guard let component else { throw Unreadable() }
        return component
    }

    /// The value of the single member `_0` of an object.
    private mutating func only<T>(_ value: (inout ResultJSONReader) throws -> T) throws -> T {
        var found: T?
        try object { reader, key in
            guard key == "_0", found == nil else { throw Unreadable() }
            found = try value(&reader)
        }
        guard let found else { throw Unreadable() }
        return found
    }

    private mutating func location() throws -> SourceLocation {
        var file: String?
        var line: Int?
        var column: Int?
        try object { reader, key in
            switch key {
            case "file": file = try reader.string()
            case "line": line = try reader.integer()
            case "column": column = try reader.integer()
            default: try reader.skipValue()
            }
        }
        guard let file, let line, let column else { throw Unreadable() }
        return SourceLocation(file: file, line: line, column: column)
    }

    private mutating func failure() throws -> RuleResult.Failure {
        var kind: String?
        var message: String?
        var location: SourceLocation?
        var descriptorLocation: SourceLocation?
        try object { reader, key in
            switch key {
            case "descriptor_location": descriptorLocation = try reader.optional { try $0.location() }
            case "kind": kind = try reader.string()
            case "message": message = try reader.string()
            case "location": location = try reader.optional { try $0.location() }
            default: try reader.skipValue()
            }
        }
        guard let kind, let message else { throw Unreadable() }
        return RuleResult.Failure(
            kind: RuleResult.Failure.Kind(rawValue: kind), message: message, location: location,
            descriptorLocation: descriptorLocation)
    }

    private mutating func waiver() throws -> RuleResult.AppliedWaiver {
        var reason: String?
        var approvedBy: String?
        var expires: ISODate?
        var location: SourceLocation?
        try object { reader, key in
            switch key {
            case "reason": reason = try reader.string()
            case "approvedBy": approvedBy = try reader.string()
            case "expires": expires = ISODate(try reader.string())
            case "location": location = try reader.location()
            default: try reader.skipValue()
            }
        }
        guard let reason, let approvedBy, let expires, let location else { throw Unreadable() }
        return RuleResult.AppliedWaiver(reason: reason, approvedBy: approvedBy, expires: expires, location: location)
    }

    private mutating func value<T: RawRepresentable<String>>(_ type: T.Type) throws -> T {
        guard let value = T(rawValue: try string()) else { throw Unreadable() }
        return value
    }

    // MARK: JSON

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw Unreadable() }
        index += 1
    }

    /// Whether the next byte (after spaces) is `byte`, consumed when it is.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func object(_ member: (inout ResultJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ element: (inout ResultJSONReader) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        var elements: [T] = []
        if take(UInt8(ascii: "]")) { return elements }
        repeat { elements.append(try element(&self)) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return elements
    }

    /// `null` (nil), or the value `read` reads.
    private mutating func optional<T>(_ read: (inout ResultJSONReader) throws -> T) throws -> T? {
        skipSpace()
        if bytes[index...].starts(with: Array("null".utf8)) {
            index += 4
            return nil
        }
        return try read(&self)
    }

    private mutating func integer() throws -> Int {
        skipSpace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        // Fractions, exponents and leading zeros are left to JSONDecoder.
        guard index < bytes.count, index - digits == 1 || bytes[digits] != UInt8(ascii: "0"),
            ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]),
            let value = Int(String(decoding: bytes[start..<index], as: UTF8.self))
        else { throw Unreadable() }
        return value
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // The usual case: no escape, the bytes as they are.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
            bytes[index] >= 0x20
        { index += 1 }
        guard index < bytes.count else { throw Unreadable() }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Unreadable() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A surrogate pair.
                        guard take(UInt8(ascii: "\\")), index < bytes.count, bytes[index] == UInt8(ascii: "u") else {
                            throw Unreadable()
                        }
                        index += 1
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Unreadable() }
                    text += Array(String(Character(unicode)).utf8)
                default: throw Unreadable()
                }
            case 0x00..<0x20: throw Unreadable()
            default: text.append(byte)
            }
        }
        throw Unreadable()
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unreadable() }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unreadable()
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// Skips a value of a member this reader does not know (as `JSONDecoder` ignores it).
    private mutating func skipValue() throws {
        skipSpace()
        guard index < bytes.count else { throw Unreadable() }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): _ = try array { try $0.skipValue() }
        default:
            // A number, true, false or null.
            let start = index
            while index < bytes.count, !",}] \t\n\r".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { throw Unreadable() }
        }
    }
}
