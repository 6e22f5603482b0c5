import CadreModel
import Foundation

/// A draft impact assessment of one system (`cadre dpia`, `cadre fria`): sections of entries,
/// each a fact the descriptor states, a finding of a rule, or a question the descriptor cannot
/// answer. cadre never invents an answer: what it does not know is a ``Entry/Kind/question``.
///
/// Built from an ``AssessmentSource`` (what a report may contain: the descriptor's declarations
/// and the rules' results — never a store value, never a store URL).
public struct AssessmentDraft: Sendable, Hashable, Codable {
    /// One line of a section.
    public struct Entry: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// What the descriptor states.
            case fact
            /// What a rule found (a failed, warned or waived result, or an error).
            case finding
            /// What the descriptor cannot tell: for the people carrying out the assessment.
            case question
        }

        public var kind: Kind
        /// A short title (the measures of a DPIA), or nil.
        public var title: String?
        public var text: String
        /// The rule of a finding, its severity, the result's status, where it points, what to do.
        public var rule: String?
        public var severity: Severity?
        public var status: RuleResult.Status?
        public var location: String?
        public var remediation: String?
        public var references: [String]?

        public static func fact(_ text: String, title: String? = nil) -> Entry {
            Entry(kind: .fact, title: title, text: text)
        }

        public static func question(_ text: String, title: String? = nil) -> Entry {
            Entry(kind: .question, title: title, text: text)
        }
    }

    /// A part of the assessment: a question of the PIA tool (`111`…) or a point of Art. 27(1)
    /// (`a`…`f`), and the entries that answer it.
    public struct Section: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var entries: [Entry]

        public init(id: String, title: String, entries: [Entry]) {
            self.id = id
            self.title = title
            self.entries = entries
        }
    }

    /// The kind of document: `dpia` or `fria`.
    public var assessment: String
    public var system: String
    public var name: String
    /// The descriptor file, as shown from where cadre runs.
    public var file: String
    /// The date whose law the rules applied.
    public var asOf: ISODate
    /// The packs evaluated, as `id version`.
    public var packs: [String]
    public var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case assessment, system, name, file
        case asOf = "as_of"
        case packs, sections
    }

    /// The section with id `id`.
    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    /// How many entries are questions left to the people carrying out the assessment.
    public var questionCount: Int { sections.reduce(0) { $0 + $1.entries.count { $0.kind == .question } } }
}

extension AssessmentDraft {
    /// The draft as cadre's JSON (`cadre-fria/v1`, `cadre-dpia/v1`): the draft's fields and a
    /// `format`, keys sorted, absent fields left out, ending with a newline.
    public func json() -> String {
        struct Document: Encodable {
            var format: String
            var draft: AssessmentDraft
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(format, forKey: Key("format"))
                try draft.encode(to: encoder)
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(_ string: String) { stringValue = string }
                init?(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(format: "cadre-\(assessment)/v1", draft: self))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
