/// The detectors a scan runs: the native ones, and plugin detectors registered beside them.
///
/// ```swift
/// var detectors = DetectorRegistry.standard          // email, phone, iban, card, nir, ipv4, ipv6
/// try detectors.register(CustomerNumberDetector())   // a plugin's detector
/// let report = try store.scan("chats", columns: ["message"], detectors: detectors, limits: ScanLimits())
/// ```
///
/// A registry is a value: registering in one copy leaves the others as they were. It holds its
/// detectors in registration order, which is the order of ``ScanReport/detectors``. A registry
/// that holds a plugin detector tied to a worker's Lua state belongs to that worker.
public struct DetectorRegistry {
    /// The detectors, in registration order.
    public private(set) var detectors: [any Detector]

    /// An empty registry.
    public init() {
        detectors = []
    }

    /// The native detectors, in this order: email, phone, iban, card, nir, ipv4, ipv6.
    public static var standard: DetectorRegistry {
        var registry = DetectorRegistry()
        registry.detectors = [
            EmailDetector(), PhoneDetector(), IBANDetector(), PaymentCardDetector(), NIRDetector(),
            IPv4Detector(), IPv6Detector(),
        ]
        return registry
    }

    /// The names of the detectors, in order.
    public var names: [String] { detectors.map(\.name) }

    /// The detector of that name.
    public subscript(name: String) -> (any Detector)? {
        detectors.first { $0.name == name }
    }

    /// Adds a detector after the others.
    /// - Throws: ``DetectorError/Code/invalidName`` unless the name is 1–64 characters among
    ///   lower-case letters, digits, `_`, `-`, `.`; ``DetectorError/Code/duplicateName`` when a
    ///   detector of that name is already registered.
    public mutating func register(_ detector: any Detector) throws(DetectorError) {
        let name = detector.name
        guard Self.isValidName(name) else {
            throw DetectorError(
                .invalidName, detector: name,
                message: "a detector name is 1–64 characters among a–z, 0–9, '_', '-', '.'")
        }
        guard self[name] == nil else {
            throw DetectorError(
                .duplicateName, detector: name, message: "a detector named '\(name)' is already registered")
        }
        detectors.append(detector)
    }

    /// A registry with only the named detectors, in the order given.
    /// - Throws: ``DetectorError/Code/unknownDetector`` for a name no detector has.
    public func selecting(_ names: [String]) throws(DetectorError) -> DetectorRegistry {
        var selection = DetectorRegistry()
        for name in names {
            guard let detector = self[name] else {
                throw DetectorError(
                    .unknownDetector, detector: name,
                    message: "no detector is named '\(name)'; known: \(self.names.joined(separator: ", "))")
            }
            if selection[name] == nil { selection.detectors.append(detector) }
        }
        return selection
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { b in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || ASCII.isDigit(b)
                    || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            }
    }
}

/// A problem registering or selecting detectors.
public struct DetectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The name is not 1–64 characters among a–z, 0–9, `_`, `-`, `.`.
        public static let invalidName = Code(rawValue: "invalid-name")
        /// A detector of that name is already registered.
        public static let duplicateName = Code(rawValue: "duplicate-name")
        /// No detector has that name.
        public static let unknownDetector = Code(rawValue: "unknown-detector")
    }

    /// What kind of problem.
    public var code: Code
    /// The detector's name as given.
    public var detector: String
    /// What went wrong, in a sentence.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, detector: String, message: String) {
        self.code = code
        self.detector = detector
        self.message = message
    }

    /// `detector 'x': message [code]`.
    public var description: String { "detector '\(detector)': \(message) [\(code)]" }
}
