/// The `x-` blocks a workspace's packs give a shape (``DescriptorExtension``), found by where a
/// descriptor writes them: what validation checks them against.
public struct DescriptorExtensions: Sendable {
    /// Every extension, in the order of the packs that declare them.
    public let all: [DescriptorExtension]
    /// By the name of the part they may be written in (`system`, `AI component`), then by key.
    private let byPart: [String: [String: DescriptorExtension]]
    /// By key.
    private let byKey: [String: DescriptorExtension]

    /// No extension: every `x-` key is free.
    public static let none = DescriptorExtensions([])

    /// The extensions `all` declares; of two with the same key, the first.
    public init(_ all: [DescriptorExtension]) {
        var byKey: [String: DescriptorExtension] = [:]
        var byPart: [String: [String: DescriptorExtension]] = [:]
        var kept: [DescriptorExtension] = []
        for declared in all where byKey[declared.key] == nil {
            byKey[declared.key] = declared
            kept.append(declared)
            for place in declared.places {
                guard let object = DescriptorExtension.places.first(where: { $0.key == place })?.object else {
                    continue
                }
                byPart[object.name, default: [:]][declared.key] = declared
            }
        }
        self.all = kept
        self.byPart = byPart
        self.byKey = byKey
    }

    /// True when no pack declares an extension.
    public var isEmpty: Bool { all.isEmpty }

    /// The extension `key` written in a part of shape `object`, when a pack declares it there.
    public func declared(_ key: String, in object: ObjectShape) -> DescriptorExtension? { byPart[object.name]?[key] }

    /// The extension `key`, wherever a pack declares it.
    public func declared(_ key: String) -> DescriptorExtension? { byKey[key] }
}
