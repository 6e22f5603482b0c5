import CadreModel

/// The recorded form of a result, written directly: the very bytes `JSONEncoder` writes with
/// sorted keys and unescaped slashes, less the result's `system` member (the form the history
/// keys results by), many times faster. A re-check writes one per result it evaluated; a first
/// run, a million.
///
/// The system is left out because the system's row in the history names it: a result alike on
/// many systems (a pass, a rule out of scope) is then one content, stored once. Results recorded
/// before (with their `system`) are read too.
///
/// Members are written in sorted key order, optional ones only when present, as the synthesized
/// `Encodable` conformances of the result's types do (`Tests/CadreHistoryTests/ResultJSONTests.swift`
/// holds the two writers to the same bytes). Results are read back by ``ResultJSONReader``.
struct ResultJSON {
    private(set) var bytes: [UInt8] = []
    /// Whether the next member of the object or array being written is its first.
    private var first = true

    /// The recorded form of `result`.
    static func encode(_ result: RuleResult) -> [UInt8] {
        var writer = ResultJSON()
        writer.bytes.reserveCapacity(256)
        writer.write(result)
        return writer.bytes
    }

    private mutating func write(_ result: RuleResult) {
        open("{")
        if let failure = result.failure {
            key("failure")
            open("{")
            if let location = failure.descriptorLocation {
                key("descriptor_location")
                write(location)
            }
            member("kind", failure.kind.rawValue)
            if let location = failure.location {
                key("location")
                write(location)
            }
            member("message", failure.message)
            close("}")
        }
        key("findings")
        open("[")
        for finding in result.findings {
            element()
            write(finding)
        }
        close("]")
        key("log")
        strings(result.log)
        member("rule", result.rule)
        member("severity", result.severity.rawValue)
        if let reason = result.skipReason { member("skipReason", reason.rawValue) }
        member("status", result.status.rawValue)
        if let waiver = result.waiver {
            key("waiver")
            open("{")
            member("approvedBy", waiver.approvedBy)
            member("expires", waiver.expires.description)
            key("location")
            write(waiver.location)
            member("reason", waiver.reason)
            close("}")
        }
        close("}")
    }

    private mutating func write(_ finding: Finding) {
        open("{")
        key("evidence")
        strings(finding.evidence)
        member("level", finding.level.rawValue)
        key("location")
        write(finding.location)
        member("message", finding.message)
        if let path = finding.path {
            key("path")
            open("{")
            key("components")
            open("[")
            for component in path.components {
                element()
                // An enum case with one unlabelled value: `{"key":{"_0":"purposes"}}`.
                open("{")
                switch component {
                case .index(let index):
                    key("index")
                    open("{")
                    key("_0")
                    integer(index)
                    close("}")
                case .key(let name):
                    key("key")
                    open("{")
                    member("_0", name)
                    close("}")
                }
                close("}")
            }
            close("]")
            close("}")
        }
        close("}")
    }

    private mutating func write(_ location: SourceLocation) {
        open("{")
        key("column")
        integer(location.column)
        member("file", location.file)
        key("line")
        integer(location.line)
        close("}")
    }

    // MARK: JSON

    private mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        first = true
    }

    private mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        first = false
    }

    /// Before each element of an array.
    private mutating func element() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = true
    }

    private mutating func key(_ name: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        first = true  // its value is not preceded by a comma
    }

    private mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    private mutating func strings(_ values: [String]) {
        open("[")
        for value in values {
            element()
            string(value)
        }
        close("]")
    }

    private mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        first = false
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                bytes += [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }
}
