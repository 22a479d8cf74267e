import Testing

@testable import Guidance

/// Cards for claims the fresh question sets made that no card answered: the Local Offer as
/// EHCP-only, reviews without parents, support ending at its review, and the £6,000 said as a
/// sum to spend before asking.
extension AnswererTests {
    /// The £6,000 said as a sum to spend before asking for an assessment is the threshold
    /// claim, not the claim that every child has £6,000 spent on them.
    @Test func sixThousandBeforeAskingIsTheThresholdClaim() throws {
        let answer = try answerer().answer("the school has to spend £6,000 before you can ask for an EHCP")
        #expect(answer.myth?.id == "six-thousand-threshold")
        #expect(answer.citations.first?.passage.id == "cumbria-send-support#what-support-13")
    }

    /// Parents and their child should be involved in the review: a review held without them
    /// is a misconception Bexley's and Barnardo's passages correct.
    @Test func reviewsAreNotForStaffAlone() throws {
        let answer = try answerer().answer("parents aren't allowed at the SEN support review are they, school just posts the new targets out")
        #expect(answer.myth?.id == "reviews-without-parents")
        #expect(answer.summary.contains("You and your child should be involved in the review"))
    }

    /// SEN Support is a cycle, not a one-off that ends at its review.
    @Test func supportDoesNotEndAtTheReview() throws {
        let answer = try answerer().answer("so the support stops once they've had the review meeting, it's a one-off thing isn't it")
        #expect(answer.myth?.id == "support-ends-after-review")
        #expect(answer.citations.prefix(2).contains { $0.passage.id == "ipsea-sen-support#what-is-sen-support-4" })
    }

    /// The Local Offer is for every child with SEN or a disability, not only those with an EHC
    /// plan: the card quotes the two local documents that say so.
    @Test func theLocalOfferIsNotOnlyForEHCPs() throws {
        let answer = try answerer().answer("my son isn't on an EHCP so there's no point me reading the local offer, is there?")
        #expect(answer.myth?.id == "local-offer-only-ehcp")
        #expect(answer.citations.prefix(3).contains { $0.passage.text.contains("for all children and young people with SEN or disabilities") })
        #expect(answer.citations.first?.localArea != nil)
    }
}
