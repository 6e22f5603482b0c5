import Foundation
import Testing

@testable import CadreModel

/// ``EventComposer`` builds the same located tree as Yams' composer and ``NodeConversion`` (the
/// established way) for every document it takes, and hands every other document back to it: the
/// parse of a descriptor — its values, styles, locations, and diagnostics — does not depend on which
/// one read it.
@Suite struct EventComposerTests {
    /// What each way makes of `text`: the event composer's tree (nil when it hands the text back),
    /// and the established way's tree or diagnostic.
    static func both(_ text: String, file: String = "t.yaml") -> (
        fast: LocatedNode??, established: Result<LocatedNode?, Diagnostic>
    ) {
        let limits = ParseLimits.standard
        let fast = EventComposer.compose(text, file: file, limits: limits)
        let established = Result { () throws(Diagnostic) in
            try DocumentParser.composeWithYams(
                text, source: SourceText(file: file, text: text), limits: limits, mayHoldAliases: false)
        }
        return (fast, established)
    }

    /// Every YAML and JSON file of the repository (examples, packs, plugins, fixtures, malformed
    /// corpus): where the event composer takes one, its tree equals the established one.
    @Test func theRepositorysDocumentsComposeAlike() throws {
        let root = Fixtures.repositoryRoot
        let skipped: Set<String> = [".build", "dist", ".git", "node_modules"]
        var files: [URL] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if skipped.contains(url.lastPathComponent) || url.lastPathComponent.hasPrefix(".build") {
                walker?.skipDescendants()
                continue
            }
            if ["yaml", "yml", "json"].contains(url.pathExtension) { files.append(url) }
        }
        var taken = 0
        for url in files {
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8),
                !AliasScreen.mayHoldAliases(text)
            else { continue }
            let (fast, established) = Self.both(text, file: url.lastPathComponent)
            guard let fast else { continue }
            taken += 1
            #expect(try established.get() == fast, "\(url.path)")
        }
        #expect(files.count > 60)
        #expect(taken > 40, "the event composer took \(taken) of \(files.count) documents")
        // Every example descriptor takes the fast way.
        for name in try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("examples/systems").path)
        {
            let text = try String(contentsOf: root.appendingPathComponent("examples/systems/\(name)"), encoding: .utf8)
            #expect(Self.both(text).fast != nil, "\(name)")
        }
    }

    static let alike: [String] = [
        "a: 1\n",
        "cadre: system/v1\nid: x\nname: 'quoted: yes'\nnotes: \"line\\nbreak \\u00e9\"\n",
        "list:\n  - a\n  - {b: 1, c: [x, 'y', \"z\"]}\n  - []\n  - {}\n",
        "text: |\n  first\n   second\n\nfolded: >-\n  one\n  two\nkeep: |+\n  kept\n\n",
        "plain: a multi\n  line scalar\nempty:\nnull: ~\n",
        "---\na: 1\n...\n",
        "---\n",
        "- top\n- level\n- [1, 2]\n",
        "just a scalar\n",
        "# only a comment\n",
        "",
        "\"quoted key\": 1\n'other key': 2\n? plain\n: 3\n",
        "a: 1\r\nb:\r\n  - c\r\n",
        "é: ü\nclé: \"😀\"\n",
        "a: !!str 5\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "'<<': 1\n",
        "? [a, b]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a:\n\t- b\n",
        "a: b: c\n",
        "key: @value\n",
        "!!map {a: 1}\n",
        "a: !custom {b: 1}\n",
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n",
        String(repeating: "- ", count: 30) + "x\n",
        "a: 'x\n",
        "{\"json\": [1, 2.5, true, null, \"s\"], \"nested\": {\"k\": \"v\"}}",
    ]

    /// Documents of every shape — valid, unusual, broken: where the event composer takes one, its
    /// tree equals the established one; what it hands back is duplicates, merge keys, complex keys,
    /// tags, several documents and errors.
    @Test(arguments: alike) func eachShapeComposesAlikeOrIsHandedBack(_ text: String) throws {
        let (fast, established) = Self.both(text)
        guard let fast else { return }
        #expect(try established.get() == fast)
    }

    @Test func whatItHandsBack() {
        for text in [
            "a: 1\na: 2\n", "<<: {a: 1}\n", "? [a]\n: 1\n", "a: 1\n---\nb: 2\n", "a: [1\n", "a: !!str 5\n",
            "!!map {a: 1}\n",
        ] {
            #expect(Self.both(text).fast == nil, "\(text)")
        }
        var limits = ParseLimits.standard
        limits.maxDepth = 3
        #expect(EventComposer.compose("a: {b: {c: {d: 1}}}\n", file: "t", limits: limits) == nil)
        #expect(EventComposer.compose("a: {b: {c: 1}}\n", file: "t", limits: limits) != nil)
        limits = .standard
        limits.maxNodes = 5
        #expect(EventComposer.compose("[1, 2, 3, 4, 5, 6]\n", file: "t", limits: limits) == nil)
    }

    /// The limit on values counts as the established way does (keys are not values), so a
    /// document at the limit is composed here and not handed back to the slower way.
    @Test func theLimitOnValuesIsTheEstablishedOne() throws {
        let text = "a: 1\nb: [2, 3]\nc: {d: 4}\n"  // 7 values: the mappings, the list and 4 scalars
        for maxNodes in [6, 7] {
            var limits = ParseLimits.standard
            limits.maxNodes = maxNodes
            let composed = EventComposer.compose(text, file: "t", limits: limits)
            let established = Result { () throws(Diagnostic) in
                try DocumentParser.composeWithYams(
                    text, source: SourceText(file: "t", text: text), limits: limits, mayHoldAliases: false)
            }
            if maxNodes == 7 {
                #expect(try composed == .some(established.get()))
            } else {
                #expect(composed == nil)
                #expect(throws: Diagnostic.self) { try established.get() }
            }
        }
    }

    /// Through ``DocumentParser``: the diagnostics of documents handed back are the established
    /// ones, with their locations.
    @Test func diagnosticsAreTheEstablishedOnes() {
        for text in ["a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "a: [1, 2\n", "? [a]\n: 1\n"] {
            let parsed = Result { () throws(Diagnostic) in try DocumentParser().parse(text, file: "t.yaml") }
            let established = Self.both(text).established
            guard case .failure(let error) = parsed, case .failure(let expected) = established else {
                Issue.record("\(text) parsed")
                continue
            }
            #expect(error == expected)
        }
    }
}
