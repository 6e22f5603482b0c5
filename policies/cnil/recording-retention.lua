-- CNIL NS-57: recordings of calls are kept six months at most.
return {
  id = "cnil.recording.retention",
  title = "Call recordings are kept six months at most",
  description = "Recordings of calls made for training, evaluation or service quality are kept six months at most (analysis documents one year).",
  severity = "high",
  references = { "CNIL NS-57", "GDPR Art. 5(1)(e)" },
  confidence = "secondary",
  effective = { from = "2015-01-06" },
  remediation = "Set the recordings' retention to P6M or less, and purge older recordings.",
  tags = { "retention", "recording" },
  applies = function(system) return system:holds("user.content.call_recording") end,
  check = function(system, ctx)
    for _, item in ipairs(system:data_of("user.content.call_recording")) do
      local retention = item.retention
      if retention and retention.period and cadre.duration(retention.period):can_exceed("P6M") then
        ctx:fail({retention, "period"}, "recordings kept %s; six months at most", retention.period)
      end
    end
    -- What the stores really keep.
    for _, t in ipairs(system:tables_holding("user.content.call_recording")) do
      if t.retention and t.retention.column then
        local old = ctx:store(t.store):count(t.name, { older_than = "P6M", column = t.retention.column })
        if old > 0 then
          ctx:fail(t.table, "%d recordings older than six months in %s.%s", old, t.store, t.name)
        end
      end
    end
  end,
}
