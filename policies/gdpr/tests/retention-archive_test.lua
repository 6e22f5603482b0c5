-- gdpr.retention.archive: archived data has a reason and an end (Art. 5(1)(e)).

local as_of = { as_of = "2026-11-29" }

local function archived(archive)
  return system{
    data = { { category = "user.financial.billing", subjects = { "customer" }, retention = { period = "P3Y", from = "end_of_contract", archive = archive } } },
  }
end

describe("gdpr.retention.archive", function()
  it("fails for an archive with no reason and no end", function()
    local result = run("gdpr.retention.archive", archived{ period = nil, reason = nil, ["x-note"] = "kept just in case" }, as_of)
    expect(result):to_fail_with("archived with no stated reason")
    expect(result):to_fail_with("archived with no end")
    expect(result):to_point_at("data[1].retention.archive")
  end)

  it("passes with the legal reason and a period", function()
    expect(run("gdpr.retention.archive", archived{ period = "P10Y", reason = "Code de commerce L.123-22" }, as_of)):to_pass()
  end)
end)
