import Testing
@testable import CadreStores
@Test func placeholder() { #expect(1 == 1) }
