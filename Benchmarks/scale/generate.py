#!/usr/bin/env python3
"""Deterministic English-like passages and queries for the engine scale benchmark.

Passages: 20-120 words (uniform), words drawn from a Zipf-Mandelbrot distribution
(p(r) ~ 1/(r + 2.7)) over a vocabulary whose most frequent ranks are the real English
function words and whose rest are pronounceable made-up words, many seen in inflected
forms (-s, -ed, -ing, -er) so that stemming matters. Sentences are capitalised and end with
a full stop; a few commas. Each passage has a 3-8 word title.

Queries: 2-6 content words (no stop words), drawn from the same distribution over content
words, so some are common and some rare; the same seed gives the same queries at every size.

Usage: generate.py --passages N --out DIR [--queries 1000] [--seed 20261123]
Writes DIR/passages.jsonl ({"id","title","text"}) and DIR/queries.jsonl ({"id","text"}).
"""
import argparse
import os

import numpy as np

FUNCTION_WORDS = (
    "the of and to a in is that for it as was with be by on not he this are or his from at which but have an "
    "they you were her she there been one all we their has would when if so no will more can out other about "
    "who its than into only some could time them these two may then do first any my now such like our over "
    "man me even most made after also did many before must through back years where much your way well down "
    "should because each just those people how too little state good very make world still own see men work "
    "long get here between both life being under never day same another know while last might us great old "
    "year off come since against go came right used take three"
).split()

ONSETS = "b c d f g h j k l m n p r s t v w z st tr pl gr ch sh br cl fr sp th qu".split()
VOWELS = "a e i o u ai ea ou io ee oa".split()
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "rt", "ng"]
SUFFIXES = ["", "s", "ed", "ing", "er", "ly"]
SUFFIX_WEIGHTS = [0.62, 0.18, 0.07, 0.07, 0.04, 0.02]
CONTENT_WORDS = 120_000


def content_vocabulary(rng):
    """Distinct made-up base words; the commonest have one syllable, rarer ones two or three."""
    words, seen = [], set(FUNCTION_WORDS)
    while len(words) < CONTENT_WORDS:
        rank = len(words)
        syllables = 1 + (rank >= 2_000) + (rank >= 30_000 and rng.random() < 0.5)
        word = "".join(
            ONSETS[rng.integers(len(ONSETS))] + VOWELS[rng.integers(len(VOWELS))] + CODAS[rng.integers(len(CODAS))]
            for _ in range(syllables))
        if 3 <= len(word) <= 14 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def zipf_probabilities(count, shift=2.7, exponent=1.0):
    ranks = np.arange(1, count + 1, dtype=np.float64)
    weights = 1.0 / (ranks + shift) ** exponent
    return weights / weights.sum()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, required=True)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    rng = np.random.default_rng(args.seed)
    content = content_vocabulary(rng)
    # Ranks: function words take every other rank at the top, among the commonest content words.
    ranked = []  # (is_function, index)
    content_index = 0
    for slot in range(2 * len(FUNCTION_WORDS)):
        if slot % 2 == 0:
            ranked.append((True, slot // 2))
        else:
            ranked.append((False, content_index))
            content_index += 1
    ranked += [(False, index) for index in range(content_index, len(content))]
    # Surface forms: a function word as it is; a content word with each suffix.
    forms = list(FUNCTION_WORDS) + [word + suffix for word in content for suffix in SUFFIXES]
    first_form = np.array(
        [index if is_function else len(FUNCTION_WORDS) + index * len(SUFFIXES) for is_function, index in ranked],
        dtype=np.int64)
    inflects = np.array([not is_function for is_function, _ in ranked])
    surface = np.array(forms, dtype=object)
    capitalised = np.array([form.capitalize() for form in forms], dtype=object)
    cumulative = np.cumsum(zipf_probabilities(len(ranked)))
    suffix_choice = np.cumsum(SUFFIX_WEIGHTS)

    def draw(count, generator, cumulative=cumulative, first_form=first_form, inflects=inflects):
        ranks = np.minimum(np.searchsorted(cumulative, generator.random(count)), len(first_form) - 1)
        suffixes = np.minimum(np.searchsorted(suffix_choice, generator.random(count)), len(SUFFIXES) - 1)
        return first_form[ranks] + np.where(inflects[ranks], suffixes, 0)

    passage_rng = np.random.default_rng(args.seed + 1)
    with open(os.path.join(args.out, "passages.jsonl"), "w") as out:
        batch = 10_000
        for first in range(0, args.passages, batch):
            size = min(batch, args.passages - first)
            lengths = passage_rng.integers(20, 121, size)
            title_lengths = passage_rng.integers(3, 9, size)
            text_forms = draw(int(lengths.sum()), passage_rng)
            title_forms = draw(int(title_lengths.sum()), passage_rng)
            ends = passage_rng.random(len(text_forms)) < 0.07
            commas = passage_rng.random(len(text_forms)) < 0.04
            text_starts = np.concatenate(([0], np.cumsum(lengths)))
            ends[text_starts[1:] - 1] = True  # every passage ends a sentence
            starts = np.roll(ends, 1)
            starts[text_starts[:-1]] = True
            words = np.where(starts, capitalised[text_forms], surface[text_forms])
            words = np.where(ends, words + ".", np.where(commas, words + ",", words)).tolist()
            titles = surface[title_forms].tolist()
            title_starts = np.concatenate(([0], np.cumsum(title_lengths))).tolist()
            text_starts = text_starts.tolist()
            lines = []
            for offset in range(size):
                title = " ".join(titles[title_starts[offset]:title_starts[offset + 1]]).capitalize()
                text = " ".join(words[text_starts[offset]:text_starts[offset + 1]])
                lines.append('{"id":"p%07d","title":"%s","text":"%s"}\n' % (first + offset, title, text))
            out.write("".join(lines))

    query_rng = np.random.default_rng(args.seed + 2)
    content_ranks = np.array([rank for rank, (is_function, _) in enumerate(ranked) if not is_function])
    query_cumulative = np.cumsum(zipf_probabilities(len(content_ranks)))
    with open(os.path.join(args.out, "queries.jsonl"), "w") as out:
        for number in range(args.queries):
            count = int(query_rng.integers(2, 7))
            ranks = content_ranks[np.minimum(np.searchsorted(query_cumulative, query_rng.random(count)), len(content_ranks) - 1)]
            suffixes = np.minimum(np.searchsorted(suffix_choice, query_rng.random(count)), len(SUFFIXES) - 1)
            text = " ".join(forms[first_form[rank] + suffix] for rank, suffix in zip(ranks.tolist(), suffixes.tolist()))
            out.write('{"id":"q%04d","text":"%s"}\n' % (number + 1, text))


if __name__ == "__main__":
    main()
