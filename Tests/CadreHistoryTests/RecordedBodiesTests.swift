import CadreTestSupport
import Foundation
import GRDB
import Testing

@testable import CadreHistory

/// What the history records compressed reads back as it was; a run of many new bodies makes a
/// dictionary of its own, a run of few uses the last; damaged bytes are unreadable, never a crash.
@Suite struct RecordedBodiesTests {
    /// Result-like JSON: the same members and a few rules, messages and files, varied.
    static func bodies(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix(seed: seed)
        let rules = ["gdpr.retention.defined", "cnil.recording.card-data", "ai-act.transparency.disclosure"]
        return (0..<count).map { index in
            let rule = rules[Int.random(in: 0..<rules.count, using: &random)]
            let rows = Int.random(in: 1...5000, using: &random)
            let text = """
                {"findings":[{"evidence":[],"level":"fail","location":{"column":9,"file":"systems/\(index % 97)/chatbot-\(index).yaml","line":\(rows % 90)},\
                "message":"\(rows) rows of calls.recordings are older than P6M (by recorded_at)"}],\
                "log":[],"rule":"\(rule)","severity":"high","status":"fail"}
                """
            return Array(text.utf8)
        }
    }

    static func history() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try HistorySchema.migrator.migrate(queue)
        return queue
    }

    static func read(_ forms: [[UInt8]], in queue: DatabaseQueue) throws -> [[UInt8]?] {
        try queue.read { db in
            let reader = RecordedBodyReader(db)
            return forms.map { reader.body($0) }
        }
    }

    @Test func manyBodiesMakeADictionaryFewUseTheLast() throws {
        let queue = try Self.history()
        let first = Self.bodies(4_000, seed: 1)
        let total = first.reduce(0) { $0 + $1.count }
        #expect(total >= RecordedBodies.trainingBytes)
        let forms = try queue.write { try HistoryStore.recordedForms(first, kind: .result, in: $0) }
        let dictionaries = try queue.read { try Int64.fetchAll($0, sql: "SELECT id FROM body_dictionary") }
        #expect(dictionaries.count == 1)
        #expect(forms.allSatisfy { RecordedBodies.isCompressed($0) && $0[1] == UInt8(dictionaries[0]) })
        let compressed = forms.reduce(0) { $0 + $1.count }
        #expect(Double(compressed) < Double(total) * RecordedBodies.staleRatio, "\(compressed) of \(total)")
        #expect(try Self.read(forms, in: queue) == first)

        // A later run alike: the same dictionary. A few bodies: the same, even unlike.
        let alike = Self.bodies(4_000, seed: 2)
        let few = [Array("{\"other\":\"shape\"}".utf8)]
        let later = try queue.write { db in
            (
                try HistoryStore.recordedForms(alike, kind: .result, in: db),
                try HistoryStore.recordedForms(few, kind: .result, in: db)
            )
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM body_dictionary") } == 1)
        #expect(try Self.read(later.0, in: queue) == alike)
        #expect(try Self.read(later.1, in: queue) == few)

        // Many bodies the dictionary does not fit (and no dictionary does: random bytes): a new
        // one is tried and dropped; their forms read back all the same.
        var random = SplitMix(seed: 3)
        let noise = (0..<1_000).map { _ in (0..<600).map { _ in UInt8.random(in: 0...255, using: &random) } }
        let noisy = try queue.write { try HistoryStore.recordedForms(noise, kind: .result, in: $0) }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM body_dictionary") } == 1)
        #expect(try Self.read(noisy, in: queue) == noise)

        // Another kind has dictionaries of its own.
        let archives = try queue.write { try HistoryStore.recordedForms(alike, kind: .document, in: $0) }
        #expect(
            try queue.read { try String.fetchAll($0, sql: "SELECT kind FROM body_dictionary ORDER BY id") }
                == ["result", "document"])
        #expect(try Self.read(archives, in: queue) == alike)
    }

    @Test func theSameBodiesMakeTheSameDictionary() {
        let bodies = Self.bodies(3_000, seed: 4)
        let dictionary = RecordedBodies.dictionary(from: bodies)
        #expect(dictionary == RecordedBodies.dictionary(from: bodies))
        #expect(dictionary.count <= RecordedBodies.dictionaryBytes)
        #expect(dictionary.count > RecordedBodies.dictionaryBytes / 2)
        #expect(RecordedBodies.dictionary(from: []).isEmpty)
    }

    @Test func damagedBodiesAreUnreadableNotACrash() throws {
        let queue = try Self.history()
        let bodies = Self.bodies(2_000, seed: 5)
        let forms = try queue.write { try HistoryStore.recordedForms(bodies, kind: .result, in: $0) }
        let form = forms[0]
        var cases: [[UInt8]] = [
            [RecordedBodies.marker],  // no dictionary number
            [RecordedBodies.marker, 0x80],  // a number cut
            [RecordedBodies.marker] + Array(repeating: 0xFF, count: 10) + [0x01],  // a number too large
            [RecordedBodies.marker, 0x09] + form.dropFirst(2),  // a dictionary that does not exist
            [RecordedBodies.marker, 0x00] + form.dropFirst(2),  // no dictionary, where one was used
            Array(form.dropLast(3)),  // a frame cut
            [RecordedBodies.marker, 0x00],  // no frame
        ]
        // A frame header (magic, a descriptor for an 8-byte content size and a single segment)
        // that claims more than the largest body: refused before anything is allocated; one that
        // claims 1 MiB and holds no block: refused once read.
        let header: [UInt8] = [RecordedBodies.marker, 0x00, 0x28, 0xB5, 0x2F, 0xFD, 0xE0]
        func littleEndian(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        cases.append(header + littleEndian(1 << 40))
        cases.append(header + littleEndian(1 << 20))
        for damaged in cases {
            #expect(try Self.read([damaged], in: queue) == [nil], "\(damaged.prefix(12))")
        }
        // Every single byte changed: unreadable or some bytes, never a crash.
        var random = SplitMix(seed: 6)
        for _ in 0..<2_000 {
            var mutated = form
            let index = Int.random(in: 0..<mutated.count, using: &random)
            mutated[index] = UInt8.random(in: 0...255, using: &random)
            _ = try Self.read([mutated], in: queue)
        }
        // What is not in the compressed form is the body as it was recorded before.
        #expect(try Self.read([Array("{\"rule\":\"r\"}".utf8)], in: queue) == [Array("{\"rule\":\"r\"}".utf8)])
    }

    @Test func numbersRoundTrip() {
        for value: Int64 in [0, 1, 127, 128, 300, 16_384, Int64(Int32.max), Int64.max] {
            var bytes: [UInt8] = [7]
            LEB128.append(value, to: &bytes)
            let read = LEB128.read(bytes, at: 1)
            #expect(read?.0 == value)
            #expect(read?.1 == bytes.count)
        }
    }
}
