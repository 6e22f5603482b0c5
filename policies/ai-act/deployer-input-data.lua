-- AI Act Art. 26(4): input data of high-risk AI is checked to be relevant and representative.
local calendar = require("calendar")
local classification = require("classification")
local high_risk = require("high_risk")

---@type cadre.Rule
return {
  id = "ai-act.deployer.input-data",
  title = "Input data of high-risk AI is checked to be relevant and representative",
  description = "To the extent the deployer exercises control over the input data, it ensures that input data is relevant and sufficiently representative in view of the intended purpose of the high-risk AI system. In customer service the deployer usually controls what it feeds the system (its customers' files, the calls it routes to it): it checks that they fit what the system was built for. The descriptor records the check (`monitoring.input_data_checked: true`); where the deployer controls no input, a waiver says so.",
  severity = "medium",
  references = {
    { "AI Act Art. 26(4)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.annex_iii },
  remediation = "Check that the data you feed the component is relevant and representative for its intended purpose, and record it (`monitoring: { input_data_checked: true }`).",
  tags = { "high-risk", "deployer", "data-quality" },
  applies = high_risk.any,
  check = function(system, ctx)
    for _, component in ipairs(system.ai) do
      if classification.high_risk(system, component) then
        local monitoring = component.monitoring
        if monitoring == nil or monitoring.input_data_checked ~= true then
          ctx:fail(cadre.at(component, "monitoring.input_data_checked"), "the input data of high-risk component '%s' is not checked to be relevant and representative for its purpose (Art. 26(4))", component.id)
        end
      end
    end
  end,
}
