-- gdpr.retention.stores: every table of personal data has a retention and a date to measure it (Art. 5(1)(e)).

local as_of = { as_of = "2026-11-29" }

local function store(tables)
  return system{ stores = { { id = "crm", engine = "sqlite", url = "crm.sqlite", tables = tables } } }
end

describe("gdpr.retention.stores", function()
  it("fails for a table of personal data with no retention", function()
    local result = run("gdpr.retention.stores", store{
      { name = "customers", columns = { email = "user.contact.email" } },
      { name = "settings" },
    }, as_of)
    expect(result):to_fail_with("table crm.customers holds personal data with no retention period")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("stores[1].tables[1]")
  end)

  it("fails for free text kept with a period but no date column", function()
    expect(run("gdpr.retention.stores", store{ { name = "notes", free_text = { "body" }, retention = { period = "P1Y" } } }, as_of))
      :to_fail_with("names no date column")
  end)

  it("passes when each table says how long and by which date", function()
    expect(run("gdpr.retention.stores", store{
      { name = "customers", columns = { email = "user.contact.email" }, retention = { period = "P3Y", column = "ended_at" } },
    }, as_of)):to_pass()
  end)
end)
