-- Which data categories a descriptor declares as data items, and in which stores, so rules can
-- tell whether a store column or a processor holds data no declared purpose covers. Build the
-- index once per check (one pass over the data items), then look categories up in it.
local declared = {}

--- The categories the data items declare: category → `{anywhere = bool, stores = {id = true}}`
--- (`anywhere` when an item names no store).
function declared.index(system)
  local index = {}
  for _, item in ipairs(system.data) do
    local entry = index[item.category]
    if entry == nil then
      entry = { anywhere = false, stores = {} }
      index[item.category] = entry
    end
    -- An item that says nothing of stores may be held anywhere; `stores: []` names none.
    if rawget(item, "stores") == nil then
      entry.anywhere = true
    else
      for _, id in ipairs(item.stores) do entry.stores[id] = true end
    end
  end
  return index
end

local function held(entry, store)
  return store == nil or entry.anywhere or entry.stores[store] == true
end

--- Where `index` declares `category` (the same key, an ancestor or a descendant): `"here"` when an
--- item may be held in `store` (any store when nil), `"elsewhere"` when items name other stores
--- only, nil when no item declares it.
function declared.lookup(index, category, store)
  local found = nil
  local key = category
  while key do
    local entry = index[key]
    if entry then
      if held(entry, store) then return "here" end
      found = "elsewhere"
    end
    key = key:match("^(.*)%.[^.]*$")
  end
  local prefix = category .. "."
  for declared_category, entry in pairs(index) do
    if declared_category:sub(1, #prefix) == prefix then
      if held(entry, store) then return "here" end
      found = "elsewhere"
    end
  end
  return found
end

--- Whether some data item of `system` declares `category`, wherever it is held.
function declared.category(system, category)
  return declared.lookup(declared.index(system), category, nil) ~= nil
end

return declared
