-- GDPR Art. 5(1)(c): a store keeps no column of personal data that no declared purpose needs.
local declared = require("declared")

---@type cadre.Rule
return {
  id = "gdpr.minimisation.store-columns",
  title = "Stores hold only the personal data the purposes need",
  description = "Data minimisation applies to what is actually kept. Every column of personal data a store holds corresponds to a data item the descriptor declares for that store, with its purposes and retention; a column of a category no data item declares holds data that no declared purpose needs and that the record of processing does not show.",
  severity = "medium",
  references = {
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Declare a data item for the column's category (subjects, purposes, retention, and the store in its `stores`), or drop the column.",
  tags = { "minimisation", "record", "stores" },
  applies = function(system) return #system.stores > 0 end,
  check = function(system, ctx)
    local index = declared.index(system)
    for _, store in ipairs(system.stores) do
      for _, t in ipairs(store.tables) do
        for column, category in pairs(t.columns) do
          local where = declared.lookup(index, category, store.id)
          if where ~= "here" then
            if where == "elsewhere" then
              ctx:fail({t.columns, column}, "column '%s' of %s.%s holds %s, which no data item declares as kept in store '%s'",
                column, store.id, t.name, category, store.id)
            else
              ctx:fail({t.columns, column}, "column '%s' of %s.%s holds %s, which no data item declares",
                column, store.id, t.name, category)
            end
          end
        end
      end
    end
  end,
}
