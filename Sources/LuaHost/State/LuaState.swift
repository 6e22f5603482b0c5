import CLua
import Synchronization

/// A sandboxed Lua 5.4 state with limits on every call.
///
/// A state is not thread-safe: it is owned by one worker and never crosses threads (the type is
/// deliberately not `Sendable`). Create one per worker and load what the worker needs into it.
///
/// ```swift
/// let lua = try LuaState()
/// let chunk = try lua.load("return function(a, b) return a + b end", name: "add.lua")
/// let add = try lua.call(.reference(chunk))[0]
/// let sum = try lua.call(add, [1, 2])   // [3]
/// ```
///
/// Scripts see only the libraries base, string, table, math and utf8, without any function that
/// reaches files, processes, the environment, bytecode, `debug` or the string metatable. Every
/// chunk runs in its own environment (see ``makeEnvironment(_:)``); the shared libraries and the
/// host's read-only trees cannot be changed by one script under another's feet.
public final class LuaState {
    /// How a state is set up.
    public struct Options: Sendable {
        /// The limits of a call when the caller gives none.
        public var limits: LuaLimits
        /// Bytes the state may hold in all, whatever the per-call limit allows.
        public var memoryCeiling: Int
        /// The seed of `math.random`: the same seed gives the same numbers.
        public var randomSeed: Int64
        /// Reading an undefined global is an error that names it (a typo is caught at once).
        public var strictGlobals: Bool
        /// The deepest table nesting the bridge copies.
        public var maxValueDepth: Int
        /// The most lines `print` keeps in ``LuaState/log`` before dropping (and counting) the rest.
        public var logCapacity: Int

        public init(
            limits: LuaLimits = .default, memoryCeiling: Int = 1 << 30, randomSeed: Int64 = 0,
            strictGlobals: Bool = true, maxValueDepth: Int = 200, logCapacity: Int = 1_000
        ) {
            self.limits = limits
            self.memoryCeiling = memoryCeiling
            self.randomSeed = randomSeed
            self.strictGlobals = strictGlobals
            self.maxValueDepth = maxValueDepth
            self.logCapacity = logCapacity
        }
    }

    /// The state, named `L` as in Lua's C API.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let L: OpaquePointer
    let control: UnsafeMutablePointer<clua_control>
    /// Identifies this state's references: a number no other state of the process has had, so a
    /// reference kept past its state's end is refused by every later state (a freed state's
    /// memory, and so its address, may be reused).
    let serial: UInt64
    /// The serial number of the last state made.
    private static let lastSerial = Atomic<UInt64>(0)
    public let options: Options
    /// The limits of a call when the caller gives none.
    public var limits: LuaLimits
    /// What scripts printed, in order.
    public var log: LuaLog
    var hostFunctions: [HostFunctionEntry] = []
    /// Calls in progress: > 1 when a Swift function called by Lua calls back into Lua.
    var callDepth = 0
    /// Lua's short form of each loaded chunk's name → the name the host gave it.
    var chunkNames: [String: String] = [:]
    /// Registry slots the host keeps: Lua's `tostring`, the original `math.randomseed`.
    var tostringSlot: Int32 = 0
    var randomseedSlot: Int32 = 0
    var environmentMetatableSlot: Int32 = 0
    /// The limits of the call in progress (for messages).
    var armedLimits = LuaLimits.default
    /// The Swift error behind the error object the host raised last in the call in progress (the
    /// control block keeps that object's identity): a ``LuaError`` of kind `host` carries it.
    var raisedHostError: (any Error)?

    /// Creates a sandboxed state.
    /// - Throws: ``LuaError`` of kind `.host` if Lua cannot allocate a state.
    public init(options: Options = Options()) throws(LuaError) {
        self.options = options
        self.limits = options.limits
        self.log = LuaLog(capacity: options.logCapacity)
        control = UnsafeMutablePointer<clua_control>.allocate(capacity: 1)
        control.initialize(to: clua_control())
        serial = Self.lastSerial.add(1, ordering: .relaxed).newValue
        guard let state = clua_newstate(control) else {
            control.deallocate()
            throw LuaError(.host, "cannot create a Lua state: out of memory")
        }
        L = state
        // swift-format-ignore: AlwaysUseLowerCamelCase
        control.pointee.dispatch = { L, host, function in
            guard let L, let host else { return -1 }
            return Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue().dispatch(Int(function), L)
        }
        control.pointee.release = { _, object in
            if let object { Unmanaged<AnyObject>.fromOpaque(object).release() }
        }
        control.pointee.host = Unmanaged.passUnretained(self).toOpaque()
        installSandbox()
    }

    deinit {
        // Closing runs the finalizers of host objects (scripts cannot set __gc): no script code.
        lua_close(L)
        control.deinitialize(count: 1)
        control.deallocate()
    }

    /// Bytes the state holds now.
    public var memoryInUse: Int { Int(control.pointee.used) }

    /// The most bytes the state held since it was created or since ``resetPeakMemory()``.
    public var peakMemory: Int { Int(control.pointee.peak) }

    public func resetPeakMemory() { control.pointee.peak = control.pointee.used }

    /// Records what the state holds now as its size at rest (call it once what every call needs
    /// is loaded). Data kept from call to call then counts like data a call allocates: once the
    /// state holds more than twice this, the count hook runs more often, so instructions that
    /// touch large kept data (comparing long strings) cannot delay the deadline.
    public func markQuiet() { control.pointee.quiet = control.pointee.used }

    /// Runs full garbage collections until the state holds no less memory than after the previous
    /// one (Lua frees unused call frames by halves, so one collection may not be enough).
    public func collectGarbage() {
        var before = Int.max
        var rounds = 0
        while memoryInUse < before, rounds < 32 {
            before = memoryInUse
            clua_collect(L)
            rounds += 1
        }
    }

    // MARK: - Calls

    /// Calls `function` (a ``LuaReference`` to a function, or any value with a `__call`) with
    /// `arguments`, under `limits` (default: ``limits``).
    /// - Returns: every value the function returned; functions and other values that cannot be
    ///   copied come back as references (`mode: .references`, the default) or are an error (`.data`).
    /// - Throws: ``LuaError``: runtime, host, memory-limit, instruction-limit or deadline. The state
    ///   stays usable after any of them.
    @discardableResult
    public func call(
        _ function: LuaValue, _ arguments: [LuaValue] = [], limits: LuaLimits? = nil, mode: LuaReadMode = .references
    ) throws(LuaError) -> [LuaValue] {
        try call(function, arguments, limits: limits) { (index: Int32) throws(LuaError) in
            try value(at: index, mode: mode)
        }
    }

    /// ``call(_:_:limits:mode:)``, its results copied within what is left of `budget`: calls that
    /// hand over one value piece by piece (the files of an importer's list, one a call) copy no
    /// more in all than one copy of the whole may.
    public func call(
        _ function: LuaValue, _ arguments: [LuaValue] = [], limits: LuaLimits? = nil, mode: LuaReadMode,
        budget: inout CopyBudget
    ) throws(LuaError) -> [LuaValue] {
        try call(function, arguments, limits: limits) { (index: Int32) throws(LuaError) in
            try value(at: index, mode: mode, budget: &budget)
        }
    }

    private func call(
        _ function: LuaValue, _ arguments: [LuaValue], limits: LuaLimits?,
        reading read: (Int32) throws(LuaError) -> LuaValue
    ) throws(LuaError) -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(arguments.count + 1)
        try push(function)
        for argument in arguments { try push(argument) }
        try protectedCall(arguments: Int32(arguments.count), results: LUA_MULTRET, limits: limits ?? self.limits)
        let count = lua_gettop(L) - top
        var results: [LuaValue] = []
        results.reserveCapacity(Int(count))
        for index in 0..<count { results.append(try read(top + 1 + index)) }
        return results
    }

    /// Calls `function` with `arguments` under `limits` and discards what it returns: the cheapest
    /// call when the results do not matter (a rule's `check`).
    public func run(_ function: LuaValue, _ arguments: [LuaValue] = [], limits: LuaLimits? = nil) throws(LuaError) {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(arguments.count + 1)
        try push(function)
        for argument in arguments { try push(argument) }
        try protectedCall(arguments: Int32(arguments.count), results: 0, limits: limits ?? self.limits)
    }

    /// Calls the function below its `arguments` on the stack, leaving its results (`results`, or
    /// all with `LUA_MULTRET`) in their place.
    func protectedCall(arguments: Int32, results: Int32, limits: LuaLimits) throws(LuaError) {
        if callDepth > 0 {
            // A Swift function called by Lua calls back into Lua: the outer call's limits go on.
            callDepth += 1
            let status = clua_pcall_from_host(L, arguments, results)
            callDepth -= 1
            if status != LUA_OK { throw popError(status: status, nested: true) }
            return
        }
        arm(limits)
        callDepth = 1
        let status = clua_pcall(L, arguments, results)
        callDepth = 0
        if status != LUA_OK {
            let error = popError(status: status, nested: false)
            clua_disarm(L)
            if error.isLimit { clua_collect(L) }
            throw error
        }
        // A limit hit that the script caught (a refused allocation inside `pcall`) still fails the call.
        if control.pointee.limit_hit != 0 || control.pointee.alloc_pending != 0 {
            let error = limitError()
            clua_disarm(L)
            clua_collect(L)
            throw error
        }
        clua_disarm(L)
    }

    /// Arms the limits of a call that starts now.
    func arm(_ limits: LuaLimits, instructions: Bool = true) {
        armedLimits = limits
        let used = Int(control.pointee.used)
        let allowance = limits.memoryBytes > 0 ? limits.memoryBytes : options.memoryCeiling
        let cap = min(used.addingReportingOverflow(allowance).partialValue, options.memoryCeiling)
        var deadline: Int64 = 0
        var span: Int64 = 0
        if let limit = limits.deadline {
            span = limit.nanoseconds
            deadline = clua_now_ns() + span
        }
        let budget = instructions && limits.instructions > 0 ? Int64(limits.instructions) : Int64.max
        clua_arm(L, max(cap, 1), budget, deadline, span)
        raisedHostError = nil
        control.pointee.error_line = -1
        control.pointee.error_source.0 = 0
        control.pointee.error_was_host = 0
    }

    /// Makes sure `slots` more values fit on the stack.
    func ensureStack(_ slots: Int) throws(LuaError) {
        guard slots < 1_000_000, lua_checkstack(L, Int32(slots)) != 0 else {
            throw LuaError(.host, "Lua stack overflow: cannot push \(slots) values")
        }
    }

    // MARK: - Registry references

    /// Pops the value on the top of the stack into a registry slot.
    func popReference() -> LuaReference {
        let kind: LuaReference.Kind =
            switch lua_type(L, -1) {
            case LUA_TFUNCTION: .function
            case LUA_TTABLE: .table
            case LUA_TUSERDATA, LUA_TLIGHTUSERDATA: .userdata
            case LUA_TTHREAD: .thread
            default: .other
            }
        let slot = luaL_ref(L, clua_registryindex())
        return LuaReference(id: slot, kind: kind, owner: serial)
    }

    func pushReference(_ reference: LuaReference) throws(LuaError) {
        guard reference.owner == serial else {
            throw LuaError(.host, "a reference from another Lua state cannot be used in this one")
        }
        lua_rawgeti(L, clua_registryindex(), lua_Integer(reference.id))
    }

    /// Where the Lua function `reference` is defined: its chunk (as the host named it) and the
    /// line of its `function`; nil for a C function or another value.
    public func definition(of reference: LuaReference) -> LuaCall.Frame? {
        guard reference.kind == .function, (try? pushReference(reference)) != nil else { return nil }
        var record = lua_Debug()
        // `>` takes the function from the top of the stack (and pops it).
        guard lua_getinfo(L, ">S", &record) != 0, record.linedefined > 0, let source = record.source else {
            return nil
        }
        return LuaCall.Frame(file: chunkFile(forSource: String(cString: source)), line: Int(record.linedefined))
    }

    /// Frees the registry slot of `reference`. Using it afterwards gives `nil`.
    public func release(_ reference: LuaReference) {
        guard reference.owner == serial else { return }
        luaL_unref(L, clua_registryindex(), reference.id)
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (ns, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        return ns.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}

extension LuaState {
    /// The version of the Lua library, for example `Lua 5.4.4`.
    public static var luaVersion: String { String(cString: clua_release()) }
}
