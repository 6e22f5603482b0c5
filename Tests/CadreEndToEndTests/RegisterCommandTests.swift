import Foundation
import Testing

/// `cadre register`: the record of processing the descriptors make, in every format, its missing
/// entries as the GDPR pack's rules of the record report them, and nothing read from a store.
@Suite struct RegisterCommandTests {
    /// The rules whose findings are the record's missing entries.
    static let recordRules: Set<String> = [
        "gdpr.record.complete", "gdpr.purposes.declared", "gdpr.transfers.mechanism", "gdpr.retention.defined",
    ]

    /// A system that leaves entries out: no organisation, a purpose without description, one
    /// without uses, data about nobody, no retention, an inference with no data item, transfers
    /// without a mechanism. Its store `crm` has a password in its URL; its store `logs` is a FIFO,
    /// which would block whoever opened it.
    static let gaps = """
        cadre: system/v1
        id: gaps
        name: Callback bot with gaps
        description: Calls back <script>alert(1)</script> customers
        owner: team@example.com
        purposes:
          - id: callback
            legal_basis: contract
            uses: [essential.service.operations.support]
          - id: scoring
            description: =HYPERLINK("https://evil.example","click")
        data:
          - category: user.contact.phone_number
            purposes: [callback]
            retention: { period: P1Y }
            stores: [logs]
          - category: user.name
            subjects: [customer]
            purposes: [callback, scoring]
            stores: [crm]
          - category: user.content.chat_transcript
            subjects: [customer]
            retention: { criteria: until the claim is settled }
        ai:
          - id: churn
            kind: scoring
            purposes: [scoring]
            model: { name: ChurnNet, provider: Acme, hosted_in: CA }
            infers: [churn_risk, sentiment]
            about: [customer]
        stores:
          - id: crm
            engine: postgres
            url: postgres://admin:hunter2@db.example.com/crm
            region: IN
          - id: logs
            engine: sqlite
            url: stores/logs.sqlite
            region: EU
        processors:
          - name: Acme Cloud Inc.
            service: hosting
            country: US
            transfer: dpf
            receives: [user.name]
          - name: Maple Hosting
            service: model hosting
            country: CA
            receives: [user.contact]
          - name: Mumbai Data
            country: IN
            transfer: dpf

        """

    /// A system whose organisation gives no DPO and which declares no purpose.
    static let noPurpose = """
        cadre: system/v1
        id: nodpo
        name: Mail triage
        owner: team@example.com
        organisation: { name: Example SA, country: FR }
        data:
          - category: user.contact.email
            subjects: [customer]
            retention: { period: P3Y, from: last_contact }

        """

    /// A workspace of the two systems, loading the repository's GDPR pack.
    static func gapsWorkspace() throws -> TemporaryFolder {
        let pack = CadreCommand.repositoryRoot.appendingPathComponent("policies/gdpr").path
        let folder = try TemporaryFolder(files: [
            "cadre.yaml": "cadre: workspace/v1\nname: Register fixture\nsystems: [systems]\npacks: [\(pack)]\n",
            "systems/gaps.yaml": gaps,
            "systems/nodpo.yaml": noPurpose,
        ])
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("stores"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.url.appendingPathComponent("stores/logs.sqlite").path, 0o600) == 0)
        return folder
    }

    /// `cadre register` of the example workspace prints, byte for byte, the reviewed record.
    @Test(arguments: [("markdown", "register.md"), ("csv", "register.csv")])
    func theExampleWorkspaceGivesItsReviewedRegister(_ format: String, _ file: String) throws {
        let output = try CadreCommand.run(["register", "--workspace", "examples", "--format", format])
        #expect(output.status == 0, "\(output.stderr)")
        let expected = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/expected/\(file)"), encoding: .utf8
        )
        #expect(
            output.stdout == expected,
            "examples/expected/\(file) is out of date: review the difference, then run `make expected`")
    }

    /// The missing entries are the findings of gdpr.record.complete and the rules it defers to,
    /// one for one: the same system, rule, level, message, line and column.
    @Test func missingEntriesAreWhatTheRulesOfTheRecordReport() throws {
        let folder = try Self.gapsWorkspace()
        for (directory, workspace, count) in [
            (folder.url, ".", 13), (CadreCommand.repositoryRoot, "examples", 5),
        ] {
            let evaluation = try CadreCommand.run(
                ["evaluate", "-w", workspace, "--no-stores", "--fail-on", "none", "--format", "json"], in: directory)
            #expect(evaluation.status == 0, "\(evaluation.stderr)")
            let register = try CadreCommand.run(["register", "-w", workspace, "--format", "json"], in: directory)
            #expect(register.status == 0, "\(register.stderr)")
            let findings = try Self.findings(evaluation.stdout)
            let missing = try Self.missing(register.stdout)
            #expect(findings.count == count, "\(workspace): \(findings.sorted())")
            #expect(
                missing == findings,
                "\(workspace): only the register: \(missing.subtracting(findings).sorted()); only the rules: \(findings.subtracting(missing).sorted())"
            )
        }
    }

    /// No format shows a store's URL, a password, or a value of the seeded example stores: the
    /// register opens no store (a FIFO among them would block it).
    @Test(arguments: ["markdown", "csv", "html", "json"])
    func theRegisterReadsNoStoreAndShowsNoSecret(_ format: String) throws {
        let folder = try Self.gapsWorkspace()
        let output = try CadreCommand.run(["register", "--format", format], in: folder.url, timeout: 30)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Callback bot with gaps"))
        for secret in ["hunter2", "postgres://", "db.example.com", "stores/logs.sqlite", "admin"] {
            #expect(!output.stdout.contains(secret), "\(format) shows \(secret)")
        }
        try EvaluateCommandTests.ensureStores()
        let example = try CadreCommand.run(["register", "-w", "examples", "--format", format])
        #expect(example.status == 0, "\(example.stderr)")
        let seeded = try String(
            contentsOf: CadreCommand.repositoryRoot.appendingPathComponent("examples/stores/seeded-values.txt"),
            encoding: .utf8
        ).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(!seeded.isEmpty)
        for value in seeded { #expect(!example.stdout.contains(value), "\(format) shows the stored value \(value)") }
        for url in ["stores/", "${VOICEBOT_DB_URL}", ".sqlite"] {
            #expect(!example.stdout.contains(url), "\(format) shows a store's address: \(url)")
        }
    }

    /// 0 when the record is written, 1 with --strict when an entry is missing (not for a warning),
    /// 2 for a system that does not exist, an invalid descriptor or an output that is a folder.
    @Test func exitStatusesSayWhatHappened() throws {
        let folder = try Self.gapsWorkspace()
        let strict = try CadreCommand.run(["register", "--strict"], in: folder.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("11 entries of the record missing"), "\(strict.stderr)")
        #expect(strict.stdout.hasPrefix("# Record of processing activities"))
        let complete = try CadreCommand.run(["register", "-w", "examples", "--system", "chatbot-web", "--strict"])
        #expect(complete.status == 0, "\(complete.stderr)")
        let unknown = try CadreCommand.run(["register", "--system", "gap"], in: folder.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no system `gap` in the workspace (did you mean `gaps`?)"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
        let intoFolder = try CadreCommand.run(["register", "--output", "systems"], in: folder.url)
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.contains("it is a folder"), "\(intoFolder.stderr)")
        let invalid = try TemporaryFolder(files: [
            "systems/a.yaml": "cadre: system/v1\nid: a\nname: A\nowner: o\nstores: [{ id: s, engine: oracle }]\n"
        ])
        let refused = try CadreCommand.run(["register"], in: invalid.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("systems/a.yaml:5"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
    }

    /// --system keeps the systems named; --output writes the file, and nothing on stdout.
    @Test func systemAndOutputOptions() throws {
        let folder = try Self.gapsWorkspace()
        let output = try CadreCommand.run(
            ["register", "--system", "nodpo", "--format", "json", "--output", "record.json"], in: folder.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.isEmpty)
        let data = try Data(contentsOf: folder.url.appendingPathComponent("record.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["format"] as? String == "cadre-register/v1")
        let systems = try #require(document["systems"] as? [[String: Any]])
        #expect(systems.map { $0["id"] as? String } == ["nodpo"])
        let missing = try #require(systems.first?["missing"] as? [[String: Any]])
        #expect(missing.map { $0["article"] as? String } == ["GDPR Art. 30(1)(a)", "GDPR Art. 30(1)(b)"])
        #expect(missing.map { $0["level"] as? String } == ["warn", "fail"])
    }

    /// CSV: a header, then one row of 19 fields per entry, CRLF, quoted where needed, and a
    /// description a spreadsheet would run as a formula shown as text.
    @Test func csvIsOneRowPerEntryAndSafeInASpreadsheet() throws {
        let folder = try Self.gapsWorkspace()
        let output = try CadreCommand.run(["register", "--format", "csv"], in: folder.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("\r\n"))
        let rows = Self.csvRows(output.stdout)
        #expect(rows.count == 5, "a header, 3 entries of gaps, 1 of nodpo: \(rows)")
        #expect(rows.allSatisfy { $0.count == 19 })
        let header = try #require(rows.first)
        #expect(header.prefix(3) == ["system", "system_name", "file"])
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.dropFirst().map { $0[column("purpose")] } == ["callback", "scoring", "", ""])
        #expect(rows[2][column("purpose_description")] == "'=HYPERLINK(\"https://evil.example\",\"click\")")
        #expect(output.stdout.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\""))
        #expect(rows[1][column("missing")].contains("(a) the record names no controller"))
        #expect(rows[4][column("warnings")].contains("(a) the record gives no contact for the data protection officer"))
        #expect(rows[1][column("data_categories")] == "user.contact.phone_number; user.name")
    }

    /// HTML: one page that needs nothing else — its language, headings, an inline style with a
    /// print stylesheet, no script, link or source — and descriptor text shown, not obeyed.
    @Test func htmlIsOneSelfContainedPage() throws {
        let folder = try Self.gapsWorkspace()
        let output = try CadreCommand.run(["register", "--format", "html"], in: folder.url)
        #expect(output.status == 0, "\(output.stderr)")
        let html = output.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(html.contains("@media print"))
        for forbidden in ["<script", "<link", "src=", "<img", "url("] {
            #expect(!html.contains(forbidden), "the page holds \(forbidden)")
        }
        #expect(html.contains("Calls back &lt;script&gt;alert(1)&lt;/script&gt; customers"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.contains("<h2 id=\"title-gaps\">Callback bot with gaps — <code>gaps</code></h2>"))
        #expect(html.components(separatedBy: "<h3>Entry ").count == 5)
        #expect(html.contains("<h4>Transfers outside the EEA (<span lang=\"fr\">transferts hors UE</span>)</h4>"))
    }

    /// The example workspace's page in a real browser (headless Chromium, driven by
    /// Scripts/check_register_html.py): every system with its entries and missing entries shows,
    /// the keyboard reaches the page, it prints a system a page, and nothing errs or is fetched.
    @Test func theExampleRecordWorksInABrowser() throws {
        let folder = try TemporaryFolder(files: [:])
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let page = folder.url.appendingPathComponent("register.html").path
        let json = folder.url.appendingPathComponent("register.json").path
        for (format, file) in [("html", page), ("json", json)] {
            let written = try CadreCommand.run(["register", "-w", "examples", "--format", format, "--output", file])
            #expect(written.status == 0, "\(written.stderr)")
        }
        let check = try CadreCommand.runProgram(
            "python3", ["Tests/CadreEndToEndTests/Scripts/check_register_html.py", page, json], timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    // MARK: Reading the outputs

    struct Entry: Hashable, Comparable, CustomStringConvertible {
        var system, rule, level, message: String
        var line, column: Int
        static func < (a: Entry, b: Entry) -> Bool { a.description < b.description }
        var description: String { "\(system) \(line):\(column) \(rule) \(level): \(message)" }
    }

    /// The findings of the rules of the record in `cadre evaluate --format json`.
    static func findings(_ json: String) throws -> Set<Entry> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var entries: Set<Entry> = []
        for system in document["systems"] as? [[String: Any]] ?? [] {
            for result in system["results"] as? [[String: Any]] ?? [] {
                guard let rule = result["rule"] as? String, recordRules.contains(rule) else { continue }
                for finding in result["findings"] as? [[String: Any]] ?? [] {
                    let location = finding["location"] as? [String: Any] ?? [:]
                    entries.insert(
                        Entry(
                            system: system["id"] as? String ?? "", rule: rule, level: finding["level"] as? String ?? "",
                            message: finding["message"] as? String ?? "", line: location["line"] as? Int ?? 0,
                            column: location["column"] as? Int ?? 0))
                }
            }
        }
        return entries
    }

    /// The missing entries in `cadre register --format json`.
    static func missing(_ json: String) throws -> Set<Entry> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var entries: Set<Entry> = []
        for system in document["systems"] as? [[String: Any]] ?? [] {
            for gap in system["missing"] as? [[String: Any]] ?? [] {
                let location = gap["location"] as? [String: Any] ?? [:]
                entries.insert(
                    Entry(
                        system: system["id"] as? String ?? "", rule: gap["rule"] as? String ?? "",
                        level: gap["level"] as? String ?? "", message: gap["message"] as? String ?? "",
                        line: location["line"] as? Int ?? 0, column: location["column"] as? Int ?? 0))
            }
        }
        return entries
    }

    /// The records of an RFC 4180 text (CRLF between records; quoted fields may hold anything).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }
}
