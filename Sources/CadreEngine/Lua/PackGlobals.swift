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
            try call.push(try call.state.load(file.source, name: file.path, environment: environment))
            return 1
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
        guard let require = try state.call(maker, [loader, freeze, .string(pack.id), fallback], limits: limits).first
        else {
            throw LuaError(.host, "require could not be made")
        }
        box.require = require
        return ["pack": packValue, "require": require]
    }

    private final class RequireBox { var require: LuaValue? }

    static let requireSource = #"""
        local loader, freeze, pack_id, plugins = ...
        local loaded, loading = {}, {}
        return function(name)
          if type(name) ~= "string" then
            error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
          end
          local value = loaded[name]
          if value ~= nil then return value end
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
          return value
        end
        """#
}
