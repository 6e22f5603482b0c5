import CadreModel
import CadreReports
import Foundation
import Testing

@testable import CadreEngine

/// A spooled evaluation (what `cadre evaluate` reports) says what the same run kept in memory
/// says: the same systems in the same order, the same second descriptors set aside, the same
/// totals and exit statuses, the same reports byte for byte.
@Suite struct SpooledEvaluationTests {
    /// Systems with findings at paths, errors, logs, skips, waivers (a descriptor's and a file's),
    /// a second descriptor of an id, an invalid descriptor, and a waiver naming nothing known.
    static func workspace() throws -> TemporaryWorkspace {
        var systems: [String: String] = [:]
        for index in 0..<12 {
            let waiver =
                index % 4 == 0
                ? """
                waivers:
                  - { rule: test.retention, reason: "Accepted «ünïcode» \(index)", approved_by: dpo@example.com, expires: 2027-06-30 }
                """ : ""
            systems["systems/s\(index).yaml"] = TemporaryWorkspace.descriptor(id: "sys-\(11 - index)", extra: waiver)
        }
        systems["systems/zz-again.yaml"] = TemporaryWorkspace.descriptor(id: "sys-3")
        systems["systems/broken.yaml"] = "cadre: system/v1\nid: broken\nname: [unclosed\n"
        return try TemporaryWorkspace.with(
            rules: [
                "retention.lua": TemporaryWorkspace.rule(
                    "retention",
                    check: """
                        for _, item in ipairs(system:data_of("user.content.call_recording")) do
                          print("checking", system.id)
                          ctx:fail({item.retention, "period"}, "kept %s in %s", item.retention.period, system.id)
                        end
                        """),
                "errs.lua": TemporaryWorkspace.rule(
                    "errs", severity: "medium", check: "if system.id:sub(-1) == '1' then error('no way') end"),
                "later.lua": TemporaryWorkspace.rule(
                    "later", severity: "low", extra: "effective = { from = '2030-01-01' },", check: "ctx:fail('never')"
                ),
                "warns.lua": TemporaryWorkspace.rule(
                    "warns", severity: "critical", check: "ctx:warn(system.purposes[1], 'look at %s', system.id)"),
            ],
            systems: systems,
            extra: [
                "cadre.yaml": TemporaryWorkspace.workspace + "\nwaivers: [waivers.yaml]\n",
                "waivers.yaml": """
                cadre: waivers/v1
                waivers:
                  - { rule: test.warns, system: sys-5, reason: Known, approved_by: dpo@example.com, expires: 2027-01-31 }
                  - { rule: test.nothing, system: ghost, reason: Typo, approved_by: dpo@example.com, expires: 2027-01-31 }
                """,
            ])
    }

    @Test(arguments: [1, 2])
    func aSpooledRunHoldsWhatARunInMemoryHolds(jobs: Int) throws {
        let folder = try Self.workspace()
        let engine = Engine(workspace: try folder.open(), jobs: jobs)
        let asOf = try ISODate(parsing: "2026-11-29")
        let memory = engine.evaluate(asOf: asOf)
        let spooled = engine.evaluateSpooled(asOf: asOf)

        #expect(memory.systems.count == 14)
        #expect(memory.systems.contains { $0.diagnostics.contains { $0.code == .duplicateID } })
        #expect(memory.diagnostics.contains { $0.code == .unknownRule })
        let collected = try spooled.collected()
        #expect(collected.systems == memory.systems)
        #expect(collected.diagnostics == memory.diagnostics)
        #expect(spooled.diagnostics == memory.diagnostics)
        #expect(spooled.summary == memory.summary)
        #expect(spooled.overviews == memory.overviews)
        for severity in [Severity.info, .low, .medium, .high, .critical] {
            #expect(spooled.failing(at: severity) == memory.failing(at: severity), "\(severity)")
            #expect(spooled.exitStatus(failOn: severity) == memory.exitStatus(failOn: severity))
        }
        #expect(spooled.exitStatus(failOn: nil) == memory.exitStatus(failOn: nil))
        #expect(spooled.readings == memory.readings)
    }

    @Test(arguments: ReportFormat.allCases)
    func everyReportOfASpooledRunIsTheSameBytes(format: ReportFormat) throws {
        let folder = try Self.workspace()
        let workspace = try folder.open()
        let engine = Engine(workspace: workspace, jobs: 2)
        let asOf = try ISODate(parsing: "2026-11-29")
        // Shown from another folder than the workspace's, as a user running from its parent sees it.
        let files = WorkspaceFiles(root: folder.root.path + "/./")
        let memory = engine.evaluate(asOf: asOf)
        let spooled = engine.evaluateSpooled(asOf: asOf)
        for verbose in [false, true] {
            let context = ReportContext(
                toolVersion: "test", colors: verbose, verbose: verbose, failOn: .medium, files: files,
                sourceRoot: verbose ? SourceRoot.find(workspace: folder.root.path) : nil)
            let expected = format.render(memory, context: context)
            #expect(!expected.isEmpty)
            #expect(try format.text(of: spooled, context: context) == expected, "\(format), verbose \(verbose)")
        }
    }

    @Test func anEmptyRunReportsAsBefore() throws {
        let folder = try TemporaryWorkspace.with(
            rules: ["a.lua": TemporaryWorkspace.rule("a", check: "")], systems: ["systems/README": "none here"])
        let engine = Engine(workspace: try folder.open())
        let asOf = try ISODate(parsing: "2026-11-29")
        let memory = engine.evaluate(asOf: asOf)
        let spooled = engine.evaluateSpooled(asOf: asOf)
        for format in ReportFormat.allCases {
            let context = ReportContext(toolVersion: "test")
            #expect(try format.text(of: spooled, context: context) == format.render(memory, context: context))
        }
    }

    @Test func systemsSurviveTheirBinaryFormExactly() throws {
        var result = RuleResult(
            rule: "p.r", system: "sys-é", status: .waived, severity: .critical, skipReason: .storesNotRead,
            findings: [
                Finding(
                    level: .warn, message: "two\nlines \u{1B}[31m and 🙂",
                    location: .init(file: "a b.yaml", line: 3, column: 70_000),
                    path: NodePath([.key("data"), .index(-1), .key(""), .index(Int.max)]),
                    evidence: ["", "x", String(repeating: "y", count: 300)]),
                Finding(level: .info, message: "", location: .whole("f"), path: nil),
            ],
            failure: .init(
                kind: "scan-incomplete", message: "cut", location: nil,
                descriptorLocation: .init(file: "d", line: 9, column: 3)),
            waiver: .init(
                reason: "r", approvedBy: "a@b", expires: try ISODate(parsing: "1970-01-01"),
                location: .start(of: "w.yaml")),
            log: ["a", "", "\u{0}"])
        var system = SystemEvaluation(
            file: "systems/ü.yaml", id: nil, name: "Ü", digest: "", results: [result],
            diagnostics: [
                .error(
                    .duplicateID, at: .init(file: "x", line: Int.min, column: -1), path: [.index(0)], "m", hint: "h"),
                .warning(.unknownRule, at: .whole("w"), "n"),
            ])
        system.profile = SystemProfile(
            description: "d", owner: "o", role: nil, gdprRole: "controller",
            purposes: [.init(id: "p", description: nil, legalBasis: "contract")], dataCategories: ["a", "b"],
            ai: [.init(id: "x", kind: "chatbot", decides: "y", annexIII: ["5(b)"])],
            stores: [.init(id: "s", engine: "sqlite", region: nil, tables: ["t"])])
        system.waivers = [
            Waiver(
                rule: "p.*", system: "s", reason: "", approvedBy: "", expires: try ISODate(parsing: "9999-12-31"),
                location: .whole(""))
        ]
        let bytes = SpoolCoding.encode(system)
        let decoded = try SpoolCoding.decode(bytes[...])
        #expect(decoded == system)
        // Equality leaves the profile out: compare it on its own.
        #expect(decoded.profile == system.profile)
        // Every stored property is written: a new one fails here until SpoolCoding writes it
        // (and the value above gives it a value other than its default).
        let fields = [
            ("SystemEvaluation", Mirror(reflecting: system).children.count, 8),
            ("SystemProfile", Mirror(reflecting: system.profile!).children.count, 8),
            ("RuleResult", Mirror(reflecting: result).children.count, 9),
            ("RuleResult.Failure", Mirror(reflecting: result.failure!).children.count, 4),
            ("RuleResult.AppliedWaiver", Mirror(reflecting: result.waiver!).children.count, 4),
            ("Finding", Mirror(reflecting: result.findings[0]).children.count, 5),
            ("Diagnostic", Mirror(reflecting: system.diagnostics[0]).children.count, 6),
            ("Waiver", Mirror(reflecting: system.waivers[0]).children.count, 6),
            ("SourceLocation", Mirror(reflecting: SourceLocation.whole("")).children.count, 3),
        ]
        for (type, count, written) in fields {
            #expect(count == written, "\(type) has \(count) stored properties; SpoolCoding writes \(written)")
        }
        // Damage is said, never read as something else.
        #expect(throws: SpoolCoding.Damaged.self) { try SpoolCoding.decode(bytes.dropLast()) }
        #expect(throws: SpoolCoding.Damaged.self) { try SpoolCoding.decode((bytes + [0])[...]) }
        result.findings = []
        system.results = [result]
        #expect(try SpoolCoding.decode(SpoolCoding.encode(system)[...]) == system)
    }

    @Test func theSpoolReadsBackAcrossItsPiecesAndLeavesNoFileBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = SystemSpool(in: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var records: [(SystemSpool.Record, [UInt8])] = []
        // 3 MiB in records of up to 100 KiB: some cross the 1 MiB pieces written to the file.
        var generator = SystemRandomNumberGenerator()
        var total = 0
        while total < 3 << 20 {
            let bytes = (0..<Int.random(in: 0...100_000, using: &generator)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            records.append((spool.append(bytes), bytes))
            total += bytes.count
        }
        for (record, bytes) in records.shuffled() { #expect(spool.read(record) == bytes) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func withoutATemporaryFolderTheSpoolKeepsRecordsInMemory() {
        let spool = SystemSpool(in: "/nonexistent/cadre-spool-test")
        let records = (0..<100).map { index in (spool.append(Array(repeating: UInt8(index), count: 30_000)), index) }
        for (record, index) in records { #expect(spool.read(record) == Array(repeating: UInt8(index), count: 30_000)) }
    }
}
