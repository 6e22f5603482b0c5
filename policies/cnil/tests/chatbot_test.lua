-- The CNIL's guidance on chatbots (19 Feb 2021): trackers before the chatbot is opened, conversation retention.

local as_of = { as_of = "2026-11-29" }

local function chatbot(data, tables)
  return system{
    purposes = {
      { id = "self-service", description = "Answer customers", legal_basis = "contract", uses = { "essential.service.operations.support.self_service" } },
      { id = "widget", description = "Remember the chat window's state", legal_basis = "legitimate_interests", uses = { "functional.storage" } },
      { id = "audience", description = "Measure who sees the chatbot", legal_basis = "legitimate_interests", uses = { "analytics.reporting" } },
    },
    data = data,
    ai = { { id = "eli", kind = "chatbot", interacts_with = { "customer" }, discloses_ai = "at_start" } },
    stores = tables and { { id = "conversations", engine = "sqlite", url = "c.sqlite", tables = tables } } or nil,
  }
end

describe("cnil.chatbot.cookies", function()
  it("fails for a tracker used for audience measurement without consent", function()
    local result = run("cnil.chatbot.cookies", chatbot{
      { category = "user.device.cookie_id", subjects = { "customer" }, purposes = { "widget", "audience" } },
    }, as_of)
    expect(result):to_fail_with("the chatbot's trackers (user.device.cookie_id) serve 'audience' without consent (loi Informatique et Libertés art. 82)")
    expect(result):to_have_findings(1)
    expect(result):to_point_at("data[1].purposes[2]")
  end)

  it("cites art. 82 of the loi Informatique et Libertés, not a GDPR legal basis", function()
    local result = run("cnil.chatbot.cookies", chatbot{
      { category = "user.device.cookie_id", subjects = { "customer" }, purposes = { "audience" } },
    }, as_of)
    expect(result):to_fail_with("without consent (loi Informatique et Libertés art. 82)")
    expect(result.references[1].citation):to_be("Loi Informatique et Libertés art. 82")
    expect(result.references[2].citation):to_be("ePrivacy Directive 2002/58/EC Art. 5(3)")
    for _, reference in ipairs(result.references) do
      expect(reference.citation:find("GDPR Art. 6", 1, true)):to_be(nil)
    end
  end)

  it("passes for a tracker the conversation needs", function()
    expect(run("cnil.chatbot.cookies", chatbot{
      { category = "user.device.cookie_id", subjects = { "customer" }, purposes = { "widget" } },
    }, as_of)):to_pass()
  end)

  it("does not apply to a chatbot with no tracker", function()
    expect(run("cnil.chatbot.cookies", chatbot{
      { category = "user.content.chat_transcript", subjects = { "customer" }, purposes = { "self-service" } },
    }, as_of)):to_be_skipped("not-applicable")
  end)
end)

describe("cnil.chatbot.conversation-retention", function()
  it("fails for conversations kept on criteria alone, in a table with no period", function()
    local result = run("cnil.chatbot.conversation-retention", chatbot({
      { category = "user.content.chat_transcript", subjects = { "customer" }, purposes = { "self-service" },
        retention = { criteria = "as long as useful" }, stores = { "conversations" } },
    }, { { name = "conversations", free_text = { "transcript" } } }), as_of)
    expect(result):to_fail_with("chat conversations are kept with no fixed period")
    expect(result):to_fail_with("table conversations.conversations stores conversation text with no retention period")
  end)

  it("passes with a fixed period, applied in the store", function()
    expect(run("cnil.chatbot.conversation-retention", chatbot({
      { category = "user.content.chat_transcript", subjects = { "customer" }, purposes = { "self-service" },
        retention = { period = "P6M", from = "collection" }, stores = { "conversations" } },
    }, { { name = "conversations", free_text = { "transcript" }, retention = { period = "P6M", column = "started_at" } } }), as_of)):to_pass()
  end)
end)
