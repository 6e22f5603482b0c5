-- Seed: one rule that reaches most of the rule API (durations, dates, taxonomy, system methods, ctx).
local limit = cadre.duration("P1Y")
return {
  id = "gdpr.fuzz.api-tour",
  title = "Every part of the rule API, once",
  severity = "medium",
  references = { "GDPR Art. 5" },
  confidence = "secondary",
  effective = { from = "2018-05-25", to = "2030-01-01" },
  tags = { "fuzz" },
  applies = function(system) return system.data ~= nil end,
  check = function(system, ctx)
    local since = cadre.date(system.in_service_since or "2020-01-01")
    if since:days_until(cadre.date(ctx.as_of)) > 365 then ctx:info(system, "in service for %d days", 0) end
    for _, item in ipairs(system:data_of("user.content")) do
      local period = item.retention and item.retention.period
      if period and cadre.duration(period):can_exceed(limit) then
        ctx:fail(item.retention, "%s is kept %s", item.category, period, { evidence = { period, tostring(limit) } })
      end
      if cadre.taxonomy.special(item.category) then ctx:warn(item, "special category %s", cadre.taxonomy.name(item.category)) end
    end
    local purpose = system:purpose("support")
    if purpose and not system:uses("essential.service.operations.support") then ctx:warn(purpose, "no support use") end
    for _, ai in ipairs(system:ai_of("support")) do ctx:info(ai, "AI %s", ai.id) end
    for _, p in ipairs(system:processors_outside_eea()) do ctx:fail(p, "processor %s outside the EEA", p.id) end
    if system:holds("user.contact.email") then ctx:info(system, "holds e-mails") end
    print(#system:tables_holding("user.contact.phone_number"))
  end,
}
