-- CNIL NS-57: recordings of calls made for training, evaluation or service quality are kept six months at most.
local recording = require("recording")
local retention = require("retention")

return {
  id = "cnil.recording.retention",
  title = "Call recordings are kept six months at most",
  description = "Recordings of calls made to train agents, evaluate them or improve service quality are kept six months at most from the recording; analysis documents drawn from them follow their own one-year limit (cnil.recording.analysis-retention). What the stores actually hold is checked by cnil.recording.store-retention. Recordings kept only as evidence of a contract or because a law requires them follow the rules of that purpose instead.",
  severity = "high",
  references = { "CNIL NS-57", "GDPR Art. 5(1)(e)" },
  confidence = "secondary",
  effective = { from = "2014-11-27" },
  remediation = "Set the recordings' retention to P6M or less (data item and store table), and purge older recordings.",
  tags = { "retention", "recording" },
  applies = function(system) return system:holds("user.content.call_recording") end,
  check = function(system, ctx)
    local governed = false
    for _, item in ipairs(system:data_of("user.content.call_recording")) do
      if not recording.evidence_only(system, item) then
        governed = true
        if retention.exceeds(item.retention, "P6M") then
          ctx:fail({item.retention, "period"}, "recordings kept %s; six months at most", item.retention.period)
        end
      end
    end
    if not governed then return end
    for _, found in ipairs(system:tables_holding("user.content.call_recording")) do
      if retention.exceeds(found.retention, "P6M") then
        ctx:fail({found.retention, "period"}, "table %s.%s keeps recordings %s; six months at most", found.store, found.name, found.retention.period)
      end
    end
  end,
}
