import Foundation

/// A workspace of `count` systems (copies of the example descriptors, each with an id of its
/// own), the three bundled packs (76 rules) and a synthetic pack of 16 rules.
struct SyntheticWorkspace {
    let folder: URL
    var root: String { folder.appendingPathComponent("workspace").path }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(systems count: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cadre-history-bench-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("workspace/systems"), withIntermediateDirectories: true)
        try manager.copyItem(
            at: Self.repository.appendingPathComponent("policies"), to: folder.appendingPathComponent("policies"))
        let examples = Self.repository.appendingPathComponent("examples/systems")
        let templates = try manager.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
        for index in 0..<count {
            var text = templates[index % templates.count]
            if let range = text.range(of: "\nid: ") { text.replaceSubrange(range, with: "\nid: n\(index)-") }
            let file = folder.appendingPathComponent(String(format: "workspace/systems/system-%05d.yaml", index))
            try text.write(to: file, atomically: false, encoding: .utf8)
        }
        try write(
            "workspace/cadre.yaml",
            """
            cadre: workspace/v1
            name: Benchmark
            systems: [systems]
            packs: [../policies/gdpr, ../policies/cnil, ../policies/ai-act, ../bench]
            limits: { memory_mb: 64, instructions: 10000000, deadline_ms: 2000 }

            """)
        try write("bench/pack.yaml", "cadre: pack/v1\nid: bench\nversion: 1.0.0\ntitle: Synthetic rules\napi: 1\n")
        for variant in 0..<4 {
            try write("bench/retention-\(variant).lua", Self.retention(variant, message: "kept %s"))
            try write("bench/basis-\(variant).lua", Self.basis(variant, note: "initial"))
            try write(
                "bench/ai-\(variant).lua",
                """
                -- AI components that talk to people say so, and a human can take over.
                return {
                  id = "bench.ai.v\(variant)", title = "AI disclosure \(variant)", severity = "medium", references = { "AI Act Art. 50(1)" },
                  applies = function(system) return #system:ai_of() > 0 end,
                  check = function(system, ctx)
                    for _, component in ipairs(system:ai_of()) do
                      if component.interacts_with and component.discloses_ai ~= "at_start" then
                        ctx:fail({component, "discloses_ai"}, "%s does not disclose it is an AI (\(variant))", component.id)
                      end
                      if component.human_oversight == nil or not component.human_oversight.escalation then
                        ctx:warn(component, "%s has no escalation to a human (\(variant))", component.id)
                      end
                    end
                  end,
                }

                """)
            try write(
                "bench/processors-\(variant).lua",
                """
                -- Processors outside the EEA have a transfer tool.
                return {
                  id = "bench.processors.v\(variant)", title = "Transfers \(variant)", severity = "high", references = { "GDPR Art. 44" },
                  check = function(system, ctx)
                    for _, processor in ipairs(system:processors_outside_eea()) do
                      if processor.transfer == nil then ctx:fail(processor, "%s receives data outside the EEA without a transfer tool", processor.name) end
                    end
                    if system:holds("user.contact") and not system:concerns("customer") then ctx:info("contact data of no customer") end
                  end,
                }

                """)
        }
    }

    static func basis(_ variant: Int, note: String) -> String {
        """
        -- Every purpose names its legal basis; legitimate interests need an assessment (\(note)).
        return {
          id = "bench.basis.v\(variant)", title = "Legal basis \(variant)", severity = "high", references = { "GDPR Art. 6(1)" },
          check = function(system, ctx)
            for _, purpose in ipairs(system.purposes) do
              if purpose.legal_basis == nil then ctx:fail(purpose, "no legal basis")
              elseif purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest_assessment == nil then
                ctx:warn({purpose, "legal_basis"}, "legitimate interests of %s without an assessment (\(variant), \(note))", purpose.id)
              end
            end
          end,
        }

        """
    }

    static func retention(_ variant: Int, message: String) -> String {
        """
        -- Every category of data has a retention period, at most \(variant + 1) years.
        return {
          id = "bench.retention.v\(variant)", title = "Retention \(variant)", severity = "high", references = { "GDPR Art. 5(1)(e)" },
          check = function(system, ctx)
            for _, item in ipairs(system.data) do
              if item.retention == nil or item.retention.period == nil then
                ctx:fail(item, "no retention for %s", item.category)
              elseif cadre.duration(item.retention.period):can_exceed("P\(variant + 1)Y") then
                ctx:fail({item.retention, "period"}, "\(message)", item.retention.period)
              end
            end
          end,
        }

        """
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
