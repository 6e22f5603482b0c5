-- gdpr.minimisation.store-columns: stores hold only the personal data the purposes need (Art. 5(1)(c)).

local as_of = { as_of = "2026-11-29" }

local function crm(columns, stores)
  return system{
    purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    data = {
      { category = "user.name", subjects = { "customer" }, purposes = { "support" }, stores = stores },
      { category = "user.contact.phone_number", subjects = { "customer" }, purposes = { "support" } },
    },
    stores = {
      { id = "crm", engine = "sqlite", url = "crm.sqlite", tables = { { name = "customers", columns = columns } } },
      { id = "archive", engine = "sqlite", url = "archive.sqlite" },
    },
  }
end

describe("gdpr.minimisation.store-columns", function()
  it("fails for a column of a category no data item declares", function()
    local result = run("gdpr.minimisation.store-columns", crm({ full_name = "user.name", birth = "user.demographic.date_of_birth" }), as_of)
    expect(result):to_fail_with("column 'birth' of crm.customers holds user.demographic.date_of_birth, which no data item declares")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("stores[1].tables[1].columns.birth")
  end)

  it("fails for a declared category kept in a store its data item does not name", function()
    expect(run("gdpr.minimisation.store-columns", crm({ full_name = "user.name.last" }, { "archive" }), as_of))
      :to_fail_with("which no data item declares as kept in store 'crm'")
  end)

  it("passes when every column is declared, finer keys included", function()
    expect(run("gdpr.minimisation.store-columns", crm({ last_name = "user.name.last", phone = "user.contact.phone_number" }, { "crm" }), as_of)):to_pass()
  end)
end)
