import CLua

/// A Lua pattern matched from Swift, as `string.gmatch` would match it, with a step budget of its
/// own: for the engine's plugin detectors, which scan store values without a Lua call per value.
///
/// ```swift
/// let siren = try LuaPattern("%f[%d](%d%d%d ?%d%d%d ?%d%d%d)%f[%D]")
/// siren.allow(steps: 1_000_000, until: nil)
/// try siren.matches(in: bytes) { match, candidate in … return true }   // false stops
/// ```
///
/// The budget is not the state's: matching counts its steps against ``allow(steps:until:)``, and a
/// pattern that backtracks without end throws a ``LuaError`` of kind `instruction-limit` (or
/// `deadline`) instead of running on. A pattern does not need a ``LuaState``.
public final class LuaPattern {
    /// The pattern as written.
    public let source: String
    private let bytes: [UInt8]
    /// A budget block of the pattern's own (the matcher spends a control block's counters).
    private let budget: UnsafeMutablePointer<clua_control>
    /// Bytes a match can start with, when the pattern's first item says so (nil: any byte).
    private let firstBytes: [Bool]?
    private let anchored: Bool

    /// Compiles `pattern`. - Throws: ``LuaError`` (`runtime`) when the pattern is malformed.
    public init(_ pattern: String) throws(LuaError) {
        source = pattern
        bytes = Array(pattern.utf8)
        budget = UnsafeMutablePointer<clua_control>.allocate(capacity: 1)
        budget.initialize(to: clua_control())
        anchored = bytes.first == UInt8(ascii: "^")
        firstBytes = Self.firstByteFilter(bytes, anchored: anchored, budget: budget)
        // A malformed pattern fails on a trial match (Lua reports it the same way, when used).
        allow(steps: 1_000_000, until: nil)
        _ = try firstMatch(in: [], from: 0)
    }

    deinit {
        budget.deinitialize(count: 1)
        budget.deallocate()
    }

    /// Sets the budget of the matches that follow: `steps` matching steps in all, and the
    /// instant (`clock_gettime(CLOCK_MONOTONIC)` nanoseconds, as `ContinuousClock` counts) after
    /// which matching stops.
    public func allow(steps: Int, until deadline: ContinuousClock.Instant?) {
        budget.pointee.instructions_left = Int64(max(1, steps))
        budget.pointee.instruction_limit = Int64(max(1, steps))
        budget.pointee.limit_hit = 0
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline).nanoseconds
            budget.pointee.deadline_ns = clua_now_ns() + max(1, left)
        } else {
            budget.pointee.deadline_ns = 0
        }
    }

    /// Calls `body` with every match in `subject`, in order, as `string.gmatch` finds them (but a
    /// leading `^` anchors the pattern at the start, as in `string.find`): the whole match's
    /// range, and the candidate — the first capture's range when the pattern has a capture, else
    /// the whole match. `body` returns false to stop.
    /// - Throws: ``LuaError``: `instruction-limit` or `deadline` when the budget runs out,
    ///   `runtime` for a malformed pattern.
    public func matches(in subject: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Range<Int>) throws -> Bool) throws
    {
        var position = 0
        var lastEnd = -1
        while position <= subject.count {
            guard let (match, candidate) = try firstMatch(in: subject, from: position) else { return }
            if match.isEmpty, match.upperBound == lastEnd {
                // As gmatch: no empty match where the previous match ended.
                position = match.lowerBound + 1
                continue
            }
            guard try body(match, candidate) else { return }
            if anchored { return }
            position = match.upperBound
            lastEnd = match.upperBound
        }
    }

    /// The first match at or after `start`: the whole match and the candidate (see ``matches(in:_:)``).
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int) throws(LuaError) -> (
        Range<Int>, Range<Int>
    )? {
        try bytes.withUnsafeBufferPointer { (pattern) throws(LuaError) -> (Range<Int>, Range<Int>)? in
            var matcher = PatternMatcher(
                subject: subject, pattern: pattern, patternStart: anchored ? 1 : 0,
                budget: PatternBudget(control: budget))
            var position = start
            while position <= subject.count {
                if let filter = firstBytes {
                    // Skip to a byte a match can start with.
                    while position < subject.count, !filter[Int(subject[position])] { position += 1 }
                    if position == subject.count { return nil }
                }
                matcher.reset()
                let end: Int?
                do {
                    end = try matcher.match(position, matcher.patternStart)
                } catch let error as PatternError {
                    throw error.isLimit
                        ? LuaError(
                            budget.pointee.limit_hit == Int32(CLUA_LIMIT_DEADLINE) ? .deadline : .instructionLimit,
                            "pattern `\(source)` \(error.message)")
                        : LuaError(.runtime, "\(error.message) in pattern `\(source)`")
                } catch {
                    throw LuaError(.host, "\(error)")
                }
                if let end {
                    let whole = position..<end
                    if matcher.level > 0, matcher.captures[0].length >= 0 {
                        let capture = matcher.captures[0]
                        return (whole, capture.start..<(capture.start + capture.length))
                    }
                    return (whole, whole)
                }
                if anchored { return nil }
                position += 1
            }
            return nil
        }
    }

    /// Scans an array (for the trial match of `init`).
    private func firstMatch(in subject: [UInt8], from start: Int) throws(LuaError) -> (Range<Int>, Range<Int>)? {
        try subject.withUnsafeBufferPointer { (buffer) throws(LuaError) -> (Range<Int>, Range<Int>)? in
            try firstMatch(in: buffer, from: start)
        }
    }

    // MARK: The first item

    /// Which bytes can start a match: read off the pattern's first item when it must consume one
    /// character (a class, a set or a literal without `*`, `?` or `-`). A leading frontier
    /// `%f[set]` also needs the byte in its set: `%f[%w](%d…` starts only at digits. Nil when any
    /// byte might.
    private static func firstByteFilter(
        _ pattern: [UInt8], anchored: Bool, budget: UnsafeMutablePointer<clua_control>
    ) -> [Bool]? {
        if anchored { return nil }
        var p = skipCaptureOpenings(pattern, from: 0)
        guard p < pattern.count else { return nil }
        var frontier: [Bool]? = nil
        if pattern[p] == UInt8(ascii: "%"), p + 1 < pattern.count, pattern[p + 1] == UInt8(ascii: "f") {
            guard let end = setEnd(pattern, from: p + 2) else { return nil }
            frontier = byteFilter(of: Array(pattern[(p + 2)..<end]), budget: budget)
            p = skipCaptureOpenings(pattern, from: end)
        }
        guard let item = consumingItem(pattern, at: p) else { return frontier }
        let next = byteFilter(of: item, budget: budget)
        guard let frontier else { return next }
        return (0..<256).map { frontier[$0] && next[$0] }
    }

    /// The index of the first item at or after `start`, past `(` (and empty position captures `()`).
    private static func skipCaptureOpenings(_ pattern: [UInt8], from start: Int) -> Int {
        var p = start
        while p < pattern.count, pattern[p] == UInt8(ascii: "(") {
            if p + 1 < pattern.count, pattern[p + 1] == UInt8(ascii: ")") { p += 2 } else { p += 1 }
        }
        return p
    }

    /// The item at `p` when it consumes exactly one character (a class, a set or a literal,
    /// without `*`, `?` or `-` after it); nil otherwise.
    private static func consumingItem(_ pattern: [UInt8], at p: Int) -> [UInt8]? {
        guard p < pattern.count else { return nil }
        let end: Int
        switch pattern[p] {
        case UInt8(ascii: "%"):
            guard p + 1 < pattern.count else { return nil }
            let letter = pattern[p + 1]
            if letter == UInt8(ascii: "b") || letter == UInt8(ascii: "f") || isDigit(letter) { return nil }
            end = p + 2
        case UInt8(ascii: "["):
            guard let found = setEnd(pattern, from: p) else { return nil }
            end = found
        case UInt8(ascii: ")"), UInt8(ascii: "$"):
            return nil
        default:
            end = p + 1
        }
        if end < pattern.count, [UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "-")].contains(pattern[end]) {
            return nil
        }
        return Array(pattern[p..<end])
    }

    /// Which single bytes `item` matches, asked of the matcher itself.
    private static func byteFilter(of item: [UInt8], budget: UnsafeMutablePointer<clua_control>) -> [Bool] {
        var filter = [Bool](repeating: false, count: 256)
        budget.pointee.instructions_left = Int64.max
        budget.pointee.deadline_ns = 0
        for byte in 0..<256 {
            let subject = [UInt8(byte)]
            let matched: Bool = subject.withUnsafeBufferPointer { s in
                item.withUnsafeBufferPointer { i in
                    var matcher = PatternMatcher(
                        subject: s, pattern: i, patternStart: 0, budget: PatternBudget(control: budget))
                    return (try? matcher.match(0, 0)) == 1
                }
            }
            filter[byte] = matched
        }
        return filter
    }

    /// The index just past the set `[...]` starting at `start` (Lua's rules: `]` first is literal,
    /// `%` escapes), or nil when it does not close.
    private static func setEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        guard start < pattern.count, pattern[start] == UInt8(ascii: "[") else { return nil }
        var p = start + 1
        if p < pattern.count, pattern[p] == UInt8(ascii: "^") { p += 1 }
        var first = true
        while p < pattern.count {
            let c = pattern[p]
            if c == UInt8(ascii: "]"), !first { return p + 1 }
            if c == UInt8(ascii: "%") { p += 1 }
            p += 1
            first = false
        }
        return nil
    }
}
