import CadreModel
import CadreStores
import Foundation
import LuaHost

/// A detector a plugin wrote in Lua — a name, a Lua pattern, a validation function, optionally a
/// redaction function — running in store scans beside the native ones.
///
/// The pattern is matched in Swift (LuaHost's budgeted matcher), so Lua runs only for
/// candidates: `validate(candidate)` must answer `true` or `false`. Each call runs under limits
/// of its own (the workspace's, and never past the scan's time limit), so a plugin that loops or
/// eats memory fails as the plugin, at its line: the detector stops, and the rule that scanned
/// gets an `error` result of kind `plugin` naming it. A detector belongs to its worker's Lua
/// state and runs on that worker's thread.
final class PluginDetector: Detector {
    let name: String
    let category: String
    let pattern: LuaPattern
    let validate: LuaValue?
    let redactor: LuaValue?
    let description: String?
    let plugin: String
    /// The file that defines it, as shown to users, and the lines of its functions.
    let file: String
    let validateLine: Int?
    let redactLine: Int?
    /// The worker's state, kept alive as long as a registry holds the detector.
    let state: LuaState
    let limits: LuaLimits

    /// Pattern steps a value may take, per byte (at least ``minimumSteps``): a pattern that
    /// backtracks past it is the plugin's error.
    static let stepsPerByte = 1_000
    static let minimumSteps = 100_000

    /// The first failure of the current scan (the detector stops at it).
    private(set) var failure: LuaError?
    /// When the current scan must end; past it the detector stops quietly (the scan reports
    /// its time limit).
    private var deadline: ContinuousClock.Instant?
    private var stopped = false

    init(
        name: String, category: String, pattern: LuaPattern, validate: LuaValue?, redactor: LuaValue?,
        description: String?, plugin: String, file: Pack.File, state: LuaState, limits: LuaLimits
    ) {
        self.name = name
        self.category = category
        self.pattern = pattern
        self.validate = validate
        self.redactor = redactor
        self.description = description
        self.plugin = plugin
        self.file = file.path
        self.validateLine = RuleTableReader.line(of: "validate", in: file.source)
        self.redactLine = RuleTableReader.line(of: "redact", in: file.source)
        self.state = state
        self.limits = limits
    }

    /// Prepares a scan that must end by `deadline`.
    func begin(deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
        failure = nil
        stopped = false
    }

    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard !stopped else { return }
        pattern.allow(steps: max(Self.minimumSteps, text.count * Self.stepsPerByte), until: deadline)
        do {
            try pattern.matches(in: text) { _, candidate in
                if try self.accepts(UnsafeBufferPointer(rebasing: text[candidate])) { report(candidate) }
                return !self.stopped
            }
        } catch let error as LuaError {
            stop(error)
        } catch {
            stop(LuaError(.host, "\(error)"))
        }
    }

    /// Whether `candidate` validates (every candidate does without a validation function).
    private func accepts(_ candidate: UnsafeBufferPointer<UInt8>) throws -> Bool {
        guard let validate else { return true }
        let answer = try state.callWithOwnLimits(validate, [.string(String(decoding: candidate, as: UTF8.self))], limits: callLimits(), mode: .data)
        switch answer.first {
        case .boolean(let valid)?: return valid
        case let other:
            throw LuaError(
                .runtime, "validate of detector `\(name)` must return true or false, not \(other.map { "a \($0.typeName)" } ?? "nothing")",
                file: file, line: validateLine)
        }
    }

    func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        guard let redactor, !stopped else { return Redactor.generic(match) }
        let raw = String(decoding: match, as: UTF8.self)
        do {
            let answer = try state.callWithOwnLimits(redactor, [.string(raw)], limits: callLimits(), mode: .data)
            guard case .string(let redacted)? = answer.first else {
                throw LuaError(.runtime, "redact of detector `\(name)` must return a string, not \(answer.first.map { "a \($0.typeName)" } ?? "nothing")", file: file, line: redactLine)
            }
            // A redaction that gives the match back would print personal data: refuse it.
            if raw.count >= 4, redacted.contains(raw) {
                throw LuaError(.runtime, "redact of detector `\(name)` returned the match unredacted", file: file, line: redactLine)
            }
            return redacted
        } catch let error as LuaError {
            stop(error)
        } catch {
            stop(LuaError(.host, "\(error)"))
        }
        return Redactor.generic(match)
    }

    /// The limits of one call: the workspace's, ending no later than the scan.
    private func callLimits() -> LuaLimits {
        var own = limits
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            own.deadline = own.deadline.map { min($0, max(.milliseconds(1), left)) } ?? max(.milliseconds(1), left)
        }
        return own
    }

    /// Stops the detector: quietly when the scan's time is up, as a failure otherwise.
    private func stop(_ error: LuaError) {
        stopped = true
        if error.kind == .deadline, let deadline, ContinuousClock.now >= deadline { return }
        if failure == nil { failure = error }
    }
}

/// What a plugin detector's failure looks like to the rule that scanned: the plugin, the
/// detector, and the plugin's own file and line.
struct PluginFailure: Error, CustomStringConvertible {
    var plugin: String
    var detector: String
    var error: LuaError
    /// The plugin's file and line, where the failure happened.
    var location: SourceLocation? {
        error.file.map { SourceLocation(file: $0, line: error.line ?? 0, column: error.line == nil ? 0 : 1) }
    }
    var description: String {
        "detector `\(detector)` of plugin \(plugin) failed: \(error.description)"
    }
}
