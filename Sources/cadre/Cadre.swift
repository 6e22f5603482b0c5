import ArgumentParser

@main
struct Cadre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre",
        abstract: "A governance workbench for AI in customer service.",
        discussion: """
            Compliance teams write obligations (GDPR, CNIL guidance, the EU AI Act) as Lua rules; \
            engineers describe each system in a YAML descriptor; cadre evaluates every rule against \
            every system and its data stores, and explains each finding with its law and its line.
            """,
        version: CadreVersion.current,
        subcommands: [Validate.self, Schema.self]
    )
}
