-- The AI Act's application dates under the calendar the workspace chose (pack setting
-- `calendar`): `omnibus` (the default, the law in force) or `original` (Art. 113 as adopted).
local name = pack.settings.calendar
local dates = pack.data.calendars[name]
if dates == nil then
  error("the ai-act pack has no calendar '" .. tostring(name) .. "' in data.yaml")
end

return {
  --- `omnibus` or `original`.
  name = name,
  --- The dates of that calendar: literacy, prohibitions, transparency, marking_existing,
  --- annex_iii, annex_i (and, under the omnibus, in_force and new_prohibitions).
  dates = dates,
}
