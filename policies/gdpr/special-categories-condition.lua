-- GDPR Art. 9(1)-(2): special categories of data are processed only under one of the conditions of Art. 9(2).
local special = cadre.taxonomy.special
local biometrics = require("biometrics")

-- Whether `item` is a special category of Art. 9 in `system`: biometric data only when something
-- identifies people by it (Art. 9(1): "for the purpose of uniquely identifying"); a voice that is
-- only recorded or transcribed is not (gdpr.special-categories.voice-transcription).
local function article_9(system, item)
  if special(item.category) ~= "article_9" then return false end
  return not biometrics.without_identification(system, item)
end

---@type cadre.Rule
return {
  id = "gdpr.special-categories.condition",
  title = "Special categories of data rest on an Art. 9(2) condition",
  description = "Processing data revealing racial or ethnic origin, political opinions, religious or philosophical beliefs or trade union membership, genetic data, biometric data processed to identify a person, health data, or data about sex life or sexual orientation is prohibited unless one of the conditions of Art. 9(2)(a)-(j) applies, in addition to an Art. 6 basis. In customer service it is typically explicit consent (9(2)(a)). Each purpose that processes such data names its condition. Biometric data is a special category only when processed to identify someone: a system that declares voice data as biometric but only records or transcribes it is not asked for a condition (gdpr.special-categories.voice-transcription tells it to declare the data for what it is).",
  severity = "critical",
  references = {
    { "GDPR Art. 9(1)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
    { "GDPR Art. 9(2)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "text",
  reviewed = "2026-12-07",
  remediation = "Name the Art. 9(2) condition in the purpose's `special_category_condition` (typically `explicit_consent`), or stop processing the data.",
  tags = { "special-categories", "lawfulness" },
  applies = function(system)
    return cadre.find(system.data, function(item) return article_9(system, item) end) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      if article_9(system, item) then
        if #item.purposes == 0 then
          ctx:fail(item, "%s is a special category (Art. 9) processed for no declared purpose, hence under no Art. 9(2) condition", item.category)
        end
        for index, id in ipairs(item.purposes) do
          local purpose = system:purpose(id)
          if purpose and purpose.special_category_condition == nil then
            ctx:fail({item.purposes, index}, "%s is a special category (Art. 9), but purpose '%s' names no Art. 9(2) condition", item.category, id)
          end
        end
      end
    end
  end,
}
