-- When a deployer becomes the provider of a high-risk system (Art. 25(1)(a), (b), (c)).

local in_force = { as_of = "2028-01-01" }

local purposes = {
  { id = "eligibility", description = "Financing eligibility", legal_basis = "contract", uses = { "finance.credit_assessment" } },
}

local function bot(role, fields)
  local component = {
    id = "credit-bot", kind = "chatbot", purposes = { "eligibility" }, interacts_with = { "customer" }, discloses_ai = "at_start",
    infers = { "creditworthiness" }, about = { "customer" }, decides = "assists", effect = "legal", annex_iii = { "5b" },
    model = { name = "Large model", provider = "Model Co", version = "4", general_purpose = false },
  }
  for k, v in pairs(fields or {}) do component[k] = v end
  return system{ role = role, purposes = purposes, ai = { component } }
end

describe("ai-act.provider.intended-purpose", function()
  local gpai = { model = { name = "Large model", provider = "Model Co", version = "4", general_purpose = true } }

  it("fails for a credit bot a deployer built on a general-purpose model", function()
    local result = run("ai-act.provider.intended-purpose", bot("deployer", gpai), in_force)
    expect(result):to_fail_with("which makes it the system's provider (Art. 25(1)(c)); the descriptor says `role: deployer`")
    expect(result):to_point_at("ai[1].model.general_purpose")
  end)

  it("passes when the organisation declares itself provider", function()
    expect(run("ai-act.provider.intended-purpose", bot("provider", gpai), in_force)):to_pass()
  end)

  it("does not concern a purpose-built model", function()
    expect(run("ai-act.provider.intended-purpose", bot("deployer"), in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.provider.own-name", function()
  it("fails for a supplier's high-risk system put into service under the organisation's brand", function()
    local result = run("ai-act.provider.own-name", bot("deployer", { branded = true }), in_force)
    expect(result):to_fail_with("under the organisation's name, which makes it its provider (Art. 25(1)(a))")
    expect(result):to_point_at("ai[1].branded")
  end)

  it("passes for the provider, and does not concern an unbranded system", function()
    expect(run("ai-act.provider.own-name", bot("provider", { branded = true }), in_force)):to_pass()
    expect(run("ai-act.provider.own-name", bot("deployer", { branded = false }), in_force)):to_be_skipped("not-applicable")
  end)
end)

describe("ai-act.provider.substantial-modification", function()
  it("fails for a deployer that substantially modified a high-risk system", function()
    expect(run("ai-act.provider.substantial-modification", bot(nil, { substantially_modified = true }), in_force))
      :to_fail_with("which makes it its provider (Art. 25(1)(b)); the descriptor says no role")
  end)

  it("passes for the provider", function()
    expect(run("ai-act.provider.substantial-modification", bot("provider", { substantially_modified = true }), in_force)):to_pass()
  end)

  it("is not yet in force before the Annex III date", function()
    expect(run("ai-act.provider.substantial-modification", bot("deployer", { substantially_modified = true }), { as_of = "2027-01-01" }))
      :to_be_skipped("not-yet-in-force")
  end)
end)
