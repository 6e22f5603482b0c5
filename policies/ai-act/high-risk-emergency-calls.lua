-- AI Act Annex III 5(d): AI that evaluates and classifies emergency calls or sets priorities in dispatching emergency services is high-risk.
local calendar = require("calendar")
local classification = require("classification")

local function find(text, terms)
  if type(text) ~= "string" then return nil end
  local lower = text:lower()
  for _, term in ipairs(terms) do
    if lower:find(term, 1, true) then return term end
  end
  return nil
end

local function triage(component)
  return component.kind == "classification" or component.kind == "routing"
end

---@type cadre.Rule
return {
  id = "ai-act.high-risk.emergency-calls",
  title = "AI triaging emergency calls is treated as high-risk (Annex III 5(d))",
  description = "AI systems intended to evaluate and classify emergency calls by natural persons, or to dispatch or establish priority in the dispatching of emergency first response services, are high-risk (Annex III 5(d)). An energy supplier's line for gas leaks is such a line. The descriptor format cannot say that a line handles emergencies, so this rule looks for emergency terms where a classifying or routing component says what it does, and asks for a review when the component does not declare 5(d).",
  severity = "high",
  references = {
    { "AI Act Annex III 5(d)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "If the component triages emergency calls, declare it high-risk (`annex_iii: [5d]`) and meet the deployer duties of Art. 26; otherwise record why not (a waiver with the reason).",
  tags = { "high-risk", "emergency" },
  applies = function(system)
    return cadre.find(system.ai, function(component)
      return triage(component) and not classification.declares(component, "5d")
    end) ~= nil
  end,
  check = function(system, ctx)
    local terms = pack.data.emergency_terms
    local context = find(system.description, terms) or find(system.name, terms)
    for _, component in ipairs(system.ai) do
      if triage(component) and not classification.declares(component, "5d") then
        local term = find(component.description, terms) or context
        if term == nil then
          for _, id in ipairs(component.purposes) do
            local purpose = system:purpose(id)
            term = term or (purpose and find(purpose.description, terms))
          end
        end
        if term then
          ctx:warn(component, "'%s' %s contacts where '%s' is mentioned: if it triages emergency calls it is high-risk (Annex III 5(d))",
            component.id, component.kind == "routing" and "routes" or "classifies", term)
        end
      end
    end
  end,
}
