-- GDPR Art. 5(1)(e): every store table of personal data has a retention period and the date column that measures it.
---@type cadre.Rule
return {
  id = "gdpr.retention.stores",
  title = "Every table of personal data has a retention and a date to measure it",
  description = "Storage limitation is enforced where data sits. Each table holding personal data (columns of personal data or free text) states how long rows are kept and which date or timestamp column gives a row's age, so that purges can run and be checked; a table without them keeps data indefinitely.",
  severity = "medium",
  references = {
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Add `retention: { period: P…, column: <date column> }` to the table, and purge rows older than the period.",
  tags = { "retention", "stores" },
  applies = function(system) return #system.stores > 0 end,
  check = function(system, ctx)
    for _, store in ipairs(system.stores) do
      for _, t in ipairs(store.tables) do
        local personal = #t.free_text > 0
        for _ in pairs(t.columns) do personal = true break end
        if personal then
          local retention = t.retention
          if retention == nil or retention.period == nil then
            ctx:fail(t, "table %s.%s holds personal data with no retention period", store.id, t.name)
          elseif retention.column == nil then
            ctx:fail(retention, "table %s.%s keeps rows %s, but names no date column to measure their age", store.id, t.name, retention.period)
          end
        end
      end
    end
  end,
}
