-- fides.declarations: a cadre descriptor read as Fides privacy declarations.
--
-- A declaration is a purpose and one of its data uses: its data categories are those of the data
-- items that serve the purpose, its subjects theirs, its datasets the stores those items are
-- kept in. What cadre's format cannot say, `cadre import fides` keeps under `x-fides`: a
-- declaration's subjects and datasets when it declares no category (purpose `x-fides`), the
-- categories of a whole dataset (store `x-fides`) or collection (table `x-fides`), and fields of
-- several categories (table `x-fides.fields`).
local M = {}

local function each(list) return ipairs(list or {}) end

local function contains(list, value)
  for _, v in each(list) do if v == value then return true end end
  return false
end

--- Appends the values of `list` not seen yet.
local function union(into, seen, list)
  for _, v in each(list) do
    if not seen[v] then
      seen[v] = true
      into[#into + 1] = v
    end
  end
end

local function extra(node, key)
  local x = node["x-fides"]
  return x and x[key] or nil
end

--- The last part of a dotted column name (`address.street` → `street`): Fides names nested
--- fields by their own name.
local function leaf(name)
  return name:match("([^.]*)$")
end

--- The store `id` of `system` as a Fides dataset: its categories, collections and fields.
function M.dataset(system, id)
  for _, store in each(system.stores) do
    if store.id == id then
      local collections = {}
      for _, t in each(store.tables) do
        local fields = {}
        local several = extra(t, "fields") or {}
        for column, category in pairs(t.columns or {}) do
          fields[#fields + 1] = {
            name = leaf(column), column = column, node = t.columns, categories = several[column] or {category},
          }
        end
        collections[#collections + 1] = {
          name = t.name, node = t, categories = extra(t, "data_categories") or {}, fields = fields,
        }
      end
      return { id = id, node = store, categories = extra(store, "data_categories") or {}, collections = collections }
    end
  end
  return nil
end

--- The privacy declarations of `system`, in the order of its purposes and their uses:
--- `{name, purpose, use, categories, subjects, datasets}`.
function M.of(system)
  local declarations = {}
  for _, purpose in each(system.purposes) do
    local categories, subjects, stores = {}, {}, {}
    local seen_subjects, seen_stores = {}, {}
    for _, item in each(system.data) do
      if contains(item.purposes, purpose.id) then
        categories[#categories + 1] = item.category
        union(subjects, seen_subjects, item.subjects)
        union(stores, seen_stores, item.stores)
      end
    end
    union(subjects, seen_subjects, extra(purpose, "data_subjects"))
    union(stores, seen_stores, extra(purpose, "dataset_references"))
    local datasets = {}
    for _, id in ipairs(stores) do
      local dataset = M.dataset(system, id)
      if dataset then datasets[#datasets + 1] = dataset end
    end
    for _, use in each(purpose.uses) do
      declarations[#declarations + 1] = {
        name = purpose.description or purpose.id, purpose = purpose, use = use,
        categories = categories, subjects = subjects, datasets = datasets,
      }
    end
  end
  return declarations
end

return M
