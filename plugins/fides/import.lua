-- `cadre import fides FILE...`: Fides manifests (fideslang resources) as cadre files.
--
--   system      → systems/<fides_key>.yaml, a cadre descriptor: each privacy declaration a purpose
--                 (its data use, legal basis), its data categories data items (with its subjects),
--                 its referenced datasets stores (collections as tables, fields as columns)
--   policy      → policies/<fides_key>/: a pack whose rules give the verdicts of `fides evaluate`
--                 (pack.yaml, policy.yaml — the policy, still in Fides' format — and rules.lua)
--   data_category, data_use, data_subject → taxonomy/fides.yaml, the terms cadre does not know
--   organization → each system's `organisation`
-- Fideslang keys carry over unchanged. What cadre's format has no place for is kept under
-- `x-fides` keys, which cadre leaves to rules.
local policy_rules = require("policy")

local KINDS = {
  system = true, dataset = true, policy = true, organization = true,
  data_category = true, data_use = true, data_subject = true,
}

local LEGAL_BASES = {
  ["Consent"] = "consent", ["Contract"] = "contract", ["Legal obligations"] = "legal_obligation",
  ["Vital interests"] = "vital_interests", ["Public interest"] = "public_task",
  ["Legitimate interests"] = "legitimate_interests",
}

local SPECIAL_BASES = {
  ["Explicit consent"] = "explicit_consent",
  ["Employment, social security and social protection"] = "employment_and_social_security",
  ["Vital interests"] = "vital_interests",
  ["Not-for-profit bodies"] = "not_for_profit_body",
  ["Made public by the data subject"] = "made_public_by_subject",
  ["Legal claims or judicial acts"] = "legal_claims",
  ["Reasons of substantial public interest (with a basis in law)"] = "substantial_public_interest",
  ["Health or social care (with a basis in law)"] = "health_or_social_care",
  ["Public health (with a basis in law)"] = "public_health",
  ["Archiving, research and statistics (with a basis in law)"] = "archiving_research_statistics",
}

local function each(list) return ipairs(list or {}) end

local function is_list(node) return type(node) == "table" and #node > 0 end

--- A plain copy of an input node, mappings keeping the input's key order (`_order`).
local function copy(node)
  if type(node) ~= "table" then return node end
  local out = {}
  if #node > 0 then
    for i, v in ipairs(node) do out[i] = copy(v) end
    return out
  end
  local order = {}
  for k, v in pairs(node) do
    out[k] = copy(v)
    order[#order + 1] = k
  end
  if #order > 0 then out._order = order end
  return out
end

local function strings(node)
  local out = {}
  for _, v in each(node) do if type(v) == "string" then out[#out + 1] = v end end
  return out
end

--- An identifier cadre accepts, from a Fides key or a name.
local function identifier(text, fallback)
  local s = tostring(text or ""):gsub("[^A-Za-z0-9._-]+", "-"):gsub("^[^A-Za-z0-9]+", ""):gsub("-+$", "")
  if s == "" then return fallback end
  return s
end

local function slug(text, fallback)
  local s = tostring(text or ""):lower():gsub("[^a-z0-9_]+", "-"):gsub("^[-_]+", ""):gsub("-+$", "")
  if s == "" then return fallback end
  return s
end

--- `base`, or `base-2`, `base-3`… the first not in `taken`; marks it taken.
local function unique(base, taken)
  local candidate, n = base, 1
  while taken[candidate] do
    n = n + 1
    candidate = base .. "-" .. n
  end
  taken[candidate] = true
  return candidate
end

local function join(list) return table.concat(list, "\0") end

---------------------------------------------------------------- resources

local function collect(files, ctx)
  local found = { system = {}, dataset = {}, policy = {}, organization = {}, data_category = {}, data_use = {}, data_subject = {} }
  local by_key = { dataset = {}, organization = {} }
  for _, file in ipairs(files) do
    local data = file.data
    if type(data) ~= "table" or is_list(data) then
      ctx:fail("%s is not a Fides manifest: a mapping of resource lists (system:, dataset:, policy:…)", file.name)
    else
      for kind, list in pairs(data) do
        if not KINDS[kind] then
          ctx:warn(data, "`%s` resources are not imported (cadre imports system, dataset, policy, organization, data_category, data_use and data_subject)", kind)
        elseif type(list) == "table" then
          for _, resource in ipairs(list) do
            if type(resource) ~= "table" or type(resource.fides_key) ~= "string" then
              ctx:fail(type(resource) == "table" and resource or list, "a %s without a fides_key", kind)
            else
              local entry = { node = resource, file = file.name }
              if by_key[kind] then
                if by_key[kind][resource.fides_key] then
                  ctx:warn(resource, "%s `%s` is defined again: the first definition is used", kind, resource.fides_key)
                else
                  by_key[kind][resource.fides_key] = entry
                  found[kind][#found[kind] + 1] = entry
                end
              else
                found[kind][#found[kind] + 1] = entry
              end
            end
          end
        end
      end
    end
  end
  return found, by_key
end

---------------------------------------------------------------- datasets as stores

--- Fields at every level, as Fides evaluates them: `{column = "address.street", categories}`.
local function flatten(fields, prefix, out)
  for _, field in each(fields) do
    if type(field.name) == "string" then
      local column = prefix and (prefix .. "." .. field.name) or field.name
      out[#out + 1] = { column = column, categories = strings(field.data_categories) }
      if field.fields then flatten(field.fields, column, out) end
    end
  end
  return out
end

--- Whether a dataset is a document database's (MongoDB): a field of type `object_id`, or a
--- name that says so. Fides does not name the engine of a dataset.
local function is_document_store(dataset)
  local function has_object_id(fields)
    for _, field in each(fields) do
      local meta = type(field.fides_meta) == "table" and field.fides_meta or {}
      if meta.data_type == "object_id" then return true end
      if field.fields and has_object_id(field.fields) then return true end
    end
    return false
  end
  for _, collection in each(dataset.collections) do
    if has_object_id(collection.fields) then return true end
  end
  local name = string.lower(tostring(dataset.fides_key or "") .. " " .. tostring(dataset.name or ""))
  return name:find("mongo", 1, true) ~= nil
end

local function store_of(dataset, id)
  local variable = slug(id, "dataset"):upper():gsub("[^A-Z0-9]", "_")
  local store = { id = id, engine = "postgres", url = "${" .. variable .. "_URL}" }
  if is_document_store(dataset) then
    -- cadre reads a document database's collections exported as JSON Lines (mongoexport),
    -- one file per collection: never as PostgreSQL.
    store.engine = "jsonl"
    store.url = "${" .. variable .. "_EXPORT_DIR}"
  end
  if type(dataset.description) == "string" then store.description = dataset.description end
  local categories = strings(dataset.data_categories)
  if #categories > 0 then store["x-fides"] = { data_categories = categories } end
  local tables = {}
  for _, collection in each(dataset.collections) do
    local t = { name = collection.name }
    if type(collection.description) == "string" then t.description = collection.description end
    local columns, order, several = {}, {}, {}
    for _, field in ipairs(flatten(collection.fields, nil, {})) do
      if #field.categories > 0 then
        columns[field.column] = field.categories[1]
        order[#order + 1] = field.column
        if #field.categories > 1 then several[field.column] = field.categories end
      end
    end
    if #order > 0 then
      columns._order = order
      t.columns = columns
    end
    local extra = {}
    local own = strings(collection.data_categories)
    if #own > 0 then extra.data_categories = own end
    if next(several) then extra.fields = several end
    if next(extra) then t["x-fides"] = extra end
    tables[#tables + 1] = t
  end
  if #tables > 0 then store.tables = tables end
  return store
end

---------------------------------------------------------------- systems as descriptors

local function descriptor(entry, datasets, organizations, ctx)
  local system = entry.node
  local id = identifier(system.fides_key, "system")
  if id ~= system.fides_key then
    ctx:warn(system, "system `%s`: cadre ids are letters, digits, `.`, `_` and `-`: its id is `%s`", system.fides_key, id)
  end
  local comments = {
    [""] = string.format(
      "Imported from %s (Fides system `%s`) by `cadre import fides`.\nFideslang keys are unchanged; `x-fides` keeps what cadre's format has no place for.",
      entry.file, system.fides_key),
  }
  local doc = { cadre = "system/v1", id = id, name = system.name or system.fides_key }
  if type(system.description) == "string" then doc.description = system.description end
  doc.owner = system.administrating_department
  if type(doc.owner) ~= "string" or doc.owner == "" then
    doc.owner = "to be completed"
    comments.owner = "Fides names no administrating_department: who is accountable for this system?"
  end
  local organisation = organizations[system.organization_fides_key]
  if organisation and type(organisation.node.name) == "string" then
    doc.organisation = { name = organisation.node.name }
    local dpo = organisation.node.data_protection_officer
    if type(dpo) == "table" and type(dpo.email or dpo.name) == "string" then doc.organisation.dpo = dpo.email or dpo.name end
  end

  local purposes, items, item_index, stores, store_index = {}, {}, {}, {}, {}
  local taken = {}
  for index, declaration in each(system.privacy_declarations) do
    local purpose_id = unique(slug(declaration.name, nil) or slug(declaration.data_use, "declaration-" .. index), taken)
    local purpose = { id = purpose_id }
    if type(declaration.name) == "string" then purpose.description = declaration.name end
    if type(declaration.legal_basis_for_processing) == "string" then
      purpose.legal_basis = LEGAL_BASES[declaration.legal_basis_for_processing]
      if not purpose.legal_basis then
        ctx:warn(declaration, "legal basis `%s` has no cadre equivalent: left out", declaration.legal_basis_for_processing)
      end
    end
    if type(declaration.special_category_legal_basis) == "string" then
      purpose.special_category_condition = SPECIAL_BASES[declaration.special_category_legal_basis]
    end
    if type(declaration.data_use) == "string" then
      purpose.uses = { declaration.data_use }
    else
      ctx:fail(declaration, "privacy declaration %d of system `%s` has no data_use", index, system.fides_key)
    end
    purposes[#purposes + 1] = purpose

    -- Datasets the declaration references become stores (once per system).
    local references = {}
    for _, key in each(declaration.dataset_references) do
      local dataset = datasets[key]
      if not dataset then
        ctx:fail(declaration, "dataset `%s` is referenced by system `%s` but defined in none of the files", key, system.fides_key)
      else
        if not store_index[key] then
          local store_id = identifier(key, "dataset")
          stores[#stores + 1] = store_of(dataset.node, store_id)
          store_index[key] = store_id
          comments["stores[" .. (#stores - 1) .. "].engine"] =
            stores[#stores].engine == "jsonl"
              and ("Dataset `" .. key .. "` is a document database's (MongoDB): cadre reads its collections\n"
                .. "exported as JSON Lines (mongoexport), one file per collection, in the folder the URL names.")
              or ("Fides does not say where dataset `" .. key .. "` lives: set the engine and the URL.")
        end
        references[#references + 1] = store_index[key]
      end
    end

    local subjects = strings(declaration.data_subjects)
    local categories = strings(declaration.data_categories)
    for _, category in ipairs(categories) do
      local key = join({ category, join(subjects), join(references) })
      local item = item_index[key]
      if not item then
        item = { category = category, purposes = {} }
        if #subjects > 0 then item.subjects = subjects end
        if #references > 0 then item.stores = references end
        items[#items + 1] = item
        item_index[key] = item
      end
      local listed = false
      for _, p in ipairs(item.purposes) do if p == purpose_id then listed = true end end
      if not listed then item.purposes[#item.purposes + 1] = purpose_id end
    end
    if #categories == 0 and (#subjects > 0 or #references > 0) then
      -- No data item can carry them: keep the declaration's subjects and datasets here.
      purpose["x-fides"] = { _order = { "data_subjects", "dataset_references" } }
      if #subjects > 0 then purpose["x-fides"].data_subjects = subjects end
      if #references > 0 then purpose["x-fides"].dataset_references = references end
    end
  end
  if #purposes > 0 then doc.purposes = purposes end
  if #items > 0 then doc.data = items end
  if #stores > 0 then doc.stores = stores end

  local extra, order = {}, {}
  for _, key in ipairs({ "fides_key", "system_type", "organization_fides_key", "ingress", "egress", "tags" }) do
    if system[key] ~= nil and not (key == "fides_key" and system[key] == id) then
      extra[key] = copy(system[key])
      order[#order + 1] = key
    end
  end
  if #order > 0 then
    extra._order = order
    doc["x-fides"] = extra
  end
  return "systems/" .. id .. ".yaml", doc, comments
end

---------------------------------------------------------------- policies as packs

local function pack_of(entry, taken_packs, ctx)
  local policy = entry.node
  local pack_id = unique(slug(policy.fides_key, "fides-policy"), taken_packs)
  local folder = "policies/" .. pack_id .. "/"
  local title = (type(policy.name) == "string" and policy.name or policy.fides_key) .. " (Fides policy)"
  local manifest = {
    cadre = "pack/v1", id = pack_id, version = "1.0.0", title = title,
    description = type(policy.description) == "string" and policy.description or nil,
    api = 1,
    sources = { { title = "Fides policy " .. policy.fides_key .. ", imported from " .. entry.file } },
    data = "policy.yaml",
  }
  local lines = {
    string.format("-- Fides policy `%s` as cadre rules: one rule per Fides rule, with the verdicts of", policy.fides_key),
    "-- `fides evaluate`. Imported by `cadre import fides` from " .. entry.file .. "; the policy itself is",
    "-- policy.yaml, still in Fides' format: change the rules there, and their severity here.",
    "-- Needs the fides plugin (cadre.yaml: `plugins: [.../plugins/fides]`).",
    'local fides = require("fides.policy")',
    "local policy = pack.data.policy[1]",
    "",
    "return {",
  }
  local taken_rules = {}
  for _, rule in each(policy.rules) do
    if type(rule.name) ~= "string" then
      ctx:fail(rule, "a rule of policy `%s` has no name", policy.fides_key)
    else
      local id = pack_id .. "." .. unique(policy_rules.slug(rule.name) ~= "" and policy_rules.slug(rule.name) or "rule", taken_rules)
      lines[#lines + 1] = string.format("  fides.rule(policy, %q, { id = %q, severity = \"high\" }),", rule.name, id)
    end
  end
  lines[#lines + 1] = "}"
  local comments = {
    [""] = "A pack made by `cadre import fides` from the Fides policy `" .. policy.fides_key .. "` (" .. entry.file .. ").",
  }
  local data_comments = {
    [""] = "The Fides policy `" .. policy.fides_key .. "`, as " .. entry.file .. " has it: rules.lua turns each rule into a cadre rule.",
  }
  return {
    { path = folder .. "pack.yaml", document = manifest, comments = comments },
    { path = folder .. "policy.yaml", document = { policy = { copy(policy) } }, comments = data_comments },
    { path = folder .. "rules.lua", text = table.concat(lines, "\n") .. "\n" },
  }
end

---------------------------------------------------------------- taxonomy terms

local TERM_KINDS = {
  { fides = "data_category", cadre = "data_categories", kind = "category" },
  { fides = "data_use", cadre = "data_uses", kind = "use" },
  { fides = "data_subject", cadre = "data_subjects", kind = "subject" },
}

--- Whether `key` is lower-case words joined by dots, as cadre's taxonomy keys are.
local function valid_key(key)
  for segment in (key .. "."):gmatch("([^.]*)%.") do
    if not segment:find("^[a-z][a-z0-9_]*$") then return false end
  end
  return true
end

local function taxonomy_of(found, ctx)
  local doc = { cadre = "taxonomy/v1", origin = "fides" }
  local count = 0
  for _, kind in ipairs(TERM_KINDS) do
    local terms, order = {}, {}
    for _, entry in ipairs(found[kind.fides]) do
      local term = entry.node
      local key = term.fides_key
      if cadre.taxonomy.known(key, kind.kind) then
        -- A default fideslang term, already in cadre's taxonomy.
      elseif not valid_key(key) then
        ctx:warn(term, "%s `%s`: cadre's keys are lower-case words joined by dots; the term is left out", kind.fides, key)
      else
        local parent = key:match("^(.*)%.[^.]*$")
        if type(term.parent_key) == "string" and term.parent_key ~= parent then
          ctx:warn(term, "%s `%s`: its parent_key is `%s`, but cadre's hierarchy follows the dots (parent `%s`): rules may match it differently than Fides",
            kind.fides, key, term.parent_key, tostring(parent))
        end
        local entry_out = { name = type(term.name) == "string" and term.name or key }
        if type(term.description) == "string" then entry_out.description = term.description end
        terms[key] = entry_out
        order[#order + 1] = key
        count = count + 1
      end
    end
    if #order > 0 then
      terms._order = order
      doc[kind.cadre] = terms
    end
  end
  if count == 0 then return nil end
  return {
    path = "taxonomy/fides.yaml", document = doc,
    comments = { [""] = "Taxonomy terms of the Fides manifests that cadre's taxonomy does not have (imported by `cadre import fides`)." },
  }
end

---------------------------------------------------------------- the importer

return {
  format = "fides",
  extensions = { "yml", "yaml" },
  description = "Fides manifests: systems as descriptors, datasets as their stores, policies as packs, taxonomy terms",
  import = function(files, ctx)
    local found, by_key = collect(files, ctx)
    local outputs = {}
    local taken_systems = {}
    for _, entry in ipairs(found.system) do
      local path, doc, comments = descriptor(entry, by_key.dataset, by_key.organization, ctx)
      if taken_systems[path] then
        ctx:fail(entry.node, "system `%s` is defined twice", entry.node.fides_key)
      else
        taken_systems[path] = true
        outputs[#outputs + 1] = { path = path, document = doc, comments = comments }
      end
    end
    local taken_packs = {}
    for _, entry in ipairs(found.policy) do
      for _, output in ipairs(pack_of(entry, taken_packs, ctx)) do outputs[#outputs + 1] = output end
    end
    local terms = taxonomy_of(found, ctx)
    if terms then outputs[#outputs + 1] = terms end
    local referenced = {}
    for _, entry in ipairs(found.system) do
      for _, declaration in each(entry.node.privacy_declarations) do
        for _, key in each(declaration.dataset_references) do referenced[key] = true end
      end
    end
    for _, entry in ipairs(found.dataset) do
      if not referenced[entry.node.fides_key] then
        ctx:warn(entry.node, "dataset `%s` is referenced by no system: cadre keeps datasets as the stores of the systems that use them", entry.node.fides_key)
      end
    end
    return outputs
  end,
}
