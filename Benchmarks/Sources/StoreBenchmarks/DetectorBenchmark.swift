import CadreStores
import Foundation

/// (b) Detector throughput on free text, single core: cadre's seven native detectors over the
/// same bytes ripgrep searches with equivalent patterns (which do not validate checksums).
enum DetectorBenchmark {
    /// Patterns for ripgrep equivalent to the detectors' shapes (no Luhn, mod-97 or NIR key), with
    /// ASCII classes and word boundaries (`(?-u)`) as the detectors use: Unicode `\b` would make
    /// ripgrep ten times slower on accented French text.
    static let ripgrepPatterns = [
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#,  // email
        #"\b0[1-9]([ .-]?[0-9]{2}){4}\b|\+[1-9][0-9]{0,2}[ .-]?(\(0\))?[0-9][0-9 .-]{6,16}[0-9]"#,  // phone
        #"\b[A-Z]{2}[0-9]{2}( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,3})?\b"#,  // iban
        #"\b([0-9]{4}[ -]?){3}[0-9]{1,4}\b"#,  // card
        #"\b[1-478] ?[0-9]{2} ?[0-9]{2} ?([0-9]{2}|2[AB]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}\b"#,  // nir
        #"\b([0-9]{1,3}\.){3}[0-9]{1,3}\b"#,  // ipv4
        #"\b([0-9A-Fa-f]{1,4}:){1,7}(:|:?[0-9A-Fa-f]{1,4})(:[0-9A-Fa-f]{1,4})*\b"#,  // ipv6
    ]

    static func run(messages count: Int, runs: Int) throws -> String {
        let (textPath, databasePath) = try Generators.corpus(messages: count)
        let data = try Data(contentsOf: URL(fileURLWithPath: textPath))
        let megabytes = Double(data.count) / 1_000_000
        // Values as a store would hand them over: one message at a time.
        var lines: [Range<Int>] = []
        data.withUnsafeBytes { raw in
            var start = 0
            for (k, b) in raw.enumerated() where b == 0x0A {
                lines.append(start..<k)
                start = k + 1
            }
        }

        func scanInMemory(_ registry: DetectorRegistry) -> TextScanner {
            var scanner = TextScanner(detectors: registry, columns: ["message"])
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                for line in lines {
                    scanner.beginRow()
                    scanner.scan(UnsafeBufferPointer(rebasing: bytes[line]), column: 0)
                }
            }
            return scanner
        }

        guard let rg = Harness.which("rg") else {
            throw BenchmarkFailure("ripgrep is not installed (scripts/install-deps.sh --bench)")
        }
        let rgArguments =
            ["--count-matches", "--no-filename", "-j1", "--no-config"]
            + ripgrepPatterns.flatMap { ["-e", "(?-u)" + $0] } + [textPath]
        let rgMatches = Int(try Harness.run(rg, rgArguments).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let store = try SQLiteStore(
            endpoint: StoreEndpoint(id: "bench", engine: .sqlite, url: databasePath), environment: [:])
        defer { store.close() }
        let storeLimits = ScanLimits(rowCap: Int.max, timeLimit: .seconds(3600))

        var tallies: [DetectorTally] = []
        var storeReport: ScanReport?
        let medians = try Harness.medians(
            runs: runs,
            [
                ("cadre, 7 detectors, in memory", { tallies = scanInMemory(.standard).tallies }),
                (
                    "cadre, 7 detectors, SQLite store scan",
                    {
                        storeReport = try store.scan(
                            "chats", columns: ["message"], detectors: .standard, limits: storeLimits)
                    }
                ),
                ("ripgrep -j1, 7 patterns", { _ = try Harness.run(rg, rgArguments) }),
            ])

        var table = Table("what", "median of \(runs)", "throughput", "matches")
        let cadreMatches = tallies.reduce(0) { $0 + $1.matches }
        for (name, matches) in [
            ("cadre, 7 detectors, in memory", cadreMatches),
            ("cadre, 7 detectors, SQLite store scan", storeReport?.totalMatches ?? 0),
            ("ripgrep -j1, 7 patterns", rgMatches),
        ] {
            let value = medians[name] ?? .zero
            table.add(
                name, value.formatted, String(format: "%.0f MB/s", megabytes / max(value.seconds, 1e-9)),
                matches.formatted())
        }

        // Each detector alone, for the breakdown.
        var breakdown = Table("detector", "median of 3", "throughput", "matches")
        for name in DetectorRegistry.standard.names {
            let registry = try DetectorRegistry.standard.selecting([name])
            var matches = 0
            let time =
                try Harness.medians(runs: 3, [(name, { matches = scanInMemory(registry).tallies[0].matches })])[name]
                ?? .zero
            breakdown.add(
                name, time.formatted, String(format: "%.0f MB/s", megabytes / max(time.seconds, 1e-9)),
                matches.formatted())
        }
        return """
            Detector scan, \(count.formatted()) messages, \(String(format: "%.1f", megabytes)) MB of French customer-service text, \
            personal data in one message in ten (checksums valid), one thread.
            cadre counts validated matches; ripgrep counts raw pattern matches (it cannot check Luhn, mod-97 or NIR keys).

            \(table.markdown)

            Each native detector alone (in memory):

            \(breakdown.markdown)
            """
    }
}
