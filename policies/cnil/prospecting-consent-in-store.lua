-- CPCE L.34-5 and Code de la consommation L.223-1: every consumer prospected where the law requires consent has a recorded consent in the store.
local audience = require("audience")
local has = cadre.has

local electronic = { "email", "sms", "automated_call" }

-- The channels on which consumers may be prospected only with prior consent on `as_of`.
local function consent_required(system, as_of)
  local prospecting = system.prospecting
  if not audience.consumers(system) then return nil end
  for _, channel in ipairs(electronic) do
    if has(prospecting.channels, channel) then return channel end
  end
  if has(prospecting.channels, "phone") and as_of >= pack.data.phone_consent_from then return "phone" end
  return nil
end

local contacts = { "user.contact.phone_number", "user.contact.email" }

---@type cadre.Rule
return {
  id = "cnil.prospecting.consent-in-store",
  title = "Every consumer prospected where consent is required has a recorded consent",
  description = "Where the law requires prior consent (email, SMS and automated calls to consumers; telephone calls to consumers from 11 August 2026), the business proves it for each person it contacts. In the prospecting stores, the contact tables are read: rows with an empty consent column are people who may not be contacted.",
  severity = "high",
  references = {
    { "CPCE L.34-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987" },
    { "Code de la consommation L.223-1", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Stop contacting the people with no recorded consent, and delete them from the campaign files unless another basis applies.",
  tags = { "prospecting", "consent", "stores" },
  applies = function(system)
    return system.prospecting ~= nil
      and cadre.find(contacts, function(category) return #system:tables_holding(category) > 0 end) ~= nil
  end,
  check = function(system, ctx)
    local channel = consent_required(system, ctx.as_of)
    if channel == nil then return end
    local seen = {}
    for _, category in ipairs(contacts) do
      for _, found in ipairs(system:tables_holding(category)) do
        local key = found.store .. "/" .. found.name
        if not seen[key] then
          seen[key] = true
          local handle = ctx:store(found.store)
          for _, column in ipairs(handle:columns(found.name)) do
            if column.name:lower():find("consent", 1, true) then
              local missing = handle:count(found.name, { null = column.name })
              if missing > 0 then
                ctx:fail(found.table, "%d of the contacts in %s.%s have no recorded consent (%s is empty); consent is required for %s prospecting of consumers",
                  missing, found.store, found.name, column.name, channel == "automated_call" and "automated-call" or channel)
              end
            end
          end
        end
      end
    end
  end,
}
