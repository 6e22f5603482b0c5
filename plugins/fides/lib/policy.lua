-- fides.policy: Fides policy rules as cadre rules, with the verdicts of `fides evaluate`.
--
-- A Fides rule (fideslang PolicyRule) names data categories, data uses and data subjects, each
-- with `matches`: ANY, ALL, NONE or OTHER. For every privacy declaration of a system — and every
-- dataset, collection and field the declaration references — each of the three is compared;
-- the declaration violates the rule when all three comparisons return something. Categories and
-- uses match hierarchically (a rule on `user.contact` matches `user.contact.email`); subjects do
-- not. This follows fides/core/evaluate.py (Fides 2.78): see plugins/fides/README.md.
local declarations = require("declarations")
local M = {}

--- `key` and its ancestors, by the dots: user.contact.email, user.contact, user. (Plain
--- `find`, not a pattern: this runs for every declared key of every rule.)
local function hierarchy(key)
  local dots = {}
  local at = string.find(key, ".", 1, true)
  while at do
    dots[#dots + 1] = at
    at = string.find(key, ".", at + 1, true)
  end
  local keys = { key }
  for i = #dots, 1, -1 do keys[#keys + 1] = string.sub(key, 1, dots[i] - 1) end
  return keys
end

local function sorted(list)
  local copy = {}
  for i, v in ipairs(list) do copy[i] = v end
  table.sort(copy)
  return copy
end

--- `{[value] = true}` for each of `values`.
local function set(values)
  local wanted = {}
  for _, v in ipairs(values or {}) do wanted[v] = true end
  return wanted
end

--- Fides' compare_rule_to_declaration: the declared keys that make the rule match, or {}.
--- ANY: the declared keys the rule's values cover; ALL: those, when every declared key is
--- covered; NONE: the declared keys, when none is covered; OTHER: the keys not covered.
function M.compare(values, matches, declared, hierarchical)
  return M.compare_set(set(values), matches, declared, hierarchical)
end

--- `compare` with the rule's values already a set (`{[value] = true}`): a rule builds its sets
--- once, not for every declaration it is compared with.
function M.compare_set(wanted, matches, declared, hierarchical)
  local matched, mismatched, seen = {}, {}, {}
  for _, key in ipairs(declared) do
    local covered = false
    for _, k in ipairs(hierarchical and hierarchy(key) or { key }) do
      if wanted[k] then
        covered = true
        break
      end
    end
    if not seen[key] then
      seen[key] = true
      if covered then matched[#matched + 1] = key else mismatched[#mismatched + 1] = key end
    end
  end
  if matches == "ANY" then return matched end
  if matches == "ALL" then
    -- Fides compares the distinct keys matched with the number of keys declared.
    if #matched == #declared then return matched end
    return {}
  end
  if matches == "NONE" then
    if #matched == 0 then return mismatched end
    return {}
  end
  if matches == "OTHER" then return mismatched end
  error("matches must be ANY, ALL, NONE or OTHER, not " .. tostring(matches), 2)
end

--- The sets of a rule's values: `{data_categories = {[key] = true}, data_uses = …, data_subjects = …}`.
function M.sets(rule)
  return {
    data_categories = set(rule.data_categories.values), data_uses = set(rule.data_uses.values),
    data_subjects = set(rule.data_subjects.values),
  }
end

--- The violation of `rule` by data of `categories` used for `use` about `subjects`, or nil.
--- `sets`: `M.sets(rule)`, when the caller keeps them.
function M.violation(rule, categories, use, subjects, sets)
  sets = sets or M.sets(rule)
  local c = M.compare_set(sets.data_categories, rule.data_categories.matches, categories, true)
  local u = M.compare_set(sets.data_uses, rule.data_uses.matches, { use }, true)
  local s = M.compare_set(sets.data_subjects, rule.data_subjects.matches, subjects, false)
  if #c > 0 and #u > 0 and #s > 0 then
    return { data_categories = sorted(c), data_uses = sorted(u), data_subjects = sorted(s) }
  end
  return nil
end

--- Fides' violation detail.
local function detail(declaration, system, rule, policy, where, violation)
  return string.format(
    "Declaration (%s) of system (%s) failed rule (%s) from policy (%s)%s. Violated usage of data categories (%s) for data uses (%s) and subjects (%s)",
    declaration.name, system.id, rule.name, policy.fides_key, where,
    table.concat(violation.data_categories, ","), table.concat(violation.data_uses, ","),
    table.concat(violation.data_subjects, ","))
end

--- Every violation of `rule` (of `policy`) by `system`, as Fides finds them: each
--- `{where = node or {node, key}, message = detail, violation = {...}}`.
function M.violations(policy, rule, system, sets)
  sets = sets or M.sets(rule)
  local found = {}
  local function check(declaration, categories, node, where)
    if #categories == 0 and where ~= "" then return end
    local violation = M.violation(rule, categories, declaration.use, declaration.subjects, sets)
    if violation then
      found[#found + 1] = {
        where = node, violation = violation,
        message = detail(declaration, system, rule, policy, where, violation),
      }
    end
  end
  for _, declaration in ipairs(declarations.of(system)) do
    check(declaration, declaration.categories, { declaration.purpose, "uses" }, "")
    for _, dataset in ipairs(declaration.datasets) do
      check(declaration, dataset.categories, dataset.node, " for dataset (" .. dataset.id .. ")")
      for _, collection in ipairs(dataset.collections) do
        check(declaration, collection.categories, collection.node, " for dataset collection (" .. collection.name .. ")")
        for _, field in ipairs(collection.fields) do
          check(declaration, field.categories, { field.node, field.column }, " for dataset field (" .. field.name .. ")")
        end
      end
    end
  end
  return found
end

local function slug(text)
  local s = text:lower():gsub("[^a-z0-9_]+", "-"):gsub("^-+", ""):gsub("-+$", "")
  return s
end
M.slug = slug

--- The cadre rule for the rule named `name` of a Fides `policy` (a table as in a Fides policy
--- file). `options`: `id` (required: the pack's id, a dot, the rest), `severity` (default
--- "high": a violation fails `fides evaluate`), `references`, `remediation`.
function M.rule(policy, name, options)
  options = options or {}
  if type(options.id) ~= "string" then
    error("fides.policy.rule: options.id is required (the pack's id, a dot, the rest)", 2)
  end
  local rule
  for _, r in ipairs(policy.rules or {}) do
    if r.name == name then rule = r end
  end
  if not rule then
    error(string.format("policy %s has no rule named %q", tostring(policy.fides_key), tostring(name)), 2)
  end
  for _, part in ipairs({ "data_categories", "data_uses", "data_subjects" }) do
    local p = rule[part]
    if type(p) ~= "table" or type(p.values) ~= "table" then
      error(string.format("rule %q of policy %s: %s needs `matches` and `values`", name, tostring(policy.fides_key), part), 2)
    end
    if p.matches ~= "ANY" and p.matches ~= "ALL" and p.matches ~= "NONE" and p.matches ~= "OTHER" then
      error(string.format("rule %q of policy %s: %s.matches must be ANY, ALL, NONE or OTHER, not %s", name,
        tostring(policy.fides_key), part, tostring(p.matches)), 2)
    end
  end
  local sets = M.sets(rule)
  return {
    id = options.id,
    title = name,
    description = rule.description or ("Rule " .. name .. " of the Fides policy " .. tostring(policy.fides_key)),
    severity = options.severity or "high",
    references = options.references or { "Fides policy " .. tostring(policy.fides_key) .. ", rule " .. name },
    remediation = options.remediation,
    tags = { "fides" },
    check = function(system, ctx)
      for _, v in ipairs(M.violations(policy, rule, system, sets)) do
        ctx:fail(v.where, v.message)
      end
    end,
  }
end

--- Every rule of `policy` as cadre rules, with ids `prefix` .. "." .. the rule's name in lower
--- case (`prefix` is the pack's id) and the same `options` otherwise.
function M.rules(policy, prefix, options)
  local rules = {}
  for _, r in ipairs(policy.rules or {}) do
    local own = {}
    for k, v in pairs(options or {}) do own[k] = v end
    own.id = prefix .. "." .. slug(r.name)
    rules[#rules + 1] = M.rule(policy, r.name, own)
  end
  return rules
end

return M
