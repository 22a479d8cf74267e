#!/usr/bin/env python3
"""Fits the weights with which SENGuide reorders the passages it quotes (docs/ANSWERS.md,
"The fitted ranking"), from feature files written by

    senguide eval SET.jsonl --ranking-features SET.features.jsonl

one file per question set. Each line holds a question's id, the candidate passages that hold
its evidence ("relevant") and every candidate's score before the reorder and its features
(coverage, word pairs, passage-question share, length in words): ids and numbers only.

A candidate's ranking score is

    log(score) + a·coverage + b·pairs + c·asked_share + h·heading_share + d·log(words + 1)

which orders the candidates as score × e^(a·coverage + b·pairs + c·asked_share + h·heading_share)
× (words + 1)^d does. The weights are fitted by a listwise logistic regression (softmax over a question's
candidates, the relevant ones sharing the target; L2 on a–d and h), with log(score)'s weight fixed
at 1. Each set is scored by weights fitted on the other sets (leave one set out), so the
figures say how the weights do on questions they were not fitted on.

Usage: scripts/fit_ranking.py FILE.features.jsonl... [--iterations N]
Prints hit@1 and hit@3 per set for the weights in use and for the cross-validated fit, then
the weights fitted on every set. Standard library only.
"""

import json
import math
import os
import sys

IN_USE = (1.5, 0.8, 1.2, 0.6, 0.25)  # QuotingFeatures: coverage, pairs, asked share, heading share, length exponent
NAMES = "coverage %.2f  pairs %.2f  asked share %.2f  heading share %.2f  length exponent %.2f"
L2 = 0.001


def load(path):
    questions = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            relevant = set(row["relevant"])
            candidates = []
            for c in row["candidates"]:
                x = (c["coverage"], c["pairs"], c["asked_share"], c.get("heading_share", 0.0), math.log(c["words"] + 1))
                candidates.append((c["passage"], math.log(max(c["score"], 1e-9)), x, c["passage"] in relevant))
            questions.append(candidates)
    return questions


def scores(candidates, w):
    return [base + sum(wi * xi for wi, xi in zip(w, x)) for _, base, x, _ in candidates]


def first_hit(candidates, w):
    """1-based rank of the first relevant candidate (ties by passage id, as SENGuide breaks
    them), or None."""
    s = scores(candidates, w)
    order = sorted(range(len(candidates)), key=lambda i: (-s[i], candidates[i][0]))
    for rank, i in enumerate(order, 1):
        if candidates[i][3]:
            return rank
    return None


def measure(questions, w):
    hit1 = hit3 = 0
    for candidates in questions:
        rank = first_hit(candidates, w)
        hit1 += rank == 1
        hit3 += rank is not None and rank <= 3
    return hit1, hit3


def fit(questions, iterations):
    """Gradient descent with momentum on the mean listwise softmax loss."""
    trainable = [c for c in questions if any(r for *_, r in c)]
    w = list(IN_USE)
    velocity = [0.0] * len(IN_USE)
    rate, momentum = 0.5, 0.9
    for _ in range(iterations):
        gradient = [L2 * wi for wi in w]
        for candidates in trainable:
            s = scores(candidates, w)
            top = max(s)
            e = [math.exp(v - top) for v in s]
            total = sum(e)
            relevant = sum(1 for *_, r in candidates if r)
            for (_, _, x, r), ei in zip(candidates, e):
                delta = (ei / total - (1.0 / relevant if r else 0.0)) / len(trainable)
                for k in range(len(IN_USE)):
                    gradient[k] += delta * x[k]
        for k in range(len(IN_USE)):
            velocity[k] = momentum * velocity[k] - rate * gradient[k]
            w[k] += velocity[k]
    return w


def main(argv):
    iterations = 150
    paths = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--iterations":
            iterations = int(next(arguments))
        elif argument in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(argument)
    if len(paths) < 2:
        print("give two or more feature files (one a question set); --help explains", file=sys.stderr)
        return 2
    sets = {os.path.basename(p).split(".")[0]: load(p) for p in paths}
    totals = [0, 0, 0, 0, 0]
    print(f"{'set':<14}{'questions':>10}  in use hit@1 hit@3   fitted (CV) hit@1 hit@3")
    for name, questions in sets.items():
        others = [q for other, qs in sets.items() if other != name for q in qs]
        w = fit(others, iterations)
        before = measure(questions, IN_USE)
        after = measure(questions, w)
        for k, v in enumerate((len(questions),) + before + after):
            totals[k] += v
        print(f"{name:<14}{len(questions):>10}  {before[0]:>12} {before[1]:>5}   {after[0]:>17} {after[1]:>5}")
    print(f"{'all':<14}{totals[0]:>10}  {totals[1]:>12} {totals[2]:>5}   {totals[3]:>17} {totals[4]:>5}")
    everything = [q for qs in sets.values() for q in qs]
    w = fit(everything, iterations)
    print("in use:          " + NAMES % IN_USE)
    print("fitted on all:   " + NAMES % tuple(w))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
