import CLua

/// Lua 5.4's pattern matching (§6.4.1 of the manual), reimplemented with a step budget.
///
/// Lua's own matcher runs in C without ever reaching the count hook, so a script could spend hours
/// backtracking through `("a"):rep(1e5):find(".-.-.-.-b")`. This matcher gives the same results
/// (checked against Lua's in the tests) and counts every step against the call's instruction
/// budget and deadline. Character classes follow the C locale, as Lua does by default.
struct PatternMatcher {
    static let maxCaptures = 32
    static let maxDepth = 200
    static let position = -2  // capture length of a position capture `()`
    static let unfinished = -1  // capture length of a capture still open

    struct Capture {
        var start: Int
        var length: Int
    }

    let subject: UnsafeBufferPointer<UInt8>
    let pattern: UnsafeBufferPointer<UInt8>
    /// Where the pattern starts (after a `^` anchor).
    let patternStart: Int
    var level = 0
    var captures: [Capture]
    var depth = PatternMatcher.maxDepth
    var budget: PatternBudget

    init(
        subject: UnsafeBufferPointer<UInt8>, pattern: UnsafeBufferPointer<UInt8>, patternStart: Int,
        budget: PatternBudget
    ) {
        self.subject = subject
        self.pattern = pattern
        self.patternStart = patternStart
        self.budget = budget
        self.captures = Array(repeating: Capture(start: 0, length: 0), count: PatternMatcher.maxCaptures)
    }

    /// Prepares for a new match attempt.
    mutating func reset() {
        level = 0
        depth = PatternMatcher.maxDepth
    }

    private func byte(_ s: Int) -> UInt8 { s < subject.count ? subject[s] : 0 }
    private func patternByte(_ p: Int) -> UInt8 { p < pattern.count ? pattern[p] : 0 }

    /// Matches the pattern from `p` against the subject from `s`; the end of the match, or nil.
    mutating func match(_ start: Int, _ patternIndex: Int) throws(PatternError) -> Int? {
        depth -= 1
        guard depth >= 0 else { throw PatternError("pattern too complex") }
        defer { depth += 1 }
        var s = start
        var p = patternIndex
        while true {
            try budget.step()
            if p == pattern.count { return s }
            switch pattern[p] {
            case UInt8(ascii: "("):
                if patternByte(p + 1) == UInt8(ascii: ")") {
                    return try startCapture(s, p + 2, PatternMatcher.position)
                }
                return try startCapture(s, p + 1, PatternMatcher.unfinished)
            case UInt8(ascii: ")"):
                return try endCapture(s, p + 1)
            case UInt8(ascii: "$") where p + 1 == pattern.count:
                return s == subject.count ? s : nil
            case UInt8(ascii: "%") where patternByte(p + 1) == UInt8(ascii: "b") && p + 1 < pattern.count:
                guard let end = try matchBalance(s, p + 2) else { return nil }
                s = end
                p += 4
                continue
            case UInt8(ascii: "%") where patternByte(p + 1) == UInt8(ascii: "f") && p + 1 < pattern.count:
                p += 2
                guard patternByte(p) == UInt8(ascii: "[") && p < pattern.count else {
                    throw PatternError("missing '[' after '%f' in pattern")
                }
                let ep = try classEnd(p)
                let previous = s == 0 ? 0 : subject[s - 1]
                if !matchBracketClass(previous, p, ep - 1) && matchBracketClass(byte(s), p, ep - 1) {
                    p = ep
                    continue
                }
                return nil
            case UInt8(ascii: "%") where p + 1 < pattern.count && isDigit(pattern[p + 1]):
                guard let end = try matchCapture(s, pattern[p + 1]) else { return nil }
                s = end
                p += 2
                continue
            default:
                let ep = try classEnd(p)
                let suffix = patternByte(ep)
                if !singleMatch(s, p, ep) {
                    if suffix == UInt8(ascii: "*") || suffix == UInt8(ascii: "?") || suffix == UInt8(ascii: "-") {
                        p = ep + 1
                        continue
                    }
                    return nil
                }
                switch suffix {
                case UInt8(ascii: "?"):
                    if let end = try match(s + 1, ep + 1) { return end }
                    p = ep + 1
                    continue
                case UInt8(ascii: "+"):
                    return try maxExpand(s + 1, p, ep)
                case UInt8(ascii: "*"):
                    return try maxExpand(s, p, ep)
                case UInt8(ascii: "-"):
                    return try minExpand(s, p, ep)
                default:
                    s += 1
                    p = ep
                    continue
                }
            }
        }
    }

    private mutating func maxExpand(_ s: Int, _ p: Int, _ ep: Int) throws(PatternError) -> Int? {
        var count = 0
        while singleMatch(s + count, p, ep) {
            count += 1
            try budget.step()
        }
        while count >= 0 {
            if let end = try match(s + count, ep + 1) { return end }
            count -= 1
        }
        return nil
    }

    private mutating func minExpand(_ start: Int, _ p: Int, _ ep: Int) throws(PatternError) -> Int? {
        var s = start
        while true {
            if let end = try match(s, ep + 1) { return end }
            guard singleMatch(s, p, ep) else { return nil }
            s += 1
        }
    }

    private mutating func startCapture(_ s: Int, _ p: Int, _ what: Int) throws(PatternError) -> Int? {
        guard level < PatternMatcher.maxCaptures else { throw PatternError("too many captures") }
        captures[level] = Capture(start: s, length: what)
        level += 1
        let end = try match(s, p)
        if end == nil { level -= 1 }
        return end
    }

    private mutating func endCapture(_ s: Int, _ p: Int) throws(PatternError) -> Int? {
        var open = level - 1
        while open >= 0, captures[open].length != PatternMatcher.unfinished { open -= 1 }
        guard open >= 0 else { throw PatternError("invalid pattern capture") }
        captures[open].length = s - captures[open].start
        let end = try match(s, p)
        if end == nil { captures[open].length = PatternMatcher.unfinished }
        return end
    }

    private func matchBalance(_ s: Int, _ p: Int) throws(PatternError) -> Int? {
        guard p < pattern.count - 1 else { throw PatternError("malformed pattern (missing arguments to '%b')") }
        guard s < subject.count, subject[s] == pattern[p] else { return nil }
        let open = pattern[p]
        let close = pattern[p + 1]
        var depth = 1
        var index = s + 1
        while index < subject.count {
            let c = subject[index]
            if c == close {
                depth -= 1
                if depth == 0 { return index + 1 }
            } else if c == open {
                depth += 1
            }
            index += 1
        }
        return nil
    }

    private func matchCapture(_ s: Int, _ digit: UInt8) throws(PatternError) -> Int? {
        let index = try checkCapture(digit)
        let capture = captures[index]
        guard capture.length >= 0, subject.count - s >= capture.length else { return nil }
        for offset in 0..<capture.length where subject[capture.start + offset] != subject[s + offset] { return nil }
        return s + capture.length
    }

    private func checkCapture(_ digit: UInt8) throws(PatternError) -> Int {
        let index = Int(digit) - Int(UInt8(ascii: "1"))
        guard index >= 0, index < level, captures[index].length != PatternMatcher.unfinished else {
            throw PatternError("invalid capture index %\(index + 1)")
        }
        return index
    }

    /// The index just past the single-character class at `p`.
    private func classEnd(_ start: Int) throws(PatternError) -> Int {
        var p = start
        let c = pattern[p]
        p += 1
        if c == UInt8(ascii: "%") {
            guard p < pattern.count else { throw PatternError("malformed pattern (ends with '%')") }
            return p + 1
        }
        if c == UInt8(ascii: "[") {
            if patternByte(p) == UInt8(ascii: "^") && p < pattern.count { p += 1 }
            repeat {
                guard p < pattern.count else { throw PatternError("malformed pattern (missing ']')") }
                let d = pattern[p]
                p += 1
                if d == UInt8(ascii: "%") && p < pattern.count { p += 1 }
            } while p >= pattern.count || pattern[p] != UInt8(ascii: "]")
            return p + 1
        }
        return p
    }

    private func singleMatch(_ s: Int, _ p: Int, _ ep: Int) -> Bool {
        guard s < subject.count else { return false }
        let c = subject[s]
        switch pattern[p] {
        case UInt8(ascii: "."): return true
        case UInt8(ascii: "%"): return PatternMatcher.matchClass(c, pattern[p + 1])
        case UInt8(ascii: "["): return matchBracketClass(c, p, ep - 1)
        default: return pattern[p] == c
        }
    }

    /// Whether `c` is in the set `[...]` from `p` (at `[`) to `end` (at `]`).
    private func matchBracketClass(_ c: UInt8, _ start: Int, _ end: Int) -> Bool {
        var p = start
        var inside = true
        if pattern[p + 1] == UInt8(ascii: "^") {
            inside = false
            p += 1
        }
        p += 1
        while p < end {
            if pattern[p] == UInt8(ascii: "%") {
                p += 1
                if PatternMatcher.matchClass(c, pattern[p]) { return inside }
            } else if pattern[p + 1] == UInt8(ascii: "-") && p + 2 < end {
                p += 2
                if pattern[p - 2] <= c && c <= pattern[p] { return inside }
            } else if pattern[p] == c {
                return inside
            }
            p += 1
        }
        return !inside
    }

    /// `%a`, `%d`… in the C locale; an upper-case class letter is the complement.
    static func matchClass(_ c: UInt8, _ classLetter: UInt8) -> Bool {
        let result: Bool
        switch classLetter | 0x20 {
        case UInt8(ascii: "a"): result = isAlpha(c)
        case UInt8(ascii: "c"): result = c < 32 || c == 127
        case UInt8(ascii: "d"): result = isDigit(c)
        case UInt8(ascii: "g"): result = c > 32 && c < 127
        case UInt8(ascii: "l"): result = c >= 97 && c <= 122
        case UInt8(ascii: "p"): result = c > 32 && c < 127 && !isAlpha(c) && !isDigit(c)
        case UInt8(ascii: "s"): result = c == 32 || (c >= 9 && c <= 13)
        case UInt8(ascii: "u"): result = c >= 65 && c <= 90
        case UInt8(ascii: "w"): result = isAlpha(c) || isDigit(c)
        case UInt8(ascii: "x"): result = isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102)
        case UInt8(ascii: "z"): result = c == 0  // deprecated in the manual, still in Lua 5.4
        default: return classLetter == c
        }
        return classLetter >= 65 && classLetter <= 90 ? !result : result
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }

/// A pattern error, or the step budget running out.
struct PatternError: Error {
    let message: String
    /// The call's instruction budget or deadline ran out (the control block says which).
    let isLimit: Bool
    init(_ message: String, isLimit: Bool = false) {
        self.message = message
        self.isLimit = isLimit
    }
}

/// The call's instruction budget and deadline, spent by pattern matching.
struct PatternBudget {
    let control: UnsafeMutablePointer<clua_control>
    private var sinceClock = 0

    init(control: UnsafeMutablePointer<clua_control>) { self.control = control }

    @inline(__always) mutating func step() throws(PatternError) {
        control.pointee.instructions_left -= 1
        sinceClock += 1
        if control.pointee.instructions_left <= 0 {
            if control.pointee.limit_hit == 0 { control.pointee.limit_hit = Int32(CLUA_LIMIT_INSTRUCTIONS) }
            throw PatternError("instruction limit exceeded", isLimit: true)
        }
        if sinceClock >= 4096 {
            sinceClock = 0
            if control.pointee.deadline_ns != 0 && clua_now_ns() >= control.pointee.deadline_ns {
                if control.pointee.limit_hit == 0 { control.pointee.limit_hit = Int32(CLUA_LIMIT_DEADLINE) }
                throw PatternError("deadline exceeded", isLimit: true)
            }
        }
    }
}
