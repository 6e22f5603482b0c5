-- AI Act Art. 6(3): an AI system used in an Annex III area is high-risk unless it performs a narrow task without material influence, and always when it profiles people.
local calendar = require("calendar")
local classification = require("classification")

local function covered(system, component)
  for _, found in ipairs(classification.points(system, component)) do
    return found
  end
  return nil
end

local function candidate(system, component)
  local point, use = classification.area(system, component)
  if point == nil or classification.declares(component, point) or covered(system, component) then return nil end
  return point, use
end

local function in_area(system, component)
  return classification.area(system, component) ~= nil
end

---@type cadre.Rule
return {
  id = "ai-act.high-risk.profiling",
  title = "An AI component in an Annex III area is high-risk unless Art. 6(3) exempts it",
  description = "An AI system used in an area of Annex III (here, by the data uses of its purposes: evaluating or monitoring workers, allocating their tasks, credit assessment, life and health insurance pricing) is high-risk unless it does not pose a significant risk of harm because it performs a narrow procedural task, improves the result of a human activity, detects decision patterns without replacing human assessment, or performs a preparatory task. The exemption never applies to a system that profiles natural persons. A component that profiles people in such an area is high-risk; one that does not must have its exemption assessed and recorded. Unsettled: the text of Art. 6(3) is read, but how its four conditions apply (what is a narrow procedural or preparatory task, what materially influences a decision) is the subject of the Commission's guidelines on high-risk classification (Art. 6(5)), a draft of 19 May 2026 not final as of September 2026; the warning for a component that does not profile rests on that reading and may change with the final guidelines. That a profiling system is always high-risk is the text itself.",
  severity = "high",
  references = {
    { "AI Act Art. 6(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Annex III", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 6(5) (Commission guidelines on high-risk classification, draft of 19 May 2026)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "unsettled",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Declare the component's Annex III point (`annex_iii`), or, if it neither profiles nor materially influences decisions, record the Art. 6(3) assessment (a waiver with its reason).",
  tags = { "high-risk", "profiling" },
  applies = function(system)
    return cadre.find(system.ai, function(component) return in_area(system, component) end) ~= nil
  end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      local point, use = candidate(system, component)
      if point then
        local inference = classification.evaluation(component)
        if inference then
          ctx:fail({component, "purposes"}, "'%s' serves %s (Annex III %s) and profiles people (%s): it is high-risk, and Art. 6(3) cannot exempt it",
            component.id, use, point, inference)
        else
          ctx:warn({component, "purposes"}, "'%s' serves %s (Annex III %s): it is high-risk unless the Art. 6(3) exemption is assessed and recorded",
            component.id, use, point)
        end
      end
    end
  end,
}
