-- AI Act Art. 5(1)(c): no AI system scores people on their social behaviour or personal traits, leading to unjustified or unrelated detrimental treatment.
local calendar = require("calendar")
local matches = cadre.taxonomy.matches

-- Data about people's social behaviour or traits gathered outside the relationship with the customer.
local social = { "user.social", "user.behavior.browsing_history", "user.behavior.media_consumption", "user.behavior.search_history" }

local function social_item(system)
  for _, item in ipairs(system.data) do
    if item.source == "public" then return item end
    for _, category in ipairs(social) do
      if matches(item.category, category) then return item end
    end
  end
  return nil
end

local function scores_with_effect(component)
  return (component.effect == "significant" or component.effect == "legal")
    and #component.infers > 0 and #component.about > 0
end

return {
  id = "ai-act.prohibited.social-scoring",
  title = "No social scoring of customers",
  description = "AI systems evaluating or classifying people over a period of time based on their social behaviour or known, inferred or predicted personal characteristics are prohibited where the resulting score leads to detrimental or unfavourable treatment in social contexts unrelated to those in which the data was generated, or treatment unjustified or disproportionate to their social behaviour. A score with significant effects on customers built from their social-media activity, browsing or public profiles is such a case.",
  severity = "critical",
  references = { "AI Act Art. 5(1)(c)", "Commission guidelines on prohibited AI practices (4 Feb 2025)" },
  confidence = "secondary",
  effective = { from = calendar.dates.prohibitions },
  remediation = "Remove social-behaviour data from scores that affect customers, or remove the effect (no decision based on the score).",
  tags = { "prohibited", "scoring" },
  applies = function(system)
    return social_item(system) ~= nil and #system.ai > 0
  end,
  check = function(system, ctx)
    local item = social_item(system)
    for _, component in ipairs(system.ai) do
      if scores_with_effect(component) then
        ctx:fail({component, "effect"}, "'%s' scores people with a %s effect in a system fed with %s%s",
          component.id, component.effect, item.category, item.source == "public" and " from public sources" or "")
      end
    end
  end,
}
