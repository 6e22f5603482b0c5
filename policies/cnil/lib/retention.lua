-- Retention periods against the CNIL's maximum durations: whether a period can exceed a maximum
-- from some start date.
local retention = {}

--- Whether `r` (a data item's or a table's `retention`) can last longer than `max` (an ISO 8601
--- duration). An absent retention does not exceed: gdpr.retention.defined reports it.
function retention.exceeds(r, max)
  return r ~= nil and r.period ~= nil and cadre.duration(r.period):can_exceed(max)
end

return retention
