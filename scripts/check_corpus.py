#!/usr/bin/env python3
"""Check the SENGuide corpus (Corpus/*.md) against the source documents it was made from.

Usage (from the repository root):

    python3 scripts/check_corpus.py [--seeds DIR] [--corpus DIR] [--strict] [--list]

The documents are parsed as docs/CORPUS.md specifies (vocabulary.txt and myths.md are not
documents and are skipped). For each document whose source is known (SEEDS below) it checks:

  (a) every passage's text appears in the source, once both are normalised: case folded,
      curly quotes and apostrophes made straight, markup stripped (`**`, `*`, `[text](#)`,
      HTML tags, bullets, list numbers, heading `#`s, `|`, tabs, backslash escapes) and white
      space collapsed. A source's known extraction artefacts (SEED_FIXES: a split word, an
      address broken over two lines at a hyphen) are repaired first.
      Every heading (and every table's header row) must appear in the source the same way.
      With --strict, case and quotes must match exactly too (only markup and white space
      are normalised).
  (b) every SEND Code of Practice paragraph ("paragraph 6.45", "Para 6.2", "(CoP 6.65)",
      "(6.17)", …) and Children and Families Act section ("section 66", "s66 (2)") the
      source names is named, as often, by the document's passages;
  (c) the document covers the source: every sentence of the source of more than six words
      is found in some passage or heading, so nothing meaningful was dropped.

It also reports malformed files as FILE:LINE: what is wrong. Exit status: 0 when all is
well, 1 when a check fails, 2 on a usage error (e.g. the seeds directory is missing).
Standard library only.
"""

import argparse
import os
import re
import sys

# Document id -> the source file it was made from (in the seeds directory).
SEEDS = {
    "hpci-sen-support": "000_87e9a97c6759fbb9.txt",
    "ipsea-sen-support": "001_6c6961ae76eb398b.txt",
    "bexley-sen-support": "002_5ce8444ef2fb125b.txt",
    "cumbria-send-support": "003_cbc81eec56fc74eb.txt",
    "barnardos-sen-support": "004_5c7f941675982c04.txt",
}

# Extraction artefacts in a source that the corpus repairs: (source text, repaired text).
SEED_FIXES = {
    "barnardos-sen-support": [("(SEN)\nS upport?", "(SEN) Support?")],
}

NOT_DOCUMENTS = {"myths.md"}
HEADER_KEYS = ("id", "publisher", "title", "area", "url")
REQUIRED_KEYS = ("id", "publisher", "title", "area")
MIN_WORDS = 6  # sentences of more than this many words must be covered

ID_RE = re.compile(r"^[a-z0-9-]+$")
HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
ANCHOR_RE = re.compile(r"^(.*?)[ \t]*\{#([^}]*)\}$")
ITEM_RE = re.compile(r"^(?:- |[0-9]+\. )")
RULE_CELL_RE = re.compile(r"^:?-{3,}:?$")


# --------------------------------------------------------------------------------------------
# Parsing the corpus format


class Passage:
    def __init__(self, pid, heading_path, text, line):
        self.id = pid
        self.heading_path = heading_path
        self.text = text
        self.line = line


class Document:
    def __init__(self, path):
        self.path = path
        self.header = {}
        self.headings = []  # (line, text) of every heading
        self.table_headers = []  # (line, header cells joined with spaces)
        self.passages = []


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def split_row(line):
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [cell.strip() for cell in row.split("|")]


def parse_document(path, errors):
    """Parse one corpus file; problems are appended to errors as 'FILE:LINE: message'."""
    doc = Document(path)
    name = os.path.relpath(path)

    def err(line, message):
        errors.append("%s:%d: %s" % (name, line, message))

    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [l.rstrip("\r") for l in lines]

    # The header.
    if not lines or lines[0].strip() != "---":
        err(1, 'the file does not start with a "---" header line')
        return doc
    i = 1
    while i < len(lines) and lines[i].strip() != "---":
        line = lines[i]
        if line.strip():
            m = re.match(r"^([A-Za-z]+):[ \t]*(.*?)[ \t]*$", line)
            if not m:
                err(i + 1, 'a header line must be "key: value", not %r' % line)
            elif m.group(1) not in HEADER_KEYS:
                err(i + 1, 'unknown header key "%s"' % m.group(1))
            elif m.group(1) in doc.header:
                err(i + 1, 'the header has a second "%s:" line' % m.group(1))
            elif not m.group(2):
                err(i + 1, 'the header\'s "%s:" line is empty' % m.group(1))
            else:
                doc.header[m.group(1)] = m.group(2)
        i += 1
    if i >= len(lines):
        err(1, 'the header is never closed by a "---" line')
        return doc
    for key in REQUIRED_KEYS:
        if key not in doc.header:
            err(1, 'the header has no "%s:" line' % key)
    doc_id = doc.header.get("id", "")
    if doc_id and not ID_RE.match(doc_id):
        err(1, 'the id "%s" may have only lowercase letters, digits and "-"' % doc_id)
    stem = os.path.splitext(os.path.basename(path))[0]
    if doc_id and doc_id != stem:
        err(1, 'the id "%s" is not the file name "%s"' % (doc_id, stem))
    url = doc.header.get("url")
    if url and re.search(r"\s", url):
        err(1, 'the url "%s" has white space in it' % url)

    # The body: blocks of lines separated by blank lines; headings stand alone.
    heading_stack = []  # (level, text, anchor)
    anchors = {}
    counts = {}
    block = []  # (line number, text)

    def current_anchor():
        return heading_stack[-1][2] if heading_stack else "intro"

    def add_passage(text, line, extra_heading=None):
        anchor = current_anchor()
        counts[anchor] = counts.get(anchor, 0) + 1
        path_ = [h[1] for h in heading_stack]
        if extra_heading is not None:
            path_.append(extra_heading)
        pid = "%s#%s-%d" % (doc_id or stem, anchor, counts[anchor])
        doc.passages.append(Passage(pid, path_, text, line))

    def check_markup(lineno, text, table=False):
        if "**" in text or re.search(r"(^|\s)\*\S|\S\*(\s|$)", text):
            err(lineno, "inline markup (*, **) is not allowed: write the words only")
        if re.search(r"\]\([^)]*\)", text):
            err(lineno, "links [text](address) are not allowed: write the words only")
        tags = re.findall(r"<[^>]*>", text)
        for tag in tags:
            if table and tag.lower() in ("<br>", "<br/>", "<br />"):
                continue
            err(lineno, "markup %s is not allowed%s" % (tag, " (only <br> in a table cell)" if table else ""))

    def flush():
        if not block:
            return
        first_line = block[0][0]
        texts = [t for _, t in block]
        if texts[0].lstrip().startswith("|"):
            for n, t in block:
                if not t.lstrip().startswith("|"):
                    err(n, "a table's lines must all start with |")
            if len(block) < 3:
                err(first_line, "a table needs a header row, a | --- | rule and at least one row")
                block.clear()
                return
            header = split_row(texts[0])
            rule = split_row(texts[1])
            if not all(RULE_CELL_RE.match(c) for c in rule):
                err(block[1][0], "a table's second line must be the | --- | rule")
            if len(rule) != len(header):
                err(block[1][0], "the rule has %d cells, the header %d" % (len(rule), len(header)))
            check_markup(first_line, texts[0])
            doc.table_headers.append((first_line, " ".join(header)))
            for n, t in block[2:]:
                cells = split_row(t)
                if len(cells) != len(header):
                    err(n, "this row has %d cells, the header %d" % (len(cells), len(header)))
                check_markup(n, t, table=True)
                text = "\n".join(re.sub(r"[ \t]*<br\s*/?>[ \t]*", "\n", c, flags=re.I) for c in cells)
                if not text.strip():
                    err(n, "an empty table row")
                add_passage(text, n, extra_heading=header[0])
        else:
            out = []  # lines of the passage text
            in_list = False
            for n, t in block:
                check_markup(n, t)
                t = t.strip()
                if t.startswith("|"):
                    err(n, "a table must be a block of its own (a blank line before it)")
                m = ITEM_RE.match(t)
                if m:
                    in_list = True
                    out.append(t[m.end():].strip())
                elif out:
                    out[-1] += " " + t  # a paragraph line, or an item's continuation
                else:
                    out.append(t)
            add_passage("\n".join(out), first_line)
        block.clear()

    for index in range(i + 1, len(lines)):
        lineno = index + 1
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            continue
        if not stripped:
            flush()
            continue
        m = HEADING_RE.match(line)
        if m and not line.startswith(" "):
            flush()
            level = len(m.group(1))
            text = m.group(2)
            am = ANCHOR_RE.match(text)
            if am:
                text, anchor = am.group(1), am.group(2)
                if not ID_RE.match(anchor):
                    err(lineno, 'the anchor "%s" may have only lowercase letters, digits and "-"' % anchor)
            else:
                anchor = slug(text)
            if not text:
                err(lineno, "a heading with no text")
            if not anchor:
                err(lineno, "this heading has no anchor (give it one with {#anchor})")
            elif anchor in anchors:
                err(lineno, 'the anchor "%s" is already used on line %d' % (anchor, anchors[anchor]))
            else:
                anchors[anchor] = lineno
            check_markup(lineno, text)
            while heading_stack and heading_stack[-1][0] >= level:
                heading_stack.pop()
            heading_stack.append((level, text, anchor))
            doc.headings.append((lineno, text))
            continue
        block.append((lineno, line))
    flush()
    if not doc.passages:
        err(1, "the document has no passages")
    return doc


# --------------------------------------------------------------------------------------------
# Normalising text for comparison


def fix_seed(doc_id, text):
    for before, after in SEED_FIXES.get(doc_id, []):
        text = text.replace(before, after)
    # A word or address broken over two lines at a hyphen ("send-code-of-\n practice").
    text = re.sub(r"(?<=[A-Za-z0-9]-)\n[ \t]*(?=[A-Za-z0-9])", "", text)
    return text


def _link(m):
    label, address = m.group(1), m.group(2).strip()
    if address in ("", "#"):
        return label
    # A link whose text is itself an address: the corpus writes the real address.
    return address if re.match(r"https?://", label.replace("\\", "")) else label


def strip_markup(text):
    """Remove markup, keep words. Lines are kept (list markers are only markers at a line start)."""
    text = text.replace("\r", "")
    text = re.sub(r"\[([^\]]*)\]\(([^)\s]*)\)", _link, text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)  # <https://…> autolinks
    text = re.sub(r"<[^>]*>", " ", text)  # HTML tags, <br>
    text = re.sub(r"\\(.)", r"\1", text)  # backslash escapes
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"[•·]", " ", text)
    text = re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "", text)  # heading markers
    text = re.sub(r"(?m)^[ \t]*(?:-[ \t]+|[0-9]+\.[ \t]+)", "", text)  # list markers
    text = text.replace("|", " ").replace("\t", " ")
    return text


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def fold(text):
    text = (text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u00a0", " "))
    return text.casefold()


def normalise(text, strict=False):
    text = collapse(strip_markup(text))
    return text if strict else fold(text)


# --------------------------------------------------------------------------------------------
# References

PARA = r"\d{1,2}\.\d{1,3}"
CODE_RE = re.compile(
    r"\bparagraphs?\s+(%s(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)%s)*)" % (PARA, PARA)
    + r"|\bparas?\.?\s+(%s)" % PARA
    + r"|\bcop\s+(%s)" % PARA
    + r"|\((%s)\)" % PARA,
    re.I,
)
ACT_RE = re.compile(r"\bsection\s+(\d+)(?:\s*\((\d+)\))?|\bs\.?(\d+)(?:\s*\((\d+)\))?(?![\w.])", re.I)


def references(text):
    """The Code paragraphs ("6.45") and Act sections ("s66", "s66(2)") named, in order."""
    refs = []
    for m in CODE_RE.finditer(text):
        group = next(g for g in m.groups() if g)
        refs.extend("CoP " + p for p in re.findall(PARA, group))
    for m in ACT_RE.finditer(text):
        section = m.group(1) or m.group(3)
        sub = m.group(2) or m.group(4)
        refs.append("section %s%s" % (section, "(%s)" % sub if sub else ""))
    return refs


def counted(items):
    out = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


# --------------------------------------------------------------------------------------------
# Coverage


def seed_sentences(seed_text):
    """The source's sentences (split at line breaks, tabs and sentence ends), normalised."""
    text = strip_markup(seed_text)
    out = []
    for line in re.split(r"[\n\t]", text):
        for piece in re.split(r"(?<=[.?!;:])\s+", line):
            piece = collapse(fold(piece))
            if piece:
                out.append(piece)
    return out


# --------------------------------------------------------------------------------------------


def check_document(doc, seed_path, strict, problems):
    name = os.path.relpath(doc.path)
    doc_id = doc.header.get("id") or os.path.splitext(os.path.basename(doc.path))[0]
    with open(seed_path, encoding="utf-8") as f:
        seed_raw = fix_seed(doc_id, f.read())
    seed_norm = normalise(seed_raw)
    seed_strict = normalise(seed_raw, strict=True)

    def in_seed(text):
        if normalise(text) not in seed_norm:
            return "is not in"
        if strict and normalise(text, strict=True) not in seed_strict:
            return "differs in case or quotes from"
        return None

    # (a) passages, headings and table headers are the source's words.
    for p in doc.passages:
        why = in_seed(p.text)
        if why:
            problems.append("%s:%d: passage %s %s the source %s:\n    %s" % (
                name, p.line, p.id, why, os.path.basename(seed_path), _short(p.text)))
    for line, text in doc.headings + doc.table_headers:
        why = in_seed(text)
        if why:
            problems.append("%s:%d: heading %r %s the source %s" % (
                name, line, text, why, os.path.basename(seed_path)))

    # (b) every Code of Practice / Act reference of the source is in a passage.
    seed_refs = counted(references(seed_norm))
    corpus_refs = counted(r for p in doc.passages for r in references(normalise(p.text)))
    for ref, n in sorted(seed_refs.items()):
        have = corpus_refs.get(ref, 0)
        if have < n:
            problems.append("%s: the source names %s %d time(s), the passages %d time(s)" % (
                name, ref, n, have))
    for ref in sorted(set(corpus_refs) - set(seed_refs)):
        problems.append("%s: the passages name %s, which the source does not" % (name, ref))

    # (c) every sentence of more than MIN_WORDS words is in some passage or heading.
    covering = [normalise(p.text) for p in doc.passages]
    covering += [normalise(t) for _, t in doc.headings + doc.table_headers]
    for sentence in seed_sentences(seed_raw):
        if len(sentence.split()) <= MIN_WORDS:
            continue
        if not any(sentence in c for c in covering):
            problems.append("%s: no passage or heading has this sentence of %s:\n    %s" % (
                name, os.path.basename(seed_path), _short(sentence)))


def _short(text, width=150):
    text = collapse(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv=None):
    script_dir = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(script_dir)
    ap = argparse.ArgumentParser(description="Check Corpus/*.md against the source documents.")
    ap.add_argument("--seeds", default=os.path.join(repo, "..", "shared", "seeds"),
                    help="directory of the source documents (default: ../shared/seeds)")
    ap.add_argument("--corpus", default=os.path.join(repo, "Corpus"),
                    help="directory of the corpus documents (default: Corpus)")
    ap.add_argument("--strict", action="store_true",
                    help="also require case, quotes and apostrophes to match the source exactly")
    ap.add_argument("--list", action="store_true", help="print every passage id and its text")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.corpus):
        print("check_corpus: no corpus directory %s" % args.corpus, file=sys.stderr)
        return 2
    if not os.path.isdir(args.seeds):
        print("check_corpus: no seeds directory %s (give it with --seeds DIR)" % args.seeds,
              file=sys.stderr)
        return 2

    files = sorted(f for f in os.listdir(args.corpus)
                   if f.endswith(".md") and f not in NOT_DOCUMENTS)
    problems = []
    docs = []
    for f in files:
        docs.append(parse_document(os.path.join(args.corpus, f), problems))

    ids = {}
    passage_ids = {}
    for doc in docs:
        doc_id = doc.header.get("id")
        if doc_id in ids:
            problems.append("%s:1: the id %s is already used by %s" % (
                os.path.relpath(doc.path), doc_id, os.path.relpath(ids[doc_id])))
        ids[doc_id] = doc.path
        for p in doc.passages:
            if p.id in passage_ids:
                problems.append("%s:%d: the passage id %s is used twice" % (
                    os.path.relpath(doc.path), p.line, p.id))
            passage_ids[p.id] = doc.path
        if args.list:
            for p in doc.passages:
                print("%s  [%s]\n    %s" % (p.id, " > ".join(p.heading_path),
                                            p.text.replace("\n", "\n    ")))

    for doc_id, seed in sorted(SEEDS.items()):
        if doc_id not in ids:
            problems.append("%s: no corpus document for the source %s" % (
                os.path.relpath(os.path.join(args.corpus, doc_id + ".md")), seed))

    summary = []
    for doc in docs:
        doc_id = doc.header.get("id")
        seed = SEEDS.get(doc_id)
        if seed is None:
            print("check_corpus: note: %s has no known source; only its format is checked"
                  % os.path.relpath(doc.path), file=sys.stderr)
        else:
            seed_path = os.path.join(args.seeds, seed)
            if not os.path.isfile(seed_path):
                problems.append("%s: the source %s is missing" % (os.path.relpath(doc.path), seed_path))
            else:
                check_document(doc, seed_path, args.strict, problems)
        summary.append("%s: %d passages" % (doc_id, len(doc.passages)))

    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print("check_corpus: %d problem(s) in %d document(s)" % (len(problems), len(docs)),
              file=sys.stderr)
        return 1
    for line in summary:
        print(line)
    print("check_corpus: ok (%d documents, %d passages)" % (
        len(docs), sum(len(d.passages) for d in docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
