import CadreModel

/// A system's evaluation as the spool keeps it (``SystemSpool``): a compact binary form, written
/// by the worker that evaluated the system and read back once, when the report reaches it.
///
/// Integers are variable-length (LEB128, zig-zag for signed values), strings their UTF-8 bytes
/// after their length, optional values a presence byte first, lists their count first. The form
/// lives only as long as one run: it has no version and is never read by another process.
enum SpoolCoding {
    /// The bytes of `system`.
    static func encode(_ system: SystemEvaluation) -> [UInt8] {
        var writer = Writer()
        writer.system(system)
        return writer.bytes
    }

    /// The system `bytes` hold.
    ///
    /// - Throws: ``Damaged`` when the bytes are not what ``encode(_:)`` wrote (a spool file
    ///   changed or cut short under cadre).
    static func decode(_ bytes: ArraySlice<UInt8>) throws(Damaged) -> SystemEvaluation {
        var reader = Reader(bytes: bytes)
        let system = try reader.system()
        guard reader.index == bytes.endIndex else { throw Damaged() }
        return system
    }

    struct Damaged: Error, CustomStringConvertible {
        var description: String { "the evaluation's spool file was changed or cut short while cadre read it" }
    }

    // MARK: Writing

    private struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(4096) }

        mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func integer(_ value: Int) {
            let wide = Int64(value)
            unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
        }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            write(&self, value)
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            unsigned(UInt64(values.count))
            for value in values { write(&self, value) }
        }

        mutating func system(_ system: SystemEvaluation) {
            string(system.file)
            optional(system.id) { $0.string($1) }
            optional(system.name) { $0.string($1) }
            string(system.digest)
            list(system.results) { $0.result($1) }
            list(system.diagnostics) { $0.diagnostic($1) }
            list(system.waivers) { $0.waiver($1) }
            optional(system.profile) { $0.profile($1) }
        }

        mutating func profile(_ profile: SystemProfile) {
            optional(profile.description) { $0.string($1) }
            string(profile.owner)
            optional(profile.role) { $0.string($1) }
            optional(profile.gdprRole) { $0.string($1) }
            list(profile.purposes) { writer, purpose in
                writer.string(purpose.id)
                writer.optional(purpose.description) { $0.string($1) }
                writer.optional(purpose.legalBasis) { $0.string($1) }
            }
            list(profile.dataCategories) { $0.string($1) }
            list(profile.ai) { writer, part in
                writer.string(part.id)
                writer.string(part.kind)
                writer.optional(part.decides) { $0.string($1) }
                writer.list(part.annexIII) { $0.string($1) }
            }
            list(profile.stores) { writer, store in
                writer.string(store.id)
                writer.string(store.engine)
                writer.optional(store.region) { $0.string($1) }
                writer.list(store.tables) { $0.string($1) }
            }
        }

        mutating func result(_ result: RuleResult) {
            string(result.rule)
            string(result.system)
            string(result.status.rawValue)
            string(result.severity.rawValue)
            optional(result.skipReason) { $0.string($1.rawValue) }
            list(result.findings) { $0.finding($1) }
            optional(result.failure) { writer, failure in
                writer.string(failure.kind.rawValue)
                writer.string(failure.message)
                writer.optional(failure.location) { $0.location($1) }
                writer.optional(failure.descriptorLocation) { $0.location($1) }
            }
            optional(result.waiver) { writer, waiver in
                writer.string(waiver.reason)
                writer.string(waiver.approvedBy)
                writer.integer(waiver.expires.dayNumber)
                writer.location(waiver.location)
            }
            list(result.log) { $0.string($1) }
        }

        mutating func finding(_ finding: Finding) {
            string(finding.level.rawValue)
            string(finding.message)
            location(finding.location)
            optional(finding.path) { $0.path($1) }
            list(finding.evidence) { $0.string($1) }
        }

        mutating func diagnostic(_ diagnostic: Diagnostic) {
            string(diagnostic.severity.rawValue)
            string(diagnostic.code.rawValue)
            location(diagnostic.location)
            optional(diagnostic.path) { $0.path($1) }
            string(diagnostic.message)
            optional(diagnostic.hint) { $0.string($1) }
        }

        mutating func waiver(_ waiver: Waiver) {
            string(waiver.rule)
            string(waiver.system)
            string(waiver.reason)
            string(waiver.approvedBy)
            integer(waiver.expires.dayNumber)
            location(waiver.location)
        }

        mutating func location(_ location: SourceLocation) {
            string(location.file)
            integer(location.line)
            integer(location.column)
        }

        mutating func path(_ path: NodePath) {
            list(path.components) { writer, component in
                switch component {
                case .key(let key):
                    writer.bytes.append(0)
                    writer.string(key)
                case .index(let index):
                    writer.bytes.append(1)
                    writer.integer(index)
                }
            }
        }
    }

    // MARK: Reading

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        mutating func byte() throws(Damaged) -> UInt8 {
            guard index < bytes.endIndex else { throw Damaged() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func unsigned() throws(Damaged) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 64 else { throw Damaged() }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func integer() throws(Damaged) -> Int {
            let raw = try unsigned()
            return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
        }

        mutating func count() throws(Damaged) -> Int {
            let count = try unsigned()
            // Every element takes a byte at least: a larger count is damage, not a huge list.
            guard count <= UInt64(bytes.endIndex - index) else { throw Damaged() }
            return Int(count)
        }

        mutating func string() throws(Damaged) -> String {
            let count = try count()
            defer { index += count }
            return String(decoding: bytes[index..<index + count], as: UTF8.self)
        }

        mutating func raw<T: RawRepresentable>(_: T.Type) throws(Damaged) -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw Damaged() }
            return value
        }

        mutating func optional<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> T? {
            switch try byte() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Damaged()
            }
        }

        mutating func list<T>(_ read: (inout Reader) throws(Damaged) -> T) throws(Damaged) -> [T] {
            let count = try count()
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        mutating func date() throws(Damaged) -> ISODate {
            guard let date = ISODate(dayNumber: try integer()) else { throw Damaged() }
            return date
        }

        mutating func system() throws(Damaged) -> SystemEvaluation {
            let file = try string()
            let id = try optional { reader throws(Damaged) in try reader.string() }
            let name = try optional { reader throws(Damaged) in try reader.string() }
            let digest = try string()
            let results = try list { reader throws(Damaged) in try reader.result() }
            let diagnostics = try list { reader throws(Damaged) in try reader.diagnostic() }
            var system = SystemEvaluation(
                file: file, id: id, name: name, digest: digest, results: results, diagnostics: diagnostics)
            system.waivers = try list { reader throws(Damaged) in try reader.waiver() }
            system.profile = try optional { reader throws(Damaged) in try reader.profile() }
            return system
        }

        mutating func profile() throws(Damaged) -> SystemProfile {
            let description = try optional { reader throws(Damaged) in try reader.string() }
            let owner = try string()
            let role = try optional { reader throws(Damaged) in try reader.string() }
            let gdprRole = try optional { reader throws(Damaged) in try reader.string() }
            let purposes = try list { reader throws(Damaged) in
                SystemProfile.Purpose(
                    id: try reader.string(),
                    description: try reader.optional { reader throws(Damaged) in try reader.string() },
                    legalBasis: try reader.optional { reader throws(Damaged) in try reader.string() })
            }
            let categories = try list { reader throws(Damaged) in try reader.string() }
            let ai = try list { reader throws(Damaged) in
                SystemProfile.AIPart(
                    id: try reader.string(), kind: try reader.string(),
                    decides: try reader.optional { reader throws(Damaged) in try reader.string() },
                    annexIII: try reader.list { reader throws(Damaged) in try reader.string() })
            }
            let stores = try list { reader throws(Damaged) in
                SystemProfile.Store(
                    id: try reader.string(), engine: try reader.string(),
                    region: try reader.optional { reader throws(Damaged) in try reader.string() },
                    tables: try reader.list { reader throws(Damaged) in try reader.string() })
            }
            return SystemProfile(
                description: description, owner: owner, role: role, gdprRole: gdprRole, purposes: purposes,
                dataCategories: categories, ai: ai, stores: stores)
        }

        mutating func result() throws(Damaged) -> RuleResult {
            let rule = try string()
            let system = try string()
            let status = try raw(RuleResult.Status.self)
            let severity = try raw(Severity.self)
            let skipReason = try optional { reader throws(Damaged) in try reader.raw(RuleResult.SkipReason.self) }
            let findings = try list { reader throws(Damaged) in try reader.finding() }
            let failure = try optional { reader throws(Damaged) in
                RuleResult.Failure(
                    kind: .init(rawValue: try reader.string()), message: try reader.string(),
                    location: try reader.optional { reader throws(Damaged) in try reader.location() },
                    descriptorLocation: try reader.optional { reader throws(Damaged) in try reader.location() })
            }
            let waiver = try optional { reader throws(Damaged) in
                RuleResult.AppliedWaiver(
                    reason: try reader.string(), approvedBy: try reader.string(), expires: try reader.date(),
                    location: try reader.location())
            }
            let log = try list { reader throws(Damaged) in try reader.string() }
            return RuleResult(
                rule: rule, system: system, status: status, severity: severity, skipReason: skipReason,
                findings: findings, failure: failure, waiver: waiver, log: log)
        }

        mutating func finding() throws(Damaged) -> Finding {
            Finding(
                level: try raw(Finding.Level.self), message: try string(), location: try location(),
                path: try optional { reader throws(Damaged) in try reader.path() },
                evidence: try list { reader throws(Damaged) in try reader.string() })
        }

        mutating func diagnostic() throws(Damaged) -> Diagnostic {
            let severity = try raw(Diagnostic.Severity.self)
            let code = try raw(DiagnosticCode.self)
            let location = try location()
            let path = try optional { reader throws(Damaged) in try reader.path() }
            let message = try string()
            let hint = try optional { reader throws(Damaged) in try reader.string() }
            return Diagnostic(severity, code, at: location, path: path, message, hint: hint)
        }

        mutating func waiver() throws(Damaged) -> Waiver {
            Waiver(
                rule: try string(), system: try string(), reason: try string(), approvedBy: try string(),
                expires: try date(), location: try location())
        }

        mutating func location() throws(Damaged) -> SourceLocation {
            SourceLocation(file: try string(), line: try integer(), column: try integer())
        }

        mutating func path() throws(Damaged) -> NodePath {
            NodePath(
                try list { reader throws(Damaged) in
                    switch try reader.byte() {
                    case 0: return .key(try reader.string())
                    case 1: return .index(try reader.integer())
                    default: throw Damaged()
                    }
                })
        }
    }
}
