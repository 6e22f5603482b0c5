import CadreModel
import LuaHost

/// `require` for plugins, in one Lua state: a plugin's own files and modules `require("policy")`
/// (its `lib/policy.lua`) or `require("fides.policy")` (any enabled plugin's); packs reach plugin
/// modules by their full name. Each module compiles on first use in its own environment (with
/// `plugin` and `require`), runs once, and is frozen (read-only), so every pack and plugin of
/// the state shares it safely.
final class PluginModules {
    let state: LuaState
    let plugins: [String: Plugin]
    let limits: LuaLimits
    /// `plugin` as each plugin's files see it (read-only).
    private(set) var pluginValues: [String: LuaValue] = [:]
    /// The factory of `require` functions, made once.
    private var factory: LuaValue = .nil
    private var requires: [String: LuaValue] = [:]

    init(state: LuaState, plugins: [Plugin], limits: LuaLimits) throws(LuaError) {
        self.state = state
        self.limits = limits
        var byID: [String: Plugin] = [:]
        for plugin in plugins { byID[plugin.id] = plugin }
        self.plugins = byID
        for plugin in plugins {
            pluginValues[plugin.id] = try state.readOnly(
                .table(
                    LuaTable(fields: [
                        ("id", .string(plugin.id)), ("version", .string(plugin.version)),
                        ("title", .string(plugin.manifest.title)),
                        ("folder", .string(plugin.folder)),
                    ])))
        }
        let resolve = state.function("require") { [byID] call in
            let owner = call.isNil(1) ? nil : try call.text(1, limit: CadreLibrary.argumentLimit)
            let name = try call.text(2, limit: CadreLibrary.argumentLimit)
            let who = call.isNil(3) ? nil : try call.text(3, limit: CadreLibrary.argumentLimit)
            switch Self.resolve(name, owner: owner, plugins: byID) {
            case .found(let full):
                call.push(full)
                return 1
            case .missing(let message):
                call.pushNil()
                call.push(
                    who.map {
                        "module '\(name)' not found: \($0) has no lib/\(name.replacingOccurrences(of: ".", with: "/")).lua, and "
                            + message
                    } ?? "module '\(name)' not found: " + message)
                return 2
            }
        }
        let compile = state.function("require") { [weak self] call in
            let full = try call.string(1)
            guard let self, let (plugin, file) = self.file(full) else {
                throw LuaCallError("module '\(full)' is no longer available")
            }
            let environment = try call.state.makeEnvironment([
                "plugin": self.pluginValues[plugin.id] ?? .nil, "require": try self.require(for: plugin.id),
            ])
            try call.push(try call.state.load(file.source, name: file.path, environment: environment))
            return 1
        }
        let freeze = state.function("freeze") { call in
            try call.push(try call.state.readOnly(try call.value(1, mode: .references)))
            return 1
        }
        let maker = try state.load(Self.source, name: "cadre plugin require")
        guard let made = try state.call(maker, [resolve, compile, freeze], limits: limits).first else {
            throw LuaError(.host, "plugin require could not be made")
        }
        factory = made
    }

    /// The `require` of plugin `id`'s files (nil: the fallback of packs, named `who`).
    func require(for id: String?, who: String? = nil) throws(LuaError) -> LuaValue {
        let key = id ?? ("\u{0}" + (who ?? ""))
        if let made = requires[key] { return made }
        guard
            let made = try state.call(
                factory, [id.map(LuaValue.string) ?? .nil, who.map(LuaValue.string) ?? .nil], limits: limits
            ).first
        else {
            throw LuaError(.host, "plugin require could not be made")
        }
        requires[key] = made
        return made
    }

    private enum Resolution {
        case found(String)
        case missing(String)
    }

    /// `name` as the full name of a module (`fides.policy`), seen from plugin `owner`'s files.
    private static func resolve(_ name: String, owner: String?, plugins: [String: Plugin]) -> Resolution {
        if let owner, plugins[owner]?.modules[name] != nil { return .found(owner + "." + name) }
        if let dot = name.firstIndex(of: "."), let plugin = plugins[String(name[..<dot])] {
            let module = String(name[name.index(after: dot)...])
            if plugin.modules[module] != nil { return .found(name) }
            return .missing("plugin \(plugin.id) has no lib/\(module.replacingOccurrences(of: ".", with: "/")).lua")
        }
        if let owner {
            return .missing(
                "plugin \(owner) has no lib/\(name.replacingOccurrences(of: ".", with: "/")).lua, and no enabled plugin is named `\(name.split(separator: ".").first ?? "")`"
            )
        }
        let enabled = plugins.keys.sorted()
        return .missing(
            enabled.isEmpty
                ? "no plugin is enabled (plugin modules are `<plugin id>.<module>`; enable plugins under `plugins:` in cadre.yaml)"
                : "no enabled plugin provides it (enabled: \(enabled.joined(separator: ", ")); plugin modules are `<plugin id>.<module>`)"
        )
    }

    private func file(_ full: String) -> (Plugin, Pack.File)? {
        guard let dot = full.firstIndex(of: "."), let plugin = plugins[String(full[..<dot])],
            let file = plugin.modules[String(full[full.index(after: dot)...])]
        else { return nil }
        return (plugin, file)
    }

    static let source = #"""
        local resolve, compile, freeze = ...
        local loaded, loading = {}, {}
        return function(owner, who)
          -- `level`: where errors point (2, the caller; a pack's require passes 3, its caller's).
          return function(name, level)
            level = level == 3 and 3 or 2
            if type(name) ~= "string" then
              error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", level)
            end
            local full, problem = resolve(owner, name, who)
            if full == nil then error(problem, level) end
            local value = loaded[full]
            if value ~= nil then return value end
            if loading[full] then error("module '" .. full .. "' requires itself (a cycle of require calls)", level) end
            loading[full] = true
            local ok, result = pcall(compile(full), full)
            loading[full] = nil
            if not ok then error(result, 0) end
            value = result
            if value == nil then value = true end
            if type(value) == "table" then value = freeze(value) end
            loaded[full] = value
            return value
          end
        end
        """#
}
