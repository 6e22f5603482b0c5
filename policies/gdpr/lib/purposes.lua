-- The purposes of a system as sets, and what a data item or an AI component is processed for.
local matches = cadre.taxonomy.matches

local purposes = {}

--- Whether `purpose` declares a data use matching `use` (or below it).
function purposes.uses(purpose, use)
  for _, declared in ipairs(purpose.uses or {}) do
    if matches(declared, use) then return true end
  end
  return false
end

--- The purposes (nodes) that `part` (a data item or an AI component) names, in its order.
function purposes.of(system, part)
  local found = {}
  for _, id in ipairs(part.purposes or {}) do
    local purpose = system:purpose(id)
    if purpose then found[#found + 1] = purpose end
  end
  return found
end

--- Whether some purpose `part` names declares a data use matching `use`.
function purposes.part_uses(system, part, use)
  for _, id in ipairs(part.purposes or {}) do
    local purpose = system:purpose(id)
    if purpose and purposes.uses(purpose, use) then return true end
  end
  return false
end

--- The ids every data item and AI component refer to, as a set.
function purposes.referenced(system)
  local set = {}
  for _, item in ipairs(system.data or {}) do
    for _, id in ipairs(item.purposes or {}) do set[id] = true end
  end
  for _, component in ipairs(system.ai or {}) do
    for _, id in ipairs(component.purposes or {}) do set[id] = true end
  end
  return set
end

return purposes
