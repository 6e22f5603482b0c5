import Foundation
import Testing

@testable import CadreStores

/// A redaction written by someone else is checked by what it reveals: it must be the match with
/// letters and digits kept or replaced by `*` in place, and keep only what the category's policy
/// allows. Every disguised copy of the match is refused, whatever the category.
@Suite struct RevealPolicyTests {
    static let card = RevealPolicy.for(category: "user.financial.credit_card")
    static let number = "4970 1012 3456 4242"

    @Test func policiesFollowTheTaxonomyDownward() {
        #expect(RevealPolicy.for(category: "user.financial.credit_card") == RevealPolicy(first: 0, last: 4, divisor: 3))
        #expect(
            RevealPolicy.for(category: "user.financial.credit_card.pan") == RevealPolicy(first: 0, last: 4, divisor: 3))
        #expect(
            RevealPolicy.for(category: "user.government_id.passport_number")
                == RevealPolicy(first: 2, last: 2, divisor: 3))
        #expect(RevealPolicy.for(category: "user.government_id.national_identification_number").first == 0)
        // A sibling, not a child.
        #expect(RevealPolicy.for(category: "user.financial.credit_cardholder") == RevealPolicy.standard)
        #expect(RevealPolicy.for(category: "user.anything.else") == RevealPolicy.standard)
    }

    @Test func aMaskedCopyInPlaceWithinThePolicyIsAccepted() {
        #expect(Self.card.check("**** **** **** 4242", of: Self.number) == .accepted)
        #expect(Self.card.check("**** **** **** **42", of: Self.number) == .accepted)
        #expect(Self.card.check("**** **** **** ****", of: Self.number) == .accepted)
        let email = RevealPolicy.for(category: "user.contact.email")
        #expect(email.check("*****.******@*******.fr", of: "alice.martin@exemple.fr") == .accepted)
        #expect(email.check("*****.******@*******.**", of: "alice.martin@exemple.fr") == .accepted)
    }

    @Test(arguments: [
        ("2424 6543 2101 0794", "reversed"),
        ("5081 2123 4567 5353", "each digit shifted by one"),
        ("NDk3MCAxMDEyIDM0NTY", "base64 of the match, cut to its length"),
        ("4970-1012-3456-4242", "re-spaced with dashes"),
        ("4970101234564242   ", "spaces moved to the end"),
        ("**** **** **** 4242 ", "one character longer"),
        (" **** **** **** 4242", "padded in front"),
        ("**** **** **** 424", "one character shorter"),
        ("#### #### #### 4242", "another mask character"),
        ("**** **** **** 4243", "a digit that is not the match's"),
        ("****_****_****_4242", "separators replaced"),
    ])
    func disguisedCopiesAreNotInPlace(redaction: String, why: String) {
        #expect(Self.card.check(redaction, of: Self.number) == .refused(.notInPlace), "\(why)")
    }

    @Test(arguments: [
        ("4970 1012 3456 4242", "the match itself"),
        ("4*7* 1*1* 3*5* 4*4*", "interleaved: every other digit"),
        ("4970 **** **** 4242", "the first four too"),
        ("**** **** **56 4242", "the last six"),
        ("**** **** 3456 ****", "four digits from the middle"),
    ])
    func keptCharactersBeyondThePolicyAreRefused(redaction: String, why: String) {
        #expect(Self.card.check(redaction, of: Self.number) == .refused(.revealsTooMuch), "\(why)")
    }

    @Test func caseChangesAndLocalPartsOfEmailsAreRefused() {
        let email = RevealPolicy.for(category: "user.contact.email")
        #expect(email.check("ALICE.MARTIN@EXEMPLE.FR", of: "alice.martin@exemple.fr") == .refused(.notInPlace))
        #expect(email.check("a****.******@*******.fr", of: "alice.martin@exemple.fr") == .refused(.revealsTooMuch))
        #expect(email.check("*****.******@e******.fr", of: "alice.martin@exemple.fr") == .refused(.revealsTooMuch))
        let plate = RevealPolicy.for(category: "user.government_id.vehicle_registration")
        #expect(plate.check("ab-***-**", of: "AB-123-CD") == .refused(.notInPlace))
        #expect(plate.check("AB-***-**", of: "AB-123-CD") == .accepted)
        #expect(plate.check("AB-***-CD", of: "AB-123-CD") == .refused(.revealsTooMuch))  // 4 of 7: more than a third
    }

    @Test func maskingKeepsTheLastFirstWhenTheShareIsShort() {
        #expect(Self.card.masking(Self.number, keepFirst: 0, keepLast: 4) == "**** **** **** 4242")
        // The policy's bounds.
        #expect(Self.card.masking(Self.number, keepFirst: 6, keepLast: 8) == "**** **** **** 4242")
        let standard = RevealPolicy.standard
        #expect(standard.masking("AB-12", keepFirst: 2, keepLast: 2) == "**-*2")  // 4 characters: one may show
        #expect(standard.masking("ABC-123456", keepFirst: 2, keepLast: 2) == "A**-****56")  // a third of 9: three
        let email = RevealPolicy.for(category: "user.contact.email")
        #expect(email.masking("alice.martin@exemple.fr", keepFirst: 0, keepLast: .max) == "*****.******@*******.fr")
    }

    @Test func theStandardRedactionIsTheGenericOneOnlyWhereThePolicyAllowsIt() {
        func standard(_ policy: RevealPolicy, _ match: String) -> String {
            var text = match
            return text.withUTF8 { policy.standardRedaction(of: $0) }
        }
        // Any category: the first and last characters, the length hidden.
        #expect(standard(.standard, "ABC-123456") == "A***6")
        #expect(standard(.standard, "AB1") == "***")
        // A card may not show its first digit: the last four, in place.
        #expect(standard(Self.card, Self.number) == "**** **** **** 4242")
        // An e-mail shows nothing of its local part.
        #expect(
            standard(RevealPolicy.for(category: "user.contact.email"), "alice.martin@exemple.fr")
                == "*****.******@*******.fr")
    }
}
