-- GDPR Art. 35(1): the DPIA is carried out prior to the processing, and kept up to date as the controller planned.
---@type cadre.Rule
return {
  id = "gdpr.dpia.timing",
  title = "The DPIA came before the processing and is reviewed when planned",
  description = "A DPIA is carried out prior to the processing: one completed after the system went into service did not shape it. The controller also reviews the assessment when the risks change; a review date the controller set and let pass means the assessment may no longer describe the processing.",
  severity = "medium",
  references = {
    { "GDPR Art. 35(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Review the DPIA against the system as it runs now, and record the new `date` and `next_review`.",
  tags = { "dpia" },
  applies = function(system)
    local assessment = system.assessments and system.assessments.dpia
    return assessment ~= nil and assessment.status == "done"
  end,
  check = function(system, ctx)
    local assessment = system.assessments.dpia
    if assessment.date and system.in_service_since and assessment.date > system.in_service_since then
      ctx:warn({assessment, "date"}, "the DPIA is dated %s, after the system went into service on %s", assessment.date, system.in_service_since)
    end
    if assessment.next_review and assessment.next_review < ctx.as_of then
      ctx:warn({assessment, "next_review"}, "the DPIA was due for review on %s", assessment.next_review)
    end
  end,
}
