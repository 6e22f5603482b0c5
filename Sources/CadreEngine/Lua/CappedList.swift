import LuaHost

/// What a script hands the host, kept within bounds: at most ``capacity`` elements and
/// ``byteCapacity`` bytes of their text; the rest are counted, so that a last note can say how
/// many were not kept. A rule's findings (``FindingSink``), an importer's notes and a test's
/// failures are kept this way.
struct CappedList<Element> {
    /// The most elements kept.
    static var capacity: Int { 1_000 }
    /// The most bytes of their text kept.
    static var byteCapacity: Int { 1 << 20 }

    private(set) var elements: [Element] = []
    /// How many were not kept.
    private(set) var dropped = 0
    private var bytes = 0

    /// Keeps the element `make` builds, whose text is `size` bytes, when it fits; counts it
    /// otherwise (and does not build it).
    /// - Returns: whether it was kept.
    @discardableResult
    mutating func append(size: Int, _ make: () -> Element) -> Bool {
        guard elements.count < Self.capacity, bytes + size <= Self.byteCapacity else {
            dropped += 1
            return false
        }
        bytes += size
        elements.append(make())
        return true
    }

    mutating func removeAll() {
        elements.removeAll(keepingCapacity: true)
        dropped = 0
        bytes = 0
    }

    /// What a last note says when some were not kept (nil when all were): "12 more `more` were
    /// not kept (`holder` keeps 1,000 `kind` and 1 MiB of their text at most`tail`)".
    func droppedNote(more: String, holder: String, kind: String, tail: String = "") -> String? {
        guard dropped > 0 else { return nil }
        return "\(TextLimit.groupedThousands(dropped)) more \(more) were not kept (\(holder) keeps "
            + "\(TextLimit.groupedThousands(Self.capacity)) \(kind) and \(Self.byteCapacity >> 20) MiB of their text at most\(tail))"
    }
}
