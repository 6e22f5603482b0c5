extension LuaState {
    func patternFunctions() -> [(String, HostFunction)] { [] }
}
