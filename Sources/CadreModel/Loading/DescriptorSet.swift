import Foundation

/// Descriptors loaded together, from files and folders: each file's outcome, problems with the
/// paths themselves, and checks across files (two systems with the same id).
public struct DescriptorSet: Sendable {
    /// One outcome per file, in the order the files were found.
    public var loads: [DescriptorLoad]
    /// Problems with the paths given: missing files, folders without descriptors.
    public var pathDiagnostics: [Diagnostic]

    /// Loads every descriptor named by `paths` (files, or folders searched for `*.yaml`,
    /// `*.yml` and `*.json`), `jobs` files at a time. Every file is loaded, whatever happens to
    /// the others.
    public static func load(
        paths: [String], with loader: DescriptorLoader, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> DescriptorSet {
        let (files, pathDiagnostics) = DescriptorFiles.find(in: paths)
        let slots = Slots<DescriptorLoad>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { worker in
            var index = worker
            while index < files.count {
                slots[index] = loader.load(fileAt: files[index])
                index += max(1, min(jobs, files.count))
            }
        }
        var set = DescriptorSet(loads: slots.values(), pathDiagnostics: pathDiagnostics)
        set.checkSystemIDs()
        return set
    }

    /// True when every path exists and every file is valid.
    public var isValid: Bool { !pathDiagnostics.containsErrors && loads.allSatisfy(\.isValid) }

    /// The valid documents, in file order.
    public var documents: [DescriptorDocument] { loads.compactMap(\.document) }

    /// Two files describing systems with the same id: the later file gets an error and is invalid.
    private mutating func checkSystemIDs() {
        var first: [String: SourceLocation] = [:]
        for index in loads.indices {
            guard let id = loads[index].document?.descriptor.id else { continue }
            if let earlier = first[id.value] {
                loads[index].diagnostics.append(
                    .error(
                        .duplicateSystemID, at: id.location, "system id `\(id.value)` is already used by \(earlier)",
                        hint: "each descriptor describes one system with its own id"))
                loads[index].diagnostics = loads[index].diagnostics.sortedForDisplay()
                loads[index].document = nil
            } else {
                first[id.value] = id.location
            }
        }
    }
}

/// Result slots filled by concurrent workers, one slot per index.
///
/// `@unchecked Sendable`: every access goes through the lock.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    func values() -> [Value] { lock.withLock { storage.compactMap { $0 } } }
}
