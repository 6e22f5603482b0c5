import LuaHost

/// The globals a pack's Lua files see besides the shared `cadre`: `pack` (its id, version, title,
/// data and settings, read-only) and `require` (its `lib/`). Rule files and the pack's test files
/// get the same two.
enum PackGlobals {
    /// `pack` and `require` for `pack`, made in `state`. `plugins` is the enabled plugins' modules,
    /// which `require` falls back to when the pack's `lib/` has no such module.
    static func make(
        for pack: Pack, in state: LuaState, limits: LuaLimits, plugins: PluginSet? = nil
    ) throws(LuaError) -> [String: LuaValue] {
        try make(for: pack, in: state, limits: limits, plugins: plugins, watch: nil).globals
    }

    /// What `require` tells the host about a pack's modules (the worker's ``RetainedMemory``).
    final class ModuleWatch {
        /// A module of the pack ran: its file, its name, and what it reaches — its environment and
        /// its value.
        let loaded: (_ file: String, _ name: String, _ roots: [LuaValue]) -> Void
        /// A module of the pack was handed to a script (on every `require`, cached or not).
        let required: (_ file: String) -> Void

        init(loaded: @escaping (String, String, [LuaValue]) -> Void, required: @escaping (String) -> Void) {
            self.loaded = loaded
            self.required = required
        }
    }

    /// `pack` and `require` for `pack`, and `stop`: a function that takes a module's name and
    /// makes every later `require` of it an error (its value is let go), for a module that kept
    /// more memory than it may. `watch` hears of every module loaded and required.
    static func make(
        for pack: Pack, in state: LuaState, limits: LuaLimits, plugins: PluginSet?, watch: ModuleWatch?
    ) throws(LuaError) -> (globals: [String: LuaValue], stop: LuaValue) {
        var settings = LuaTable()
        for (name, value) in pack.settings.sorted(by: { $0.key < $1.key }) { settings[name] = .string(value) }
        // `pack.version` is watched: a rule that reads it is evaluated again when it changes.
        let packValue = try state.readOnly(
            LuaTable(fields: [
                ("id", .string(pack.id)), ("version", .string(pack.version)), ("title", .string(pack.manifest.title)),
                ("data", pack.data), ("settings", .table(settings)),
            ]), watching: ["version": RuleReadings.packVersion.rawValue])
        // require: modules compile on first use, run once, and are frozen (read-only) afterwards.
        let box = RequireBox()
        let loader = state.function("require") { call in
            let name = try call.text(1, limit: CadreLibrary.argumentLimit)
            guard let file = pack.module(named: name), let require = box.require else {
                call.pushNil()
                return 1
            }
            let environment = try call.state.makeEnvironment(["pack": packValue, "require": require])
            if watch != nil { box.environments[file.path] = .reference(environment.table) }
            try call.push(try call.state.load(file.source, name: file.path, environment: environment))
            return 1
        }
        // Called by require with a module's name and value: once when it ran (`true` third), then
        // on every require.
        let note = state.function("note") { call in
            let name = try call.text(1, limit: CadreLibrary.argumentLimit)
            guard let watch, let file = pack.module(named: name) else { return 0 }
            if call.boolean(3), !box.noted.contains(file.path) {
                box.noted.insert(file.path)
                let value = call.reference(2).map(LuaValue.reference)
                watch.loaded(
                    file.path, name, [box.environments.removeValue(forKey: file.path), value].compactMap { $0 })
            }
            watch.required(file.path)
            return 0
        }
        let freeze = state.function("freeze") { call in
            let value = try call.value(1, mode: .references)
            try call.push(try call.state.readOnly(value))
            return 1
        }
        let maker = try state.load(requireSource, name: "cadre require")
        // Without enabled plugins, a missing module is only the pack's.
        var fallback = LuaValue.nil
        if let plugins, !plugins.plugins.isEmpty {
            fallback = try plugins.modules.require(for: nil, who: "pack \(pack.id)")
        }
        let made = try state.call(maker, [loader, freeze, .string(pack.id), fallback, note], limits: limits)
        guard made.count == 2, case .reference = made[0] else {
            throw LuaError(.host, "require could not be made")
        }
        box.require = made[0]
        return (["pack": packValue, "require": made[0]], made[1])
    }

    private final class RequireBox {
        var require: LuaValue?
        /// The environment of each module while it loads, until `note` hands it on.
        var environments: [String: LuaValue] = [:]
        var noted: Set<String> = []
    }

    static let requireSource = #"""
        local loader, freeze, pack_id, plugins, note = ...
        local loaded, loading, STOPPED = {}, {}, {}
        local function stop(name) loaded[name] = STOPPED end
        return function(name)
          if type(name) ~= "string" then
            error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
          end
          local value = loaded[name]
          if value == STOPPED then
            error("module '" .. name .. "' was stopped: it kept more memory from one system to the next than limits.retained_mb allows", 2)
          end
          if value ~= nil then note(name, value, false) return value end
          if loading[name] then error("module '" .. name .. "' requires itself (a cycle of require calls)", 2) end
          local chunk = loader(name)
          if chunk == nil and plugins ~= nil then
            -- Not in the pack's lib/: an enabled plugin's module (`fides.policy`).
            value = plugins(name, 3)
            loaded[name] = value
            return value
          end
          if chunk == nil then
            error("module '" .. name .. "' not found: pack " .. pack_id .. " has no lib/" .. (name:gsub("%.", "/")) .. ".lua", 2)
          end
          loading[name] = true
          value = chunk(name)
          loading[name] = nil
          if value == nil then value = true end
          if type(value) == "table" then value = freeze(value) end
          loaded[name] = value
          note(name, value, true)
          return value
        end, stop
        """#
}
