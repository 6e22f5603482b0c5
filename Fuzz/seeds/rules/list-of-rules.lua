-- Seed: a file that returns a list of rules, one of them with problems.
local function rule(n, severity)
  return {
    id = "cnil.fuzz.rule-" .. n,
    title = "Rule " .. n,
    severity = severity,
    references = { "CNIL NS-57" },
    check = function(system, ctx)
      if #system.purposes > n then ctx:fail(system.purposes[n], "purpose %d", n) end
    end,
  }
end
return { rule(1, "low"), rule(2, "high"), rule(3, "hihg"), { id = "cnil.fuzz.bad", check = 42 } }
