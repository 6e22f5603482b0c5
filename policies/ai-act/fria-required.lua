-- AI Act Art. 27(1): before first use, public-service deployers and deployers of credit-scoring or insurance-pricing AI assess the impact on fundamental rights.
local calendar = require("calendar")
local classification = require("classification")

local function reason(system)
  local public = system.organisation and system.organisation.public_service == true
  for _, component in ipairs(system.ai) do
    if classification.high_risk(system, component) then
      for _, point in ipairs({"5b", "5c"}) do
        if classification.declares(component, point) then return point, component end
        for _, found in ipairs(classification.points(system, component)) do
          if found.point == point then return point, component end
        end
      end
      if public and not (#component.annex_iii == 1 and component.annex_iii[1] == "2") then
        return "public service", component
      end
    end
  end
  return nil
end

local states = { in_progress = "it is still in progress", planned = "it is only planned", not_required = "it was judged not required" }

---@type cadre.Rule
return {
  id = "ai-act.fria.required",
  title = "A fundamental rights impact assessment precedes the use of credit or insurance AI",
  description = "Prior to deploying a high-risk AI system of Annex III, deployers that are bodies governed by public law or private entities providing public services, and deployers of systems of Annex III 5(b) (creditworthiness, credit scoring) and 5(c) (life and health insurance pricing), perform an assessment of the impact on fundamental rights: the processes in which the system is used, the period and frequency of use, the categories of people affected, the specific risks of harm, the human oversight measures, and the measures if the risks materialise (Art. 27(1)(a)-(f)).",
  severity = "high",
  references = {
    { "AI Act Art. 27(1)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Annex III 5(b)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Annex III 5(c)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Carry out the FRIA (Art. 27(1)(a)-(f)) before use, record it in `assessments.fria` (status done, date, ref) and notify the market surveillance authority.",
  tags = { "high-risk", "fria" },
  applies = function(system) return reason(system) ~= nil end,
  check = function(system, ctx)
    local why, component = reason(system)
    local fria = system.assessments and system.assessments.fria
    local label = why == "public service" and "a public service deploying a high-risk system" or "Annex III " .. why
    if fria == nil or fria.status == nil then
      return ctx:fail(cadre.at(system, "assessments", component), "'%s' requires a FRIA (%s), and there is none", component.id, label)
    end
    if fria.status == "done" then
      if fria.date and fria.date > ctx.as_of then
        ctx:fail({fria, "date"}, "'%s' requires a FRIA (%s); the one on record is dated %s, after %s", component.id, label, fria.date, ctx.as_of)
      end
      return
    end
    local level = (system.status == "planned" and fria.status ~= "not_required") and "warn" or "fail"
    ctx[level](ctx, {fria, "status"}, "'%s' requires a FRIA (%s), but %s", component.id, label, states[fria.status] or fria.status)
  end,
}
