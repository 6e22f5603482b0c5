-- Whom an AI component concerns: the organisation's workers (the workplace) or people outside it.
local matches = cadre.taxonomy.matches

local people = {}

--- Whether `subject` works for the organisation (employees, customer-service agents, consultants).
function people.worker(subject)
  return matches(subject, "employee") or matches(subject, "consultant")
end

--- Whether `subject` is someone outside the organisation (customers, callers, prospects…).
function people.outsider(subject)
  return not people.worker(subject)
end

--- The first subject of `list` for which `test` is true, or nil.
function people.find(list, test)
  for _, subject in ipairs(list or {}) do
    if test(subject) then return subject end
  end
  return nil
end

return people
