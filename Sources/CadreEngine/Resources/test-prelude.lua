-- The Lua side of `cadre test`, run once in each pack's test state (TestPrelude.swift loads it).
--
-- It receives the host's functions (`host`, TestLibrary.swift) and returns `new_file`, which makes
-- the functions one test file sees (`describe`, `it`, `before_each`, `after_each`, `expect`,
-- `system`, `fixture`, `run`) with the registry of the tests the file declares, and `matches`, the
-- `--filter` test. docs/rules.md ("Testing rules") describes the API.
local host = ...

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

---------------------------------------------------------------- expectations
local FAILED = "expectation failed"

local function check(passed, message, expected, actual)
  host.expectation(passed and true or false, message, expected, actual)
  if not passed then error(FAILED .. ": " .. message, 0) end
end

local function result_of(e, matcher)
  local r = e.value
  if getmetatable(r) ~= "result" then
    check(false, matcher .. " expects the result of run(rule_id, system)", "a result of run(...)", show(r))
  end
  return r
end

local function has_finding(r, level, text)
  for _, f in ipairs(r.findings) do
    if f.level == level and (text == nil or f.message:find(text, 1, true)) then return true end
  end
  return false
end

local skip_reasons = {["not-applicable"] = true, ["not-yet-in-force"] = true, ["no-longer-in-force"] = true}

local matchers = {}

function matchers.to_pass(e)
  local r = result_of(e, "to_pass")
  check(r.status == "pass", "expected the rule to pass", "status pass", describe_result(r))
end

function matchers.to_fail(e)
  local r = result_of(e, "to_fail")
  check(r.status == "fail", "expected the rule to fail", "status fail", describe_result(r))
end

function matchers.to_fail_with(e, text)
  if type(text) ~= "string" then error("to_fail_with expects the text of a finding, got " .. type(text), 3) end
  local r = result_of(e, "to_fail_with")
  check(r.status == "fail" and has_finding(r, "fail", text),
    "expected the rule to fail with " .. quote(text),
    "status fail, with a fail finding containing " .. quote(text), describe_result(r))
end

function matchers.to_warn(e)
  local r = result_of(e, "to_warn")
  check(r.status == "warn", "expected the rule to warn", "status warn", describe_result(r))
end

function matchers.to_warn_with(e, text)
  if type(text) ~= "string" then error("to_warn_with expects the text of a finding, got " .. type(text), 3) end
  local r = result_of(e, "to_warn_with")
  check(r.status == "warn" and has_finding(r, "warn", text),
    "expected the rule to warn with " .. quote(text),
    "status warn, with a warn finding containing " .. quote(text), describe_result(r))
end

function matchers.to_be_skipped(e, reason)
  if reason ~= nil and not skip_reasons[reason] then
    error("to_be_skipped: reason " .. show(reason) .. " is not one of not-applicable, not-yet-in-force, no-longer-in-force", 3)
  end
  local r = result_of(e, "to_be_skipped")
  check(r.status == "skipped" and (reason == nil or r.skip_reason == reason),
    "expected the rule to be skipped" .. (reason and " (" .. reason .. ")" or ""),
    "status skipped" .. (reason and " (" .. reason .. ")" or ""), describe_result(r))
end

function matchers.to_be_waived(e)
  local r = result_of(e, "to_be_waived")
  check(r.status == "waived", "expected the rule to be waived", "status waived", describe_result(r))
end

function matchers.to_error(e, kind)
  if kind ~= nil and type(kind) ~= "string" then error("to_error expects a kind such as \"runtime\", got " .. type(kind), 3) end
  local r = result_of(e, "to_error")
  check(r.status == "error" and (kind == nil or (r.failure and r.failure.kind == kind)),
    "expected the rule to raise an error" .. (kind and " (" .. kind .. ")" or ""),
    "status error" .. (kind and " (" .. kind .. ")" or ""), describe_result(r))
end

function matchers.to_have_findings(e, n)
  if math.type(n) ~= "integer" then error("to_have_findings expects a number of findings, got " .. show(n), 3) end
  local r = result_of(e, "to_have_findings")
  check(#r.findings == n, "expected " .. n .. " finding" .. (n == 1 and "" or "s") .. ", got " .. #r.findings,
    n .. " finding" .. (n == 1 and "" or "s"), describe_result(r))
end

function matchers.to_point_at(e, where)
  if type(where) ~= "string" and math.type(where) ~= "integer" then
    error("to_point_at expects a path such as \"data[1].retention\" or a line number, got " .. show(where), 3)
  end
  local r = result_of(e, "to_point_at")
  local found = false
  for _, f in ipairs(r.findings) do
    if (type(where) == "string" and f.path == where) or (type(where) == "number" and f.line == where) then found = true end
  end
  local target = type(where) == "string" and where or "line " .. where
  check(found, "expected a finding at " .. target, "a finding at " .. target, describe_result(r))
end

function matchers.to_be(e, expected)
  check(e.value == expected, "expected " .. show(expected) .. ", got " .. show(e.value), show(expected), show(e.value))
end

function matchers.to_equal(e, expected)
  local where = difference(e.value, expected, "")
  local message = "expected the values to be equal"
  if where and where ~= "" then message = message .. "; they differ at " .. where:gsub("^%.", "") end
  check(where == nil, message, show(expected), show(e.value))
end

function matchers.to_be_truthy(e)
  check(e.value ~= nil and e.value ~= false, "expected a truthy value, got " .. show(e.value), "anything but nil and false", show(e.value))
end

function matchers.to_be_falsy(e)
  check(e.value == nil or e.value == false, "expected nil or false, got " .. show(e.value), "nil or false", show(e.value))
end

function matchers.to_contain(e, item)
  local value, found = e.value, false
  if type(value) == "string" then
    if type(item) ~= "string" then error("to_contain on a string expects a string, got " .. type(item), 3) end
    found = value:find(item, 1, true) ~= nil
  elseif type(value) == "table" then
    for _, element in pairs(value) do
      if difference(element, item, "") == nil then found = true break end
    end
  end
  check(found, "expected " .. show(value) .. " to contain " .. show(item), "containing " .. show(item), show(value))
end

local names = {}
for name in pairs(matchers) do names[#names + 1] = name end
table.sort(names)

local Expectation = {__metatable = "expectation"}
Expectation.__index = function(self, key)
  if key == "value" then return nil end
  local matcher = matchers[key]
  if matcher == nil then
    error("no matcher '" .. tostring(key) .. "' (matchers: " .. table.concat(names, ", ") .. ")", 2)
  end
  -- expect(x):to_pass() and expect(x).to_pass() both work.
  return function(first, ...)
    if rawequal(first, self) then matcher(self, ...) else matcher(self, first, ...) end
    return self
  end
end

local function expect(...)
  if select("#", ...) == 0 then error("expect() needs the value to check", 2) end
  if not host.running() then error("expect() is for inside a test: call it in it(name, function() ... end)", 2) end
  return setmetatable({value = (...)}, Expectation)
end

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

