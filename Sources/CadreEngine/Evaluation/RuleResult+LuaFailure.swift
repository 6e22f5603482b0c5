import CadreModel
import CadreStores
import LuaHost

extension RuleResult.Failure.Kind {
    /// The kind of failure of a rule whose call ended with `error`: a store's error when a store
    /// call raised it (``LuaError/hostError`` is a `StoreError`), else the Lua error's kind.
    init(of error: LuaError) {
        if error.hostError is StoreError {
            self = .store
            return
        }
        self =
            switch error.kind {
            case .syntax: .syntax
            case .runtime: .runtime
            case .memoryLimit: .memoryLimit
            case .instructionLimit: .instructionLimit
            case .deadline: .deadline
            case .host: .host
            }
    }
}
