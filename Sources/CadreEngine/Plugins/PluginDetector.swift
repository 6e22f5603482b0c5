import CadreModel
import CadreStores
import Foundation
import LuaHost

/// A detector a plugin wrote in Lua — a name, a Lua pattern, a validation function, optionally a
/// redaction — running in store scans beside the native ones.
///
/// The pattern is matched in Swift (LuaHost's budgeted matcher), so Lua runs only for
/// candidates: `validate(candidate)` must answer `true` or `false`. It runs in the
/// ``DetectorState`` of its worker, a Lua state of its own beside the rules': the raw values it
/// is handed can reach no code that writes findings, logs or errors, and only its verdict comes
/// back. A redaction is checked by position against the category's ``RevealPolicy`` before it
/// becomes an example.
///
/// Each call runs under limits of its own (the workspace's, and never past the scan's time
/// limit), so a plugin that loops or eats memory fails as the plugin, at its line: the detector
/// stops, and the rule that scanned gets an `error` result of kind `plugin` naming it, in words
/// cadre writes (``PluginFailure``). A detector belongs to its worker and runs on that worker's
/// thread.
final class PluginDetector: Detector {
    let name: String
    let category: String
    let pattern: LuaPattern
    let validate: LuaValue?
    let redaction: PluginRedaction
    let policy: RevealPolicy
    let description: String?
    let plugin: String
    /// The file that defines it, as shown to users, and the lines of its functions.
    let file: String
    let patternLine: Int?
    let validateLine: Int?
    let redactLine: Int?
    /// The plugin's Lua files and their numbers of lines: where a failure may be located.
    private let lineCounts: [String: Int]
    /// The detector state, kept alive as long as a registry holds the detector.
    let state: LuaState
    let limits: LuaLimits

    /// Pattern steps a value may take, per byte (at least ``minimumSteps``): a pattern that
    /// backtracks past it is the plugin's error.
    static let stepsPerByte = 1_000
    static let minimumSteps = 100_000

    /// The first failure of the current scan (the detector stops at it).
    private(set) var failure: PluginFailure?
    /// The time the detector took in the current scan: matching, validating, redacting.
    private(set) var elapsed: Duration = .zero
    /// Whether the scan's time ran out while the detector worked: it did not see every value.
    private(set) var ranOutOfTime = false
    /// When the current scan must end; past it the detector stops quietly (the scan reports
    /// its time limit).
    private var deadline: ContinuousClock.Instant?
    private var stopped = false

    init(
        name: String, category: String, pattern: LuaPattern, validate: LuaValue?, redaction: PluginRedaction,
        description: String?, plugin: Plugin, file: Pack.File, state: LuaState, limits: LuaLimits
    ) {
        self.name = name
        self.category = category
        self.pattern = pattern
        self.validate = validate
        self.redaction = redaction
        policy = RevealPolicy.for(category: category)
        self.description = description
        self.plugin = plugin.id
        self.file = file.path
        patternLine = RuleTableReader.line(of: "pattern", in: file.source)
        validateLine = RuleTableReader.line(of: "validate", in: file.source)
        redactLine = RuleTableReader.line(of: "redact", in: file.source)
        var counts: [String: Int] = [:]
        for source in plugin.detectorFiles + plugin.modules.values {
            counts[source.path] = source.source.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        }
        lineCounts = counts
        self.state = state
        self.limits = limits
    }

    /// Prepares a scan that must end by `deadline`.
    func begin(deadline: ContinuousClock.Instant?) {
        self.deadline = deadline
        failure = nil
        stopped = false
        elapsed = .zero
        ranOutOfTime = false
    }

    func detect(in text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        guard !stopped else { return }
        let started = ContinuousClock.now
        defer { elapsed += ContinuousClock.now - started }
        pattern.allow(steps: max(Self.minimumSteps, text.count * Self.stepsPerByte), until: deadline)
        do {
            try pattern.matches(in: text) { _, candidate in
                if try self.accepts(UnsafeBufferPointer(rebasing: text[candidate])) { report(candidate) }
                return !self.stopped
            }
        } catch let failure as PluginFailure {
            stop(failure)
        } catch let error as LuaError {
            stop(PluginFailure(error, in: "the pattern", of: self), after: error)
        } catch {
            stop(PluginFailure("the pattern failed", in: "the pattern", of: self))
        }
    }

    /// Whether `candidate` validates (every candidate does without a validation function).
    private func accepts(_ candidate: UnsafeBufferPointer<UInt8>) throws(PluginFailure) -> Bool {
        guard let validate else { return true }
        let answer: [LuaValue]
        do {
            answer = try state.call(
                validate, [.string(String(decoding: candidate, as: UTF8.self))], limits: callLimits())
        } catch {
            // The scan's time is up: stop quietly, the scan reports its time limit.
            if error.kind == .deadline, let deadline, ContinuousClock.now >= deadline {
                stopped = true
                ranOutOfTime = true
                return false
            }
            throw PluginFailure(error, in: "validate", of: self)
        }
        guard case .boolean(let valid)? = answer.first else {
            throw PluginFailure(
                "validate must return true or false, not \(Self.describe(answer.first))", in: "validate", of: self)
        }
        return valid
    }

    func redact(_ match: UnsafeBufferPointer<UInt8>) -> String {
        guard !stopped else { return Redactor.hidden }
        switch redaction {
        case .standard:
            return policy.standardRedaction(of: match)
        case .keeping(let first, let last):
            return checked(
                policy.masking(String(decoding: match, as: UTF8.self), keepFirst: first, keepLast: last), of: match)
        case .function(let function):
            let started = ContinuousClock.now
            defer { elapsed += ContinuousClock.now - started }
            let answer: [LuaValue]
            do {
                answer = try state.call(
                    function, [.string(String(decoding: match, as: UTF8.self))], limits: callLimits())
            } catch {
                stop(PluginFailure(error, in: "redact", of: self), after: error)
                return Redactor.hidden
            }
            guard case .string(let redacted)? = answer.first else {
                stop(
                    PluginFailure(
                        "redact must return a string, not \(Self.describe(answer.first))", in: "redact", of: self))
                return Redactor.hidden
            }
            return checked(redacted, of: match)
        }
    }

    /// `redacted` when it shows no more of `match` than the category's policy allows; otherwise
    /// the detector stops, with a message that shows neither.
    private func checked(_ redacted: String, of match: UnsafeBufferPointer<UInt8>) -> String {
        switch policy.check(redacted, of: String(decoding: match, as: UTF8.self)) {
        case .accepted:
            return redacted
        case .refused(.notInPlace):
            stop(
                PluginFailure(
                    "redact returned text that is not the match with letters and digits kept or replaced by `*` in place (same length, other characters kept); it was refused and is not shown",
                    in: "redact", of: self))
        case .refused(.revealsTooMuch):
            stop(
                PluginFailure(
                    "redact showed more than a `\(category)` match may show (\(policy.summary)); it was refused and is not shown",
                    in: "redact", of: self))
        }
        return Redactor.hidden
    }

    /// What a hook returned, by its type only (`a table`, `nil`): never its value.
    private static func describe(_ answer: LuaValue?) -> String {
        guard let answer, !answer.isNil else { return "nil" }
        return "a \(answer.typeName)"
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

    /// Stops the detector: quietly when `error` is the scan's time running out (the scan reports
    /// its time limit), as a failure otherwise.
    private func stop(_ failure: PluginFailure, after error: LuaError? = nil) {
        stopped = true
        if error?.kind == .deadline, let deadline, ContinuousClock.now >= deadline {
            ranOutOfTime = true
            return
        }
        if self.failure == nil { self.failure = failure }
    }

    /// Where a failure of `function` happened: the error's own file and line when they are a line
    /// of one of the plugin's files, else the line of the function in the detector's file. A
    /// script can write any `file:line:` into its message; it cannot make cadre point outside
    /// its plugin's lines.
    func location(of error: LuaError?, in function: String) -> SourceLocation {
        if let error, let file = error.file, let line = error.line, let count = lineCounts[file],
            (1...count).contains(line)
        {
            return SourceLocation(file: file, line: line, column: 1)
        }
        let line = function == "redact" ? redactLine : function == "validate" ? validateLine : patternLine
        return SourceLocation(file: file, line: line ?? 0, column: line == nil ? 0 : 1)
    }
}
