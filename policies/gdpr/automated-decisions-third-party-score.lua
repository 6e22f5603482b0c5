-- GDPR Art. 22(1) as read in CJEU C-634/21 SCHUFA: a score that another organisation draws on strongly to decide about a person is itself an automated decision.
local profiling = require("profiling")

local function shares_scores(component)
  return component.scores_shared == true and #profiling.evaluations(component) > 0 and #component.about > 0
end

---@type cadre.Rule
return {
  id = "gdpr.automated-decisions.third-party-score",
  title = "A score others decide on is an automated decision (SCHUFA)",
  description = "The automated establishment of a probability value about a person's ability to meet commitments in future is itself a decision based solely on automated processing under Art. 22(1) where a third party, to which the value is transmitted, draws strongly on it to establish, implement or terminate a contractual relationship with that person (C-634/21 SCHUFA Holding, 7 Dec 2023). An organisation whose scores (creditworthiness, fraud risk, propensity) are passed to other organisations that decide on them therefore needs an Art. 22(2) exception and the Art. 22(3) safeguards, even if it decides nothing itself.",
  severity = "high",
  references = {
    { "GDPR Art. 22(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 22(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "CJEU C-634/21 SCHUFA Holding (7 Dec 2023)", url = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62021CJ0634" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Rest the scoring on an Art. 22(2) exception (`automated_decision_basis`: contract, law or explicit_consent) with the Art. 22(3) safeguards, or stop passing scores that others decide on.",
  tags = { "automated-decisions", "profiling", "scoring" },
  applies = function(system) return cadre.find(system.ai, shares_scores) ~= nil end,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if shares_scores(component) and component.automated_decision_basis == nil then
        ctx:fail({component, "scores_shared"},
          "'%s' passes its scores (%s) to organisations that decide on them: that scoring is itself a decision under Art. 22(1) (C-634/21), and it rests on no Art. 22(2) exception",
          component.id, table.concat(profiling.evaluations(component), ", "))
      end
    end
  end,
}
