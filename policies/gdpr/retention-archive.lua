-- GDPR Art. 5(1)(e): data kept in an intermediate archive after its active period is kept for a stated reason and for a fixed time.
---@type cadre.Rule
return {
  id = "gdpr.retention.archive",
  title = "Archived data has a reason and an end",
  description = "Keeping data after its active period is still storage of identifiable data: it is lawful only for a stated reason (a legal obligation, the limitation period of claims) and for the time that reason requires. An archive with no reason, or with no period, keeps data indefinitely.",
  severity = "medium",
  references = {
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Give each `archive` its `reason` (the text that requires it) and its `period`, or delete the data at the end of its active period.",
  tags = { "retention", "archive" },
  applies = function(system)
    return cadre.find(system.data, function(item) return item.retention ~= nil and item.retention.archive ~= nil end) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local archive = item.retention and item.retention.archive
      if archive then
        if archive.reason == nil then ctx:fail(archive, "%s is archived with no stated reason", item.category) end
        if archive.period == nil then ctx:fail(archive, "%s is archived with no end (`period`)", item.category) end
      end
    end
  end,
}
