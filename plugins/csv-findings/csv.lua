-- `cadre evaluate --format csv`: the findings of a run as CSV (RFC 4180), one line per finding.
-- A result of status `error` (the rule could not be evaluated) is a line of level `error`.

local columns = {
  "system", "system_name", "rule", "rule_title", "severity", "status", "level", "message",
  "file", "line", "column", "path", "references", "evidence", "waiver",
}

--- A field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or
--- leading or trailing spaces; quotes doubled. A text a spreadsheet would run as a formula
--- (=, +, -, @ first) gets a leading apostrophe (OWASP's advice against CSV injection).
local function field(value)
  if value == nil then return "" end
  local text = tostring(value)
  if type(value) == "string" and text:find("^[=+%-@\t\r]") then text = "'" .. text end
  if text:find('[,"\r\n]') or text:find("^%s") or text:find("%s$") then
    text = '"' .. text:gsub('"', '""') .. '"'
  end
  return text
end

local function line(values)
  local out = {}
  for i, name in ipairs(columns) do out[i] = field(values[name]) end
  return table.concat(out, ",")
end

return {
  format = "csv",
  extension = "csv",
  description = "One line per finding: system, rule, severity, status, level, message, file:line:column, references, evidence",
  render = function(report)
    local rules = {}
    for _, rule in ipairs(report.rules) do rules[rule.id] = rule end
    local lines = { line({
      system = "system", system_name = "system_name", rule = "rule", rule_title = "rule_title",
      severity = "severity", status = "status", level = "level", message = "message", file = "file",
      line = "line", column = "column", path = "path", references = "references", evidence = "evidence",
      waiver = "waiver",
    }) }
    for _, system in ipairs(report.systems) do
      for _, result in ipairs(system.results or {}) do
        local rule = rules[result.rule] or {}
        local base = {
          system = system.id, system_name = system.name, rule = result.rule, rule_title = rule.title,
          severity = result.severity, status = result.status,
          references = table.concat(rule.references or {}, "; "),
          waiver = result.waiver and result.waiver.reason or nil,
        }
        local function add(level, message, location, path, evidence)
          local values = {}
          for k, v in pairs(base) do values[k] = v end
          values.level, values.message, values.path = level, message, path
          if location then values.file, values.line, values.column = location.file, location.line, location.column end
          values.evidence = evidence and table.concat(evidence, " | ") or nil
          lines[#lines + 1] = line(values)
        end
        for _, finding in ipairs(result.findings or {}) do
          add(finding.level, finding.message, finding.location, finding.path, finding.evidence)
        end
        if result.status == "error" and result.failure then
          add("error", result.failure.kind .. ": " .. result.failure.message, result.failure.location, nil, nil)
        end
      end
    end
    -- UTF-8 byte order mark (spreadsheets read accents right), CRLF line ends (RFC 4180).
    return "\239\187\191" .. table.concat(lines, "\r\n") .. "\r\n"
  end,
}
