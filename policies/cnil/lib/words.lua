-- Looking for words in what a descriptor says about itself (names, descriptions), case-insensitively.
local words = {}

--- The first term of `terms` found in `text`, or nil.
function words.find(text, terms)
  if type(text) ~= "string" then return nil end
  local lower = text:lower()
  for _, term in ipairs(terms) do
    if lower:find(term, 1, true) then return term end
  end
  return nil
end

--- The first term of `terms` in the system's name, description or purposes' descriptions, with
--- the node it was found in, or nil.
function words.in_system(system, terms)
  local term = words.find(system.name, terms) or words.find(system.description, terms)
  if term then return term, system end
  for _, purpose in ipairs(system.purposes) do
    term = words.find(purpose.description, terms)
    if term then return term, purpose end
  end
  return nil
end

return words
