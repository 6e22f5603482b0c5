import CLua

extension LuaState {
    /// Calls `function` under limits of its own, even from a Swift function that Lua called: a
    /// limit the call hits ends this call only, with a ``LuaError``, and the call around it goes
    /// on as before — its budget of instructions untouched, its memory cap and deadline restored.
    ///
    /// The engine runs plugin code this way from inside a rule's call (a plugin detector's
    /// validation function during a store scan), so that a looping plugin is reported as the
    /// plugin's error, at the plugin's line, and not as the rule's. The call's deadline is never
    /// later than the deadline of the call around it.
    ///
    /// Outside any call this is ``call(_:_:limits:mode:)``.
    @discardableResult
    public func callWithOwnLimits(
        _ function: LuaValue, _ arguments: [LuaValue] = [], limits: LuaLimits, mode: LuaReadMode = .references
    ) throws(LuaError) -> [LuaValue] {
        guard callDepth > 0 else { return try call(function, arguments, limits: limits, mode: mode) }
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try ensureStack(arguments.count + 1)
        try push(function)
        for argument in arguments { try push(argument) }

        let outer = control.pointee
        let outerLimits = armedLimits
        let outerHostError = raisedHostError
        // This call's limits, with a deadline no later than the outer call's.
        var own = limits
        if outer.deadline_ns != 0 {
            let outerLeft = Duration.nanoseconds(max(0, outer.deadline_ns - clua_now_ns()))
            own.deadline = own.deadline.map { min($0, outerLeft) } ?? outerLeft
        }
        arm(own)
        callDepth += 1
        let status = clua_pcall_from_host(L, Int32(arguments.count), LUA_MULTRET)
        callDepth -= 1
        var failure: LuaError? = nil
        if status != LUA_OK {
            failure = popError(status: status, nested: true)
        } else if control.pointee.limit_hit != 0 || control.pointee.alloc_pending != 0 {
            failure = limitError()
        }
        if let failure, failure.isLimit { clua_collect(L) }
        restore(outer, limits: outerLimits)
        raisedHostError = outerHostError
        if let failure { throw failure }
        let count = lua_gettop(L) - top
        var results: [LuaValue] = []
        results.reserveCapacity(Int(count))
        for index in 0..<count { results.append(try value(at: top + 1 + index, mode: mode)) }
        return results
    }

    /// Puts back the limits of the call in progress, as they were before a call with its own.
    private func restore(_ outer: clua_control, limits: LuaLimits) {
        clua_arm(L, outer.limit, outer.instructions_left, outer.deadline_ns, outer.deadline_span_ns)
        if !(outer.instructions_left == Int64.max && outer.deadline_ns == 0) {
            // clua_arm counts from what is left; keep the limit the messages name.
            control.pointee.instruction_limit = outer.instruction_limit
        }
        control.pointee.limit_hit = outer.limit_hit
        control.pointee.counts_instructions = outer.counts_instructions
        control.pointee.armed_used = outer.armed_used
        control.pointee.alloc_pending = outer.alloc_pending
        control.pointee.host_error = outer.host_error
        control.pointee.armed = outer.armed
        armedLimits = limits
    }
}
