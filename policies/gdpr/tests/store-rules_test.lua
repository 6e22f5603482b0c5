-- Rules that read the stores (fixture stores in tests/fixtures/stores, CSV files read like a workspace's):
-- retention in the stores (Art. 5(1)(e)), personal data the descriptor does not declare (Art. 5(1)(c), 30(1)(c)).

local function crm(tables, url)
  return system{
    purposes = { { id = "support", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support" } } },
    data = {
      { category = "user.unique_id", subjects = { "customer" }, purposes = { "support" }, retention = { period = "P1Y", from = "collection" }, stores = { "crm" } },
      { category = "user.contact.email", subjects = { "customer" }, purposes = { "support" }, retention = { period = "P1Y", from = "collection" }, stores = { "crm" } },
    },
    stores = { { id = "crm", engine = "csv", url = url or "fixtures/stores/crm", tables = tables } },
  }
end

local contacts = { name = "contacts", columns = { customer_number = "user.unique_id", email = "user.contact.email" }, retention = { period = "P1Y", column = "created_at" } }
local notes = { name = "notes", columns = { customer_number = "user.unique_id" }, free_text = { "note" }, retention = { period = "P1Y", column = "created_at" } }
local tickets = { name = "tickets", columns = { customer_number = "user.unique_id" }, free_text = { "summary" }, retention = { period = "P1Y", column = "opened_at" } }

describe("gdpr.retention.store-rows", function()
  it("fails for rows older than the table's period, counted in the store", function()
    local result = run("gdpr.retention.store-rows", crm{ contacts }, { as_of = "2026-11-29" })
    expect(result):to_fail_with("2 rows of crm.contacts are older than P1Y (by created_at)")
    expect(result):to_point_at("stores[1].tables[1].retention.period")
  end)

  it("passes when every row is recent enough on the as-of date", function()
    expect(run("gdpr.retention.store-rows", crm{ contacts }, { as_of = "2025-03-01" })):to_pass()
  end)

  it("is an error, not a pass, when the store cannot be read", function()
    expect(run("gdpr.retention.store-rows", crm({ contacts }, "${CRM_FOLDER}"), { as_of = "2026-11-29" })):to_error("store")
  end)

  it("does not apply to tables with no retention to check", function()
    expect(run("gdpr.retention.store-rows", crm{ { name = "contacts", columns = { email = "user.contact.email" } } }, { as_of = "2026-11-29" }))
      :to_be_skipped("not-applicable")
  end)
end)

describe("gdpr.minimisation.undeclared-columns", function()
  it("fails for an undeclared column holding email addresses", function()
    local result = run("gdpr.minimisation.undeclared-columns", crm{ notes }, { as_of = "2026-11-29" })
    expect(result):to_fail_with("crm.notes: undeclared column(s) backup_contact hold email addresses (1 rows)")
    expect(result):to_point_at("stores[1].tables[1]")
  end)

  it("warns for free text holding an IBAN the system does not declare", function()
    local declared = { name = "notes", columns = { customer_number = "user.unique_id", backup_contact = "user.contact.email" },
                       free_text = { "note" }, retention = { period = "P1Y", column = "created_at" } }
    local result = run("gdpr.minimisation.undeclared-columns", crm{ declared }, { as_of = "2026-11-29" })
    expect(result):to_warn_with("crm.notes: free text (note) holds IBANs in 1 rows, which the system does not declare")
    expect(result):to_have_findings(1)
  end)

  it("passes for a table whose columns and free text hold only what is declared", function()
    expect(run("gdpr.minimisation.undeclared-columns", crm{ contacts, tickets }, { as_of = "2026-11-29" })):to_pass()
  end)
end)
