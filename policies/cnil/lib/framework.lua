-- The scope of the CNIL's commercial management framework (Délibération 2021-131), and which
-- purposes and data items serve prospecting.
local matches = cadre.taxonomy.matches

local framework = {}

-- Sectors the framework excludes: they follow their own rules and durations.
local excluded = { banking = true, insurance = true, health = true }

--- Whether the framework applies to the system's organisation (not a bank, insurer or health body).
function framework.applies(system)
  local organisation = system.organisation
  return organisation == nil or organisation.sector == nil or not excluded[organisation.sector]
end

--- Whether `purpose` serves prospecting: marketing or sales data uses.
function framework.prospecting(purpose)
  for _, use in ipairs(purpose.uses) do
    if matches(use, "marketing") or matches(use, "sales") then return true end
  end
  return false
end

--- Whether `purpose` keeps evidence of a contract.
function framework.evidence(purpose)
  for _, use in ipairs(purpose.uses) do
    if matches(use, "essential.contract_evidence") then return true end
  end
  return false
end

--- Whether some purpose of `item` satisfies `test`.
function framework.item_serves(system, item, test)
  return cadre.find(system:purposes_of(item), test) ~= nil
end

--- Whether every purpose of `item` satisfies `test` (false when it names none).
function framework.item_only(system, item, test)
  if #item.purposes == 0 then return false end
  for _, id in ipairs(item.purposes) do
    local purpose = system:purpose(id)
    if purpose == nil or not test(purpose) then return false end
  end
  return true
end

--- Whether some subject of `item` matches `subject`.
function framework.about(item, subject)
  return cadre.find(item.subjects, function(s) return matches(s, subject) end) ~= nil
end

return framework
