-- AI Act Art. 4: providers and deployers ensure their staff who run or use AI systems have sufficient AI literacy.
local calendar = require("calendar")

return {
  id = "ai-act.literacy.training",
  title = "Staff who run or use the AI system are trained in AI literacy",
  description = "Providers and deployers of AI systems take measures to ensure, to their best extent, a sufficient level of AI literacy of their staff and of other persons dealing with the operation and use of AI systems on their behalf, taking into account their technical knowledge, experience, education and training and the context of use. (Under the digital omnibus, in force 27 July 2026, the duty reads \"take measures to support the development of\" AI literacy; it remains a duty of providers and deployers from 2 February 2025.) A refresher the organisation itself scheduled and let pass is a warning.",
  severity = "medium",
  references = { "AI Act Art. 4" },
  confidence = "text",
  effective = { from = calendar.dates.literacy },
  remediation = "Train the people who run and use the system (agents, supervisors), and record it in `training.ai_literacy` (last session, audience, `every`).",
  tags = { "literacy", "staff" },
  applies = function(system) return #system.ai > 0 end,
  check = function(system, ctx)
    local programme = system.training and system.training.ai_literacy
    if programme == nil then
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
        ctx:warn({programme, "every"}, "the AI literacy refresher was due on %s (every %s since %s)", due.text, programme.every, programme.last)
      end
    end
  end,
}
