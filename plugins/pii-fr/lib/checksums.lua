-- pii-fr.checksums: the keys of French identifiers, for the detectors and for rules
-- (`require("pii-fr.checksums")`).
local M = {}

--- The digits of `text`, without spaces: nil when anything else than digits and single spaces
--- between groups is there.
function M.digits(text)
  if text:find("  ", 1, true) or text:find("[^%d ]") then return nil end
  return (text:gsub(" ", ""))
end

--- Whether a string of digits passes the Luhn check (ISO/IEC 7812-1).
function M.luhn(digits)
  local sum, double = 0, false
  for i = #digits, 1, -1 do
    local d = digits:byte(i) - 48
    if double then
      d = d * 2
      if d > 9 then d = d - 9 end
    end
    sum = sum + d
    double = not double
  end
  return sum % 10 == 0
end

--- Whether a nine-digit SIREN is valid: its Luhn key holds and it is not all zeros.
function M.siren(digits)
  return #digits == 9 and digits ~= "000000000" and M.luhn(digits)
end

--- La Poste's SIREN: its establishments' SIRETs follow another rule (see `siret`).
M.la_poste = "356000000"

--- Whether a fourteen-digit SIRET is valid: a valid SIREN, then the Luhn key of all fourteen
--- digits; for La Poste's establishments, whose numbers outgrew the key, the sum of the digits is
--- a multiple of 5 instead (INSEE's rule; the head office, 356 000 000 00048, passes Luhn).
function M.siret(digits)
  if #digits ~= 14 then return false end
  local siren = digits:sub(1, 9)
  if not M.siren(siren) then return false end
  if M.luhn(digits) then return true end
  if siren == M.la_poste then
    local sum = 0
    for i = 1, 14 do sum = sum + digits:byte(i) - 48 end
    return sum % 5 == 0
  end
  return false
end

--- The key of a French intra-community VAT number built on `siren`: (12 + 3 × (SIREN mod 97)) mod 97.
function M.tva_key(siren)
  return (12 + 3 * (tonumber(siren) % 97)) % 97
end

--- Whether `FRkkSSSSSSSSS` (spaces removed) is a valid French VAT number.
function M.tva(compact)
  local key, siren = compact:match("^FR(%d%d)(%d%d%d%d%d%d%d%d%d)$")
  if not key then return false end
  return M.siren(siren) and tonumber(key) == M.tva_key(siren)
end

return M
