-- cnil.recording.retention: call recordings are kept six months at most (CNIL NS-57).

local function recordings(period)
  return system{
    purposes = {
      { id = "quality", description = "Evaluate agents on sample calls", legal_basis = "legitimate_interests",
        legitimate_interest_assessment = "docs/lia-quality.pdf", uses = { "employment.evaluation" } },
    },
    data = {
      { category = "user.content.call_recording", subjects = { "customer", "employee.agent" }, purposes = { "quality" },
        retention = { period = period, from = "collection" } },
    },
  }
end

describe("cnil.recording.retention", function()
  it("fails when recordings are kept three years, at the retention period", function()
    local result = run("cnil.recording.retention", recordings("P3Y"))
    expect(result):to_fail_with("six months")
    expect(result):to_point_at("data[1].retention.period")
  end)

  it("fails at 183 days, which can exceed six months", function()
    expect(run("cnil.recording.retention", recordings("P183D"))):to_fail_with("P183D")
  end)

  it("passes at six months exactly", function()
    expect(run("cnil.recording.retention", recordings("P6M"))):to_pass()
  end)

  it("does not apply to a system that records no call", function()
    local chat = system{
      data = { { category = "user.contact.email", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract" } } },
    }
    expect(run("cnil.recording.retention", chat)):to_be_skipped("not-applicable")
  end)

  it("is waived while an approved waiver lasts", function()
    local held = system{
      data = { { category = "user.content.call_recording", subjects = { "customer" }, retention = { period = "P3Y", from = "collection" } } },
      waivers = { { rule = "cnil.recording.retention", reason = "Litigation hold, case 2025-114",
                    approved_by = "dpo@electra.example", expires = "2026-12-31" } },
    }
    expect(run("cnil.recording.retention", held, { as_of = "2026-11-29" })):to_be_waived()
    expect(run("cnil.recording.retention", held, { as_of = "2027-01-04" })):to_fail()
  end)
end)
