import CadreModel
import CadreStores
import Foundation
import GRDB
import Testing

@testable import CadreEngine

/// Systems that declare the same store ask it each question once per run (``StoreAnswers``): what
/// another system asked is answered without the store, a store already opened in the run is not
/// opened again for questions answered, and incomplete answers, other stores and handles kept past
/// their system never share an answer.
@Suite struct SharedStoreAnswersTests {
    static func descriptor(id: String, url: String) -> String {
        TemporaryWorkspace.descriptor(
            id: id,
            extra: """
                stores:
                  - id: \(id)-calls
                    engine: sqlite
                    url: \(url)
                    tables:
                      - name: recordings
                        columns: { caller: user.contact.phone_number }
                """)
    }

    let workspace: TemporaryWorkspace
    let opened: Workspace
    let database: String

    init() throws {
        workspace = try TemporaryWorkspace.with(
            rules: ["r.lua": TemporaryWorkspace.rule("r", check: "")],
            systems: [
                "systems/a.yaml": Self.descriptor(id: "a", url: "${CALLS_DB}"),
                "systems/b.yaml": Self.descriptor(id: "b", url: "${CALLS_DB}"),
                "systems/c.yaml": Self.descriptor(id: "c", url: "other.sqlite"),
            ])
        opened = try workspace.open()
        database = workspace.root.appendingPathComponent("calls.sqlite").path
        try Self.createDatabase(at: database, rows: 5)
    }

    static func createDatabase(at path: String, rows: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE recordings (id INTEGER PRIMARY KEY, caller TEXT)")
            for _ in 0..<rows { try db.execute(sql: "INSERT INTO recordings (caller) VALUES ('x')") }
        }
        try queue.close()
    }

    func system(_ id: String) throws -> SystemDescriptor {
        let path = workspace.root.appendingPathComponent("systems/\(id).yaml").path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let load = DescriptorLoader(taxonomy: opened.taxonomy).load(bytes: bytes, file: "systems/\(id).yaml")
        return try #require(load.document?.descriptor)
    }

    func access(_ answers: StoreAnswers?) throws -> StoreAccess {
        StoreAccess(
            baseDirectory: workspace.root.path, environment: ["CALLS_DB": "calls.sqlite"], enabled: true,
            asOf: try ISODate(parsing: "2026-11-30"), answers: answers)
    }

    func count(_ access: StoreAccess, _ store: String, keeping: Bool = true) throws -> Int {
        try access.answer(
            .count(table: "recordings", filter: .all), of: store, keeping: { _ in keeping },
            ask: {
                try $0.count(in: "recordings", where: .all)
            })
    }

    @Test func aSecondSystemOfTheSameStoreIsAnsweredWithoutOpeningIt() throws {
        let answers = StoreAnswers()
        // Two workers, as in a run with --jobs 2.
        let first = try access(answers)
        let second = try access(answers)
        first.start(try system("a"))
        try first.reach("a-calls")
        #expect(try count(first, "a-calls") == 5)
        first.finish()
        // The store is gone: only an answer kept from system a can answer system b.
        try FileManager.default.removeItem(atPath: database)
        second.start(try system("b"))
        try second.reach("b-calls")
        #expect(try count(second, "b-calls") == 5)
        // A question no system asked goes to the store, which opens now (and is missing).
        #expect(throws: StoreError.self) {
            _ = try second.answer(.distinct(table: "recordings", column: "caller"), of: "b-calls") {
                try $0.distinctCount(in: "recordings", of: "caller")
            }
        }
        #expect(answers.size.answers == 1)
    }

    @Test func withoutSharedAnswersEverySystemAsksItsStore() throws {
        let access = try self.access(nil)
        access.start(try system("a"))
        #expect(try count(access, "a-calls") == 5)
        try FileManager.default.removeItem(atPath: database)
        try Self.createDatabase(at: database, rows: 2)
        access.start(try system("b"))
        #expect(try count(access, "b-calls") == 2)
    }

    @Test func anotherStoreIsNeverAnsweredFromThisOne() throws {
        let answers = StoreAnswers()
        let access = try self.access(answers)
        access.start(try system("a"))
        #expect(try count(access, "a-calls") == 5)
        try Self.createDatabase(at: workspace.root.appendingPathComponent("other.sqlite").path, rows: 3)
        access.start(try system("c"))
        #expect(try count(access, "c-calls") == 3)
    }

    @Test func anIncompleteAnswerIsNotKept() throws {
        let answers = StoreAnswers()
        let access = try self.access(answers)
        access.start(try system("a"))
        #expect(try count(access, "a-calls", keeping: false) == 5)
        #expect(answers.size.answers == 0)
        try FileManager.default.removeItem(atPath: database)
        try Self.createDatabase(at: database, rows: 2)
        access.start(try system("b"))
        #expect(try count(access, "b-calls") == 2)
    }

    @Test func anErrorIsNotShared() throws {
        let answers = StoreAnswers()
        let access = try self.access(answers)
        access.start(try system("a"))
        let later: (StoreAccess, String) throws -> Int = { access, store in
            try access.answer(.count(table: "later", filter: .all), of: store) {
                try $0.count(in: "later", where: .all)
            }
        }
        #expect(throws: StoreError.self) { _ = try later(access, "a-calls") }
        access.finish()
        let queue = try DatabaseQueue(path: database)
        try queue.write {
            try $0.execute(sql: "CREATE TABLE later (id INTEGER PRIMARY KEY); INSERT INTO later DEFAULT VALUES")
        }
        try queue.close()
        access.start(try system("b"))
        #expect(try later(access, "b-calls") == 1)
    }

    @Test func theOldestAnswersAreForgottenPastTheLimit() throws {
        let store = StoreAnswers.Store(engine: .sqlite, url: "calls.sqlite", baseDirectory: "/w")
        let answers = StoreAnswers(byteLimit: 1_000)
        for index in 0..<50 { answers.keep(index, to: .schema(table: "t\(index)"), of: store) }
        let size = answers.size
        #expect(size.bytes <= 1_000)
        #expect(size.answers > 1 && size.answers < 50)
        #expect(answers.answer(.schema(table: "t49"), of: store, as: Int.self) == 49)
        #expect(answers.answer(.schema(table: "t0"), of: store, as: Int.self) == nil)
    }

    @Test func aStoreKeyNeverPrintsItsURL() {
        let store = StoreAnswers.Store(engine: .postgres, url: "postgres://u:s3cret@db/crm", baseDirectory: "/w")
        var dumped = ""
        dump(store, to: &dumped)
        for text in [store.description, "\(store)", String(reflecting: store), dumped] {
            #expect(!text.contains("s3cret"), "\(text)")
        }
    }

    /// A rule that keeps a store handle past its system reads no other system's store through it.
    @Test func aHandleKeptPastItsSystemIsClosed() throws {
        let rule = """
            local kept
            return {
              id = "test.r", title = "Rule r", severity = "high", references = { "Test Art. 1" },
              check = function(system, ctx)
                if kept then
                  local ok, err = pcall(kept.count, kept, "recordings")
                  ctx:fail(ok and "read through a kept handle" or tostring(err))
                end
                kept = ctx:store(system.stores[1].id)
              end,
            }
            """
        let workspace = try TemporaryWorkspace.with(
            rules: ["r.lua": rule],
            systems: [
                "systems/a.yaml": Self.descriptor(id: "a", url: "calls.sqlite"),
                "systems/b.yaml": Self.descriptor(id: "b", url: "calls.sqlite"),
            ])
        try Self.createDatabase(at: workspace.root.appendingPathComponent("calls.sqlite").path, rows: 5)
        let evaluation = Engine(workspace: try workspace.open(), jobs: 1, environment: [:])
            .evaluate(asOf: try ISODate(parsing: "2026-11-30"))
        let messages = evaluation.systems.flatMap { $0.results.flatMap(\.findings) }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("the store was closed") == true)
    }
}
