-- GDPR Art. 5(1)(e): data is kept no longer than necessary, so every category has a retention period (or the criteria that set it).
---@type cadre.Rule
return {
  id = "gdpr.retention.defined",
  title = "Every category of personal data has a retention period",
  description = "Storage limitation: personal data is kept in a form which permits identification no longer than necessary for its purposes. Each category of data states how long it is kept and from which event, or, where no fixed period is possible, the criteria used to determine it; the record of processing and the information notice must both give it.",
  severity = "high",
  references = {
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 13(2)(a)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 30(1)(f)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Add `retention: { period: P…, from: … }` to each data item (or `criteria` when no fixed period applies).",
  tags = { "retention" },
  applies = function(system) return #system.data > 0 end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local retention = item.retention
      if retention == nil or (retention.period == nil and retention.criteria == nil) then
        ctx:fail(item, "no retention period for %s", item.category)
      elseif retention.period ~= nil and retention.from == nil then
        ctx:warn(retention, "%s is kept %s, but from which event is not said (`from`)", item.category, retention.period)
      end
    end
  end,
}
