import Foundation
import Testing

@testable import CadreModel

/// The record of processing a descriptor makes: every section filled from the descriptor that
/// uses every field, nothing of a store but its id, engine and region, and the gaps' scopes.
@Suite struct ProcessingRecordTests {
    @Test func theCompleteDescriptorFillsEverySection() throws {
        let document = try #require(try DescriptorModelTests.complete().document)
        let record = SystemRecord(document)
        #expect(record.id == "complete")
        #expect(record.controller.name == "Électra Énergie SAS")
        #expect(record.controller.dpo == "dpo@electra.example")
        #expect(record.controller.representative == "not required: established in the EEA (FR)")
        let entry = try #require(record.entries.first)
        #expect(record.entries.count == 1)
        #expect(entry.purpose == "support")
        #expect(entry.legalBasis == .legitimateInterests)
        #expect(entry.legitimateInterestAssessment == "docs/lia-support.pdf")
        #expect(entry.specialCategoryCondition == .explicitConsent)
        #expect(entry.subjects == ["customer", "employee.agent"])
        let data = try #require(entry.data.first)
        #expect(data.stores.map(\.text) == ["calls (postgres, EU)"])
        #expect(
            data.retention?.text
                == "P6M from collection; Until the dispute is settled, for disputed calls; then archived P5Y (Code de commerce L.110-4)"
        )
        #expect(entry.recipients.map(\.text) == ["CloudTel Inc. (telephony, US)"])
        #expect(
            entry.transfers.map(\.text) == [
                "CloudTel Inc. → US: dpf: the EU–US Data Privacy Framework, for a certified US company (Art. 45(3))"
            ])
        #expect(
            entry.security == [
                "call recording pauses while bank details are given",
                "agents have a private line that is never recorded",
                "data protection training TRAIN-DP-4 for supervisors, last on 2025-02-03, every P2Y",
                "automatic logs of the AI component assistant, kept P6M, in store calls",
            ])
        #expect(record.gaps.isEmpty, "\(record.gaps)")
    }

    /// No string anywhere in the record is, or holds, a store's URL.
    @Test func theRecordHoldsNoStoreURL() throws {
        let document = try #require(try DescriptorModelTests.complete().document)
        let record = ProcessingRecord(workspace: nil, systems: [SystemRecord(document)])
        var strings: [String] = []
        func collect(_ value: Any) {
            if let string = value as? String { return strings.append(string) }
            for child in Mirror(reflecting: value).children { collect(child.value) }
        }
        collect(record)
        #expect(strings.contains("calls"))
        #expect(!strings.contains { $0.contains("CALLS_DB_URL") || $0.contains("${") }, "\(strings)")
    }

    /// A gap concerns the whole system, the entries of its purposes, or the data no purpose covers.
    @Test func aGapConcernsTheEntriesItsPurposesName() {
        func gap(_ purposes: [String], unassigned: Bool) -> RecordGap {
            RecordGap(
                item: .retention, rule: "r", level: .fail, message: "m",
                location: SourceLocation(file: "a.yaml", line: 1, column: 1),
                purposes: purposes, unassigned: unassigned)
        }
        #expect(gap([], unassigned: false).concerns("a") && gap([], unassigned: false).concerns(nil))
        #expect(gap(["a"], unassigned: false).concerns("a"))
        #expect(!gap(["a"], unassigned: false).concerns("b") && !gap(["a"], unassigned: false).concerns(nil))
        #expect(gap([], unassigned: true).concerns(nil) && !gap([], unassigned: true).concerns("a"))
    }
}
