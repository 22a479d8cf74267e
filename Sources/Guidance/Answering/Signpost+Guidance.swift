// Signposts: where to get help, only as the five documents give it. Each entry names the
// document its words and contact details come from; never add an address or number that the
// documents do not print.

extension Signpost {
    /// The local Information, Advice and Support service. Words: Cumbria SEND IASS (its own
    /// description); "Find your local IAS service" is the link text of IPSEA's guide.
    public static let localIAS = Signpost(
        name: "Your local IAS service (SENDIASS)",
        detail:
            "Offering impartial information, advice and support to children and young people with special educational needs and or disabilities and their parents & carers. IPSEA's guide points to \"Find your local IAS service\"."
    )

    /// The school's SENCo. Words: IPSEA ("arrange to speak with the SENCo and their teacher as
    /// the first step").
    public static let senco = Signpost(
        name: "Your child's school or setting",
        detail: "Arrange to speak with the SENCo and their teacher as the first step."
    )

    /// IAS services whose contact details the documents give, with the area each serves.
    /// Bexley IASS: www.bexleyiass.co.uk (Bexley guide). Barnardo's SENDIASS: phone and e-mail
    /// as printed in its leaflet.
    public static let namedServices: [Signpost] = [
        Signpost(name: "Bexley IASS (Bexley)", detail: "www.bexleyiass.co.uk"),
        Signpost(
            name: "Barnardo's SENDIASS (Middlesbrough and Redcar & Cleveland)",
            detail: "07923 241142 or email southteessendiass@barnardos.org.uk"),
    ]

    /// IPSEA's page on EHC needs assessments, as the Cumbria guide gives it.
    public static let ipseaNeedsAssessments = Signpost(
        name: "IPSEA: EHC needs assessments",
        detail: "https://www.ipsea.org.uk/what-you-need-to-know/ehc-needs-assessments"
    )
}
