/// A place in a source file: the file named in the workspace (``WorkspaceFiles``), a 1-based line
/// and a 1-based column.
///
/// Columns count Unicode scalars (characters, for text without combining marks), the way libyaml
/// counts them and the way a reader counts `é` as one column. `description` is the
/// compiler-style `file:line:col` that editors and terminals turn into links.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file, named relative to the workspace's folder (`systems/a.yaml`,
    /// `../policies/cnil/rule.lua`; an absolute path stays absolute): ``WorkspaceFiles/path(_:)``
    /// opens it and shows it from where cadre runs. Only what reads files outside a workspace
    /// (`cadre validate PATH`, a parser given a path) names them from where cadre runs.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The start of `file`: line 1, column 1 (for problems with the file as a whole).
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// A file or folder as a whole, with no line (line and column 0).
    public static func whole(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// `file:line:col`, or just `file` for a location with no line.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
