-- CNIL NS-57: employees whose calls are listened to or recorded are informed beforehand.
local recording = require("recording")

return {
  id = "cnil.recording.employees-informed",
  title = "Agents are informed before their calls are recorded",
  description = "Employees are informed individually, before it is put in place, that their calls may be listened to or recorded: the purposes, how and when it happens, who listens, how long recordings are kept, and their rights. Monitoring of employees they were not told about is unfair processing.",
  severity = "high",
  references = { "CNIL NS-57", "GDPR Art. 13" },
  confidence = "secondary",
  effective = { from = "2014-11-27" },
  remediation = "Inform the agents individually before recording (`notices.employees_informed: true`), in the onboarding and in a note they acknowledge.",
  tags = { "recording", "employees", "transparency" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.employees_informed ~= true then
      ctx:fail(cadre.at(system, "notices.employees_informed"),
        "agents are not informed beforehand that their calls are recorded")
    end
  end,
}
