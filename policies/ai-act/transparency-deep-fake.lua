-- AI Act Art. 50(4): deployers of an AI system that generates image, audio or video content constituting a deep fake disclose that the content is artificial.
local calendar = require("calendar")

local media = { audio = true, image = true, video = true }

-- The first medium of `component`'s output that can be a deep fake, when it resembles a real person.
local function deep_fake(component)
  if component.imitates_real_person ~= true then return nil end
  for _, medium in ipairs(component.generates) do
    if media[medium] then return medium end
  end
  return nil
end

---@type cadre.Rule
return {
  id = "ai-act.transparency.deep-fake",
  title = "Generated voices or faces resembling real people are disclosed as artificial",
  description = "Deployers of an AI system that generates or manipulates image, audio or video content constituting a deep fake (content resembling existing persons, objects, places or events that would falsely appear to a person to be authentic, Art. 3(60)) disclose that the content has been artificially generated or manipulated. A voicebot speaking with the cloned voice of a real agent, or an avatar with a real employee's face, is such content: the people who hear or see it are told, at the latest at the first exposure (Art. 50(5)).",
  severity = "high",
  references = {
    { "AI Act Art. 50(4)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 3(60)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
    { "AI Act Art. 50(5)", url = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = calendar.dates.transparency },
  remediation = "Tell people the voice or face is artificially generated, at the first exposure, and record it (`notices.deep_fake_disclosed: true`); or stop imitating a real person.",
  tags = { "transparency", "generative" },
  applies = function(system)
    return cadre.find(system.ai, deep_fake) ~= nil
  end,
  check = function(system, ctx)
    if system.notices and system.notices.deep_fake_disclosed == true then return end
    for _, component in ipairs(system.ai) do
      local medium = deep_fake(component)
      if medium then
        ctx:fail(cadre.at(system, "notices.deep_fake_disclosed", component),
          "'%s' generates %s resembling a real person, and people are not told it is artificial (Art. 50(4))", component.id, medium)
      end
    end
  end,
}
