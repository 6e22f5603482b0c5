-- AI Act Art. 5(1)(a): no AI system deploys manipulative or deceptive techniques that materially distort people's behaviour and cause significant harm.
local calendar = require("calendar")
local classification = require("classification")

local psychological = { emotion = true, stress = true, personality = true, vulnerability = true }

local function reads_minds(component)
  if not cadre.find(component.about, cadre.people.outsider) then return nil end
  for _, inference in ipairs(component.infers) do
    if psychological[inference] then return inference end
  end
  return nil
end

local function reads_minds_to_sell(system, component)
  local inference = reads_minds(component)
  if inference == nil then return nil end
  local use = classification.serves(system, component, {"marketing", "sales"})
  if use then return inference, use end
  return nil
end

---@type cadre.Rule
return {
  id = "ai-act.prohibited.manipulation",
  title = "No manipulative or deceptive AI techniques",
  description = "Placing on the market, putting into service or using an AI system that deploys subliminal techniques, or purposefully manipulative or deceptive techniques, with the objective or effect of materially distorting people's behaviour by appreciably impairing their ability to make an informed decision, causing them to take a decision they would not otherwise have taken in a manner that causes or is likely to cause significant harm, is prohibited. An AI that reads customers' emotions, stress or personality to sell to them is where such techniques arise: this rule flags it for a documented review; it cannot prove manipulation from a descriptor.",
  severity = "critical",
  references = {
    { "AI Act Art. 5(1)(a)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "Commission guidelines on prohibited AI practices (4 Feb 2025)", url = "https://digital-strategy.ec.europa.eu/en/library/commission-publishes-guidelines-prohibited-artificial-intelligence-ai-practices-defined-ai-act" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.prohibitions },
  remediation = "Review how the inferences are used in selling: no pressure tactics keyed to emotions or weaknesses, no deception; document the review, or stop using those inferences for sales.",
  tags = { "prohibited", "marketing" },
  applies = function(system)
    return cadre.find(system.ai, reads_minds) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local inference, use = reads_minds_to_sell(system, component)
      if inference then
        ctx:warn({component, "infers"}, "'%s' infers customers' %s for %s: review it for manipulative techniques (Art. 5(1)(a))", component.id, inference, use)
      end
    end
  end,
}
