/// What a report shows of a system besides its results: a few lines of its descriptor — roles,
/// purposes, data categories, AI parts, stores — small enough to travel with every system's
/// results. It never holds a store's URL (nor anything resolved from the environment).
public struct SystemProfile: Sendable, Hashable {
    public struct Purpose: Sendable, Hashable {
        public var id: String
        public var description: String?
        /// The GDPR legal basis, as the descriptor writes it (`contract`).
        public var legalBasis: String?

        public init(id: String, description: String? = nil, legalBasis: String? = nil) {
            self.id = id
            self.description = description
            self.legalBasis = legalBasis
        }
    }

    public struct AIPart: Sendable, Hashable {
        public var id: String
        /// `chatbot`, `voicebot`, `speech_analytics`…
        public var kind: String
        /// `none`, `assists`, `solely_automated`, when the descriptor says.
        public var decides: String?
        /// Annex III points of the AI Act (`5b`).
        public var annexIII: [String]

        public init(id: String, kind: String, decides: String? = nil, annexIII: [String] = []) {
            self.id = id
            self.kind = kind
            self.decides = decides
            self.annexIII = annexIII
        }
    }

    public struct Store: Sendable, Hashable {
        public var id: String
        /// `sqlite`, `postgres`, `csv`, `jsonl`.
        public var engine: String
        public var region: String?
        /// The tables (or files) the descriptor declares.
        public var tables: [String]

        public init(id: String, engine: String, region: String? = nil, tables: [String] = []) {
            self.id = id
            self.engine = engine
            self.region = region
            self.tables = tables
        }
    }

    /// What the system does, in a few sentences.
    public var description: String?
    public var owner: String
    /// The AI Act role (`provider`, `deployer`).
    public var role: String?
    /// The GDPR role (`controller`, `processor`…).
    public var gdprRole: String?
    public var purposes: [Purpose]
    /// The data categories it processes, in the descriptor's order.
    public var dataCategories: [String]
    public var ai: [AIPart]
    public var stores: [Store]

    public init(
        description: String? = nil, owner: String, role: String? = nil, gdprRole: String? = nil,
        purposes: [Purpose] = [], dataCategories: [String] = [], ai: [AIPart] = [], stores: [Store] = []
    ) {
        self.description = description
        self.owner = owner
        self.role = role
        self.gdprRole = gdprRole
        self.purposes = purposes
        self.dataCategories = dataCategories
        self.ai = ai
        self.stores = stores
    }

    /// The profile of `descriptor`.
    public init(_ descriptor: SystemDescriptor) {
        self.init(
            description: descriptor.description?.value, owner: descriptor.owner.value,
            role: descriptor.role?.value.rawValue, gdprRole: descriptor.gdprRole?.value.rawValue,
            purposes: descriptor.purposes.map {
                Purpose(id: $0.id.value, description: $0.description?.value, legalBasis: $0.legalBasis?.value.rawValue)
            },
            dataCategories: descriptor.data.map(\.category.value),
            ai: descriptor.ai.map {
                AIPart(
                    id: $0.id.value, kind: $0.kind.value.rawValue, decides: $0.decides?.value.rawValue,
                    annexIII: $0.annexIII.map(\.value.rawValue))
            },
            stores: descriptor.stores.map {
                Store(
                    id: $0.id.value, engine: $0.engine.value.rawValue, region: $0.region?.value,
                    tables: $0.tables.map(\.name.value))
            })
    }
}
