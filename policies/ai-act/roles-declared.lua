-- AI Act Art. 3(3)-(4): an organisation knows whether it is the provider or a deployer of each AI system, since its obligations depend on it.
local calendar = require("calendar")

---@type cadre.Rule
return {
  id = "ai-act.roles.declared",
  title = "The organisation's role for the AI system is known",
  description = "The AI Act sets different obligations for the provider, who develops an AI system or has it developed and places it on the market or puts it into service under its own name (Art. 3(3)), and for the deployer, who uses it under its authority (Art. 3(4)). An organisation that builds a system in house and uses it is both. The role is recorded for every system with AI components, so the right obligations are checked.",
  severity = "medium",
  references = {
    { "AI Act Art. 3(3)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(4)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.literacy },
  remediation = "Add `role: provider` or `role: deployer` to the descriptor (provider when you built it and put it into service under your name).",
  tags = { "roles" },
  applies = function(system) return #system.ai > 0 end,
  check = function(system, ctx)
    if system.role == nil then
      ctx:fail(system.ai, "the system has AI components, and the organisation's AI Act role (provider or deployer) is not recorded")
    end
  end,
}
