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
  local calls = { channels = { "phone" }, audience = { "consumers" }, consent = "prior_consent", opt_out_offered = true }

  it("warns for telephone prospecting that mentions heat pumps", function()
    local result = run("cnil.prospecting.energy-renovation", campaign(calls, "Sells heat pump installations"), { as_of = "2026-11-29" })
    expect(result):to_warn_with("the system calls consumers and mentions 'heat pump'")
    expect(result):to_warn_with("loi n° 2020-901")
  end)

  it("has applied since loi n° 2020-901 (26 July 2020), not only since 2026", function()
    expect(run("cnil.prospecting.energy-renovation", campaign(calls, "Heat pump campaign"), { as_of = "2024-06-01" }))
      :to_warn_with("telephone prospecting of consumers for energy-renovation work is banned")
    expect(run("cnil.prospecting.energy-renovation", campaign(calls, "Heat pump campaign"), { as_of = "2020-07-25" }))
      :to_be_skipped("not-yet-in-force")
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

  it("does not concern campaigns that call professionals only", function()
    expect(run("cnil.prospecting.energy-renovation", campaign({ channels = { "phone" }, audience = { "professionals" } }, "Heat pumps for offices"), { as_of = "2026-11-29" }))
      :to_be_skipped("not-applicable")
    expect(run("cnil.prospecting.energy-renovation", campaign({ channels = { "phone" }, audience = { "professionals", "consumers" } }, "Heat pumps for offices and homes"), { as_of = "2026-11-29" }))
      :to_warn_with("the system calls consumers and mentions 'heat pump'")
  end)

  it("leaves other channels to cnil.prospecting.energy-renovation-channels", function()
    expect(run("cnil.prospecting.energy-renovation", campaign({ channels = { "email" }, audience = { "consumers" } }, "Heat pump mailing"), { as_of = "2026-11-29" }))
      :to_be_skipped("not-applicable")
  end)
end)

describe("cnil.prospecting.energy-renovation-channels", function()
  local mails = { channels = { "email", "sms" }, audience = { "consumers" }, consent = "prior_consent", opt_out_offered = true }

  it("warns for an email campaign selling insulation", function()
    expect(run("cnil.prospecting.energy-renovation-channels", campaign(mails, "Isolation des combles à 1 euro"), { as_of = "2026-11-29" }))
      :to_warn_with("the system prospects by email and mentions 'isolation des combles'")
  end)

  it("passes for an email campaign about electricity offers", function()
    expect(run("cnil.prospecting.energy-renovation-channels", campaign(mails, "Green electricity offer"), { as_of = "2026-11-29" })):to_pass()
  end)

  it("applies from 11 August 2026 only", function()
    expect(run("cnil.prospecting.energy-renovation-channels", campaign(mails, "Heat pump mailing"), { as_of = "2026-08-10" }))
      :to_be_skipped("not-yet-in-force")
  end)
end)

describe("cnil.prospecting.audience-declared", function()
  it("warns when neither the descriptor nor its data says whom the system prospects", function()
    local result = run("cnil.prospecting.audience-declared", campaign({ channels = { "sms" }, consent = "opt_out" }), { as_of = "2026-11-29" })
    expect(result):to_warn_with("does not say whom it prospects")
    expect(result):to_point_at("prospecting")
  end)

  it("passes when the audience is declared, or the data shows prospects", function()
    expect(run("cnil.prospecting.audience-declared", campaign({ channels = { "sms" }, audience = { "professionals" } }), { as_of = "2026-11-29" })):to_pass()
    expect(run("cnil.prospecting.audience-declared", system{
      data = { { category = "user.contact.phone_number", subjects = { "prospect" } } },
      prospecting = { channels = { "sms" } },
    }, { as_of = "2026-11-29" })):to_pass()
  end)
end)

describe("prospects are people: the audience inferred from `subjects: [prospect]`", function()
  local function prospects(prospecting)
    return system{
      data = { { category = "user.contact.phone_number", subjects = { "prospect" } } },
      prospecting = prospecting,
    }
  end

  it("requires prior consent to text prospects whose audience the descriptor leaves out", function()
    expect(run("cnil.prospecting.email-sms-consent", prospects{ channels = { "sms" }, consent = "opt_out", opt_out_offered = true }, { as_of = "2026-11-29" }))
      :to_fail_with("individuals who are not customers (prospects, inferred from the data: `prospecting.audience` does not say) are prospected")
  end)

  it("requires prior consent to call them from 11 August 2026", function()
    expect(run("cnil.prospecting.phone-consent", prospects{ channels = { "phone" }, consent = "opt_out" }, { as_of = "2026-11-29" }))
      :to_fail_with("prior consent is required since 11 August 2026")
  end)

  it("takes the declared audience over the data", function()
    expect(run("cnil.prospecting.phone-consent", prospects{ channels = { "phone" }, audience = { "professionals" }, consent = "opt_out" }, { as_of = "2026-11-29" }))
      :to_be_skipped("not-applicable")
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
