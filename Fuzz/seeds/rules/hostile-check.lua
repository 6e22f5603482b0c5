-- Seed: a rule whose functions try to break out: loops, memory, errors, metatables, the store.
return {
  id = "gdpr.fuzz.hostile",
  title = "Hostile",
  severity = "critical",
  references = { "none" },
  applies = function(system)
    setmetatable({}, { __index = function(t, k) return t[k] end })
    return pcall(function() local s = "x" while true do s = s .. s end end) or true
  end,
  check = function(system, ctx)
    local ok = pcall(rawset, system, "id", "changed")
    local t = {}
    for i = 1, 1e6 do t[i] = string.rep("y", i % 64) end
    ctx:fail(system.data[1], string.format("%q", tostring(ok)), { evidence = t })
    ctx:store("calls"):count("recordings", { older_than = "P6M", column = "recorded_at" })
    error(setmetatable({}, { __tostring = function() while true do end end }))
  end,
}
