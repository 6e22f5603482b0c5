/// Descriptors the tests write.
public enum TestDescriptor {
    /// A minimal valid descriptor: two purposes' worth of data, retained one year (email) and
    /// `recordings` (call recordings), with `extra` YAML appended at the root.
    public static func minimal(id: String, recordings: String = "P2Y", extra: String = "") -> String {
        """
        cadre: system/v1
        id: \(id)
        name: System \(id)
        owner: team@example.com
        purposes:
          - id: support
            description: Answer customers
            legal_basis: contract
            uses: [essential.service.operations.support]
        data:
          - category: user.contact.email
            subjects: [customer]
            purposes: [support]
            retention: { period: P1Y, from: collection }
          - category: user.content.call_recording
            subjects: [customer]
            purposes: [support]
            retention: { period: \(recordings), from: collection }
        \(extra)
        """
    }

    /// An `ai:` block: a chatbot that talks with customers.
    public static let chatbot = """
        ai:
          - id: bot
            kind: chatbot
            interacts_with: [customer]
            discloses_ai: on_request
            decides: none
            effect: none
        """
}
