extension TestPrelude {
    /// `expect` and its matchers. A matcher tells the host whether it held (with what it expected
    /// and what came), then stops the test with an error when it did not.
    static let expectations = #"""
        ---------------------------------------------------------------- expectations
        local FAILED = "expectation failed"

        local function check(passed, message, expected, actual)
          host.expectation(passed and true or false, message, expected, actual)
          if not passed then error(FAILED .. ": " .. message, 0) end
        end

        local function result_of(e, matcher)
          local r = e.value
          if getmetatable(r) ~= "result" then
            check(false, matcher .. " expects the result of run(rule_id, system)", "a result of run(...)", show(r))
          end
          return r
        end

        local function has_finding(r, level, text)
          for _, f in ipairs(r.findings) do
            if f.level == level and (text == nil or f.message:find(text, 1, true)) then return true end
          end
          return false
        end

        local skip_reasons = {["not-applicable"] = true, ["not-yet-in-force"] = true, ["no-longer-in-force"] = true}

        local matchers = {}

        function matchers.to_pass(e)
          local r = result_of(e, "to_pass")
          check(r.status == "pass", "expected the rule to pass", "status pass", describe_result(r))
        end

        function matchers.to_fail(e)
          local r = result_of(e, "to_fail")
          check(r.status == "fail", "expected the rule to fail", "status fail", describe_result(r))
        end

        function matchers.to_fail_with(e, text)
          if type(text) ~= "string" then error("to_fail_with expects the text of a finding, got " .. type(text), 3) end
          local r = result_of(e, "to_fail_with")
          check(r.status == "fail" and has_finding(r, "fail", text),
            "expected the rule to fail with " .. quote(text),
            "status fail, with a fail finding containing " .. quote(text), describe_result(r))
        end

        function matchers.to_warn(e)
          local r = result_of(e, "to_warn")
          check(r.status == "warn", "expected the rule to warn", "status warn", describe_result(r))
        end

        function matchers.to_warn_with(e, text)
          if type(text) ~= "string" then error("to_warn_with expects the text of a finding, got " .. type(text), 3) end
          local r = result_of(e, "to_warn_with")
          check(r.status == "warn" and has_finding(r, "warn", text),
            "expected the rule to warn with " .. quote(text),
            "status warn, with a warn finding containing " .. quote(text), describe_result(r))
        end

        function matchers.to_be_skipped(e, reason)
          if reason ~= nil and not skip_reasons[reason] then
            error("to_be_skipped: reason " .. show(reason) .. " is not one of not-applicable, not-yet-in-force, no-longer-in-force", 3)
          end
          local r = result_of(e, "to_be_skipped")
          check(r.status == "skipped" and (reason == nil or r.skip_reason == reason),
            "expected the rule to be skipped" .. (reason and " (" .. reason .. ")" or ""),
            "status skipped" .. (reason and " (" .. reason .. ")" or ""), describe_result(r))
        end

        function matchers.to_be_waived(e)
          local r = result_of(e, "to_be_waived")
          check(r.status == "waived", "expected the rule to be waived", "status waived", describe_result(r))
        end

        function matchers.to_error(e, kind)
          if kind ~= nil and type(kind) ~= "string" then error("to_error expects a kind such as \"runtime\", got " .. type(kind), 3) end
          local r = result_of(e, "to_error")
          check(r.status == "error" and (kind == nil or (r.failure and r.failure.kind == kind)),
            "expected the rule to raise an error" .. (kind and " (" .. kind .. ")" or ""),
            "status error" .. (kind and " (" .. kind .. ")" or ""), describe_result(r))
        end

        function matchers.to_have_findings(e, n)
          if math.type(n) ~= "integer" then error("to_have_findings expects a number of findings, got " .. show(n), 3) end
          local r = result_of(e, "to_have_findings")
          check(#r.findings == n, "expected " .. n .. " finding" .. (n == 1 and "" or "s") .. ", got " .. #r.findings,
            n .. " finding" .. (n == 1 and "" or "s"), describe_result(r))
        end

        function matchers.to_point_at(e, where)
          if type(where) ~= "string" and math.type(where) ~= "integer" then
            error("to_point_at expects a path such as \"data[1].retention\" or a line number, got " .. show(where), 3)
          end
          local r = result_of(e, "to_point_at")
          local found = false
          for _, f in ipairs(r.findings) do
            if (type(where) == "string" and f.path == where) or (type(where) == "number" and f.line == where) then found = true end
          end
          local target = type(where) == "string" and where or "line " .. where
          check(found, "expected a finding at " .. target, "a finding at " .. target, describe_result(r))
        end

        function matchers.to_be(e, expected)
          check(e.value == expected, "expected " .. show(expected) .. ", got " .. show(e.value), show(expected), show(e.value))
        end

        function matchers.to_equal(e, expected)
          local where = difference(e.value, expected, "")
          local message = "expected the values to be equal"
          if where and where ~= "" then message = message .. "; they differ at " .. where:gsub("^%.", "") end
          check(where == nil, message, show(expected), show(e.value))
        end

        function matchers.to_be_truthy(e)
          check(e.value ~= nil and e.value ~= false, "expected a truthy value, got " .. show(e.value), "anything but nil and false", show(e.value))
        end

        function matchers.to_be_falsy(e)
          check(e.value == nil or e.value == false, "expected nil or false, got " .. show(e.value), "nil or false", show(e.value))
        end

        function matchers.to_contain(e, item)
          local value, found = e.value, false
          if type(value) == "string" then
            if type(item) ~= "string" then error("to_contain on a string expects a string, got " .. type(item), 3) end
            found = value:find(item, 1, true) ~= nil
          elseif type(value) == "table" then
            for _, element in pairs(value) do
              if difference(element, item, "") == nil then found = true break end
            end
          end
          check(found, "expected " .. show(value) .. " to contain " .. show(item), "containing " .. show(item), show(value))
        end

        local names = {}
        for name in pairs(matchers) do names[#names + 1] = name end
        table.sort(names)

        local Expectation = {__metatable = "expectation"}
        Expectation.__index = function(self, key)
          if key == "value" then return nil end
          local matcher = matchers[key]
          if matcher == nil then
            error("no matcher '" .. tostring(key) .. "' (matchers: " .. table.concat(names, ", ") .. ")", 2)
          end
          -- expect(x):to_pass() and expect(x).to_pass() both work.
          return function(first, ...)
            if rawequal(first, self) then matcher(self, ...) else matcher(self, first, ...) end
            return self
          end
        end

        local function expect(...)
          if select("#", ...) == 0 then error("expect() needs the value to check", 2) end
          if not host.running() then error("expect() is for inside a test: call it in it(name, function() ... end)", 2) end
          return setmetatable({value = (...)}, Expectation)
        end

        """#
}
