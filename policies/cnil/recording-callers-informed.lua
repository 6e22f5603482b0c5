-- CNIL NS-57: callers are told before the call is recorded, and can object to it.
local recording = require("recording")

return {
  id = "cnil.recording.callers-informed",
  title = "Callers are told about the recording beforehand and can object",
  description = "People calling or called are informed, before the recording starts, that the call may be listened to or recorded, for which purposes, and of their rights; they can object to the recording simply, for instance by pressing a key or telling the agent, and the call then goes on unrecorded.",
  severity = "high",
  references = { "CNIL NS-57", "GDPR Art. 13" },
  confidence = "secondary",
  effective = { from = "2014-11-27" },
  remediation = "Announce the recording at the start of the call (`notices.recording_announcement: true`) and offer a simple way to object (`notices.objection_offered: true`).",
  tags = { "recording", "transparency" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.recording_announcement ~= true then
      ctx:fail(cadre.at(system, "notices.recording_announcement"),
        "callers are not told before their call is recorded")
    end
    if notices == nil or notices.objection_offered ~= true then
      ctx:fail(cadre.at(system, "notices.objection_offered"),
        "callers cannot object to the recording")
    end
  end,
}
