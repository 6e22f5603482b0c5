-- CNIL NS-57: the stores hold no call recording older than six months and no analysis document older than a year.
local recording = require("recording")

local limits = {
  {category = "user.content.call_recording", period = "P6M", what = "recordings", limit = "six months"},
  {category = "user.workplace.quality_evaluation", period = "P1Y", what = "evaluations", limit = "one year"},
}

local function governed(system)
  for _, item in ipairs(system:data_of("user.content.call_recording")) do
    if not recording.evidence_only(system, item) then return true end
  end
  return false
end

return {
  id = "cnil.recording.store-retention",
  title = "Stores hold no recording older than six months, no evaluation older than a year",
  description = "What the call-recording stores actually keep, counted in the stores: no recording made for training, evaluation or quality older than six months, and no evaluation document older than a year, measured by the date column each table declares. Rows past the limit are data kept unlawfully, whatever the descriptor says. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Purge the older rows, and schedule the purge so it keeps running.",
  tags = { "retention", "recording", "stores" },
  applies = function(system)
    if not governed(system) then return false end
    for _, limit in ipairs(limits) do
      for _, found in ipairs(system:tables_holding(limit.category)) do
        if found.retention and found.retention.column then return true end
      end
    end
    return false
  end,
  check = function(system, ctx)
    for _, limit in ipairs(limits) do
      for _, found in ipairs(system:tables_holding(limit.category)) do
        if found.retention and found.retention.column then
          local old = ctx:store(found.store):count(found.name, { older_than = limit.period, column = found.retention.column })
          if old > 0 then
            ctx:fail(found.table, "%d %s older than %s in %s.%s", old, limit.what, limit.limit, found.store, found.name)
          end
        end
      end
    end
  end,
}
