import CadreModel
import LuaHost

/// A rule loaded in one worker's state: what it declares, and its functions there.
struct RuleDefinition {
    let info: RuleInfo
    /// `applies(system)`, when the rule has one.
    let applies: LuaValue?
    /// `check(system, ctx)`.
    let check: LuaValue

    /// The rule's functions in the state.
    var functions: [LuaValue] { [check] + (applies.map { [$0] } ?? []) }
}
