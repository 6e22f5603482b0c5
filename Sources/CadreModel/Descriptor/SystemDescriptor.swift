/// A customer-service system as its descriptor (`cadre: system/v1`) describes it: what it does,
/// with which data, on which legal basis, with which AI parts, stored where, for how long.
///
/// Every part keeps its ``SourceLocation``; every scalar is ``Located``. The generic tree of the
/// whole file, `x-` keys included, is in ``DescriptorDocument/root``.
public struct SystemDescriptor: Sendable, Hashable {
    /// The format, `system/v1`.
    public static let format = "system/v1"

    public var location: SourceLocation
    /// The root of the document.
    public var path: NodePath { .root }
    /// `cadre:`, the format.
    public var format: Located<String>
    /// Identifier of the system, unique in a workspace.
    public var id: Located<String>
    /// Human name.
    public var name: Located<String>
    /// What the system does, in a few sentences.
    public var description: Located<String>?
    /// Who is accountable for the descriptor (a team address, usually).
    public var owner: Located<String>
    public var status: Located<SystemStatus>?
    /// When the system went into service.
    public var inServiceSince: Located<ISODate>?
    public var channels: [Located<Channel>]
    public var organisation: Organisation?
    /// AI Act role.
    public var role: Located<AIRole>?
    /// GDPR role.
    public var gdprRole: Located<GDPRRole>?
    public var scale: Scale?
    public var purposes: [Purpose]
    public var data: [DataItem]
    public var ai: [AIComponent]
    public var stores: [StoreDeclaration]
    public var processors: [Processor]
    public var assessments: Assessments?
    public var notices: Notices?
    public var recording: Recording?
    public var prospecting: Prospecting?
    public var training: Training?
    /// The waivers the descriptor grants its own system.
    public var waivers: [Waiver]

    /// Reads the typed descriptor from a document's root. Required fields that are missing read
    /// as empty strings at the root's location: validation reports them, and a document with
    /// errors is never handed to the engine.
    init(root: LocatedNode) {
        location = root.location
        let missing = Located("", at: root.location)
        format = root.value("cadre") ?? missing
        id = root.value("id") ?? missing
        name = root.value("name") ?? missing
        description = root.value("description")
        owner = root.value("owner") ?? missing
        status = root.value("status")
        inServiceSince = root.value("in_service_since")
        channels = root.values("channels")
        organisation = root.object("organisation", at: .root)
        role = root.value("role")
        gdprRole = root.value("gdpr_role")
        scale = root.object("scale", at: .root)
        purposes = root.objects("purposes", at: .root)
        data = root.objects("data", at: .root)
        ai = root.objects("ai", at: .root)
        stores = root.objects("stores", at: .root)
        processors = root.objects("processors", at: .root)
        assessments = root.object("assessments", at: .root)
        notices = root.object("notices", at: .root)
        recording = root.object("recording", at: .root)
        prospecting = root.object("prospecting", at: .root)
        training = root.object("training", at: .root)
        let system = id.value
        waivers = (root["waivers"]?.sequence ?? []).compactMap { Waiver(node: $0, system: system) }
    }
}

extension SystemDescriptor {
    /// The purpose with id `id`.
    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id.value == id } }

    /// The store with id `id`.
    public func store(_ id: String) -> StoreDeclaration? { stores.first { $0.id.value == id } }

    /// The AI component with id `id`.
    public func aiComponent(_ id: String) -> AIComponent? { ai.first { $0.id.value == id } }

    /// The data items whose category is `category` or below it (`user.contact` holds
    /// `user.contact.email`).
    public func dataItems(matching category: String) -> [DataItem] {
        data.filter { Taxonomy.matches($0.category.value, category) }
    }

    /// True when some data item's category is `category` or below it.
    public func holds(_ category: String) -> Bool { !dataItems(matching: category).isEmpty }

    /// Every store table with a column whose category is `category` or below it, with those columns.
    public func tables(holding category: String) -> [(
        store: StoreDeclaration, table: StoreTable, columns: [StoreTable.Column]
    )] {
        stores.flatMap { store in
            store.tables.compactMap { table in
                let columns = table.columns.filter { Taxonomy.matches($0.category.value, category) }
                return columns.isEmpty ? nil : (store, table, columns)
            }
        }
    }
}
