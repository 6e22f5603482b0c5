import LuaHost

/// What rule files keep from one system to the next, bounded file by file.
///
/// A rule can keep data between calls — in its globals, in the upvalues of its functions — and
/// a worker's state serves every system it evaluates: without a bound, one rule could grow the
/// state until an innocent rule's call fails for want of memory. Each rule file may keep
/// ``limit`` bytes (`limits.retained_mb`) beyond what it held once loaded, and all of them
/// together ``totalLimit`` (four times as much): past it, the files keeping the most are stopped
/// until the rest fit.
///
/// Watching costs two comparisons per call while the state stays small. When a call leaves the
/// state ``limit`` bytes larger than it found it, or the state passes ``threshold``, a full
/// collection tells garbage from what is kept; if the state still holds more than it did once
/// loaded by ``limit`` or more, what each rule file reaches is measured
/// (``LuaState/retainedBytes(of:excluding:upTo:)``, a walk that stops at the limit). Files over
/// it are stopped: the worker lets go of their functions and environment, and their rules err
/// for the rest of the run, naming the limit; every other rule runs as before.
///
/// A pack's modules (`lib/`) are owners of their own: what a module keeps (its environment, the
/// value `require` returns, their upvalues) is measured as the module's, never as that of the rule
/// files that reach it, and `require` and `pack` are shared. A module over the limit is stopped —
/// `require` of it is an error from then on — and so are the rule files that required it; the
/// other files of the pack run as before.
final class RetainedMemory {
    /// A rule file, or a pack's module: what it reaches (its environment, its rules' functions or
    /// its value), and how much it reached once loaded (nil: not measured yet).
    private struct Owner {
        let file: String
        let roots: [LuaValue]
        var baseline: Int? = 0
        var isModule = false
        /// For a module: lets go of its value and makes `require` of it an error.
        var stop: (() -> Void)? = nil
    }

    let state: LuaState
    /// Bytes a file may keep beyond its baseline.
    let limit: Int
    /// Bytes every file together may keep beyond their baselines.
    var totalLimit: Int { 4 * limit }
    /// What every rule shares: not counted against any of them.
    private var shared: [LuaValue]
    /// What every module reaches, left out of every other owner's count.
    private var moduleRoots: [LuaValue] = []
    /// The rule file running or loading, to which a `require` is noted.
    var currentFile: String?
    /// The modules each rule file required.
    private var requires: [String: Set<String>] = [:]
    /// The rule files stopped because a module they required was: the module.
    private var stoppedBy: [String: String] = [:]
    private var owners: [Owner] = []
    /// Whether a module was added since the last measure (so a check need not look at each owner).
    private var unmeasured = false
    /// The state's memory once every file was loaded, collected.
    private var loaded = 0
    /// Past this many bytes in the state, what files keep is looked at.
    private(set) var threshold = Int.max
    /// The files stopped, and the bytes each kept beyond its baseline when it was.
    private(set) var stopped: [String: Int] = [:]

    init(state: LuaState, limit: Int, shared: [LuaValue]) {
        self.state = state
        self.limit = max(limit, 0)
        self.shared = shared
    }

    /// Adds a rule file and what it reaches.
    func watch(file: String, roots: [LuaValue]) {
        owners.append(Owner(file: file, roots: roots))
    }

    /// Adds values every rule of a pack shares (its `require` and `pack`).
    func share(_ values: [LuaValue]) {
        shared += values
    }

    /// Adds a pack's module once it ran, and what it reaches; `stop` lets go of it. It is
    /// measured after the call that loaded it.
    func watch(module file: String, roots: [LuaValue], stop: @escaping () -> Void) {
        owners.append(Owner(file: file, roots: roots, baseline: nil, isModule: true, stop: stop))
        moduleRoots += roots
        unmeasured = true
    }

    /// Notes that the current rule file required the module `file`.
    func required(module file: String) {
        guard let current = currentFile else { return }
        requires[current, default: []].insert(file)
    }

    /// What `owner` reaches beyond what is shared and what modules reach (its own roots aside).
    private func excluded(for owner: Owner, current: LuaValue?) -> [LuaValue] {
        let modules = owner.isModule ? moduleRoots.filter { root in !owner.roots.contains(root) } : moduleRoots
        return shared + modules + (current.map { [$0] } ?? [])
    }

    /// Measures the modules loaded since the last measure.
    private func measureNewModules() {
        guard unmeasured else { return }
        unmeasured = false
        for index in owners.indices where owners[index].baseline == nil {
            owners[index].baseline = state.retainedBytes(
                of: owners[index].roots, excluding: excluded(for: owners[index], current: nil), upTo: Int.max)
        }
    }

    /// Measures what each file reaches once loaded, and sets the first threshold.
    func start() {
        state.collectGarbage()
        unmeasured = false
        for index in owners.indices {
            owners[index].baseline = state.retainedBytes(
                of: owners[index].roots, excluding: excluded(for: owners[index], current: nil), upTo: Int.max)
        }
        loaded = state.memoryInUse
        state.markQuiet()
        threshold = Self.threshold(after: loaded, limit: limit)
    }

    /// After a call that started with the state holding `before` bytes: the files newly found
    /// over the limit (usually none, at the cost of two comparisons). `current` is the value
    /// being evaluated, which rules may reach without keeping it.
    func check(current: LuaValue?, before: Int) -> [String] {
        measureNewModules()
        let used = state.memoryInUse
        guard used > threshold || used - before >= limit else { return [] }
        state.collectGarbage()
        var found: [String] = []
        if state.memoryInUse - loaded >= limit {
            var keeping: [(file: String, kept: Int)] = []
            for owner in owners where stopped[owner.file] == nil {
                let baseline = owner.baseline ?? 0
                let kept =
                    state.retainedBytes(
                        of: owner.roots, excluding: excluded(for: owner, current: current), upTo: baseline + limit)
                    - baseline
                if kept > limit {
                    stopped[owner.file] = kept
                    found.append(owner.file)
                } else if kept > 0 {
                    keeping.append((owner.file, kept))
                }
            }
            // Together under the total: the files keeping the most go first (ties by name).
            var total = keeping.reduce(0) { $0 + $1.kept }
            for (file, kept) in keeping.sorted(by: { ($0.kept, $1.file) > ($1.kept, $0.file) }) where total > totalLimit
            {
                stopped[file] = kept
                found.append(file)
                total -= kept
            }
            // The rule files that required a stopped module are stopped with it.
            let modules = Set(found).intersection(owners.filter(\.isModule).map(\.file))
            for (file, required) in requires.sorted(by: { $0.key < $1.key }) where stopped[file] == nil {
                guard let module = required.sorted().first(where: modules.contains) else { continue }
                stopped[file] = stopped[module]
                stoppedBy[file] = module
                found.append(file)
            }
            if !found.isEmpty {
                release(found)
                state.collectGarbage()
            }
        }
        threshold = Self.threshold(after: state.memoryInUse, limit: limit)
        return found
    }

    /// The message of a stopped file's results.
    func message(file: String) -> String? {
        if let module = stoppedBy[file], let kept = stopped[module] {
            return "the module `\(module)` it requires kept \(Self.mebibytes(kept)) from one system to the next, "
                + (kept > limit
                    ? "more than the \(Self.mebibytes(limit)) a module may keep (limits.retained_mb)"
                    : "among the most of the files that together kept more than \(Self.mebibytes(totalLimit)) (four times limits.retained_mb)")
                + ": the rules that require it are stopped for the rest of the run"
        }
        return stopped[file].map { kept in
            if kept > limit {
                return "the rule file kept \(Self.mebibytes(kept)) from one system to the next, more than the "
                    + "\(Self.mebibytes(limit)) a rule file may keep (limits.retained_mb): its rules are stopped for the rest of the run"
            }
            return
                "the rule file kept \(Self.mebibytes(kept)) from one system to the next, among the most of the rule files "
                + "that together kept more than \(Self.mebibytes(totalLimit)) (four times limits.retained_mb): "
                + "its rules are stopped for the rest of the run"
        }
    }

    /// Lets go of what the files reach, so the state can collect it.
    private func release(_ files: [String]) {
        for owner in owners where files.contains(owner.file) {
            owner.stop?()
            for root in owner.roots {
                if let reference = root.referenceValue { state.release(reference) }
            }
        }
    }

    /// Twice what the state holds, and the limit: garbage alone rarely gets there between two of
    /// Lua's own collections.
    private static func threshold(after bytes: Int, limit: Int) -> Int {
        2 * bytes + limit
    }

    private static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
