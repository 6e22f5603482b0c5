-- Prospecting: email and SMS (CPCE L.34-5), telephone (Code de la consommation L.223-1, before and after
-- 11 August 2026), energy renovation, the opt-out in every message.

local function campaign(prospecting, description)
  return system{ description = description, prospecting = prospecting }
end

describe("cnil.prospecting.email-sms-consent", function()
  local as_of = { as_of = "2026-11-29" }

  it("fails for emailing consumers on an opt-out basis", function()
    local result = run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "email", "sms" }, audience = { "consumers" }, consent = "opt_out", opt_out_offered = true }, as_of)
    expect(result):to_fail_with("individuals who are not customers are prospected by email, SMS or automated calls on an opt-out basis")
    expect(result):to_point_at("prospecting.consent")
  end)

  it("fails for the soft opt-in used on people who are not customers", function()
    expect(run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "email" }, audience = { "consumers", "existing_customers" }, consent = "soft_opt_in", opt_out_offered = true }, as_of))
      :to_have_findings(1)
  end)

  it("fails for customers emailed with no stated consent", function()
    expect(run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "sms" }, audience = { "existing_customers" }, opt_out_offered = true }, as_of))
      :to_fail_with("with no stated consent")
  end)

  it("passes for the soft opt-in with existing customers, and for prior consent", function()
    expect(run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "email" }, audience = { "existing_customers" }, consent = "soft_opt_in", opt_out_offered = true }, as_of)):to_pass()
    expect(run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "email", "sms" }, audience = { "consumers", "professionals" }, consent = "prior_consent", opt_out_offered = true }, as_of)):to_pass()
  end)

  it("does not apply to telephone and post", function()
    expect(run("cnil.prospecting.email-sms-consent",
      campaign{ channels = { "phone", "post" }, audience = { "consumers" }, consent = "opt_out" }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.prospecting.phone-bloctel", function()
  local cold = { channels = { "phone" }, audience = { "consumers" }, consent = "opt_out", bloctel_screening = false, opt_out_offered = true }

  it("fails for cold calls not screened against Bloctel before 11 August 2026", function()
    local result = run("cnil.prospecting.phone-bloctel", campaign(cold), { as_of = "2026-08-10" })
    expect(result):to_fail_with("not screened against Bloctel")
    expect(result):to_point_at("prospecting.bloctel_screening")
  end)

  it("passes with screening", function()
    expect(run("cnil.prospecting.phone-bloctel", campaign{ channels = { "phone" }, audience = { "consumers" }, consent = "opt_out", bloctel_screening = true },
      { as_of = "2026-01-15" })):to_pass()
  end)

  it("is no longer in force from 11 August 2026, when consent replaces Bloctel", function()
    expect(run("cnil.prospecting.phone-bloctel", campaign(cold), { as_of = "2026-08-11" })):to_be_skipped("no-longer-in-force")
  end)
end)

describe("cnil.prospecting.phone-consent", function()
  local screened = { channels = { "phone" }, audience = { "consumers", "existing_customers" }, consent = "opt_out", bloctel_screening = true, opt_out_offered = true }

  it("fails for calls to consumers on an opt-out basis from 11 August 2026", function()
    local result = run("cnil.prospecting.phone-consent", campaign(screened), { as_of = "2026-08-11" })
    expect(result):to_fail_with("consumers are called for prospecting on an opt-out basis; prior consent is required since 11 August 2026")
    expect(result):to_point_at("prospecting.consent")
  end)

  it("is not yet in force on 10 August 2026", function()
    expect(run("cnil.prospecting.phone-consent", campaign(screened), { as_of = "2026-08-10" })):to_be_skipped("not-yet-in-force")
  end)

  it("passes with prior consent", function()
    expect(run("cnil.prospecting.phone-consent", campaign{ channels = { "phone" }, audience = { "consumers" }, consent = "prior_consent", opt_out_offered = true },
      { as_of = "2026-11-29" })):to_pass()
  end)

  it("does not apply to calls to existing customers about their contract", function()
    expect(run("cnil.prospecting.phone-consent", campaign{ channels = { "phone" }, audience = { "existing_customers" }, consent = "opt_out" },
      { as_of = "2026-11-29" })):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.prospecting.energy-renovation", function()
  local calls = { channels = { "phone" }, audience = { "existing_customers" }, consent = "prior_consent", opt_out_offered = true }

  it("warns for prospecting that mentions heat pumps", function()
    local result = run("cnil.prospecting.energy-renovation", campaign(calls, "Sells heat pump installations to customers"), { as_of = "2026-11-29" })
    expect(result):to_warn_with("mentions 'heat pump'")
  end)

  it("finds the French terms in purposes too", function()
    expect(run("cnil.prospecting.energy-renovation", system{
      purposes = { { id = "pac", description = "Vendre des pompes à chaleur", legal_basis = "consent", uses = { "marketing.communications.phone" } } },
      prospecting = calls,
    }, { as_of = "2026-11-29" })):to_warn_with("pompes à chaleur")
  end)

  it("passes for an electricity offer", function()
    expect(run("cnil.prospecting.energy-renovation", campaign(calls, "Sells the green electricity offer"), { as_of = "2026-11-29" })):to_pass()
  end)

  it("is not yet in force before 11 August 2026", function()
    expect(run("cnil.prospecting.energy-renovation", campaign(calls, "Heat pump campaign"), { as_of = "2026-06-01" })):to_be_skipped("not-yet-in-force")
  end)
end)

describe("cnil.prospecting.opt-out", function()
  it("fails when messages offer no way to object", function()
    local result = run("cnil.prospecting.opt-out", campaign{ channels = { "sms" }, audience = { "existing_customers" }, consent = "soft_opt_in", opt_out_offered = false },
      { as_of = "2026-11-29" })
    expect(result):to_fail_with("do not offer a way to object")
    expect(result):to_point_at("prospecting.opt_out_offered")
  end)

  it("passes with an opt-out", function()
    expect(run("cnil.prospecting.opt-out", campaign{ channels = { "sms" }, audience = { "existing_customers" }, consent = "soft_opt_in", opt_out_offered = true },
      { as_of = "2026-11-29" })):to_pass()
  end)
end)
