-- GDPR Art. 5(1)(e): the stores keep no row of personal data older than the retention period its table declares.
---@type cadre.Rule
return {
  id = "gdpr.retention.store-rows",
  title = "Stores keep no row past its retention period",
  description = "Storage limitation is a fact about the data, not about the documentation: each table of personal data is counted in its store, and rows older than the table's declared retention period (measured by its declared date column) are personal data kept longer than necessary, whatever the policy says.",
  severity = "high",
  references = {
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Purge the rows older than the period, and schedule the purge so it keeps running; if they must be kept, move them to an archive with its reason and period.",
  tags = { "retention", "stores" },
  applies = function(system)
    return cadre.find(system.stores, function(store)
      return cadre.find(store.tables, function(t)
        return t.retention ~= nil and t.retention.period ~= nil and t.retention.column ~= nil
      end) ~= nil
    end) ~= nil
  end,
  check = function(system, ctx)
    for _, store in ipairs(system.stores) do
      for _, t in ipairs(store.tables) do
        local r = t.retention
        if r and r.period and r.column then
          local old = ctx:store(store.id):count(t.name, { older_than = r.period, column = r.column })
          if old > 0 then
            ctx:fail({r, "period"}, "%d rows of %s.%s are older than %s (by %s)", old, store.id, t.name, r.period, r.column)
          end
        end
      end
    end
  end,
}
