import CadreEngine
import CadreModel
import CadreStores
import Foundation
import Testing

/// The detectors of the bundled plugin `plugins/pii-fr`: each identifier found with its key
/// checked, redacted, and random digit runs not reported.
@Suite struct BundledPluginDetectorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled plugin `id`, loaded as a workspace would load it.
    static func runtime(_ ids: [String]) throws -> PluginRuntime {
        var taxonomy = try Taxonomy.bundled()
        let (plugins, problems) = PluginLoader.loadAll(
            ids.map { "plugins/" + $0 }, in: WorkspaceFiles(root: repository.path), into: &taxonomy)
        #expect(problems.filter(\.isError).isEmpty, "\(problems)")
        let runtime = try PluginRuntime(plugins: plugins, taxonomy: taxonomy)
        #expect(runtime.diagnostics.isEmpty, "\(runtime.diagnostics)")
        return runtime
    }

    func detector(_ name: String) throws -> any Detector {
        try #require(try Self.runtime(["pii-fr"]).detectors[name])
    }

    /// Luhn over a string of digits, written here independently of the plugin's Lua.
    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            let d = index % 2 == 1 ? digit * 2 : digit
            sum += d > 9 ? d - 9 : d
        }
        return sum % 10 == 0
    }

    @Test func sirenAndSiretWithTheirKeys() throws {
        let runtime = try Self.runtime(["pii-fr"])
        let siren = try #require(runtime.detectors["siren"])
        let siret = try #require(runtime.detectors["siret"])
        let text =
            "Électra Énergie, SIREN 732 829 320, SIRET 732 829 320 00074 (siège), 73282932000074; faux : 732 829 321, 732 829 320 00075"
        #expect(siren.redactedMatches(in: text) == ["*** *** *20"])
        #expect(siret.redactedMatches(in: text) == ["*** *** *** ***74", "************74"])
        // La Poste's establishments: the digits add up to a multiple of 5 instead of Luhn.
        #expect(siret.countMatches(in: "La Poste, bureau 356 000 000 00010") == 1)  // digits sum to 15, Luhn fails
        #expect(siret.countMatches(in: "La Poste, bureau 356 000 000 00002") == 0)  // sum 16, Luhn fails
        #expect(siret.countMatches(in: "La Poste, siège 356 000 000 00048") == 1)  // Luhn holds
        // Elsewhere the digit sum is no excuse: 732 829 320 + 00010 fails Luhn.
        #expect(siret.countMatches(in: "SIRET 732 829 320 00010") == 0)
    }

    @Test func vatNumbersWithTheirKey() throws {
        let tva = try detector("tva-fr")
        // SIREN 732829320: key = (12 + 3 × (732829320 mod 97)) mod 97 = 44.
        #expect(
            tva.redactedMatches(in: "TVA FR44732829320 et FR 44 732 829 320") == ["FR*********20", "FR ** *** *** *20"])
        #expect(tva.countMatches(in: "FR45732829320 FR44732829321") == 0)
    }

    @Test func vehicleRegistrations() throws {
        let plates = try detector("immatriculation")
        #expect(
            plates.redactedMatches(in: "véhicule AB-123-CD, EF 456 GH, GH789JK") == [
                "AB-***-**", "EF *** **", "GH*****",
            ])
        // I, O and U are never issued; nor SS, 000, WW at the back, or mixed separators.
        #expect(plates.countMatches(in: "AI-123-CD AB-123-CO SS-123-AB AB-000-CD AB-123-WW AB-123 CD ab-123-cd") == 0)
    }

    @Test func randomDigitRunsAreNotReported() throws {
        let runtime = try Self.runtime(["pii-fr"])
        let siren = try #require(runtime.detectors["siren"])
        let siret = try #require(runtime.detectors["siret"])
        let tva = try #require(runtime.detectors["tva-fr"])
        var generator = SystemRandomNumberGenerator()
        var sirenExpected = 0
        var sirenFound = 0
        var siretExpected = 0
        var siretFound = 0
        for _ in 0..<4_000 {
            let length = Int.random(in: 5...25, using: &generator)
            let digits = (0..<length).map { _ in Int.random(in: 0...9, using: &generator) }
            let text = "ref " + digits.map(String.init).joined() + " fin"
            let sirenValid = length == 9 && Self.luhn(digits) && digits.contains { $0 != 0 }
            let siretValid =
                length == 14 && Self.luhn(Array(digits.prefix(9))) && digits.prefix(9).contains { $0 != 0 }
                && (Self.luhn(digits)
                    || (digits.prefix(9) == [3, 5, 6, 0, 0, 0, 0, 0, 0] && digits.reduce(0, +) % 5 == 0))
            sirenExpected += sirenValid ? 1 : 0
            siretExpected += siretValid ? 1 : 0
            let foundSiren = siren.countMatches(in: text)
            let foundSiret = siret.countMatches(in: text)
            sirenFound += foundSiren
            siretFound += foundSiret
            #expect(foundSiren == (sirenValid ? 1 : 0), "\(text)")
            #expect(foundSiret == (siretValid ? 1 : 0), "\(text)")
            #expect(tva.countMatches(in: text) == 0)
        }
        // Runs of other lengths are never reported; about one 9- or 14-digit run in ten is.
        #expect(sirenFound == sirenExpected)
        #expect(siretFound == siretExpected)
    }
}
