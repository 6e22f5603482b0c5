-- AI Act Art. 4: providers and deployers take measures for the AI literacy of the staff who run or use their AI systems (as amended by the digital omnibus: measures to support its development).
local calendar = require("calendar")

-- Whether Art. 4 reads as amended by the digital omnibus on `as_of`: the omnibus calendar, once
-- Regulation (EU) 2026/1744 is in force.
local function amended(as_of)
  return calendar.dates.in_force ~= nil and as_of >= calendar.dates.in_force
end

---@type cadre.Rule
return {
  id = "ai-act.literacy.training",
  title = "Staff who run or use the AI system get AI literacy measures",
  description = "As adopted, Art. 4 requires providers and deployers of AI systems to take measures to ensure, to their best extent, a sufficient level of AI literacy of their staff and of other persons dealing with the operation and use of AI systems on their behalf, taking into account their technical knowledge, experience, education and training and the context of use. The digital omnibus (Regulation (EU) 2026/1744, in force 27 July 2026) softens it: providers and deployers \"take measures to support the development of\" AI literacy; it remains their duty, from 2 February 2025. So under the omnibus calendar, from 27 July 2026, the rule asks for a recorded measure (a training programme) and no longer judges whether it suffices: a refresher the organisation scheduled and let pass is only noted. Under the original text, or before the omnibus applied, that refresher is a warning.",
  severity = "medium",
  references = {
    { "AI Act Art. 4", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 4 (as amended by Regulation (EU) 2026/1744)", url = "https://eur-lex.europa.eu/eli/reg/2026/1744/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.literacy },
  remediation = "Take and record a measure for the AI literacy of the people who run and use the system (agents, supervisors): a training programme in `training.ai_literacy` (last session, audience, `every`).",
  tags = { "literacy", "staff" },
  applies = function(system) return #system.ai > 0 end,
  check = function(system, ctx)
    local softened = amended(ctx.as_of)
    local programme = system.training and system.training.ai_literacy
    if programme == nil then
      if softened then
        return ctx:fail(cadre.at(system, "training"), "the system has %d AI components, and no measure supporting the AI literacy of its staff is recorded (Art. 4 as amended)", #system.ai)
      end
      return ctx:fail(cadre.at(system, "training"), "the system has %d AI components, and no AI literacy training is recorded", #system.ai)
    end
    if programme.last == nil then
      return ctx:fail(programme, "no AI literacy session is recorded (`last`)")
    end
    if programme.last > ctx.as_of then
      return ctx:fail({programme, "last"}, "the first AI literacy session on record is dated %s, after %s", programme.last, ctx.as_of)
    end
    if programme.every then
      local due = cadre.date(programme.last):add(programme.every)
      if due < ctx.as_of then
        if softened then
          ctx:info({programme, "every"}, "the AI literacy refresher the organisation scheduled was due on %s (every %s since %s); Art. 4 as amended asks for measures, not a cadence",
            due.text, programme.every, programme.last)
        else
          ctx:warn({programme, "every"}, "the AI literacy refresher was due on %s (every %s since %s)", due.text, programme.every, programme.last)
        end
      end
    end
  end,
}
