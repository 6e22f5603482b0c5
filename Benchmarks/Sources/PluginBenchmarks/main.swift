// Benchmarks of plugin detectors (issue 8): the bundled pii-fr detectors — a Lua pattern matched
// in Swift, a validation function in Lua for each candidate — against cadre's native detectors,
// on the same customer-service messages, in MB/s on one core. Prints a Markdown section for
// BENCHMARKS.md.
import BenchmarkKit
import CadreEngine
import CadreModel
import CadreStores
import Foundation

/// Messages like those of a customer-service chat log, seeded: most plain text, some with a
/// SIRET, a VAT number, a plate, a phone number, an email, and digit runs that are none of them.
func messages(count: Int, seed: UInt64 = 42) -> [String] {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(next() % 10)) }) }
    let phrases = [
        "Bonjour, je vous contacte au sujet de ma facture du mois dernier qui me semble trop élevée.",
        "Le technicien n'est pas venu au rendez-vous prévu mardi entre 8 h et 12 h, merci de me rappeler.",
        "Mon compteur affiche une consommation anormale depuis le changement de contrat.",
        "Je souhaite résilier mon abonnement à la fin du mois, pouvez-vous me confirmer la date ?",
        "Merci pour votre réponse rapide, le problème est résolu.",
    ]
    let sirets = ["732 829 320 00074", "73282932000074", "356 000 000 00048", "552 100 554 00025"]
    var out: [String] = []
    for i in 0..<count {
        var text = phrases[Int(next() % UInt64(phrases.count))]
        switch i % 10 {
        case 0: text += " Notre SIRET est le \(sirets[Int(next() % 4)])."
        case 1: text += " TVA intracommunautaire FR44732829320."
        case 2: text += " Véhicule immatriculé AB-123-CD."
        case 3: text += " Rappelez-moi au 06 12 34 56 78 ou à jean.dupont@example.fr."
        case 4: text += " Référence dossier \(digits(9)), commande \(digits(14))."
        case 5: text += " Numéro client \(digits(8)) et ticket \(digits(12))."
        default: break
        }
        out.append(text)
    }
    return out
}

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var taxonomy = try Taxonomy.bundled()
let (plugins, problems) = PluginLoader.loadAll(["plugins/pii-fr"], root: repository.path, into: &taxonomy)
guard problems.filter(\.isError).isEmpty else { fatalError("pii-fr does not load: \(problems)") }
let runtime = try PluginRuntime(plugins: plugins, taxonomy: taxonomy)
guard runtime.diagnostics.isEmpty else { fatalError("pii-fr does not load: \(runtime.diagnostics)") }

let corpus = messages(count: 100_000)
let bytes = corpus.reduce(0) { $0 + $1.utf8.count }
let megabytes = Double(bytes) / 1_000_000

func scan(_ registry: DetectorRegistry) -> Int {
    var scanner = TextScanner(detectors: registry, columns: ["message"])
    for message in corpus {
        scanner.beginRow()
        scanner.scan(message, column: 0)
    }
    return scanner.tallies.reduce(0) { $0 + $1.matches }
}

let native = DetectorRegistry.standard
let piiFr = ["siren", "siret", "tva-fr", "immatriculation"]
let cases: [(String, DetectorRegistry)] = [
    ("native: all 7 (email, phone, iban, card, nir, ipv4, ipv6)", native),
    ("native: card (Luhn)", try native.selecting(["card"])),
    ("native: nir (key)", try native.selecting(["nir"])),
    ("pii-fr: siren", try runtime.detectors.selecting(["siren"])),
    ("pii-fr: siret", try runtime.detectors.selecting(["siret"])),
    ("pii-fr: tva-fr", try runtime.detectors.selecting(["tva-fr"])),
    ("pii-fr: immatriculation", try runtime.detectors.selecting(["immatriculation"])),
    ("pii-fr: all 4", try runtime.detectors.selecting(piiFr)),
    ("native 7 + pii-fr 4", runtime.detectors),
]

var lines = [
    "### Plugin detectors",
    "",
    Report.machineLine(samples: "medians of 7 scans"),
    "\(corpus.count.formatted()) chat messages, \(String(format: "%.1f", megabytes)) MB, scanned in memory on one thread",
    "(`TextScanner`, one value per message, as a store scan hands them over).",
    "",
    "| detectors | median | throughput | matches |",
    "|---|---:|---:|---:|",
]
for (name, registry) in cases {
    var matches = 0
    let result = measure(name, iterations: 1, samples: 7) { matches = scan(registry) }
    let seconds = result.median / 1e9
    FileHandle.standardError.write("  \(name): \(formatDuration(result.median))\n".data(using: .utf8)!)
    lines.append(
        "| \(name) | \(formatDuration(result.median)) | \(String(format: "%.0f MB/s", megabytes / seconds)) | \(matches.formatted()) |"
    )
}
print(lines.joined(separator: "\n"))
