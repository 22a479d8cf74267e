/// Phrases that mean the same thing ("EHCP", "EHC plan", "Education, Health and Care plan"),
/// used to widen a query: a query holding a rule's trigger phrase also asks for the rule's
/// other phrases, at a lower weight.
///
/// Phrases are matched on analysed terms, so "EHC plans" in a query matches "EHC plan" in the
/// vocabulary. Expansion never replaces what was typed; it only adds.
public struct SynonymGroups: Sendable, Equatable {
    /// The rules, in the order given.
    public let rules: [SynonymRule]
    /// Each rule's triggers and expansions as analysed terms; phrases that analyse to
    /// nothing are dropped.
    public let analysedRules: [(triggers: [[String]], expansions: [[String]])]

    /// The weight of an expansion relative to a term typed by the user, shared among the
    /// terms of the phrase it adds.
    public static let expansionWeight = 0.5
    /// The same for one-way rules (parent words asking for the guidance's words); measured at
    /// 0.5, 0.75, 1.0 and 1.5 on both question sets, 0.5 generalised best.
    public static let oneWayWeight = 0.5

    /// The rules (by position) with a trigger phrase starting with each term, so a query only
    /// tries the rules its own terms can start.
    let rulesByFirstTerm: [String: [Int]]

    public init(rules: [SynonymRule], analyzer: Analyzer) {
        self.rules = rules
        let analysed = rules.map { rule in
            (
                triggers: rule.triggers.map { analyzer.terms($0) }.filter { !$0.isEmpty },
                expansions: rule.expansions.map { analyzer.terms($0) }.filter { !$0.isEmpty }
            )
        }
        self.analysedRules = analysed
        var byFirst: [String: [Int]] = [:]
        for (position, rule) in analysed.enumerated() {
            for first in Set(rule.triggers.compactMap(\.first)) { byFirst[first, default: []].append(position) }
        }
        self.rulesByFirstTerm = byFirst
    }

    /// Positions of the rules whose triggers could match `queryTerms`, in rule order.
    func candidateRules(for queryTerms: [String]) -> [Int] {
        Set(queryTerms.flatMap { rulesByFirstTerm[$0] ?? [] }).sorted()
    }

    public static let none = SynonymGroups(rules: [], analyzer: .english)

    public static func == (left: SynonymGroups, right: SynonymGroups) -> Bool {
        left.rules == right.rules
    }

    /// Returns the extra weighted terms that `queryTerms` brings in, each term once with the
    /// highest weight any expansion gives it; terms already in the query are not repeated.
    public func expansions(of queryTerms: [String]) -> [WeightedTerm] {
        var weights: [String: Double] = [:]
        let typed = Set(queryTerms)
        for position in candidateRules(for: queryTerms) {
            let rule = analysedRules[position]
            let written = rules[position]
            guard rule.triggers.contains(where: { queryTerms.containsSequence($0) }) else { continue }
            let weight = written.triggers == written.expansions ? SynonymGroups.expansionWeight : SynonymGroups.oneWayWeight
            for phrase in rule.expansions where !queryTerms.containsSequence(phrase) {
                let share = weight / Double(phrase.count)
                for term in phrase where !typed.contains(term) {
                    weights[term] = max(weights[term] ?? 0, share)
                }
            }
        }
        return weights.keys.sorted().map { WeightedTerm(term: $0, weight: weights[$0] ?? 0) }
    }

    /// The phrases of every rule that `queryTerms` triggers (for showing what was expanded).
    public func triggeredRules(by queryTerms: [String]) -> [SynonymRule] {
        zip(rules, analysedRules).compactMap { rule, analysed in
            analysed.triggers.contains(where: { queryTerms.containsSequence($0) }) ? rule : nil
        }
    }
}

/// One line of the domain vocabulary: when a query holds one of `triggers`, it also asks for
/// `expansions`. A two-way group has the same phrases in both.
public struct SynonymRule: Sendable, Equatable, Hashable {
    public let triggers: [String]
    public let expansions: [String]

    public init(triggers: [String], expansions: [String]) {
        self.triggers = triggers
        self.expansions = expansions
    }

    /// Phrases that all mean the same: each triggers all the others.
    public static func group(_ phrases: [String]) -> SynonymRule {
        SynonymRule(triggers: phrases, expansions: phrases)
    }
}

/// A query term and how much it counts.
public struct WeightedTerm: Sendable, Equatable, Hashable {
    public let term: String
    public let weight: Double

    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}

extension Array where Element == String {
    /// True when `sequence` occurs in `self` as consecutive elements.
    public func containsSequence(_ sequence: [String]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        for start in 0...(count - sequence.count)
        where self[start..<(start + sequence.count)].elementsEqual(sequence) {
            return true
        }
        return false
    }
}
