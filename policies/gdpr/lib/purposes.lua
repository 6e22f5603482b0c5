-- The purposes of a system: the data uses a purpose declares, and the ids its data items and AI
-- components refer to.
local matches = cadre.taxonomy.matches

local purposes = {}

--- Whether `purpose` declares a data use matching `use` (or below it).
function purposes.uses(purpose, use)
  for _, declared in ipairs(purpose.uses) do
    if matches(declared, use) then return true end
  end
  return false
end

--- The ids every data item and AI component refer to, as a set.
function purposes.referenced(system)
  local set = {}
  for _, item in ipairs(system.data) do
    for _, id in ipairs(item.purposes) do set[id] = true end
  end
  for _, component in ipairs(system.ai) do
    for _, id in ipairs(component.purposes) do set[id] = true end
  end
  return set
end

return purposes
