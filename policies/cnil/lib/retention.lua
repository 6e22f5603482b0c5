-- Retention periods against the CNIL's maximum durations: whether a period can exceed a maximum
-- from some start date. Periods in months (or years) against months, or in days against days,
-- compare exactly without calendar work; only mixed ones (P1M against P30D) ask cadre's
-- comparison over every start date.
local retention = {}

local DAY = 86400
local maxima = {}

local function parsed(text)
  local d = maxima[text]
  if d == nil then
    d = cadre.duration(text)
    maxima[text] = d
  end
  return d
end

--- Whether duration `a` (text) can last longer than `b` (text) from some start date.
function retention.can_exceed(a, b)
  local x, y = cadre.duration(a), parsed(b)
  if x.seconds == 0 and y.seconds == 0 then return x.months > y.months end
  if x.months == 0 and y.months == 0 and x.seconds % DAY == 0 and y.seconds % DAY == 0 then return x.seconds > y.seconds end
  return x:can_exceed(y)
end

--- Whether `r` (a data item's or a table's `retention`) can last longer than `max` (an ISO 8601
--- duration). An absent retention does not exceed: gdpr.retention.defined reports it.
function retention.exceeds(r, max)
  return r ~= nil and r.period ~= nil and retention.can_exceed(r.period, max)
end

return retention
