-- How prospects agreed to be contacted (`prospecting.consent`), in words for messages.
local consent = {}

local phrases = {
  prior_consent = "with their prior consent",
  soft_opt_in = "on the soft opt-in",
  opt_out = "on an opt-out basis",
}

--- `prospecting.consent` as a phrase: "on an opt-out basis".
function consent.phrase(value)
  return value and phrases[value] or "with no stated consent"
end

return consent
