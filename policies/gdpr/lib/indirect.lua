-- Data not obtained from the person (GDPR Art. 14): a data item whose `source` is a third party
-- (a partner's list, a data broker, a credit bureau) or public sources.
local indirect = {}

--- Whether the data item `item` was obtained elsewhere than from the person.
function indirect.item(item)
  return item.source == "third_party" or item.source == "public"
end

--- The first data item of `system` obtained elsewhere, or nil.
function indirect.first(system)
  return cadre.find(system.data, indirect.item)
end

--- Where the data item `item` comes from, for messages.
function indirect.origin(item)
  return item.source == "public" and "public sources" or "a third party"
end

return indirect
