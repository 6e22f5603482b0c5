/// The stable identifier of a kind of problem, printed in brackets after each message.
///
/// Codes are kebab-case words, stable across releases: scripts and editors may match on them.
/// This is the one list of them, with what each means: every diagnostic cadre reports carries one
/// of these codes. docs/cli.md prints the list (a test keeps it identical), and docs/descriptors.md
/// the codes of descriptors with their severities.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    // The file as a whole.
    case unreadableFile = "unreadable-file"
    case fileTooLarge = "file-too-large"
    case emptyFile = "empty-file"
    case binaryFile = "binary-file"
    case notUTF8 = "not-utf8"
    case controlCharacter = "control-character"
    case noDescriptors = "no-descriptors"

    // YAML and JSON syntax.
    case syntax
    case tabIndentation = "tab-indentation"
    case multipleDocuments = "multiple-documents"
    case duplicateKey = "duplicate-key"
    case tooDeep = "too-deep"
    case aliasExpansion = "alias-expansion"
    case aliasKey = "alias-key"
    case undefinedAlias = "undefined-alias"
    case complexKey = "complex-key"

    // The shape of a descriptor, and of cadre's other YAML files.
    case unknownFormat = "unknown-format"
    case unknownKey = "unknown-key"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case emptyValue = "empty-value"
    case duplicateValue = "duplicate-value"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    case invalidDuration = "invalid-duration"
    case unknownTaxonomyKey = "unknown-taxonomy-key"
    case deprecatedTaxonomyKey = "deprecated-taxonomy-key"
    case invalidEnvironmentReference = "invalid-environment-reference"
    case secretInDescriptor = "secret-in-descriptor"
    case misplacedExtension = "misplaced-extension"

    // References between parts of a descriptor, and between descriptors.
    case duplicateID = "duplicate-id"
    case unknownReference = "unknown-reference"
    case inconsistentField = "inconsistent-field"
    case duplicateSystemID = "duplicate-system-id"
    case tooManyProblems = "too-many-problems"

    // Evaluations: packs, rules, waivers.
    case packLoad = "pack-load"
    case unknownPack = "unknown-pack"
    case noPacks = "no-packs"
    case packNotLocked = "pack-not-locked"
    case packDigestMismatch = "pack-digest-mismatch"
    case gitFetch = "git-fetch"
    case packVersion = "pack-version"
    case duplicateExtension = "duplicate-extension"
    case ruleSyntax = "rule-syntax"
    case ruleLoad = "rule-load"
    case unknownRule = "unknown-rule"
    case unknownSystem = "unknown-system"
    case engine

    // Plugins.
    case pluginSyntax = "plugin-syntax"
    case pluginLoad = "plugin-load"
    case pluginDetector = "plugin-detector"
    case pluginImporter = "plugin-importer"
    case pluginReporter = "plugin-reporter"
    case pluginFailed = "plugin-failed"
    case importNote = "import"

    // The packs' tests (`cadre test`).
    case testSyntax = "test-syntax"
    case testLoad = "test-load"
    case testHost = "test-host"
    case noTests = "no-tests"

    // Baselines (`cadre baseline`, `--baseline`, `--since`).
    case baseline

    /// What the code means, in one line (docs/cli.md prints it).
    public var meaning: String {
        switch self {
        case .unreadableFile: "the path does not exist, is a folder or a FIFO, or cannot be read"
        case .fileTooLarge: "the file is over the size limit, or holds too many values"
        case .emptyFile: "the file is empty or holds only comments"
        case .binaryFile: "the file holds a NUL byte: it is not text"
        case .notUTF8: "the file is not UTF-8 (Latin-1, UTF-16…)"
        case .controlCharacter: "a control character YAML does not allow"
        case .noDescriptors: "a folder given to `cadre validate` holds no `*.yaml`, `*.yml` or `*.json`"
        case .syntax: "not valid YAML or JSON (unclosed quote or bracket, bad indentation…)"
        case .tabIndentation: "a tab where YAML expects spaces"
        case .multipleDocuments: "more than one YAML document in the file"
        case .duplicateKey: "a key twice in one mapping"
        case .tooDeep: "lists and mappings nested past the depth limit"
        case .aliasExpansion: "aliases expand the document past the node limit (an \"alias bomb\")"
        case .aliasKey: "an alias used as a mapping key"
        case .undefinedAlias: "an alias to an anchor not defined before it"
        case .complexKey: "a mapping key that is a list or a mapping"
        case .unknownFormat: "no `cadre:` key, or a format cadre does not read; or a format no enabled plugin provides"
        case .unknownKey:
            "a key the format (or the pack declaring an `x-` block) does not define; other `x-` keys are free"
        case .missingField: "a required field is missing or empty"
        case .wrongType: "a value of the wrong type (a string where a list is expected…)"
        case .emptyValue: "a key with no value"
        case .duplicateValue: "the same value twice in a list"
        case .invalidValue: "a word not in the list, an identifier, country code or number out of format"
        case .invalidDate: "a malformed or impossible date"
        case .invalidDuration: "a malformed duration"
        case .unknownTaxonomyKey: "a data category, use or subject the taxonomy does not hold"
        case .deprecatedTaxonomyKey: "an older fideslang key"
        case .invalidEnvironmentReference: "a malformed `${VAR}`"
        case .secretInDescriptor: "a password or another secret written in clear in a store URL"
        case .misplacedExtension: "an `x-` block a pack declares, written in a part the pack does not declare it for"
        case .duplicateID: "two parts of the same kind with the same id, or a rule waived twice"
        case .unknownReference: "a reference to a purpose, store or processor the descriptor does not declare"
        case .inconsistentField: "fields that contradict each other"
        case .duplicateSystemID: "two descriptors with the same system id"
        case .tooManyProblems: "more than 200 problems in one file: the rest are counted, not shown"
        case .packLoad: "a pack's rules cannot be prepared in a worker's Lua state"
        case .unknownPack:
            "`cadre.yaml` or `cadre init --pack` names a pack or a plugin by an id found in no folder cadre searches"
        case .noPacks: "the workspace loads no pack, so no rule would run (`--allow-empty` accepts it)"
        case .packNotLocked:
            "a pack from git that `cadre.lock` does not pin at the ref `cadre.yaml` asks for (`cadre packs update`)"
        case .packDigestMismatch:
            "a pack from git whose files are not those `cadre.lock` pins (changed in the cache, or the lock edited by hand)"
        case .gitFetch: "a pack's git repository cannot be fetched, or has no such ref or commit"
        case .packVersion:
            "a pack's rules changed since the version its `CHANGELOG.md` records (rules digest), or its version has no entry there"
        case .duplicateExtension:
            "two packs declare the same `x-` block in their `pack.yaml` (the first one's fields are used)"
        case .ruleSyntax: "a rule file does not compile"
        case .ruleLoad: "a rule file raised an error or passed a limit while loading"
        case .unknownRule: "a waiver names a rule no pack defines"
        case .unknownSystem: "a waiver names a system no descriptor describes"
        case .engine: "cadre cannot start a worker or load a pack's rules (out of memory…)"
        case .pluginSyntax: "a plugin file does not compile"
        case .pluginLoad: "a plugin file raised an error or passed a limit while loading"
        case .pluginDetector: "a plugin's detector file does not return detectors of the documented shape"
        case .pluginImporter:
            "a plugin's importer file does not return importers of the documented shape, or what an importer returns cannot be written"
        case .pluginReporter:
            "a plugin's reporter file does not return reporters of the documented shape, or a reporter cannot be given the report or returns no text"
        case .pluginFailed: "a plugin's importer or reporter raised an error or passed a limit"
        case .importNote:
            "what an importer says of its input (`ctx:warn`, `ctx:fail`): a value to check, a field it could not map"
        case .testSyntax: "a test file does not compile"
        case .testLoad: "a test file raised an error while declaring its tests"
        case .testHost: "the tests of a pack cannot be prepared (a Lua state cannot be made)"
        case .noTests: "a test file declares no test"
        case .baseline:
            "a baseline file that is not JSON, not a baseline, from a newer cadre, or not found at a git ref"
        }
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
