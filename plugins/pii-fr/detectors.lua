-- French identifiers, each a pattern (Lua's, matched by cadre without running Lua) and a
-- validation function that runs on each candidate: what does not validate is not reported.
-- Matches are shown masked by cadre, keeping only the characters `redact` names (within what
-- the category may show: docs/plugins.md, "What a redaction may show").
local checksums = require("checksums")

return {
  {
    name = "siren",
    category = "user.government_id.business_registration",
    description = "SIREN, the nine-digit number of a French business (a person's, for sole traders), with its Luhn key",
    -- Nine digits, in groups of three or not; a longer run (a SIRET) is read whole and refused.
    pattern = "%f[%w](%d%d%d ?%d%d%d ?%d%d%d ?%d*)%f[%W]",
    validate = function(candidate)
      local digits = checksums.digits(candidate)
      return digits ~= nil and checksums.siren(digits)
    end,
    redact = { keep_last = 2 },                          -- 732 829 320 → *** *** *20
  },
  {
    name = "siret",
    category = "user.government_id.business_registration",
    description = "SIRET, the fourteen-digit number of an establishment: SIREN then NIC, Luhn key (La Poste: digit sum)",
    pattern = "%f[%w](%d%d%d ?%d%d%d ?%d%d%d ?%d%d%d%d%d)%f[%W]",
    validate = function(candidate)
      local digits = checksums.digits(candidate)
      return digits ~= nil and checksums.siret(digits)
    end,
    redact = { keep_last = 2 },
  },
  {
    name = "tva-fr",
    category = "user.government_id.business_registration.vat",
    description = "French intra-community VAT number: FR, a two-digit key, the SIREN; the key is (12 + 3 × (SIREN mod 97)) mod 97",
    pattern = "%f[%w](FR ?%d%d ?%d%d%d ?%d%d%d ?%d%d%d)%f[%W]",
    validate = function(candidate)
      return checksums.tva((candidate:gsub(" ", "")))
    end,
    redact = { keep_first = 2, keep_last = 2 },          -- FR 44 732 829 320 → FR ** *** *** *20
  },
  {
    name = "immatriculation",
    category = "user.government_id.vehicle_registration",
    description = "French vehicle registration (SIV, since 2009): AA-123-AA, without I, O or U, SS or WW at the front, 000 or SS at the back",
    pattern = "%f[%w]([A-Z][A-Z][- ]?%d%d%d[- ]?[A-Z][A-Z])%f[%W]",
    validate = function(candidate)
      local front, number, back = candidate:match("^(%u%u)[- ]?(%d%d%d)[- ]?(%u%u)$")
      if not front then return false end
      -- Letters I, O and U are never used (they look like 1, 0 and V).
      if (front .. back):find("[IOU]") then return false end
      -- 000 is not issued; SS is not issued in either block; WW is the temporary series,
      -- issued in the front block only.
      if number == "000" or front == "SS" or back == "SS" or back == "WW" then return false end
      -- A plate keeps one separator style: AB-123-CD, AB 123 CD or AB123CD.
      local first, second = candidate:sub(3, 3), candidate:sub(-3, -3)
      local spaced = first:match("[- ]") and first or ""
      local spaced2 = second:match("[- ]") and second or ""
      return spaced == spaced2
    end,
    redact = { keep_first = 2 },                         -- AB-123-CD → AB-***-**, AB 123 CD → AB *** **
  },
}
