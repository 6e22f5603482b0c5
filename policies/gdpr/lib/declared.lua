-- Which data categories a descriptor declares as data items, and in which stores, so rules can
-- tell whether a store column or a processor holds data no declared purpose covers.
local matches = cadre.taxonomy.matches

local declared = {}

--- The data item declaring `category` (the same key, an ancestor or a descendant), held in
--- `store` when given (an item that names no store may be anywhere), or nil.
function declared.item(system, category, store)
  for _, item in ipairs(system.data or {}) do
    if matches(category, item.category) or matches(item.category, category) then
      if store == nil or item.stores == nil then return item end
      for _, id in ipairs(item.stores) do
        if id == store then return item end
      end
    end
  end
  return nil
end

--- Whether some data item declares `category`, wherever it is held.
function declared.category(system, category)
  return declared.item(system, category, nil) ~= nil
end

return declared
