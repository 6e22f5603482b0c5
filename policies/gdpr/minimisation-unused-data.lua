-- GDPR Art. 5(1)(c): personal data is limited to what the declared purposes need, so no category is kept for no purpose.
local purposes = require("purposes")

---@type cadre.Rule
return {
  id = "gdpr.minimisation.unused-data",
  title = "No personal data is held for no purpose",
  description = "Personal data is adequate, relevant and limited to what is necessary for the purposes for which it is processed (data minimisation). A category of data that serves no declared purpose is not necessary and must not be collected or kept. A declared purpose that no data and no AI component serves is a sign that the declaration no longer matches the processing.",
  severity = "high",
  references = {
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 5(1)(b)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Name the purposes each data item serves in its `purposes`, or stop collecting the data and delete it; remove purposes the system no longer pursues.",
  tags = { "minimisation", "purpose-limitation" },
  applies = function(system) return #system.data > 0 end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      if #item.purposes == 0 then
        ctx:fail(item, "%s serves no declared purpose", item.category)
      end
    end
    local referenced = purposes.referenced(system)
    for _, purpose in ipairs(system.purposes) do
      if not referenced[purpose.id] then
        ctx:warn(purpose, "purpose '%s' is declared, but no data item and no AI component serves it", purpose.id)
      end
    end
  end,
}
