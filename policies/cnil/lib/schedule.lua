-- Calling hours as the descriptor writes them (`"10:00-13:00"`), in minutes since midnight, and
-- whether declared ranges fit within allowed ones.
local schedule = {}

--- The range `text` ("HH:MM-HH:MM") as two numbers of minutes, or nil when it is malformed.
function schedule.range(text)
  local h1, m1, h2, m2 = text:match("^(%d%d?):(%d%d)%s*%-%s*(%d%d?):(%d%d)$")
  if h1 == nil then return nil end
  local from, to = tonumber(h1) * 60 + tonumber(m1), tonumber(h2) * 60 + tonumber(m2)
  if tonumber(m1) > 59 or tonumber(m2) > 59 or to > 24 * 60 or from >= to then return nil end
  return from, to
end

--- Whether the range [from, to] lies within one of the allowed ranges (texts).
function schedule.within(from, to, allowed)
  for _, text in ipairs(allowed) do
    local a, b = schedule.range(text)
    if a and from >= a and to <= b then return true end
  end
  return false
end

return schedule
