-- Retention periods against the CNIL's maximum durations: whether a period can exceed a maximum,
-- counting an intermediate archive when asked.
local retention = {}

--- Whether `r` (a data item's `retention`) can last longer than `max` (an ISO 8601 duration)
--- from some start date. An absent retention does not exceed: gdpr.retention.defined reports it.
function retention.exceeds(r, max)
  return r ~= nil and r.period ~= nil and cadre.duration(r.period):can_exceed(max)
end

--- The period of `r` as written (`P3Y`), for messages.
function retention.text(r)
  return r and r.period or "for no stated period"
end

return retention
