-- CNIL NS-57 (guidance): the stores hold no call recording older than six months and no analysis document older than a year
-- (the pack settings `recording_retention` and `recording_analysis_retention`).
local recording = require("recording")

-- The limits come from the pack's settings (NS-57's durations by default), read at each check so
-- that a workspace's own settings apply.
local function limits()
  return {
    {category = "user.content.call_recording", period = pack.settings.recording_retention, what = "recordings", setting = "recording_retention"},
    {category = "user.workplace.quality_evaluation", period = pack.settings.recording_analysis_retention, what = "evaluations", setting = "recording_analysis_retention"},
  }
end

local function governed(system)
  return cadre.find(system:data_of("user.content.call_recording"), function(item)
    return not recording.evidence_only(system, item)
  end) ~= nil
end

local function dated(found) return found.retention ~= nil and found.retention.column ~= nil end

---@type cadre.Rule
return {
  id = "cnil.recording.store-retention",
  title = "Stores hold no recording older than six months, no evaluation older than a year",
  description = "What the call-recording stores actually keep, counted in the stores: no recording made for training, evaluation or quality older than six months, and no evaluation document older than a year, measured by the date column each table declares. The limits are the pack settings `recording_retention` (default P6M) and `recording_analysis_retention` (default P1Y), from NS-57; a workspace may set its own. Rows past the limit are data kept unlawfully, whatever the descriptor says. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "high",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Purge the older rows, and schedule the purge so it keeps running.",
  tags = { "retention", "recording", "stores" },
  applies = function(system)
    if not governed(system) then return false end
    return cadre.find(system:tables_holding("user.content.call_recording"), dated) ~= nil
      or cadre.find(system:tables_holding("user.workplace.quality_evaluation"), dated) ~= nil
  end,
  check = function(system, ctx)
    for _, limit in ipairs(limits()) do
      for _, found in ipairs(system:tables_holding(limit.category)) do
        if dated(found) then
          local old = ctx:store(found.store):count(found.name, { older_than = limit.period, column = found.retention.column })
          if old > 0 then
            ctx:fail(found.table, "%d %s older than %s in %s.%s (setting `%s`, from CNIL NS-57 guidance)", old, limit.what, limit.period, found.store, found.name, limit.setting)
          end
        end
      end
    end
  end,
}
