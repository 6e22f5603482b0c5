import Foundation
import GRDB

/// Deterministic synthetic data: the same seed gives the same bytes on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Generators {
    /// Where generated data is kept between runs (`Benchmarks/.cache`, or `CADRE_BENCH_CACHE`).
    static var cache: String {
        let path =
            ProcessInfo.processInfo.environment["CADRE_BENCH_CACHE"]
            ?? FileManager.default.currentDirectoryPath + "/.cache"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `recordings(id, recorded_at, caller_phone, agent_id)`: `rows` rows, `recorded_at` ISO 8601
    /// text spread over 2022-01-01 … 2025-12-31 (about a quarter older than 2025-01-01).
    static func recordingsDatabase(rows: Int) throws -> String {
        let path = "\(cache)/recordings-\(rows).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        print("generating \(path) (once)…")
        let temporary = path + ".partial"
        try? FileManager.default.removeItem(atPath: temporary)
        let queue = try DatabaseQueue(path: temporary)
        try queue.write { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(
                sql:
                    "CREATE TABLE recordings (id INTEGER PRIMARY KEY, recorded_at TEXT, caller_phone TEXT, agent_id INTEGER)"
            )
            let insert = try db.makeStatement(
                sql: "INSERT INTO recordings (recorded_at, caller_phone, agent_id) VALUES (?, ?, ?)")
            var rng = SplitMix(state: 2025)
            let start = 1_640_995_200  // 2022-01-01
            let span = 4 * 365 * 86_400
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [
                .withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime,
            ]
            formatter.timeZone = TimeZone(identifier: "UTC")
            for k in 0..<rows {
                let at = formatter.string(
                    from: Date(timeIntervalSince1970: TimeInterval(start + Int.random(in: 0..<span, using: &rng))))
                let phone = String(format: "06 %02d %02d %02d %02d", k % 97, k % 89, k % 83, k % 79)
                try insert.execute(arguments: [at, phone, k % 40])
            }
        }
        try queue.close()
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return path
    }

    /// Customer-service messages (~320 bytes each, French): one in `every` carries personal data of
    /// one of the seven kinds, in turn, with valid checksums; another one in `every` carries
    /// look-alikes that fail validation (an order number with no card prefix, an IBAN and a NIR
    /// with wrong check digits, a version number, a time) — what a pattern alone would report.
    static func messages(count: Int, every: Int = 10, seed: UInt64 = 7) -> [String] {
        var rng = SplitMix(state: seed)
        let openings = ["Bonjour, ", "Bonsoir, ", "Madame, Monsieur, ", "Re: ", "Suite à mon appel, "]
        let bodies = [
            "je vous contacte au sujet de ma facture d'électricité du mois dernier qui me semble trop élevée par rapport à ma consommation habituelle. ",
            "le technicien devait passer mardi entre 8 h et 12 h pour le relevé du compteur, mais personne n'est venu et je n'ai reçu aucun message. ",
            "pourriez-vous m'indiquer la date de résiliation de mon contrat et le montant du dernier prélèvement, référence 2024-000123 ? ",
            "merci pour votre réponse rapide, le problème de connexion à l'espace client est résolu depuis la mise à jour de l'application. ",
            "je souhaite changer d'offre pour passer à l'option heures creuses à partir du 1er du mois prochain, est-ce possible ? ",
        ]
        let personal = [
            "Mon adresse est claire.martin@exemple.fr. ", "Rappelez-moi au 06 12 34 56 78. ",
            "Mon IBAN : FR76 3000 6000 0112 3456 7890 189. ",
            "Carte 4242 4242 4242 4242 exp 12/27. ", "Mon NIR est 1 85 05 78 006 084 91. ",
            "Connexion depuis 192.168.1.20. ",
            "Adresse IPv6 2001:db8::1 signalée. ",
        ]
        let lookAlikes = [
            "Commande 9876 5432 1098 7654 expédiée. ", "IBAN refusé : FR76 3000 6000 0112 3456 7890 188. ",
            "Dossier 2 85 05 78 006 084 00 incomplet. ", "Version 10.2.3.4.5 installée à 10:30:00. ",
        ]
        return (0..<count).map { k in
            var text = openings[Int.random(in: 0..<openings.count, using: &rng)]
            text += bodies[Int.random(in: 0..<bodies.count, using: &rng)]
            text += bodies[Int.random(in: 0..<bodies.count, using: &rng)]
            if k % every == 0 { text += personal[(k / every) % personal.count] }
            if k % every == every / 2 { text += lookAlikes[(k / every) % lookAlikes.count] }
            text += "Cordialement, client n° \(100_000 + k % 900_000)."
            return text
        }
    }

    /// The messages as a text file (one per line) and as a SQLite table `chats(id, message)`.
    static func corpus(messages count: Int) throws -> (text: String, database: String) {
        let text = "\(cache)/messages-v2-\(count).txt"
        let database = "\(cache)/chats-v2-\(count).sqlite"
        if FileManager.default.fileExists(atPath: text), FileManager.default.fileExists(atPath: database) {
            return (text, database)
        }
        print("generating \(text) and \(database) (once)…")
        try? FileManager.default.removeItem(atPath: database)
        _ = FileManager.default.createFile(atPath: text, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: text))
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "CREATE TABLE chats (id INTEGER PRIMARY KEY, message TEXT)")
            let insert = try db.makeStatement(sql: "INSERT INTO chats (message) VALUES (?)")
            var done = 0
            while done < count {
                let batch = messages(count: min(10_000, count - done), seed: UInt64(done + 1))
                for message in batch { try insert.execute(arguments: [message]) }
                handle.write(Data((batch.joined(separator: "\n") + "\n").utf8))
                done += batch.count
            }
        }
        try handle.close()
        try queue.close()
        return (text, database)
    }
}
