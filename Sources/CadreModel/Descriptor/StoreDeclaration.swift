/// A data store as a descriptor declares it (an entry of `stores:`): one the system writes to,
/// which cadre may read (never write) to check what it keeps. CadreStores opens it as a `Store`.
public struct StoreDeclaration: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Identifier, unique in the descriptor.
    public var id: Located<String>
    /// The kind of store.
    public var engine: Located<StoreEngine>
    /// Where it is: a path relative to the workspace, or a URL, usually an environment reference
    /// (`${CRM_DB_URL}`) resolved only when cadre connects.
    public var url: Located<EnvironmentTemplate>?
    /// What it holds, in a sentence.
    public var description: Located<String>?
    /// Where it is hosted: `EU`, `EEA` or an ISO 3166 country code.
    public var region: Located<String>?
    /// Id of the descriptor's processor that hosts it, if any.
    public var processor: Located<String>?
    /// The tables (or files) that hold personal data.
    public var tables: [StoreTable]

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let id = node.value("id", as: String.self),
            let engine = node.value("engine", as: StoreEngine.self)
        else { return nil }
        location = node.location
        self.path = path
        self.id = id
        self.engine = engine
        url = node.value("url")
        description = node.value("description")
        region = node.value("region")
        processor = node.value("processor")
        tables = node.objects("tables", at: path)
    }
}

/// A table of a store (for CSV and JSONL stores, a file).
public struct StoreTable: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Table or file name.
    public var name: Located<String>
    /// What it holds.
    public var description: Located<String>?
    /// Columns holding personal data, each with its data category, in document order.
    public var columns: [Column]
    /// Columns of free text, which may hold anything a person typed or said.
    public var freeText: [Located<String>]
    /// Data subjects its rows are about.
    public var subjects: [Located<String>]
    /// How long rows are kept, and the column that dates them.
    public var retention: TableRetention?

    /// One column and its data category.
    public struct Column: Sendable, Hashable {
        /// Column name, where it is written.
        public var name: Located<String>
        /// Data category, where it is written.
        public var category: Located<String>
    }

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil, let name = node.value("name", as: String.self) else { return nil }
        location = node.location
        self.path = path
        self.name = name
        description = node.value("description")
        columns = (node["columns"]?.mapping ?? []).compactMap { entry in
            guard let scalar = entry.value.scalar, let category = String(scalar: scalar) else { return nil }
            return Column(
                name: Located(entry.key, at: entry.keyLocation), category: Located(category, at: entry.value.location))
        }
        freeText = node.values("free_text")
        subjects = node.values("subjects")
        retention = node.object("retention", at: path)
    }
}

/// How long a table keeps rows, and the column that dates them.
public struct TableRetention: Sendable, Hashable, NodeDecodable {
    public var location: SourceLocation
    /// Where the part sits in the document: `document.node(at: path)` is its generic node.
    public var path: NodePath
    /// Longest age of a row.
    public var period: Located<ISODuration>?
    /// The date or timestamp column a row's age is measured by.
    public var column: Located<String>?

    init?(node: LocatedNode, path: NodePath) {
        guard node.mapping != nil else { return nil }
        location = node.location
        self.path = path
        period = node.value("period")
        column = node.value("column")
    }
}
