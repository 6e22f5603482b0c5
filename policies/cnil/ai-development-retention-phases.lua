-- CNIL recommendations on AI development (2024-2025): data used to develop a model has its own retention, set separately from the service's.
local training = require("training")

---@type cadre.Rule
return {
  id = "cnil.ai-development.retention-phases",
  title = "Data used to develop AI has its own retention, per phase",
  description = "Personal data used to develop an AI system is kept for a period defined for that phase (building the dataset and training), and separately for maintenance and improvement of the model; it is not kept under the retention of the operational service, nor indefinitely because a model might be retrained one day.",
  severity = "medium",
  references = {
    { "CNIL recommendations on AI system development (sheets of 8 Apr 2024)", url = "https://www.cnil.fr/fr/les-fiches-pratiques-ia" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2024-04-08" },
  remediation = "Declare the training data as its own data item, for the training purpose only, with a retention for the development phase (and one for maintenance), and purge it at the end.",
  tags = { "ai-development", "retention" },
  applies = function(system)
    return cadre.find(system.purposes, training.purpose) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local for_training, for_service = nil, nil
      for _, id in ipairs(item.purposes) do
        local purpose = system:purpose(id)
        if purpose and training.purpose(purpose) then for_training = for_training or id else for_service = for_service or id end
      end
      if for_training then
        if item.retention == nil or (item.retention.period == nil and item.retention.criteria == nil) then
          ctx:fail(item, "%s is used to develop a model ('%s') with no retention period", item.category, for_training)
        end
        if for_service then
          ctx:fail(item.purposes, "%s serves both the service ('%s') and model development ('%s') under one retention; set them separately",
            item.category, for_service, for_training)
        end
      end
    end
  end,
}
