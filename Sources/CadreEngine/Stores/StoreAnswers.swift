import CadreModel
import CadreStores
import Foundation
import Synchronization

/// What a run's stores answered, shared by the run's workers: systems that declare the same store
/// ask it each question once per run.
///
/// A workspace's systems often share their stores (one CRM, one call-recording database behind
/// several bots). Every system used to open each of them and ask again what the previous system had
/// just asked: at 10,000 systems, most of a run went to the same few queries. A run is one look at
/// the stores, as it is one as-of date: within it, the same question to the same store has one
/// answer.
///
/// - The same store means the same engine, the same `url` as written (its `${VAR}`s are resolved
///   from one environment for the whole run) and the same workspace folder, whatever the id each
///   system gives it.
/// - The same question means the same operation with the same arguments: table, columns, filter
///   (an age filter by its cutoff instant), and for scans the detectors and the row cap.
/// - Only complete answers are kept: never an error, and never a scan its time limit cut short.
/// - A store that opened once in the run is not opened again for a system whose questions are all
///   answered here; it is opened on the first question that is not.
/// - Memory is bounded: past ``byteLimit`` (estimated), the oldest answers are forgotten first.
///
/// `cadre test` does not use it: each test's fixture stores are its own.
final class StoreAnswers: Sendable {
    /// A store, as far as its answers go. Its description and mirror leave the URL out, as
    /// ``StoreEndpoint``'s do.
    struct Store: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
        var engine: StoreEngine
        /// The URL template as written, never printed.
        var url: String
        /// Where its relative paths start.
        var baseDirectory: String

        var description: String { "\(engine) store (url hidden)" }
        var customMirror: Mirror { Mirror(self, children: ["engine": engine], displayStyle: .struct) }
    }

    /// A question a rule asks a store.
    enum Question: Hashable, Sendable {
        case tables
        case schema(table: String)
        case count(table: String, filter: RowFilter)
        case distinct(table: String, column: String)
        case dateRange(table: String, column: String)
        case scan(table: String, columns: [String], detectors: [String], rowCap: Int)
    }

    private struct Key: Hashable {
        var store: Store
        var question: Question
    }

    private struct Book {
        var answers: [Key: (answer: any Sendable, cost: Int)] = [:]
        /// Keys in the order they were kept (from `head` on): the oldest is forgotten first.
        var order: [Key] = []
        var head = 0
        var bytes = 0
        var opened: Set<Store> = []
    }

    /// The most memory the kept answers may take, estimated.
    let byteLimit: Int
    private let book = Mutex(Book())

    init(byteLimit: Int = 8 << 20) {
        self.byteLimit = byteLimit
    }

    /// The answer kept for `question` to `store`, if any.
    func answer<Answer: Sendable>(_ question: Question, of store: Store, as type: Answer.Type = Answer.self) -> Answer?
    {
        book.withLock { $0.answers[Key(store: store, question: question)]?.answer as? Answer }
    }

    /// Keeps `answer` to `question`, forgetting the oldest answers past ``byteLimit``.
    func keep(_ answer: some Sendable, to question: Question, of store: Store) {
        let key = Key(store: store, question: question)
        let cost = Self.cost(of: key) + Self.cost(of: answer)
        guard cost <= byteLimit else { return }
        book.withLock { book in
            guard book.answers[key] == nil else { return }
            book.answers[key] = (answer, cost)
            book.order.append(key)
            book.bytes += cost
            while book.bytes > byteLimit, book.head < book.order.count {
                let oldest = book.order[book.head]
                book.head += 1
                book.bytes -= book.answers.removeValue(forKey: oldest)?.cost ?? 0
            }
            if book.head > 1024, book.head * 2 > book.order.count {
                book.order.removeFirst(book.head)
                book.head = 0
            }
        }
    }

    /// Whether `store` opened earlier in the run.
    func opened(_ store: Store) -> Bool { book.withLock { $0.opened.contains(store) } }

    /// Notes that `store` opened.
    func noteOpened(_ store: Store) { _ = book.withLock { $0.opened.insert(store) } }

    /// How many answers are kept, and their estimated bytes.
    var size: (answers: Int, bytes: Int) { book.withLock { ($0.answers.count, $0.bytes) } }

    // MARK: - Estimates

    private static func cost(of key: Key) -> Int {
        let store = 64 + key.store.url.utf8.count + key.store.baseDirectory.utf8.count
        let question: Int
        switch key.question {
        case .tables: question = 16
        case .schema(let table): question = 32 + table.utf8.count
        case .count(let table, let filter): question = 64 + table.utf8.count + (filter.column?.utf8.count ?? 0)
        case .distinct(let table, let column), .dateRange(let table, let column):
            question = 48 + table.utf8.count + column.utf8.count
        case .scan(let table, let columns, let detectors, _):
            question = 64 + table.utf8.count + (columns + detectors).reduce(0) { $0 + 16 + $1.utf8.count }
        }
        return store + question
    }

    private static func cost(of answer: any Sendable) -> Int {
        switch answer {
        case let names as [String]: return 32 + names.reduce(0) { $0 + 16 + $1.utf8.count }
        case let schema as TableSchema:
            return 64 + schema.name.utf8.count
                + schema.columns.reduce(0) { $0 + 64 + $1.name.utf8.count + $1.declaredType.utf8.count }
        case let report as ScanReport:
            return 128 + report.store.utf8.count + report.table.utf8.count
                + report.columns.reduce(0) { $0 + 16 + $1.utf8.count }
                + report.detectors.reduce(0) { total, tally in
                    total + 96 + tally.detector.utf8.count + tally.category.utf8.count
                        + tally.matchesByColumn.keys.reduce(0) { $0 + 32 + $1.utf8.count }
                        + tally.examples.reduce(0) { $0 + 48 + $1.column.utf8.count + $1.text.utf8.count }
                }
        default: return 32
        }
    }
}
