-- Whom personal data is about: the organisation's workers, people in a vulnerable situation, the public.
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

--- Whether `subject` is vulnerable in the sense of the EDPB's DPIA criteria (WP248 rev.01), which
--- count employees among them because of the imbalance of power.
function people.vulnerable(subject)
  return people.worker(subject) or matches(subject, "customer.vulnerable") or matches(subject, "patient")
end

--- The first subject of `list` for which `test` is true, or nil.
function people.find(list, test)
  for _, subject in ipairs(list or {}) do
    if test(subject) then return subject end
  end
  return nil
end

--- The first subject the system's data or AI components concern for which `test` is true, or nil.
function people.in_system(system, test)
  for _, item in ipairs(system.data or {}) do
    local found = people.find(item.subjects, test)
    if found then return found end
  end
  for _, component in ipairs(system.ai or {}) do
    local found = people.find(component.about, test) or people.find(component.interacts_with, test)
    if found then return found end
  end
  return nil
end

return people
