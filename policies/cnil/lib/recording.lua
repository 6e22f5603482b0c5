-- Call recording as the CNIL's guidance on call centres sees it: which systems record calls, and
-- which recordings serve only as contract evidence.
local framework = require("framework")

local recording = {}

--- Whether the system records calls (call recordings declared, or a `recording` section).
function recording.records(system)
  return system.recording ~= nil or system:holds("user.content.call_recording")
end

--- Whether the recording `item` serves only as evidence of a contract or a legal obligation,
--- which the six-month limit for training and evaluation does not govern.
function recording.evidence_only(system, item)
  return framework.item_only(system, item, function(purpose)
    return framework.evidence(purpose) or purpose.legal_basis == "legal_obligation"
  end)
end

--- Whether every purpose of the recordings rests on a legal obligation (a law requiring them).
function recording.required_by_law(system)
  local items = system:data_of("user.content.call_recording")
  if #items == 0 then return false end
  for _, item in ipairs(items) do
    if not framework.item_only(system, item, function(p) return p.legal_basis == "legal_obligation" end) then return false end
  end
  return true
end

return recording
