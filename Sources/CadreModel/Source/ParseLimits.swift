/// Bounds that keep a hostile or broken file from exhausting memory, stack or time.
///
/// A typical descriptor is a few kilobytes, a few hundred nodes, and nested six or seven levels
/// deep; the defaults leave ample room for that and refuse what no descriptor needs.
public struct ParseLimits: Sendable, Hashable {
    /// Largest file read, in bytes (default 1 MiB).
    public var maxBytes: Int
    /// Deepest nesting of lists and mappings (default 64).
    public var maxDepth: Int
    /// Most nodes a document may hold once its aliases are expanded (default 100,000).
    /// This is what stops an "alias bomb" (a few lines whose aliases expand to billions of nodes).
    public var maxNodes: Int
    /// What the limits are for, as errors name it (`the limit for a descriptor`).
    public var subject: String

    /// Creates limits.
    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000, subject: String = "a descriptor")
    {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.subject = subject
    }

    /// The defaults.
    public static let standard = ParseLimits()
}
