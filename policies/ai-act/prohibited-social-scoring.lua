-- AI Act Art. 5(1)(c): no AI system scores people on their social behaviour or personal traits, leading to unjustified or unrelated detrimental treatment.
local calendar = require("calendar")
local matches = cadre.taxonomy.matches

-- Behaviour data that says something of people's social life when it comes from outside the
-- relationship (another organisation, public sources); a shop's own record of what its customers
-- browse and buy on its site is the context the data was generated in, not social scoring.
local behaviour = { "user.behavior.browsing_history", "user.behavior.media_consumption", "user.behavior.search_history" }

local function from_outside(item)
  return item.source == "public" or item.source == "third_party"
end

-- Whether `item` says something of people's social behaviour or traits gathered outside the
-- relationship: social-network data, or data from public sources or other organisations about behaviour.
local function social(item)
  if matches(item.category, "user.social") or item.source == "public" then return true end
  return from_outside(item) and cadre.find(behaviour, function(category) return matches(item.category, category) end) ~= nil
end

-- Whether the data item `item` is an input of `component`: it serves one of the component's
-- purposes. A component that names no purpose does not say what it reads: every item counts.
local function input_of(system, component, item)
  local ids = {}
  for _, purpose in ipairs(system:purposes_of(component)) do ids[purpose.id] = true end
  if next(ids) == nil then return #component.purposes == 0 end
  return cadre.find(item.purposes, function(id) return ids[id] end) ~= nil
end

-- The first input of `component` about people's social behaviour or traits, or nil.
local function social_input(system, component)
  return cadre.find(system.data, function(item) return social(item) and input_of(system, component, item) end)
end

local function scores_with_effect(component)
  return (component.effect == "significant" or component.effect == "legal")
    and #component.infers > 0 and #component.about > 0
end

---@type cadre.Rule
return {
  id = "ai-act.prohibited.social-scoring",
  title = "No social scoring of customers",
  description = "AI systems evaluating or classifying people over a period of time based on their social behaviour or known, inferred or predicted personal characteristics are prohibited where the resulting score leads to detrimental or unfavourable treatment in social contexts unrelated to those in which the data was generated, or treatment unjustified or disproportionate to their social behaviour. Only the data the scoring component takes in counts: the data items serving its purposes (all the system's data when it names no purpose); social data the system holds for another purpose does not make a score social scoring. A score with significant effects on customers built from their social-media activity, public profiles or behaviour recorded by others is such a case. A shop scoring its own customers on what they bought and browsed on its own site, to make them offers, is not: the data stays in the context it was generated in.",
  severity = "critical",
  references = {
    { "AI Act Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "Commission guidelines on prohibited AI practices (4 Feb 2025)", url = "https://digital-strategy.ec.europa.eu/en/library/commission-publishes-guidelines-prohibited-artificial-intelligence-ai-practices-defined-ai-act" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.prohibitions },
  remediation = "Remove social-behaviour data from scores that affect customers, or remove the effect (no decision based on the score).",
  tags = { "prohibited", "scoring" },
  applies = function(system)
    return cadre.find(system.ai, function(component) return social_input(system, component) ~= nil end) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local item = social_input(system, component)
      if item and scores_with_effect(component) then
        ctx:fail({component, "effect"}, "'%s' scores people with a %s effect on inputs that include %s%s",
          component.id, component.effect, item.category,
          item.source == "public" and " from public sources" or item.source == "third_party" and " from another organisation" or "")
      end
    end
  end,
}
