import CadreModel
import LuaHost

extension EngineWorker {
    /// Whether each rule concerns the system of `document`, whatever the date: its `applies`
    /// function's answer (a rule without one concerns every system); only the rules `only` names
    /// when it is not nil.
    func applicability(of document: DescriptorDocument, only: Set<String>? = nil) -> [String: Applicability.Answer] {
        let rules = only.map { only in self.rules.filter { only.contains($0.info.id) } } ?? self.rules
        let tree = SystemTree(document: document)
        let system: LuaValue
        do {
            system = try tree.value(in: state, fallback: library.systemMethods)
        } catch {
            return Dictionary(uniqueKeysWithValues: rules.map { ($0.info.id, .failed(error.message)) })
        }
        defer { if let reference = system.referenceValue { state.release(reference) } }
        sink.start(tree: tree, file: document.file, location: document.root.location)
        var answers: [String: Applicability.Answer] = [:]
        for rule in rules {
            guard let applies = rule.applies else {
                answers[rule.info.id] = .applies
                continue
            }
            sink.reset()
            do {
                let answer = try state.call(applies, [system], limits: limits, mode: .references)
                answers[rule.info.id] =
                    try AppliesAnswer.read(answer, of: applies, in: state) ? .applies : .doesNotApply
            } catch {
                answers[rule.info.id] = .failed(error.message)
            }
        }
        sink.reset()
        return answers
    }
}
