-- CNIL NS-57: staff representatives are consulted before calls are listened to or recorded.
local recording = require("recording")

return {
  id = "cnil.recording.representatives",
  title = "Staff representatives are consulted before recording",
  description = "Before putting in place a means of listening to or recording employees' calls, the employer informs and consults the staff representatives (the CSE in France).",
  severity = "medium",
  references = { "CNIL NS-57" },
  confidence = "secondary",
  effective = { from = "2014-11-27" },
  remediation = "Consult the staff representatives and record it (`notices.workers_representatives_consulted: true`).",
  tags = { "recording", "employees" },
  applies = recording.records,
  check = function(system, ctx)
    local notices = system.notices
    if notices == nil or notices.workers_representatives_consulted ~= true then
      ctx:fail(cadre.at(system, "notices.workers_representatives_consulted"),
        "staff representatives were not consulted about the recording")
    end
  end,
}
