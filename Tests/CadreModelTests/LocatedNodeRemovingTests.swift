import CadreModel
import Testing

/// `LocatedNode.removing`: a document with one part set aside, everything else where it was.
struct LocatedNodeRemovingTests {
    static let text = """
        id: a
        assessments:
          dpia: { status: done, date: 2024-01-22 }
          fria: { status: planned }
        name: A
        """

    @Test func theEntryAtThePathIsRemovedAndTheRestKeepsItsLocations() throws {
        let root = try DocumentParser().parse(Self.text, file: "a.yaml")
        let without = root.removing(["assessments", "dpia"])
        #expect(without["assessments"]?["dpia"] == nil)
        #expect(without["assessments"]?["fria"] == root["assessments"]?["fria"])
        #expect(without["name"] == root["name"])
        #expect(without["name"]?.location.line == 5)
        #expect(without.location == root.location)
    }

    @Test func aPathThatIsNotThereChangesNothing() throws {
        let root = try DocumentParser().parse(Self.text, file: "a.yaml")
        #expect(root.removing(["assessments", "record"]) == root)
        #expect(root.removing(["name", "first"]) == root)
        #expect(root.removing([]) == root)
    }
}
