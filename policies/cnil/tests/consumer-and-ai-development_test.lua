-- Personalised prices (Directive 2011/83 Art. 6(1)(ea), L.221-5) and the objection before training (CNIL, 2025).

local as_of = { as_of = "2026-11-29" }

describe("cnil.consumer.personalised-price", function()
  local function seller(notices)
    return system{
      ai = { { id = "sales", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start", infers = { "propensity" },
               about = { "customer" }, personalises_prices = true } },
      notices = notices,
    }
  end

  it("fails for an AI sales assistant that personalises prices without saying so", function()
    local result = run("cnil.consumer.personalised-price", seller(nil), as_of)
    expect(result):to_fail_with("'sales' personalises the prices it offers, and consumers are not told the price was personalised by automated decision-making (L.221-5)")
    expect(result):to_point_at("ai[1]")
  end)

  it("passes when consumers are told", function()
    expect(run("cnil.consumer.personalised-price", seller{ personalised_price_disclosed = true }, as_of)):to_pass()
  end)

  it("does not concern an assistant that offers the same price to everyone", function()
    expect(run("cnil.consumer.personalised-price", system{
      ai = { { id = "sales", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start", personalises_prices = false } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.ai-development.objection", function()
  local function training(notices)
    return system{
      purposes = { { id = "training", description = "Fine-tune the voicebot on calls", legal_basis = "legitimate_interests",
                     legitimate_interest_assessment = "LIA-7", uses = { "train_ai_system" } } },
      notices = notices,
    }
  end

  it("fails when people cannot object before their calls train the model", function()
    local result = run("cnil.ai-development.objection", training(nil), as_of)
    expect(result):to_fail_with("purpose 'training' trains a model on legitimate interests, and people have no easy way to object before their data is used")
    expect(result):to_point_at("purposes[1]")
  end)

  it("passes when they can", function()
    expect(run("cnil.ai-development.objection", training{ objection_offered = true }, as_of)):to_pass()
  end)

  it("is not in force before the CNIL's sheets of 19 June 2025", function()
    expect(run("cnil.ai-development.objection", training(nil), { as_of = "2025-06-18" })):to_be_skipped("not-yet-in-force")
  end)
end)
