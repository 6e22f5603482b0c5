import CLua

/// `string.find`, `string.match`, `string.gmatch` and `string.gsub` on ``PatternMatcher``: Lua's
/// behaviour, with every matching step counted against the call's limits, plain searches and the
/// bytes of results charged, and the string `gsub` builds kept within the call's memory.
extension LuaState {
    func patternFunctions() -> [(String, HostFunction)] {
        let iterator = Int64(register("gmatch iterator", LuaState.gmatchStep))
        return [
            ("find", { call in try LuaState.find(call, find: true) }),
            ("match", { call in try LuaState.find(call, find: false) }),
            ("gmatch", { call in try LuaState.gmatch(call, iterator: iterator) }),
            ("gsub", LuaState.gsub),
        ]
    }

    /// Lua's `posrelatI`: a 1-based position from an argument that may count from the end.
    private static func startPosition(_ position: Int64, length: Int) -> Int {
        if position > 0 { return Int(clamping: position) }
        if position == 0 { return 1 }
        if position < -Int64(length) { return 1 }
        return length + Int(position) + 1
    }

    private static let specials: Set<UInt8> = Set("^$*+?.([%-".utf8)

    private static func find(_ call: LuaCall, find: Bool) throws -> Int {
        let subject = try call.bytes(1)
        let pattern = try call.bytes(2)
        let start = startPosition(try call.optionalInteger(3, default: 1), length: subject.count) - 1
        guard start <= subject.count else {
            call.pushNil()
            return 1
        }
        if find && (call.boolean(4) || !pattern.contains(where: { specials.contains($0) })) {
            if let found = try plainFind(pattern, in: subject, from: start, call: call) {
                call.push(found + 1)
                call.push(found + pattern.count)
                return 2
            }
            call.pushNil()
            return 1
        }
        let anchored = pattern.first == UInt8(ascii: "^")
        var matcher = PatternMatcher(
            subject: subject, pattern: pattern, patternStart: anchored ? 1 : 0,
            budget: PatternBudget(control: call.state.control))
        var position = start
        repeat {
            matcher.reset()
            if let end = try matcher.run(position, matcher.patternStart) {
                if find {
                    call.push(position + 1)
                    call.push(end)
                    return try pushCaptures(call, &matcher, whole: nil) + 2
                }
                return try pushCaptures(call, &matcher, whole: position..<end)
            }
            position += 1
        } while position <= subject.count && !anchored
        call.pushNil()
        return 1
    }

    /// The first position of `needle` in `haystack` from `start`, comparing byte by byte: each
    /// position tried and every 16 bytes compared there is a step charged to the call.
    private static func plainFind(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int, call: LuaCall
    ) throws -> Int? {
        guard !needle.isEmpty else { return start }
        guard needle.count <= haystack.count - start else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        var steps = 0
        defer { try? call.charge(steps: steps) }
        while index <= last {
            steps += 1
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
                steps += offset / 16
            }
            if steps >= 4_096 {
                try call.charge(steps: steps)
                steps = 0
            }
            index += 1
        }
        return nil
    }

    /// Pushes the captures (or the whole match when there are none and `whole` is given).
    private static func pushCaptures(_ call: LuaCall, _ matcher: inout PatternMatcher, whole: Range<Int>?) throws -> Int
    {
        let count = matcher.level == 0 && whole != nil ? 1 : matcher.level
        guard lua_checkstack(call.L, Int32(count)) != 0 else { throw LuaCallError("too many captures") }
        for index in 0..<count { try pushCapture(call, &matcher, index, whole: whole) }
        return count
    }

    private static func pushCapture(_ call: LuaCall, _ matcher: inout PatternMatcher, _ index: Int, whole: Range<Int>?)
        throws
    {
        if index >= matcher.level {
            guard index == 0, let whole else { throw LuaCallError("invalid capture index %\(index + 1)") }
            try pushSubstring(call, matcher.subject, whole)
            return
        }
        let capture = matcher.captures[index]
        switch capture.length {
        case PatternMatcher.unfinished: throw LuaCallError("unfinished capture")
        case PatternMatcher.position: call.push(capture.start + 1)
        default: try pushSubstring(call, matcher.subject, capture.start..<(capture.start + capture.length))
        }
    }

    /// Pushes `subject[range]`, its copy charged to the call.
    private static func pushSubstring(_ call: LuaCall, _ subject: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
        throws
    {
        try call.charge(steps: range.count / 64)
        try call.reserve(bytes: range.count)
        call.push(bytes: UnsafeBufferPointer(rebasing: subject[range]))
    }

    // MARK: gmatch

    /// `string.gmatch(s, pattern [, init])`: an iterator closure holding the subject, the pattern,
    /// the position and the end of the last match as upvalues.
    private static func gmatch(_ call: LuaCall, iterator: Int64) throws -> Int {
        let subject = try call.bytes(1)
        _ = try call.bytes(2)
        var start = startPosition(try call.optionalInteger(3, default: 1), length: subject.count) - 1
        if start > subject.count { start = subject.count + 1 }
        lua_settop(call.L, 2)
        lua_pushinteger(call.L, lua_Integer(start))
        lua_pushinteger(call.L, -1)
        clua_pushhostclosure(call.L, iterator, 4)
        return 1
    }

    private static func gmatchStep(_ call: LuaCall) throws -> Int {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = call.L
        var length = 0
        guard let subjectChars = clua_tolstring(L, clua_upvalueindex(2), &length) else { return 0 }
        let subject = UnsafeBufferPointer(
            start: UnsafeRawPointer(subjectChars).assumingMemoryBound(to: UInt8.self), count: length)
        guard let patternChars = clua_tolstring(L, clua_upvalueindex(3), &length) else { return 0 }
        let pattern = UnsafeBufferPointer(
            start: UnsafeRawPointer(patternChars).assumingMemoryBound(to: UInt8.self), count: length)
        var position = Int(clua_tointeger(L, clua_upvalueindex(4), nil))
        let lastMatch = Int(clua_tointeger(L, clua_upvalueindex(5), nil))
        var matcher = PatternMatcher(
            subject: subject, pattern: pattern, patternStart: 0, budget: PatternBudget(control: call.state.control))
        while position <= subject.count {
            matcher.reset()
            if let end = try matcher.run(position, 0), end != lastMatch {
                lua_pushinteger(L, lua_Integer(end))
                clua_replace(L, clua_upvalueindex(4))
                lua_pushinteger(L, lua_Integer(end))
                clua_replace(L, clua_upvalueindex(5))
                return try pushCaptures(call, &matcher, whole: position..<end)
            }
            position += 1
        }
        lua_pushinteger(L, lua_Integer(position))
        clua_replace(L, clua_upvalueindex(4))
        return 0
    }

    // MARK: gsub

    /// `string.gsub(s, pattern, replacement [, n])` with a string, table or function replacement.
    private static func gsub(_ call: LuaCall) throws -> Int {
        let subject = try call.bytes(1)
        let pattern = try call.bytes(2)
        let replacementType = lua_type(call.L, 3)
        guard [LUA_TNUMBER, LUA_TSTRING, LUA_TFUNCTION, LUA_TTABLE].contains(replacementType) else {
            throw call.argumentError(3, "string/function/table expected, got \(call.typeName(3))")
        }
        let maximum = try call.optionalInteger(4, default: Int64(subject.count) + 1)
        let anchored = pattern.first == UInt8(ascii: "^")
        var matcher = PatternMatcher(
            subject: subject, pattern: pattern, patternStart: anchored ? 1 : 0,
            budget: PatternBudget(control: call.state.control))
        var output = GrowingOutput(call: call)
        var position = 0
        var lastMatch = -1
        var replacements: Int64 = 0
        var changed = false
        while replacements < maximum {
            matcher.reset()
            if let end = try matcher.run(position, matcher.patternStart), end != lastMatch {
                replacements += 1
                changed =
                    try appendReplacement(call, &matcher, position..<end, type: replacementType, to: &output) || changed
                try output.check()
                position = end
                lastMatch = end
            } else if position < subject.count {
                output.bytes.append(subject[position])
                position += 1
            } else {
                break
            }
            if anchored { break }
        }
        if changed {
            output.bytes.append(contentsOf: subject[position...])
            try output.check()
            output.bytes.withUnsafeBufferPointer { call.push(bytes: $0) }
        } else {
            call.pushArgument(1)
        }
        call.push(replacements)
        return 2
    }

    private static func appendReplacement(
        _ call: LuaCall, _ matcher: inout PatternMatcher, _ match: Range<Int>, type: Int32,
        to output: inout GrowingOutput
    ) throws -> Bool {
        let top = lua_gettop(call.L)
        defer { lua_settop(call.L, top) }
        switch type {
        case LUA_TFUNCTION:
            lua_pushvalue(call.L, 3)
            let count = try pushCaptures(call, &matcher, whole: match)
            try call.state.protectedCall(arguments: Int32(count), results: 1, limits: call.state.armedLimits)
        case LUA_TTABLE:
            lua_pushcclosure(call.L, clua_gettable_function, 0)
            lua_pushvalue(call.L, 3)
            try pushCapture(call, &matcher, 0, whole: match)
            try call.state.protectedCall(arguments: 2, results: 1, limits: call.state.armedLimits)
        default:
            try appendString(call, &matcher, match, to: &output)
            return true
        }
        if lua_toboolean(call.L, -1) == 0 {
            output.bytes.append(contentsOf: matcher.subject[match])
            return false
        }
        let resultType = lua_type(call.L, -1)
        guard resultType == LUA_TSTRING || resultType == LUA_TNUMBER else {
            throw LuaCallError("invalid replacement value (a \(call.typeName(-1)))")
        }
        output.bytes.append(contentsOf: try call.bytes(Int(lua_gettop(call.L))))
        return true
    }

    /// Appends the replacement string (argument 3) with `%0`–`%9` and `%%` expanded.
    private static func appendString(
        _ call: LuaCall, _ matcher: inout PatternMatcher, _ match: Range<Int>, to output: inout GrowingOutput
    ) throws {
        let replacement = try call.bytes(3)
        var index = 0
        while index < replacement.count {
            let c = replacement[index]
            index += 1
            guard c == UInt8(ascii: "%") else {
                output.bytes.append(c)
                continue
            }
            let next = index < replacement.count ? replacement[index] : 0
            index += 1
            if next == UInt8(ascii: "%") {
                output.bytes.append(next)
            } else if next == UInt8(ascii: "0") {
                output.bytes.append(contentsOf: matcher.subject[match])
                try output.check()
            } else if isDigit(next) {
                let top = lua_gettop(call.L)
                try pushCapture(call, &matcher, Int(next) - Int(UInt8(ascii: "1")), whole: match)
                output.bytes.append(contentsOf: try call.bytes(Int(top) + 1))
                lua_settop(call.L, top)
                try output.check()
            } else {
                throw LuaCallError("invalid use of '%' in replacement string")
            }
        }
    }
}

extension PatternMatcher {
    /// Runs a match, turning pattern errors into the errors a script sees.
    mutating func run(_ s: Int, _ p: Int) throws -> Int? {
        do {
            return try match(s, p)
        } catch {
            if error.isLimit { throw LuaLimitReached() }
            throw LuaCallError(error.message)
        }
    }
}

/// The string `gsub` builds: its bytes are charged to the call as it grows, and the host memory
/// it holds (the buffer's capacity) and the copy Lua will make of it never pass what the call
/// may still allocate.
private struct GrowingOutput {
    let call: LuaCall
    var bytes: [UInt8] = []
    private var charged = 0

    init(call: LuaCall) { self.call = call }

    /// Charges what was appended since the last check, and stops the call when the output
    /// passes what it may allocate.
    mutating func check() throws {
        guard bytes.count - charged >= 4_096 || bytes.capacity + bytes.count > call.memoryLeft else { return }
        try call.charge(steps: (bytes.count - charged) / 64)
        charged = bytes.count
        try call.reserve(bytes: bytes.capacity + bytes.count)
    }
}
