-- CPCE L.34-5 and the CNIL's guidance on electronic prospecting: consent collected by a partner for prospecting by email, SMS or automated call names the organisations that will prospect.
local has = cadre.has

local electronic = { "email", "sms", "automated_call" }

local function electronic_channel(prospecting)
  for _, channel in ipairs(electronic) do
    if has(prospecting.channels, channel) then return channel end
  end
  return nil
end

local function from_partner(item)
  return item.source == "third_party"
end

---@type cadre.Rule
return {
  id = "cnil.prospecting.partner-consent",
  title = "Consent collected by a partner names who will prospect",
  description = "Prospecting individuals by email, text message or automated call needs their prior consent (CPCE L.34-5): free, specific, informed and unambiguous. When the consent was collected by a partner (a lead generator, a comparison site, a data broker), it is valid for the organisation that prospects only if the person was told, when consenting, which organisations would receive their details for prospecting (the list of recipients, kept up to date and accessible); a consent \"to receive offers from our partners\" does not name them. The CNIL sanctioned prospecting on such consents (SAN-2025-001, SAN-2025-002).",
  severity = "high",
  references = {
    { "CPCE L.34-5", url = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987" },
    { "CNIL guidance on prospecting by email, SMS, MMS and automated calls", url = "https://www.cnil.fr/fr/la-prospection-commerciale-par-courrier-electronique-sms-mms-et-automate-dappel" },
    { "CNIL délibération SAN-2025-001", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2025-001" },
    { "CNIL délibération SAN-2025-002", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=SAN-2025-002" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  remediation = "Use only consents whose form named your organisation among the recipients (check the partner's forms and keep them as proof), and record it (`prospecting.partner_consent_names_recipients: true`).",
  tags = { "prospecting", "consent", "partners" },
  applies = function(system)
    return system.prospecting ~= nil and electronic_channel(system.prospecting) ~= nil and cadre.find(system.data, from_partner) ~= nil
  end,
  check = function(system, ctx)
    local prospecting = system.prospecting
    if prospecting.partner_consent_names_recipients ~= true then
      local item = cadre.find(system.data, from_partner)
      ctx:fail(cadre.at(prospecting, "partner_consent_names_recipients"),
        "%s comes from a third party and is used for %s prospecting, and nothing shows the consent collected by the partner named the organisations that prospect (CPCE L.34-5)",
        item.category, electronic_channel(prospecting):gsub("_", " "))
    end
  end,
}
