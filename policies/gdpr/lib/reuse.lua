-- Further processing: data collected for one purpose reused for another (GDPR Art. 5(1)(b), 6(4),
-- 13(3)). A purpose says so (`further_processing: true`); training a model on what customers said
-- (recordings, transcripts, chats) collected to serve them is taken for a reuse too.
local matches = cadre.taxonomy.matches

local reuse = {}

local content = { "user.content.call_recording", "user.content.call_transcript", "user.content.chat_transcript" }

local function is_content(item)
  for _, category in ipairs(content) do
    if matches(item.category, category) then return true end
  end
  return false
end

--- The data use by which `purpose` trains or improves AI, or nil.
function reuse.training(purpose)
  for _, use in ipairs(purpose.uses) do
    if matches(use, "train_ai_system") then return use end
  end
  return nil
end

--- The reuses of `system`: each `{item, purpose, why, index}` where the data item `item` serves
--- `purpose` (at `item.purposes[index]`) as a further processing.
function reuse.found(system)
  local found = {}
  for _, item in ipairs(system.data) do
    local primary = false
    for _, id in ipairs(item.purposes) do
      local purpose = system:purpose(id)
      if purpose and purpose.further_processing ~= true and not reuse.training(purpose) then primary = true end
    end
    for index, id in ipairs(item.purposes) do
      local purpose = system:purpose(id)
      if purpose and purpose.further_processing == true then
        found[#found + 1] = { item = item, purpose = purpose, why = "declared a further processing", index = index }
      elseif purpose and primary and is_content(item) and reuse.training(purpose) then
        found[#found + 1] = { item = item, purpose = purpose, why = "model training", index = index }
      end
    end
  end
  return found
end

return reuse
