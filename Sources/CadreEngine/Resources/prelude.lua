-- The Lua side of the `cadre` API, run once in each worker's state (CadrePrelude.swift loads it).
--
-- It receives the host's functions (`host`, CadreLibrary.swift) and returns the `cadre` library,
-- the methods of a system and the functions of `ctx`. docs/rules.md and types/cadre.lua describe
-- what a rule sees; RuleAPITests holds both to what this file and the host really offer.
local host = ...
local cadre = {}

---------------------------------------------------------------- durations
local Duration = {__metatable = "duration"}
Duration.__index = Duration

local function duration(value, level)
  if getmetatable(value) == "duration" then return value end
  if type(value) ~= "string" then
    error("expected an ISO 8601 duration such as 'P6M', got " .. type(value), level or 2)
  end
  local months, seconds, average, problem = host.duration(value)
  if problem then error(problem, level or 2) end
  return setmetatable({text = value, months = months, seconds = seconds, average = average}, Duration)
end
-- In parentheses, not a tail call: level 3 is then the caller, whose line the error names.
cadre.duration = function(value) return (duration(value, 3)) end

Duration.__lt = function(a, b) return duration(a, 3).average < duration(b, 3).average end
Duration.__le = function(a, b) return duration(a, 3).average <= duration(b, 3).average end
Duration.__eq = function(a, b) return a.months == b.months and a.seconds == b.seconds end
Duration.__tostring = function(d) return d.text end

local function order(a, b)
  if a > b then return "longer" elseif a < b then return "shorter" end
  return "equal"
end

--- How this duration compares with `other` whatever the start date: "longer", "shorter",
--- "equal", "longer_or_equal", "shorter_or_equal" or "depends_on_start_date" (P1M and P30D).
--- Days against days (the same months) and months against months need no calendar; only mixed
--- ones (P180D against P6M) ask the host, which compares them over every start date.
function Duration:compare(other)
  other = duration(other, 3)
  if self.months == other.months then return order(self.seconds, other.seconds) end
  if self.seconds == 0 and other.seconds == 0 then return order(self.months, other.months) end
  return host.relation(self.text, other.text)
end

--- Whether this duration can last longer than `other` for some start date: what a maximum asks.
function Duration:can_exceed(other)
  local relation = self:compare(other)
  return relation == "longer" or relation == "longer_or_equal" or relation == "depends_on_start_date"
end

--- Whether this duration lasts at least `other` from every start date: what a minimum asks.
function Duration:at_least(other)
  local relation = self:compare(other)
  return relation == "longer" or relation == "longer_or_equal" or relation == "equal"
end

---------------------------------------------------------------- dates
local Date = {__metatable = "date"}
Date.__index = Date

local function date(value, level)
  if getmetatable(value) == "date" then return value end
  if type(value) ~= "string" then
    error("expected an ISO 8601 date such as '2026-08-02', got " .. type(value), level or 2)
  end
  local year, month, day, number, problem = host.date(value)
  if problem then error(problem, level or 2) end
  return setmetatable({text = value, year = year, month = month, day = day, number = number}, Date)
end
cadre.date = function(value) return (date(value, 3)) end

Date.__lt = function(a, b) return date(a, 3).number < date(b, 3).number end
Date.__le = function(a, b) return date(a, 3).number <= date(b, 3).number end
Date.__eq = function(a, b) return a.number == b.number end
Date.__tostring = function(d) return d.text end

--- The date `d` (a duration) later; the end of the month when the day does not exist.
function Date:add(d)
  local text, problem = host.add(self.text, duration(d, 3).text, 1)
  if problem then error(problem, 2) end
  return date(text)
end

--- The date `d` (a duration) earlier: `cadre.date(ctx.as_of):sub("P6M")` is the retention cut-off.
function Date:sub(d)
  local text, problem = host.add(self.text, duration(d, 3).text, -1)
  if problem then error(problem, 2) end
  return date(text)
end

--- Days from this date to `other` (negative when `other` is earlier).
function Date:days_until(other) return date(other, 3).number - self.number end

---------------------------------------------------------------- taxonomy
local taxonomy = {}
cadre.taxonomy = taxonomy

--- Whether `key` is `ancestor` or below it (`user.contact.email` matches `user.contact`).
local function matches(key, ancestor)
  if type(key) ~= "string" or type(ancestor) ~= "string" then return false end
  return key == ancestor or (#key > #ancestor and key:sub(1, #ancestor + 1) == ancestor .. ".")
end
taxonomy.matches = matches

--- `"article_9"` when `key` is a special category of GDPR Art. 9, `"article_10"` for criminal data
--- (Art. 10), else nil.
taxonomy.special = host.special

--- Whether the taxonomy holds `key` ("category", "use" or "subject").
taxonomy.known = host.known

--- The name of `key` in the taxonomy, or nil.
taxonomy.name = host.term_name

---------------------------------------------------------------- people
local people = {}
cadre.people = people

--- Whether the data subject `subject` works for the organisation: employees (customer-service
--- agents among them) and consultants.
function people.worker(subject)
  return matches(subject, "employee") or matches(subject, "consultant")
end

--- Whether the data subject `subject` is someone outside the organisation: customers, callers,
--- prospects…
function people.outsider(subject)
  return not people.worker(subject)
end

---------------------------------------------------------------- lists
--- The first element of `list` for which `test(element)` is true, or nil.
function cadre.find(list, test)
  for _, element in ipairs(list) do
    if test(element) then return element end
  end
  return nil
end

--- Whether `list` holds `value`.
function cadre.has(list, value)
  for _, element in ipairs(list) do
    if element == value then return true end
  end
  return false
end

---------------------------------------------------------------- where findings point
--- Where a finding points: `path` below `node` (a key, or keys joined by dots:
--- `"notices.recording_announcement"`), as far as the descriptor goes. When the descriptor has
--- the whole path: the line of its value (or the node it is). Otherwise: `otherwise` when given,
--- else the deepest node the path reached — `node` itself when its first key is absent, nil when
--- `node` is nil. Digits in a path are positions in a list (`"data.1.retention"`).
function cadre.at(node, path, otherwise)
  if type(path) ~= "string" then
    error("bad argument #2 to 'at' (a key or a dotted path expected, got " .. type(path) .. ")", 2)
  end
  if node == nil then return otherwise end
  if type(node) ~= "table" then
    error("bad argument #1 to 'at' (a node of the system expected, got " .. type(node) .. ")", 2)
  end
  local keys = {}
  for name in path:gmatch("[^.]+") do keys[#keys + 1] = name:find("^%d+$") and tonumber(name) or name end
  local reached = node
  for i, key in ipairs(keys) do
    local value = reached[key]
    if value == nil or (type(value) ~= "table" and i < #keys) then return otherwise or reached end
    if type(value) ~= "table" then return {reached, key} end
    reached = value
  end
  return reached
end

---------------------------------------------------------------- system methods
local System = {}

-- The elements of `list` for which `test(element)` is true, in order.
local function filter(list, test)
  local found = {}
  for _, element in ipairs(list) do
    if test(element) then found[#found + 1] = element end
  end
  return found
end

--- Whether the system declares data of `category` (or below it).
function System:holds(category)
  return cadre.find(self.data, function(item) return matches(item.category, category) end) ~= nil
end

--- The data items of `category` (or below it).
function System:data_of(category)
  return filter(self.data, function(item) return matches(item.category, category) end)
end

--- The AI components of `kind` (every one when `kind` is nil).
function System:ai_of(kind)
  return filter(self.ai, function(component) return kind == nil or component.kind == kind end)
end

local function with_id(list, id)
  return cadre.find(list, function(node) return node.id == id end)
end

--- The purpose with id `id`, or nil.
function System:purpose(id)
  return with_id(self.purposes, id)
end

--- The purposes `part` (a data item or an AI component) names that the system declares, in
--- the part's order.
function System:purposes_of(part)
  local found = {}
  for _, id in ipairs(part.purposes) do
    local purpose = self:purpose(id)
    if purpose then found[#found + 1] = purpose end
  end
  return found
end

--- Whether a purpose declares the data use `use` (or below it).
function System:uses(use)
  for _, purpose in ipairs(self.purposes) do
    for _, declared in ipairs(purpose.uses) do
      if matches(declared, use) then return true end
    end
  end
  return false
end

--- Whether a data item, AI component or purpose concerns the data subject `subject`.
function System:concerns(subject)
  for _, item in ipairs(self.data) do
    for _, s in ipairs(item.subjects) do if matches(s, subject) then return true end end
  end
  for _, component in ipairs(self.ai) do
    for _, s in ipairs(component.interacts_with) do if matches(s, subject) then return true end end
    for _, s in ipairs(component.about) do if matches(s, subject) then return true end end
  end
  return false
end

--- The store with id `id`, or nil.
function System:store(id)
  return with_id(self.stores, id)
end

--- The tables (of every store) with a column of `category`, or free text declared to hold
--- it: each as `{store = id, table = node, name = name, columns = {...}, retention = ...}`.
function System:tables_holding(category)
  local found = {}
  for _, store in ipairs(self.stores) do
    for _, t in ipairs(store.tables) do
      local columns = {}
      for column, declared in pairs(t.columns) do
        if matches(declared, category) then columns[#columns + 1] = column end
      end
      if #columns > 0 then
        found[#found + 1] = {store = store.id, table = t, node = t, name = t.name, columns = columns,
                             retention = t.retention}
      end
    end
  end
  return found
end

--- The processors outside the EEA (`country` not in the EEA list).
function System:processors_outside_eea()
  local found = {}
  for _, processor in ipairs(self.processors) do
    if processor.country and not host.in_eea(processor.country) then found[#found + 1] = processor end
  end
  return found
end

---------------------------------------------------------------- ctx
local function message(fmt, ...)
  if select("#", ...) == 0 then return tostring(fmt) end
  return string.format(fmt, ...)
end

local function record(level, where, fmt, ...)
  if type(where) == "string" and fmt == nil then
    return host.record(level, nil, nil, where)
  end
  if type(where) == "string" then
    return host.record(level, nil, nil, message(where, fmt, ...))
  end
  local node, key, evidence = where, nil, nil
  if type(where) == "table" and getmetatable(where) ~= "read-only" then
    node, key, evidence = where.node or where[1], where.key or where[2], where.evidence
  end
  return host.record(level, node, key, message(fmt, ...), evidence)
end

local ctx = {}
--- A finding: something wrong. `where` is the descriptor node it points at (or
--- `{node, "key"}`), `fmt` and the rest are string.format's.
function ctx.fail(_, where, fmt, ...) record("fail", where, fmt, ...) end
--- A finding: something to watch.
function ctx.warn(_, where, fmt, ...) record("warn", where, fmt, ...) end
--- A finding: something to know.
function ctx.info(_, where, fmt, ...) record("info", where, fmt, ...) end

return {cadre = cadre, system = System, ctx = ctx}
