-- Durations against a minimum, exactly over every start date: months (or years) against months,
-- or days against days, compare without calendar work; only mixed ones (P180D against P6M) ask
-- cadre's comparison over every start date.
local duration = {}

local DAY = 86400
local at_least_relations = { longer = true, longer_or_equal = true, equal = true }

--- Whether `a` (text) lasts at least `b` (text) from every start date.
function duration.at_least(a, b)
  local x, y = cadre.duration(a), cadre.duration(b)
  if x.seconds == 0 and y.seconds == 0 then return x.months >= y.months end
  if x.months == 0 and y.months == 0 and x.seconds % DAY == 0 and y.seconds % DAY == 0 then return x.seconds >= y.seconds end
  return at_least_relations[x:compare(y)] == true
end

return duration
