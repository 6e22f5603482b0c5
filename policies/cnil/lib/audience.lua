-- Whom a system prospects: `prospecting.audience` when the descriptor says it; otherwise inferred
-- from its data: a `prospect` is a person the organisation tries to sell to, so, unless the
-- descriptor says they are professionals, a consumer (Code de la consommation, CPCE L.34-5).
local matches = cadre.taxonomy.matches

local audience = {}

-- Whether some data item, or some table of a store, is about prospects.
local function holds_prospects(system)
  for _, item in ipairs(system.data) do
    if cadre.find(item.subjects, function(s) return matches(s, "prospect") end) then return item end
  end
  for _, store in ipairs(system.stores) do
    for _, t in ipairs(store.tables) do
      if cadre.find(t.subjects, function(s) return matches(s, "prospect") end) then return t end
    end
  end
  return nil
end

--- The audience of `system`'s prospecting as a set (`{consumers = true}`), and whether it was
--- inferred from the data rather than declared. Empty when neither says.
function audience.of(system)
  local prospecting = system.prospecting
  local found = {}
  if prospecting ~= nil and #prospecting.audience > 0 then
    for _, word in ipairs(prospecting.audience) do found[word] = true end
    return found, false
  end
  if holds_prospects(system) then
    found.consumers = true
    return found, true
  end
  return found, false
end

--- Whether `system` prospects consumers (declared, or inferred from `prospect` data).
function audience.consumers(system)
  return audience.of(system).consumers == true
end

--- Whether `system` prospects existing customers (declared).
function audience.customers(system)
  return audience.of(system).existing_customers == true
end

--- Whether `system` prospects professionals only (declared: `prospecting.audience: [professionals]`).
function audience.business_only(system)
  local found = audience.of(system)
  return found.professionals == true and not found.consumers and not found.existing_customers
end

--- Whether `system` calls prospects by telephone and prospects consumers (declared, or inferred
--- from `prospect` data): what the telephone rules of the Code de la consommation govern.
function audience.calls_consumers(system)
  local prospecting = system.prospecting
  return prospecting ~= nil and cadre.has(prospecting.channels, "phone") and audience.consumers(system)
end

--- Whether neither the descriptor nor its data says whom `system` prospects.
function audience.unknown(system)
  local found = audience.of(system)
  return next(found) == nil
end

--- The data item or table that shows `system` holds prospects' data, or nil.
audience.evidence = holds_prospects

--- " (inferred from the prospects' data)" when the audience was inferred, for messages.
function audience.note(system)
  local _, inferred = audience.of(system)
  return inferred and " (prospects, inferred from the data: `prospecting.audience` does not say)" or ""
end

return audience
