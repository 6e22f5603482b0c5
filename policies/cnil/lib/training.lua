-- Purposes that develop an AI model (the data use `train_ai_system`), as the CNIL's
-- recommendations on AI development (2024-2025) see them.
local matches = cadre.taxonomy.matches

local training = {}

--- Whether `purpose` develops or trains an AI model.
function training.purpose(purpose)
  return cadre.find(purpose.uses, function(use) return matches(use, "train_ai_system") end) ~= nil
end

--- Whether `purpose` trains a model on the basis of legitimate interests.
function training.on_interests(purpose)
  return purpose.legal_basis == "legitimate_interests" and training.purpose(purpose)
end

return training
