/// A field whose value is one word from a fixed list (`legal_basis`, `kind`, `engine`…).
///
/// The cases drive validation (with "did you mean" for near misses), the JSON Schema (`enum`
/// with descriptions) and the reference in docs/descriptors.md, so the three cannot disagree.
/// None of the words is `yes`, `no`, `on` or `off`, which YAML 1.1 readers take for booleans.
public protocol DescriptorChoice: RawRepresentable, CaseIterable, Sendable, Hashable, Codable, ScalarDecodable
where RawValue == String, AllCases: Collection {
    /// What the list is called in messages (`legal basis`).
    static var choiceName: String { get }
    /// One line saying what the value means.
    var summary: String { get }
}

extension DescriptorChoice {
    /// The words, in declaration order.
    public static var words: [String] { allCases.map(\.rawValue) }
}
