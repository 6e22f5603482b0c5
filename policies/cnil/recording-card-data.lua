-- CNIL NS-57 and its guidance on recordings: no payment card number ends up in call recordings' metadata or transcripts.
local matches = cadre.taxonomy.matches

local call_content = { "user.content.call_recording", "user.content.call_transcript" }

-- The tables that hold calls: a column of call content, or a store a call item names; with the
-- columns to scan: free text and the declared columns (the call's metadata).
local function call_tables(system)
  local stores = {}
  for _, category in ipairs(call_content) do
    for _, item in ipairs(system:data_of(category)) do
      for _, id in ipairs(item.stores) do stores[id] = true end
    end
  end
  local found = {}
  for _, store in ipairs(system.stores) do
    for _, t in ipairs(store.tables) do
      local columns, holds, listed = {}, stores[store.id] == true, {}
      -- A column the table lists both as free text and as a column is scanned once, so each card
      -- number is counted once.
      local function add(column)
        if not listed[column] then
          listed[column] = true
          columns[#columns + 1] = column
        end
      end
      for _, column in ipairs(t.free_text) do add(column) end
      for column, category in pairs(t.columns) do
        add(column)
        for _, call in ipairs(call_content) do
          if matches(category, call) then holds = true end
        end
      end
      table.sort(columns)
      if holds and #columns > 0 then found[#found + 1] = {store = store.id, table = t, columns = columns} end
    end
  end
  return found
end

---@type cadre.Rule
return {
  id = "cnil.recording.card-data",
  title = "No card numbers in call transcripts and recording metadata",
  description = "Bank details given during a call must not be kept in its recording, nor in what is derived from it: transcripts, summaries, notes. The tables holding calls are scanned, free text and metadata columns, for payment card numbers (Luhn-valid); each one found is a card number kept in violation of the CNIL's guidance, and, with it, usually the expiry date and security code the caller dictated. NS-57 (CNIL délibération n° 2014-474 of 27 Nov 2014) was a simplified norm: simplified norms lost their legal force on 25 May 2018, when the GDPR became applicable, and the CNIL keeps its rules as guidance on call recording (departures are justified, not forbidden).",
  severity = "critical",
  references = {
    { "CNIL délibération n° 2014-474 (NS-57)", url = "https://www.legifrance.gouv.fr/search/cnil?tab_selection=cnil&searchField=ALL&query=2014-474" },
    { "CNIL, guidance on listening to and recording calls at work", url = "https://www.cnil.fr/fr/lecoute-et-lenregistrement-des-appels-sur-le-lieu-de-travail" },
    { "CNIL, recording as contract evidence (25 Apr 2022)", url = "https://www.cnil.fr/fr/lenregistrement-des-conversations-telephoniques-afin-detablir-la-preuve-de-la-formation-dun-contrat" },
    { "CNIL délibération n° 2018-303 du 6 septembre 2018 (payment cards)", url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037477764" },
    { "GDPR Art. 5(1)(c)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  },
  confidence = "secondary",
  reviewed = "2026-12-07",
  effective = { from = "2014-11-27" },
  remediation = "Pause recording and transcription while card details are given (or take payments on a secure server), and purge the card numbers already stored.",
  tags = { "recording", "payment", "stores" },
  applies = function(system) return #call_tables(system) > 0 end,
  check = function(system, ctx)
    for _, found in ipairs(call_tables(system)) do
      local report = ctx:store(found.store):scan(found.table.name, { columns = found.columns, detectors = { "card" } })
      local cards = report.detectors.card
      if cards and cards.matches > 0 then
        local columns = {}
        for column in pairs(cards.columns) do columns[#columns + 1] = column end
        table.sort(columns)
        ctx:fail({found.table, evidence = cards.examples}, "%d card numbers in %d rows of %s.%s (%s)%s",
          cards.matches, cards.rows, found.store, found.table.name, table.concat(columns, ", "),
          report.truncated and string.format(", in the first %d rows scanned", report.rows) or "")
      end
    end
  end,
}
