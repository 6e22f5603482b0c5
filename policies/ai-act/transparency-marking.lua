-- AI Act Art. 50(2): synthetic audio, image, video or text an AI system generates is marked as such, machine-readably.
local calendar = require("calendar")
local classification = require("classification")

local function generates_for_public(component)
  return #component.generates > 0 and classification.direct_interaction(component)
end

---@type cadre.Rule
return {
  id = "ai-act.transparency.marking",
  title = "Content the AI generates is marked as AI-generated",
  description = "Providers of AI systems, including general-purpose AI systems, generating synthetic audio, image, video or text content ensure that the outputs are marked in a machine-readable format and detectable as artificially generated or manipulated (code of practice on marking and labelling, 10 Jun 2026). A deployer checks that the system it deploys does so. Under the digital omnibus, generative systems placed on the market before 2 August 2026 have until 2 December 2026 (new Art. 111(4)). Content that only assists an agent, who reviews and sends it, is out of this rule's scope. The transition is for systems placed on the market before 2 August 2026; descriptors record when a system went into service (`in_service_since`), not when it was placed on the market, and a system in service before that date was placed on the market (or put into service) before it, so the rule reads the service date as the latest market date (README: decisions).",
  severity = "medium",
  references = {
    { "AI Act Art. 50(2)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 111(4) (as amended by Regulation (EU) 2026/1744)", url = "https://eur-lex.europa.eu/eli/reg/2026/1744/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.transparency },
  remediation = "Mark generated audio, images and text machine-readably (watermark, metadata) and set `marks_output: true`; as a deployer, require it from the provider.",
  tags = { "transparency", "generative" },
  applies = function(system)
    return cadre.find(system.ai, generates_for_public) ~= nil
  end,
  check = function(system, ctx)
    local dates = calendar.dates
    for _, component in ipairs(system.ai) do
      if generates_for_public(component) and component.marks_output ~= true then
        local since = component.in_service_since or system.in_service_since
        local where = cadre.at(component, "marks_output")
        local what = table.concat(component.generates, ", ")
        if since and since < dates.transparency and ctx.as_of < dates.marking_existing then
          ctx:info(where, "'%s' generates %s without marking it; in service since %s, so placed on the market before %s (Art. 111(4) transition), it must be marked from %s",
            component.id, what, since, dates.transparency, dates.marking_existing)
        elseif system.role == "provider" then
          ctx:fail(where, "'%s' generates %s that is not marked as AI-generated", component.id, what)
        else
          ctx:warn(where, "'%s' generates %s that is not marked as AI-generated: its provider must mark it", component.id, what)
        end
      end
    end
  end,
}
