import LuaHost

/// What a rule's `applies` returned, read strictly: `true` or `false`. Anything else — `"no"`,
/// `0`, `nil`, a table, nothing at all — is an error naming the rule's `applies` line, since Lua
/// would count `"no"` and `0` as true and run the rule where its author meant it not to.
enum AppliesAnswer {
    /// Whether the rule applies; throws a runtime error at `applies`'s line otherwise.
    static func read(_ answer: [LuaValue], of applies: LuaValue, in state: LuaState) throws(LuaError) -> Bool {
        if answer.count == 1, case .boolean(let applies) = answer[0] { return applies }
        let got: String
        switch answer.first {
        case nil: got = "nothing"
        case .string(let text)?:
            got = "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .integer(let number)?: got = "the number \(number)"
        case .number(let number)?: got = "the number \(number)"
        case .nil?: got = "nil"
        case let other?: got = "a \(other.typeName)"
        }
        let plural = answer.count > 1 ? " (and \(answer.count - 1) more values)" : ""
        let definition = applies.referenceValue.flatMap { state.definition(of: $0) }
        throw LuaError(
            .runtime,
            "`applies` must return true or false; it returned \(got)\(plural): write `return <condition>` (`~= nil` for a value that may be absent)",
            file: definition?.file, line: definition?.line)
    }
}
