-- The European Economic Area: the 27 EU member states, Iceland, Liechtenstein and Norway
-- (ISO 3166-1 alpha-2). A transfer is a transfer outside these (GDPR Chapter V).
local members = {}
for code in ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO"):gmatch("%u%u") do
  members[code] = true
end

local eea = {}

--- Whether `region` (`EU`, `EEA` or a country code) is inside the EEA.
function eea.inside(region)
  return region == "EU" or region == "EEA" or members[region] == true
end

return eea
