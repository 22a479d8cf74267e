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

    /// The rules compiled to small integer term ids, so that expanding a query hashes each
    /// of its terms once and then compares integers (string arrays compared per rule were a
    /// sixth of a search's instructions).
    let compiled: CompiledRules

    public init(rules: [SynonymRule], analyzer: Analyzer) {
        self.rules = rules
        let analysed = rules.map { rule in
            (
                triggers: rule.triggers.map { analyzer.terms($0) }.filter { !$0.isEmpty },
                expansions: rule.expansions.map { analyzer.terms($0) }.filter { !$0.isEmpty }
            )
        }
        self.analysedRules = analysed
        self.compiled = CompiledRules(
            analysed, weights: rules.map {
                $0.triggers == $0.expansions ? SynonymGroups.expansionWeight : SynonymGroups.oneWayWeight
            })
    }

    public static let none = SynonymGroups(rules: [], analyzer: .english)

    public static func == (left: SynonymGroups, right: SynonymGroups) -> Bool {
        left.rules == right.rules
    }

    /// Returns the extra weighted terms that `queryTerms` brings in, each term once with the
    /// highest weight any expansion gives it, in term order; terms already in the query are
    /// not repeated.
    public func expansions(of queryTerms: [String]) -> [WeightedTerm] {
        let query = queryTerms.map { compiled.termID[$0] ?? CompiledRules.unknown }
        var candidates: [Int] = []
        for term in query where term != CompiledRules.unknown { candidates += compiled.rulesStartingWith[term] }
        guard !candidates.isEmpty else { return [] }
        candidates.sort()
        var weights: [Int: Double] = [:]
        var previous = -1
        for position in candidates where position != previous {
            previous = position
            let rule = compiled.rules[position]
            guard rule.triggers.contains(where: { query.containsSequence($0) }) else { continue }
            for phrase in rule.expansions where !query.containsSequence(phrase) {
                let share = rule.weight / Double(phrase.count)
                for term in phrase where !query.contains(term) {
                    weights[term] = max(weights[term] ?? 0, share)
                }
            }
        }
        return weights.map { WeightedTerm(term: compiled.terms[$0.key], weight: $0.value) }
            .sorted { $0.term < $1.term }
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

/// A vocabulary's rules over integer term ids: every term any rule uses gets one.
struct CompiledRules: Sendable {
    struct Rule: Sendable {
        let triggers: [[Int]]
        let expansions: [[Int]]
        /// ``SynonymGroups/expansionWeight`` for a two-way group, else ``SynonymGroups/oneWayWeight``.
        let weight: Double
    }

    /// The id of a query term no rule uses.
    static let unknown = -1

    let rules: [Rule]
    let termID: [String: Int]
    /// Each id's term.
    let terms: [String]
    /// Per term id, the rules (by position, ascending) with a trigger starting with it.
    let rulesStartingWith: [[Int]]

    init(_ analysed: [(triggers: [[String]], expansions: [[String]])], weights: [Double]) {
        var termID: [String: Int] = [:]
        var terms: [String] = []
        var rules: [Rule] = []
        for (rule, weight) in zip(analysed, weights) {
            var phrasesByID: [[[Int]]] = []
            for phrases in [rule.triggers, rule.expansions] {
                var compiledPhrases: [[Int]] = []
                for phrase in phrases {
                    var ids: [Int] = []
                    for term in phrase {
                        if let known = termID[term] {
                            ids.append(known)
                        } else {
                            termID[term] = terms.count
                            ids.append(terms.count)
                            terms.append(term)
                        }
                    }
                    compiledPhrases.append(ids)
                }
                phrasesByID.append(compiledPhrases)
            }
            rules.append(Rule(triggers: phrasesByID[0], expansions: phrasesByID[1], weight: weight))
        }
        var starting = [[Int]](repeating: [], count: terms.count)
        for (position, rule) in rules.enumerated() {
            for first in Set(rule.triggers.compactMap(\.first)) { starting[first].append(position) }
        }
        self.rules = rules
        self.termID = termID
        self.terms = terms
        self.rulesStartingWith = starting
    }
}

extension Array where Element: Equatable {
    /// True when `sequence` occurs in `self` as consecutive elements.
    ///
    /// Inlinable so that other modules get it specialised for their element type: called
    /// generically it cost the answerer ~8M instructions a question.
    @inlinable
    public func containsSequence(_ sequence: [Element]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        for start in 0...(count - sequence.count)
        where self[start..<(start + sequence.count)].elementsEqual(sequence) {
            return true
        }
        return false
    }
}
