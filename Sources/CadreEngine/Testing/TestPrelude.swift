/// The Lua side of `cadre test`, run once in each pack's test state.
///
/// It receives the host's functions (`host`) and returns `new_file`, which makes the functions one
/// test file sees (`describe`, `it`, `before_each`, `after_each`, `expect`, `system`, `fixture`,
/// `run`) with the registry of the tests the file declares, and `matches`, the `--filter` test.
/// docs/rules.md ("Testing rules") describes the API.
enum TestPrelude {
    static let name = "cadre test prelude"

    /// The whole prelude: values and results, expectations (TestPrelude+Expectations.swift), then
    /// what declares tests.
    static let source = preamble + values + expectations + declarations

    static let preamble = #"""
        local host = ...

        """#

    /// Showing values for diffs, comparing tables, and the results of `run`.
    static let values = #"""
        ---------------------------------------------------------------- showing values
        local function sorted_keys(t)
          local keys, n = {}, #t
          for k in pairs(t) do
            if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
          end
          table.sort(keys, function(a, b)
            local ta, tb = type(a), type(b)
            if ta ~= tb then return ta < tb end
            if ta == "number" or ta == "string" then return a < b end
            return tostring(a) < tostring(b)
          end)
          return keys, n
        end

        local function quote(s)
          return '"' .. s:gsub('[\\"]', "\\%0"):gsub("\n", "\\n"):gsub("\t", "\\t") .. '"'
        end

        local function key_text(k)
          if type(k) == "string" and k:find("^[%a_][%w_]*$") then return k end
          if type(k) == "string" then return "[" .. quote(k) .. "]" end
          return "[" .. tostring(k) .. "]"
        end

        local describe_result

        local function show(value, depth, seen)
          depth, seen = depth or 0, seen or {}
          local kind = type(value)
          if kind == "string" then return quote(value) end
          if kind ~= "table" then return tostring(value) end
          if getmetatable(value) == "result" then return "result: " .. describe_result(value):gsub("\n", "; ") end
          if getmetatable(value) == "duration" or getmetatable(value) == "date" then return tostring(value) end
          if seen[value] then return "{…cycle}" end
          if depth >= 4 then return "{…}" end
          seen[value] = true
          local parts = {}
          local keys, n = sorted_keys(value)
          for i = 1, n do parts[#parts + 1] = show(value[i], depth + 1, seen) end
          for _, k in ipairs(keys) do parts[#parts + 1] = key_text(k) .. " = " .. show(value[k], depth + 1, seen) end
          seen[value] = nil
          return "{" .. table.concat(parts, ", ") .. "}"
        end

        --- The first place where `a` and `b` differ ("" for the values themselves), or nil.
        local function difference(a, b, path, seen)
          if a == b then return nil end
          if type(a) ~= "table" or type(b) ~= "table" then return path end
          seen = seen or {}
          if seen[a] == b then return nil end
          seen[a] = b
          local keys_a, n_a = sorted_keys(a)
          local keys_b, n_b = sorted_keys(b)
          for i = 1, math.max(n_a, n_b) do
            local found = difference(a[i], b[i], path .. "[" .. i .. "]", seen)
            if found then return found end
          end
          for _, k in ipairs(keys_a) do
            local found = difference(a[k], b[k], path .. (type(k) == "string" and k:find("^[%a_][%w_]*$") and "." .. k or "[" .. show(k) .. "]"), seen)
            if found then return found end
          end
          for _, k in ipairs(keys_b) do
            if a[k] == nil then return path .. (type(k) == "string" and "." .. k or "[" .. show(k) .. "]") end
          end
          return nil
        end

        ---------------------------------------------------------------- results
        local Result = {__metatable = "result"}

        describe_result = function(r)
          local head = "status " .. tostring(r.status)
          if r.skip_reason then head = head .. " (" .. r.skip_reason .. ")" end
          if r.failure then
            local at = r.failure.file and (tostring(r.failure.file) .. (r.failure.line and r.failure.line > 0 and (":" .. r.failure.line) or "") .. ": ") or ""
            head = head .. " (" .. at .. tostring(r.failure.kind) .. ": " .. tostring(r.failure.message) .. ")"
          end
          if r.waiver then head = head .. " (waiver until " .. tostring(r.waiver.expires) .. ")" end
          local lines = {head}
          if #r.findings == 0 then
            lines[1] = head .. ", no findings"
          end
          for _, f in ipairs(r.findings) do
            local where = f.path or ("line " .. tostring(f.line))
            lines[#lines + 1] = f.level .. " at " .. where .. ": " .. f.message
          end
          return table.concat(lines, "\n")
        end

        local function run(rule_id, system, options)
          -- A mistake in the call is reported at the test's line, not here.
          local ok, result = pcall(host.run, rule_id, system, options)
          if not ok then error(result, 2) end
          return setmetatable(result, Result)
        end

        """#

    /// `describe`, `it`, `before_each`, `after_each`, and the registry of a file's tests.
    static let declarations = #"""
        ---------------------------------------------------------------- declaring tests
        local function new_file()
          local tests = {}
          local root = {befores = {}, afters = {}}
          local stack = {root}

          local function declaring(what)
            if host.running() then
              error(what .. " declares tests: call it at the top of the file or inside describe, not inside a test", 3)
            end
          end

          local function arguments(what, name, fn)
            if type(name) ~= "string" then error(what .. " expects a name (a string) first, got " .. type(name), 3) end
            if type(fn) ~= "function" then error(what .. "(" .. quote(name) .. ", ...) expects a function second, got " .. type(fn), 3) end
          end

          local env = {}
          function env.describe(name, fn)
            arguments("describe", name, fn)
            declaring("describe")
            stack[#stack + 1] = {name = name, befores = {}, afters = {}}
            fn()
            stack[#stack] = nil
          end

          function env.it(name, fn)
            arguments("it", name, fn)
            declaring("it")
            local _, line = host.where()
            local frames = {}
            for i = 1, #stack do frames[i] = stack[i] end
            tests[#tests + 1] = {name = name, fn = fn, frames = frames, line = line}
          end

          function env.before_each(fn)
            if type(fn) ~= "function" then error("before_each expects a function, got " .. type(fn), 2) end
            declaring("before_each")
            local list = stack[#stack].befores
            list[#list + 1] = fn
          end

          function env.after_each(fn)
            if type(fn) ~= "function" then error("after_each expects a function, got " .. type(fn), 2) end
            declaring("after_each")
            local list = stack[#stack].afters
            list[#list + 1] = fn
          end

          env.expect = expect
          env.run = run
          env.system = host.system
          env.fixture = host.fixture

          --- The tests declared, each with its full name and its before_each (outermost first) and
          --- after_each (innermost first) functions, once the whole file has run.
          local function collect()
            local collected = {}
            for _, test in ipairs(tests) do
              local names, befores, afters = {}, {}, {}
              for _, frame in ipairs(test.frames) do
                if frame.name then names[#names + 1] = frame.name end
                for _, f in ipairs(frame.befores) do befores[#befores + 1] = f end
              end
              for i = #test.frames, 1, -1 do
                for _, f in ipairs(test.frames[i].afters) do afters[#afters + 1] = f end
              end
              names[#names + 1] = test.name
              collected[#collected + 1] = {
                name = table.concat(names, " "), fn = test.fn, befores = befores, afters = afters, line = test.line,
              }
            end
            return collected
          end

          return env, collect
        end

        --- Whether a test's full name matches --filter: a substring, or a Lua pattern.
        local function matches(name, pattern)
          if name:find(pattern, 1, true) then return true end
          local ok, found = pcall(string.find, name, pattern)
          return ok and found ~= nil
        end

        return {new_file = new_file, matches = matches}
        """#
}
