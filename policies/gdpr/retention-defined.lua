-- GDPR Art. 5(1)(e): data is kept no longer than necessary, so every category has a retention period.
return {
  id = "gdpr.retention.defined",
  title = "Every category of personal data has a retention period",
  description = "Storage limitation: personal data is kept in a form which permits identification no longer than necessary for its purposes. Each data item must state how long it is kept, and from when.",
  severity = "high",
  references = { "GDPR Art. 5(1)(e)", "GDPR Art. 30(1)(f)" },
  confidence = "text",
  remediation = "Add `retention: { period: P…, from: … }` to each data item.",
  tags = { "retention" },
  applies = function(system) return system.data ~= nil end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      if item.retention == nil or item.retention.period == nil then
        ctx:fail(item, "no retention period for %s", item.category)
      end
    end
  end,
}
