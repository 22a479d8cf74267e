/// A reference a passage makes to the law or the statutory guidance.
public enum CodeReference: Sendable, Equatable, Hashable {
    /// A paragraph of the SEND Code of Practice 2015, e.g. `"6.45"`.
    case codeOfPractice(paragraph: String)
    /// A section of the Children and Families Act 2014, e.g. section `"66"`, subsection `"2"`.
    case act(section: String, subsection: String?)
}
