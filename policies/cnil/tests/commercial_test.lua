-- The CNIL's commercial management framework (Délibération 2021-131) and payment cards (2018-303):
-- prospects, former customers, cards, security codes, inactive accounts, archives.

local as_of = { as_of = "2026-11-29" }

local purposes = {
  { id = "prospecting", description = "Call prospects and customers to sell offers", legal_basis = "legitimate_interests",
    legitimate_interest_assessment = "docs/lia.pdf", uses = { "marketing.communications.phone" } },
  { id = "billing", description = "Bill customers", legal_basis = "contract", uses = { "essential.service.payment_processing" } },
  { id = "one-click", description = "Keep the card for later purchases", legal_basis = "consent", uses = { "essential.service.payment_processing" } },
  { id = "evidence", description = "Keep proof of contracts", legal_basis = "legal_obligation", uses = { "essential.contract_evidence" } },
  { id = "account", description = "Run the online customer account", legal_basis = "contract", uses = { "essential.service" } },
}

local function with_data(data, sector)
  return system{
    organisation = { name = "Électra Énergie SAS", country = "FR", sector = sector or "energy" },
    purposes = purposes,
    data = data,
  }
end

describe("cnil.commercial.prospect-retention", function()
  it("fails for prospects kept four years", function()
    local result = run("cnil.commercial.prospect-retention", with_data{
      { category = "user.contact.phone_number", subjects = { "prospect" }, purposes = { "prospecting" }, retention = { period = "P4Y", from = "last_contact" } },
    }, as_of)
    expect(result):to_fail_with("prospects' user.contact.phone_number kept P4Y; three years at most")
    expect(result):to_point_at("data[1].retention.period")
    -- SAN-2020-008 judged the retention of customers' data, not prospects': it is cited by the former-customer rule
    for _, reference in ipairs(result.references) do
      expect(reference.citation:find("SAN-2020-008", 1, true) == nil):to_be(true)
    end
  end)

  it("fails for a period counted from the end of a contract prospects do not have", function()
    expect(run("cnil.commercial.prospect-retention", with_data{
      { category = "user.name", subjects = { "prospect" }, purposes = { "prospecting" }, retention = { period = "P3Y", from = "end_of_contract" } },
    }, as_of)):to_fail_with("runs from collection or last contact")
  end)

  it("passes for three years from the last contact", function()
    expect(run("cnil.commercial.prospect-retention", with_data{
      { category = "user.name", subjects = { "prospect", "customer" }, purposes = { "prospecting" }, retention = { period = "P3Y", from = "last_contact" } },
    }, as_of)):to_pass()
  end)

  it("does not apply to the sectors the framework excludes", function()
    expect(run("cnil.commercial.prospect-retention", with_data({
      { category = "user.name", subjects = { "prospect" }, purposes = { "prospecting" }, retention = { period = "P5Y", from = "last_contact" } },
    }, "insurance"), as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.commercial.former-customer-retention", function()
  it("fails for customers' data used for prospecting five years after the contract", function()
    local result = run("cnil.commercial.former-customer-retention", with_data{
      { category = "user.behavior.service_usage", subjects = { "customer" }, purposes = { "billing", "prospecting" }, retention = { period = "P5Y", from = "end_of_contract" } },
    }, as_of)
    expect(result):to_fail_with("used for prospecting and kept P5Y")
    expect(result):to_fail_with("the CNIL judged four years excessive, SAN-2020-008")
  end)

  it("passes at three years", function()
    expect(run("cnil.commercial.former-customer-retention", with_data{
      { category = "user.behavior.service_usage", subjects = { "customer.former" }, purposes = { "prospecting" }, retention = { period = "P3Y", from = "end_of_relationship" } },
    }, as_of)):to_pass()
  end)

  it("does not apply to customers' data not used for prospecting", function()
    expect(run("cnil.commercial.former-customer-retention", with_data{
      { category = "user.financial.billing", subjects = { "customer" }, purposes = { "billing" }, retention = { period = "P10Y", from = "end_of_contract" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.commercial.payment-card", function()
  it("fails for cards kept two years without consent", function()
    local result = run("cnil.commercial.payment-card", with_data{
      { category = "user.financial.credit_card", subjects = { "customer" }, purposes = { "billing" }, retention = { period = "P2Y", from = "transaction" } },
    }, as_of)
    expect(result):to_fail_with("card data kept P2Y in all")
  end)

  it("counts the archive: one month then fourteen months archived is too long", function()
    expect(run("cnil.commercial.payment-card", with_data{
      { category = "user.financial.credit_card", subjects = { "customer" }, purposes = { "billing" },
        retention = { period = "P1M", from = "transaction", archive = { period = "P15M", reason = "disputes" } } },
    }, as_of)):to_fail_with("card data kept P16M in all")
  end)

  it("warns past 13 months, justified only for deferred debit", function()
    expect(run("cnil.commercial.payment-card", with_data{
      { category = "user.financial.credit_card", subjects = { "customer" }, purposes = { "billing" }, retention = { period = "P15M", from = "transaction" } },
    }, as_of)):to_warn_with("deferred-debit")
  end)

  it("passes for 13 months as dispute evidence, and for a card kept with consent", function()
    expect(run("cnil.commercial.payment-card", with_data{
      { category = "user.financial.credit_card", subjects = { "customer" }, purposes = { "billing" },
        retention = { period = "P15D", from = "transaction", archive = { period = "P12M", reason = "disputes" } } },
      { category = "user.financial.credit_card", subjects = { "customer" }, purposes = { "one-click" }, retention = { period = "P3Y", from = "last_activity" } },
    }, as_of)):to_pass()
  end)
end)

describe("cnil.commercial.cvv", function()
  local function store(columns)
    return system{ stores = { { id = "payments", engine = "sqlite", url = "p.sqlite", tables = { { name = "cards", columns = columns } } } } }
  end

  it("fails for a column that keeps the security code", function()
    local result = run("cnil.commercial.cvv", store{ pan = "user.financial.credit_card", card_cvv = "user.financial.credit_card" }, as_of)
    expect(result):to_fail_with("column 'card_cvv' of payments.cards looks like a card security code")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("stores[1].tables[1].columns.card_cvv")
  end)

  it("passes for a card token only", function()
    expect(run("cnil.commercial.cvv", store{ card_token = "user.financial.credit_card" }, as_of)):to_pass()
  end)
end)

describe("cnil.commercial.inactive-accounts", function()
  it("fails for accounts kept three years after the last login", function()
    expect(run("cnil.commercial.inactive-accounts", with_data{
      { category = "user.account.username", subjects = { "customer" }, purposes = { "account" }, retention = { period = "P3Y", from = "last_activity" } },
    }, as_of)):to_fail_with("kept P3Y after the last activity; two years at most")
  end)

  it("fails for accounts kept from creation, never deleted for inactivity", function()
    local result = run("cnil.commercial.inactive-accounts", with_data{
      { category = "user.authorization.credentials", subjects = { "customer" }, purposes = { "account" }, retention = { period = "P5Y", from = "collection" } },
    }, as_of)
    expect(result):to_fail_with("an account unused for two years is not deleted")
    expect(result):to_point_at("data[1].retention.from")
  end)

  it("passes for two years of inactivity, or until closure", function()
    expect(run("cnil.commercial.inactive-accounts", with_data{
      { category = "user.account.username", subjects = { "customer" }, purposes = { "account" }, retention = { period = "P2Y", from = "last_activity" } },
      { category = "user.account.settings", subjects = { "customer" }, purposes = { "account" }, retention = { period = "P1M", from = "account_closure" } },
    }, as_of)):to_pass()
  end)

  it("does not apply to contract data", function()
    expect(run("cnil.commercial.inactive-accounts", with_data{
      { category = "user.account.contract", subjects = { "customer" }, purposes = { "billing" }, retention = { period = "P5Y", from = "end_of_contract" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.commercial.archive-durations", function()
  it("fails for contract evidence archived ten years", function()
    local result = run("cnil.commercial.archive-durations", with_data{
      { category = "user.account.contract", subjects = { "customer" }, purposes = { "evidence" },
        retention = { period = "P1Y", from = "end_of_contract", archive = { period = "P10Y", reason = "Code de commerce L.110-4" } } },
    }, as_of)
    expect(result):to_fail_with("archived P10Y as contract evidence; five years at most")
    expect(result):to_point_at("data[1].retention.archive.period")
  end)

  it("fails for any archive past ten years", function()
    expect(run("cnil.commercial.archive-durations", with_data{
      { category = "user.financial.billing", subjects = { "customer" }, purposes = { "billing" },
        retention = { period = "P1Y", from = "end_of_contract", archive = { period = "P15Y", reason = "just in case" } } },
    }, as_of)):to_fail_with("ten years at most")
  end)

  it("passes for ten years of accounting documents", function()
    expect(run("cnil.commercial.archive-durations", with_data{
      { category = "user.financial.billing", subjects = { "customer" }, purposes = { "billing" },
        retention = { period = "P1Y", from = "end_of_contract", archive = { period = "P10Y", reason = "Code de commerce L.123-22" } } },
    }, as_of)):to_pass()
  end)
end)
