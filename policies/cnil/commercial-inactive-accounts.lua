-- CNIL Délibération 2021-131: an online account inactive for two years is deleted, after warning its holder.
local framework = require("framework")
local retention = require("retention")
local matches = cadre.taxonomy.matches

local function account_item(item)
  return matches(item.category, "user.authorization") or item.category == "user.account"
    or matches(item.category, "user.account.username") or matches(item.category, "user.account.settings")
end

---@type cadre.Rule
return {
  id = "cnil.commercial.inactive-accounts",
  title = "Inactive online accounts are deleted after two years",
  description = "The data of an online customer account that has not been used for two years is deleted, after its holder has been warned and given the chance to keep it. The period runs from the account's last activity (a login, an order), not from its creation.",
  severity = "medium",
  references = {
    { "CNIL Délibération 2021-131 (commercial management)", url = "https://www.cnil.fr/fr/questions-reponses-sur-les-referentiels-relatifs-la-gestion-des-activites-commerciales-et-des" },
    { "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2022-04-10" },
  remediation = "Keep account data `from: last_activity` for P2Y at most (or until the account is closed), warn the holder before deleting.",
  tags = { "retention", "accounts" },
  applies = function(system)
    return framework.applies(system) and cadre.find(system.data, account_item) ~= nil
  end,
  check = function(system, ctx)
    for _, item in ipairs(system.data) do
      local r = item.retention
      if account_item(item) and r and r.period then
        if r.from == "last_activity" then
          if retention.exceeds(r, "P2Y") then
            ctx:fail({r, "period"}, "account data (%s) kept %s after the last activity; two years at most", item.category, r.period)
          end
        elseif r.from ~= "account_closure" and retention.exceeds(r, "P2Y") then
          ctx:fail({r, "from"}, "account data (%s) is kept %s from %s, so an account unused for two years is not deleted",
            item.category, r.period, r.from and r.from:gsub("_", " ") or "an unstated event")
        end
      end
    end
  end,
}
