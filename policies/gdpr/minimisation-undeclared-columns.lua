-- GDPR Art. 5(1)(c) and 30(1)(c): stores hold no personal data the descriptor does not declare, in undeclared columns or in free text.
local declared = require("declared")

-- What each detector finds, as a data category.
local categories = {
  email = "user.contact.email",
  phone = "user.contact.phone_number",
  iban = "user.financial.bank_account",
  card = "user.financial.credit_card",
  nir = "user.government_id.national_identification_number",
  ipv4 = "user.device.ip_address",
  ipv6 = "user.device.ip_address",
}
local names = {
  email = "email addresses", phone = "phone numbers", iban = "IBANs", card = "card numbers",
  nir = "social security numbers (NIR)", ipv4 = "IP addresses", ipv6 = "IP addresses",
}
local detectors = { "card", "email", "iban", "ipv4", "ipv6", "nir", "phone" }

-- The columns of `t` the descriptor says nothing about (nor uses as the retention date), among
-- the text columns of the store's schema.
local function undeclared(schema, t)
  local known = {}
  for column in pairs(t.columns) do known[column] = true end
  for _, column in ipairs(t.free_text) do known[column] = true end
  if t.retention and t.retention.column then known[t.retention.column] = true end
  local found = {}
  for _, column in ipairs(schema) do
    if not known[column.name] and column.kind == "text" then found[#found + 1] = column.name end
  end
  return found
end

local function sorted_keys(map)
  local keys = {}
  for key in pairs(map) do keys[#keys + 1] = key end
  table.sort(keys)
  return keys
end

---@type cadre.Rule
return {
  id = "gdpr.minimisation.undeclared-columns",
  title = "Stores hold no personal data the descriptor does not declare",
  description = "Every column of personal data in a store is declared with its category, and free text holds only what its purposes need. The stores are read: a column the descriptor does not mention that contains personal data (email addresses, phone numbers, IBANs, card numbers, social security numbers, IP addresses) is undeclared processing missing from the record; personal data of a category the system does not declare, typed or dictated into free text, is kept for no purpose and should be masked or purged.",
  severity = "high",
  references = {
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Declare the column (its category in `columns`, and a data item with purposes and retention) or drop it; mask personal data in free text at capture, and purge what is already stored.",
  tags = { "minimisation", "record", "stores" },
  applies = function(system)
    return cadre.find(system.stores, function(store) return #store.tables > 0 end) ~= nil
  end,
  check = function(system, ctx)
    local index = declared.index(system)
    for _, store in ipairs(system.stores) do
      local handle = nil
      for _, t in ipairs(store.tables) do
        handle = handle or ctx:store(store.id)
        local hidden = undeclared(handle:columns(t.name), t)
        if #hidden > 0 then
          local report = handle:scan(t.name, { columns = hidden, detectors = detectors })
          for _, detector in ipairs(detectors) do
            local tally = report.detectors[detector]
            if tally and tally.matches > 0 then
              ctx:fail({t, evidence = tally.examples}, "%s.%s: undeclared column(s) %s hold %s (%d rows)",
                store.id, t.name, table.concat(sorted_keys(tally.columns), ", "), names[detector], tally.rows)
            end
          end
        end
        if #t.free_text > 0 then
          local report = handle:scan(t.name, { detectors = detectors })
          for _, detector in ipairs(detectors) do
            local tally = report.detectors[detector]
            if tally and tally.matches > 0 and declared.lookup(index, categories[detector], nil) == nil then
              ctx:warn({t, evidence = tally.examples}, "%s.%s: free text (%s) holds %s in %d rows, which the system does not declare",
                store.id, t.name, table.concat(sorted_keys(tally.columns), ", "), names[detector], tally.rows)
            end
          end
        end
      end
    end
  end,
}
