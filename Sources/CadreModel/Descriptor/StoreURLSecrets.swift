/// Secrets written in clear in a descriptor's store URLs (`postgres://app:pw@db/crm`,
/// `…?password=pw`), kept out of everything cadre writes or hands to scripts.
///
/// The typed ``SystemDescriptor`` keeps each URL as written, for the connector that opens the
/// store. The tree of the document (``DescriptorDocument/root``, which rules read as `system`)
/// holds such a URL masked, as ``EnvironmentTemplate/description`` shows it, so no rule can copy
/// the password into a finding, a log or an error. A parse holding one is not kept in the
/// history: a re-check reads the file again (``holdsSecret(_:)``). `cadre validate` warns
/// (`secret-in-descriptor`) that the password belongs in `${VAR}`.
public enum StoreURLSecrets {
    /// Whether a `stores[].url` of the document `root` holds a secret written in clear.
    public static func holdsSecret(_ root: LocatedNode) -> Bool {
        urls(of: root).contains { masked($0) != nil }
    }

    /// `root` with every `stores[].url` that holds a secret written in clear replaced by its
    /// masked text; `root` itself when none does.
    public static func masking(_ root: LocatedNode) -> LocatedNode {
        guard case .mapping(var entries) = root.content,
            let index = entries.firstIndex(where: { $0.key == "stores" }),
            case .sequence(var stores) = entries[index].value.content
        else { return root }
        var changed = false
        for position in stores.indices {
            guard case .mapping(var fields) = stores[position].content,
                let url = fields.firstIndex(where: { $0.key == "url" }),
                let text = masked(fields[url].value)
            else { continue }
            fields[url].value.content = .scalar(Scalar(text: text, style: .doubleQuoted))
            stores[position].content = .mapping(fields)
            changed = true
        }
        guard changed else { return root }
        entries[index].value.content = .sequence(stores)
        var copy = root
        copy.content = .mapping(entries)
        return copy
    }

    /// `line`, a line of a descriptor as written, with what a store URL on it could hold in clear
    /// masked (the password of `scheme://user:password@host`, secret parameters): what a report
    /// may quote of a descriptor.
    public static func maskingLine(_ line: String) -> String { EnvironmentTemplate.masking(line) }

    /// The `url` nodes of the document's stores.
    private static func urls(of root: LocatedNode) -> [LocatedNode] {
        (root["stores"]?.sequence ?? []).compactMap { $0["url"] }
    }

    /// The masked text of a URL node that holds a secret in clear; nil otherwise. The text is
    /// read as written, so a URL whose `${…}` is malformed (an invalid descriptor, whose parse a
    /// cache may still keep) is masked too.
    private static func masked(_ node: LocatedNode) -> String? {
        guard case .string(let text)? = node.scalar?.value else { return nil }
        let masked = EnvironmentTemplate.masking(text)
        return masked == text ? nil : masked
    }
}
