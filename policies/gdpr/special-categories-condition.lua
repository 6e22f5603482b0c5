-- GDPR Art. 9(1)-(2): special categories of data are processed only under one of the conditions of Art. 9(2).
local special = cadre.taxonomy.special

return {
  id = "gdpr.special-categories.condition",
  title = "Special categories of data rest on an Art. 9(2) condition",
  description = "Processing data revealing racial or ethnic origin, political opinions, religious or philosophical beliefs or trade union membership, genetic data, biometric data processed to identify a person, health data, or data about sex life or sexual orientation is prohibited unless one of the conditions of Art. 9(2)(a)-(j) applies, in addition to an Art. 6 basis. In customer service it is typically explicit consent (9(2)(a)). Each purpose that processes such data names its condition.",
  severity = "critical",
  references = { "GDPR Art. 9(1)", "GDPR Art. 9(2)" },
  confidence = "text",
  remediation = "Name the Art. 9(2) condition in the purpose's `special_category_condition` (typically `explicit_consent`), or stop processing the data.",
  tags = { "special-categories", "lawfulness" },
  applies = function(system)
    for _, item in ipairs(system.data) do
      if special(item.category) == "article_9" then return true end
    end
    return false
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      if special(item.category) == "article_9" then
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
