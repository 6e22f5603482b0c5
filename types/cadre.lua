---@meta
-- cadre's rule API, for lua-language-server: completion and checks in the editor.
-- Not loaded by cadre: the engine provides these values. See docs/rules.md.

---@alias cadre.Severity "critical"|"high"|"medium"|"low"|"info"
---@alias cadre.Confidence "text"|"secondary"|"recall"|"unsettled"
---@alias cadre.Relation "longer"|"shorter"|"equal"|"longer_or_equal"|"shorter_or_equal"|"depends_on_start_date"

---A rule: what the file returns (or a list of them).
---@class cadre.Rule
---@field id string The pack's id, a dot, the rest: `cnil.recording.retention`.
---@field title string The obligation in one line.
---@field description? string The obligation as a DPO would sign it.
---@field severity cadre.Severity
---@field references (string|cadre.Reference)[] Articles and guidance: `"GDPR Art. 5(1)(e)"`, or with the official text: `{ "GDPR Art. 5(1)(e)", url = "https://eur-lex.europa.eu/eli/reg/2016/679/oj" }`.
---@field confidence? cadre.Confidence How sure the legal fact is (default `text`).
---@field effective? {from?: string, to?: string} First and last days in force (`YYYY-MM-DD`).
---@field reviewed? string The day the rule was last checked against the law (`YYYY-MM-DD`).
---@field remediation? string What to do to comply.
---@field tags? string[]
---@field applies? fun(system: cadre.System): boolean Whether the rule concerns the system.
---@field check fun(system: cadre.System, ctx: cadre.Context) Reports findings through `ctx`.

---A reference with the address of its official text: the citation first, then `url` (https).
---@class cadre.Reference
---@field [1] string The citation: `"GDPR Art. 5(1)(e)"`.
---@field url string The official text: EUR-Lex, Légifrance, cnil.fr.

---Where a finding points: a node of the system, or `{node, "key"}`.
---@alias cadre.Where table|string

---What a rule reports to.
---@class cadre.Context
---@field as_of string The evaluation's date, `YYYY-MM-DD`.
local Context = {}

---The system's store `id`, opened on first use (a store problem makes the result `error`).
---@param id string
---@return cadre.Store
function Context:store(id) end

---A finding: something is wrong.
---@param where cadre.Where The descriptor node it points at (or `{node, "key"}`).
---@param fmt string A `string.format` format, or the message.
---@param ... any
function Context:fail(where, fmt, ...) end

---A finding: something to watch.
---@param where cadre.Where
---@param fmt string
---@param ... any
function Context:warn(where, fmt, ...) end

---A finding: something to know.
---@param where cadre.Where
---@param fmt string
---@param ... any
function Context:info(where, fmt, ...) end

---A data store of the system: questions answered by the store, never a value from a row.
---@class cadre.Store
local Store = {}

---Rows of `table`: all, older than a duration by a date column, or with a column (not) null.
---@param table string
---@param filter? {older_than?: string, column?: string, null?: string, not_null?: string}
---@return integer
function Store:count(table, filter) end

---Distinct non-null values of `column`.
---@param table string
---@param column string
---@return integer
function Store:distinct(table, column) end

---Earliest and latest dates of a date column, and the values that are not dates.
---@param table string
---@param column string
---@return {earliest?: string, latest?: string, unreadable: integer}
function Store:date_range(table, column) end

---The store's tables (or files).
---@return string[]
function Store:tables() end

---The columns of `table`.
---@param table string
---@return {name: string, type: string, kind: string, nullable?: boolean}[]
function Store:columns(table) end

---Streams free-text columns through detectors; counts and redacted examples.
---@param table string
---@param options? {columns?: string[], detectors?: string[], row_cap?: integer}
---@return {rows: integer, bytes: integer, truncated: boolean, stopped_by?: string, detectors: table<string, {matches: integer, rows: integer, columns: table<string, integer>, examples: string[]}>}
function Store:scan(table, options) end

---A system's descriptor, read-only, with methods. Fields are those of docs/descriptors.md;
---collections (lists, and a table's `columns`) are never nil: an absent one is an empty list.
---@class cadre.System
---@field cadre string
---@field id string
---@field name string
---@field owner string
---@field role? "provider"|"deployer"
---@field organisation? table
---@field channels string[]
---@field purposes table[]
---@field data table[]
---@field ai table[]
---@field stores table[]
---@field processors table[]
---@field assessments? table
---@field notices? table
---@field training? table
---@field waivers table[]
local System = {}

---Whether a data item is of `category` or below it.
---@param category string
---@return boolean
function System:holds(category) end

---The data items of `category` or below it.
---@param category string
---@return table[]
function System:data_of(category) end

---The AI components of `kind` (every one when nil).
---@param kind? string
---@return table[]
function System:ai_of(kind) end

---The purpose with id `id`.
---@param id string
---@return table?
function System:purpose(id) end

---The purposes `part` (a data item or an AI component) names that the system declares, in its order.
---@param part table
---@return table[]
function System:purposes_of(part) end

---Whether a purpose declares the data use `use` or below it.
---@param use string
---@return boolean
function System:uses(use) end

---Whether a data item or an AI component concerns the data subject.
---@param subject string
---@return boolean
function System:concerns(subject) end

---The store with id `id`.
---@param id string
---@return table?
function System:store(id) end

---The store tables with a column of `category`.
---@param category string
---@return {store: string, table: table, name: string, columns: string[], retention: table?}[]
function System:tables_holding(category) end

---The processors whose country is outside the EEA.
---@return table[]
function System:processors_outside_eea() end

---An ISO 8601 duration.
---@class cadre.Duration
---@field text string As written: `P6M`.
---@field months integer Years and months, in months.
---@field seconds integer Weeks, days and time, in seconds.
---@field average integer Average length in seconds (what `<` compares).
---@operator lt(cadre.Duration|string): boolean
local Duration = {}

---How this duration compares with `other` over every start date.
---@param other cadre.Duration|string
---@return cadre.Relation
function Duration:compare(other) end

---Whether this duration is longer than `other` from some start date: what a maximum asks.
---@param other cadre.Duration|string
---@return boolean
function Duration:can_exceed(other) end

---Whether this duration lasts at least `other` from every start date: what a minimum asks.
---@param other cadre.Duration|string
---@return boolean
function Duration:at_least(other) end

---An ISO 8601 date.
---@class cadre.Date
---@field text string
---@field year integer
---@field month integer
---@field day integer
---@field number integer Days since 1970-01-01.
local Date = {}

---The date `d` later (the end of the month when the day does not exist).
---@param d cadre.Duration|string
---@return cadre.Date
function Date:add(d) end

---The date `d` earlier.
---@param d cadre.Duration|string
---@return cadre.Date
function Date:sub(d) end

---Days from this date to `other`.
---@param other cadre.Date|string
---@return integer
function Date:days_until(other) end

---@class cadre.Taxonomy
local Taxonomy = {}

---Whether `key` is `ancestor` or below it.
---@param key string
---@param ancestor string
---@return boolean
function Taxonomy.matches(key, ancestor) end

---`"article_9"` or `"article_10"` for special categories, else nil.
---@param key string
---@return string?
function Taxonomy.special(key) end

---Whether the taxonomy holds `key`.
---@param key string
---@param kind? "category"|"use"|"subject"
---@return boolean
function Taxonomy.known(key, kind) end

---The name of `key`.
---@param key string
---@return string?
function Taxonomy.name(key) end

---Whom personal data is about, in the organisation's terms.
---@class cadre.People
local People = {}

---Whether the data subject `subject` works for the organisation: employees (agents among them)
---and consultants.
---@param subject string
---@return boolean
function People.worker(subject) end

---Whether the data subject `subject` is someone outside the organisation: customers, callers…
---@param subject string
---@return boolean
function People.outsider(subject) end

---@class cadre.Library
---@field taxonomy cadre.Taxonomy
---@field people cadre.People
cadre = {}

---@param text string|cadre.Duration `P6M`, `P1Y6M`, `P30D`.
---@return cadre.Duration
function cadre.duration(text) end

---@param text string|cadre.Date `YYYY-MM-DD`.
---@return cadre.Date
function cadre.date(text) end

---The first element of `list` for which `test(element)` is true, or nil.
---@generic T
---@param list T[]
---@param test fun(element: T): any
---@return T?
function cadre.find(list, test) end

---Whether `list` holds `value`.
---@param list any[]
---@param value any
---@return boolean
function cadre.has(list, value) end

---Where a finding points: `path` below `node`, as far as the descriptor goes. The line of the
---path's value when the descriptor has it; else `otherwise`, or the deepest node the path reached
---(`node` itself when its first key is absent; nil when `node` is nil).
---@param node table? A node of the system.
---@param path string A key, or keys joined by dots: `"notices.recording_announcement"`.
---@param otherwise? cadre.Where Where to point when the descriptor lacks the path.
---@return cadre.Where?
function cadre.at(node, path, otherwise) end

---The pack the file belongs to.
---@class cadre.Pack
---@field id string
---@field version string
---@field title string
---@field data table The pack's data file, read-only.
---@field settings table<string, string> The settings in effect.
pack = {}

---Loads a module of the pack's `lib/` (once per pack; the result is read-only), or else of an
---enabled plugin's `lib/`: `fides.policy` for plugins/fides/lib/policy.lua (docs/plugins.md).
---@param name string `retention` for lib/retention.lua, `a.b` for lib/a/b.lua.
---@return any
function require(name) end

--------------------------------------------------------------------------------- tests
-- The globals of `*_test.lua` files (cadre test). See docs/rules.md, "Testing rules".

---A fixture system: made by `system{...}` or `fixture(path)`, handed to `run`.
---@class cadre.FixtureSystem

---What `run` returns: the rule's result on the fixture.
---@class cadre.TestResult
---@field rule string
---@field system string
---@field status "pass"|"fail"|"warn"|"error"|"skipped"|"waived"
---@field severity cadre.Severity
---@field skip_reason? "not-applicable"|"not-yet-in-force"|"no-longer-in-force"
---@field findings {level: "fail"|"warn"|"info", message: string, file: string, line: integer, column: integer, path?: string}[] Paths count from 1: `data[1].retention.period`.
---@field failure? {kind: string, message: string, file?: string, line?: integer} Why the rule erred.
---@field waiver? {reason: string, approved_by: string, expires: string}
---@field log string[] What the rule printed.
---@field references {citation: string, url?: string}[] What the rule cites, in its order.
---@field reviewed? string When the rule was last reviewed, `YYYY-MM-DD`.

---Options of `run`.
---@class cadre.RunOptions
---@field as_of? string The evaluation date, `YYYY-MM-DD` (default: today).
---@field settings? table<string, string> Pack settings for this run: `{ calendar = "original" }`.

---An expectation: call a matcher with `:` or `.`; a failed one stops the test.
---@class cadre.Expectation
local Expectation = {}
---@return cadre.Expectation
function Expectation:to_pass() end
---@return cadre.Expectation
function Expectation:to_fail() end
---A fail finding whose message contains `text`.
---@param text string
---@return cadre.Expectation
function Expectation:to_fail_with(text) end
---@return cadre.Expectation
function Expectation:to_warn() end
---@param text string
---@return cadre.Expectation
function Expectation:to_warn_with(text) end
---@param reason? "not-applicable"|"not-yet-in-force"|"no-longer-in-force"
---@return cadre.Expectation
function Expectation:to_be_skipped(reason) end
---@return cadre.Expectation
function Expectation:to_be_waived() end
---@param kind? string `runtime`, `instruction-limit`, `memory-limit`, `deadline`.
---@return cadre.Expectation
function Expectation:to_error(kind) end
---@param n integer
---@return cadre.Expectation
function Expectation:to_have_findings(n) end
---A finding at this path (`"data[1].retention"`) or on this line.
---@param where string|integer
---@return cadre.Expectation
function Expectation:to_point_at(where) end
---`==`.
---@return cadre.Expectation
function Expectation:to_be(value) end
---Deep equality of tables.
---@return cadre.Expectation
function Expectation:to_equal(value) end
---@return cadre.Expectation
function Expectation:to_be_truthy() end
---@return cadre.Expectation
function Expectation:to_be_falsy() end
---A substring of a string, or an element of a table.
---@return cadre.Expectation
function Expectation:to_contain(value) end

---A group of tests; groups nest, and their names prefix the tests'.
---@param name string
---@param fn fun()
function describe(name, fn) end

---A test.
---@param name string
---@param fn fun()
function it(name, fn) end

---Runs before each test of the enclosing group (outer groups' first).
---@param fn fun()
function before_each(fn) end

---Runs after each test of the enclosing group (inner groups' first), even when it failed.
---@param fn fun()
function after_each(fn) end

---A fixture system from a table of descriptor fields; `cadre`, `id`, `name` and `owner` are
---filled in when absent. Validated like a descriptor: a broken fixture fails the test.
---@param fields table
---@return cadre.FixtureSystem
function system(fields) end

---A fixture system from a descriptor file, relative to the test file's folder.
---@param path string
---@return cadre.FixtureSystem
function fixture(path) end

---Runs one rule of the pack on a fixture, as `cadre evaluate` would.
---@param rule_id string
---@param system cadre.FixtureSystem
---@param options? cadre.RunOptions
---@return cadre.TestResult
function run(rule_id, system, options) end

---@param value any
---@return cadre.Expectation
function expect(value) end

-- Plugins (docs/plugins.md): the tables their files return.

---A detector of a plugin: a Lua pattern, a validation function for each candidate.
---@class cadre.PluginDetector
---@field name string a–z 0–9 _ - .
---@field category string A data category of the taxonomy.
---@field pattern string A Lua pattern; the first capture (or the whole match) is the candidate.
---@field validate? fun(candidate: string): boolean
---@field redact? fun(match: string): string
---@field description? string

---An importer of a plugin: `cadre import FORMAT FILE...`.
---@class cadre.PluginImporter
---@field format string
---@field description? string
---@field extensions? string[]
---@field import fun(files: {name: string, text: string, data?: table}[], ctx: {warn: fun(self, node: table|string, fmt?: string, ...), fail: fun(self, node: table|string, fmt?: string, ...)}): {path: string, document?: table, text?: string, comments?: table<string, string>}[]

---A reporter of a plugin: `cadre evaluate --format NAME`.
---@class cadre.PluginReporter
---@field format string
---@field description? string
---@field extension? string
---@field render fun(report: table): string The report is the JSON report (cadre-evaluation/v1), read-only.

---In a plugin's files: the plugin.
---@class cadre.Plugin
---@field id string
---@field version string
---@field title string
---@field folder string
plugin = {}
