-- GDPR Art. 22(4): solely automated decisions are not based on special categories of data, unless explicit consent or substantial public interest applies with safeguards.
local profiling = require("profiling")
local special = cadre.taxonomy.special

local allowed = { explicit_consent = true, substantial_public_interest = true }

local function sensitive_for(system, component)
  for _, item in ipairs(system.data) do
    if special(item.category) == "article_9" then
      if #component.purposes == 0 then return item end
      for _, a in ipairs(item.purposes) do
        for _, b in ipairs(component.purposes) do
          if a == b then return item end
        end
      end
    end
  end
  return nil
end

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.special-categories",
  title = "Solely automated decisions use special categories only with explicit consent or a substantial public interest",
  description = "Decisions based solely on automated processing with legal or similarly significant effects are not based on special categories of data (health, biometric data for identification, beliefs…) unless the person gave explicit consent (Art. 9(2)(a)) or the processing is necessary for reasons of substantial public interest under law (Art. 9(2)(g)), and suitable safeguards are in place.",
  severity = "critical",
  references = {
    { "GDPR Art. 22(4)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(2)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(2)(g)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Keep special categories out of the automated decision, or put a person in the loop; otherwise rest the purpose on `special_category_condition: explicit_consent` (or substantial_public_interest) with safeguards.",
  tags = { "automated-decisions", "special-categories" },
  applies = function(system)
    return cadre.find(system.ai, function(c) return profiling.solely_automated(c) and sensitive_for(system, c) ~= nil end) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local item = profiling.solely_automated(component) and sensitive_for(system, component)
      if item then
        local covered = #component.purposes > 0
        for _, id in ipairs(component.purposes) do
          local purpose = system:purpose(id)
          if purpose == nil or not allowed[purpose.special_category_condition or ""] then covered = false end
        end
        if not covered then
          ctx:fail({component, "decides"}, "'%s' decides alone on %s, a special category, without explicit consent or a substantial public interest", component.id, item.category)
        end
      end
    end
  end,
}
