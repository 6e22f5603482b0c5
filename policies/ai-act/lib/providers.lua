-- When a deployer becomes the provider of a high-risk AI system (AI Act Art. 25(1)): its name on
-- it, a substantial modification, or a new intended purpose that makes it high-risk.
local classification = require("classification")

local providers = {}

--- Whether the organisation is only a deployer of `system` by its descriptor (a role other than
--- `provider`, or none: the organisation runs every system it describes).
function providers.deployer_only(system)
  return system.role ~= "provider"
end

--- The high-risk components of `system` for which `test(component)` holds.
function providers.high_risk(system, test)
  local found = {}
  for _, component in ipairs(system.ai) do
    if classification.high_risk(system, component) and test(component) then found[#found + 1] = component end
  end
  return found
end

return providers
