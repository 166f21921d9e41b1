#!/usr/bin/env python3
"""Peer check of the sklearn contender's tokenizer: unigram counts of scikit-learn's CountVectorizer against a
simple regex, on a real text, one document per line.

  sklearn: CountVectorizer(stop_words=...) at its defaults otherwise: lowercase, token_pattern (?u)\\b\\w\\w+\\b
           (two or more word characters), the contender's analyser restricted to unigrams;
  regex:   lowercase, split at anything but letters and digits, keep every non-empty token: what the Spark
           word count's RegexTokenizer does ([^\\p{L}\\p{M}\\p{N}]+; Python's re has no \\p, so [\\W_]+, which
           differs only on combining marks and underscores).

Both drop the same stop words (scikit-learn's English list, or none with --no-stop-words), so what differs is
the tokenization alone. Prints the totals, the distinct words, how many words have the same count in both, and
the largest differences. A test-scope tool: nothing in the build runs it.

On Debian the King James Version (public domain) ships in bible-kjv-text; its program prints it one verse a line:
  apt-get install bible-kjv bible-kjv-text
  bible -f 'gen1:1-rev22:21' > kjv.txt
  /usr/bin/python3 jobs/src/test/python/tokenizer_peer_check.py kjv.txt --strip-first-field
"""
import argparse
import collections
import re
import sys

SPLIT = re.compile(r"[\W_]+")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", help="a UTF-8 text file, one document per line")
    parser.add_argument("--strip-first-field", action="store_true",
                        help="drop each line's first space-separated field (a verse reference such as Ge1:1)")
    parser.add_argument("--no-stop-words", action="store_true", help="keep stop words on both sides")
    parser.add_argument("--top", type=int, default=15, help="differences to list (default 15)")
    args = parser.parse_args()

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    with open(args.text, encoding="utf-8") as f:
        docs = [line.rstrip("\n") for line in f]
    if args.strip_first_field:
        docs = [d.split(" ", 1)[1] if " " in d else "" for d in docs]
    stop = frozenset() if args.no_stop_words else ENGLISH_STOP_WORDS

    vectorizer = CountVectorizer(stop_words=None if args.no_stop_words else "english")
    matrix = vectorizer.fit_transform(docs)
    sk = dict(zip(vectorizer.get_feature_names_out(), (int(c) for c in matrix.sum(axis=0).A1)))

    rx = collections.Counter(t for d in docs for t in SPLIT.split(d.lower()) if t and t not in stop)

    words = set(sk) | set(rx)
    same = sum(1 for w in words if sk.get(w, 0) == rx.get(w, 0))
    print(f"{args.text}: {len(docs):,} documents, {sum(len(d) for d in docs):,} characters; "
          f"stop words: {'none' if args.no_stop_words else 'scikit-learn English list'}")
    print(f"  sklearn: {sum(sk.values()):,} tokens, {len(sk):,} distinct")
    print(f"  regex:   {sum(rx.values()):,} tokens, {len(rx):,} distinct")
    print(f"  {same:,} of {len(words):,} words have the same count in both; "
          f"{len(set(rx) - set(sk)):,} only in regex's, {len(set(sk) - set(rx)):,} only in sklearn's")
    diffs = sorted(((rx.get(w, 0) - sk.get(w, 0), w) for w in words if sk.get(w, 0) != rx.get(w, 0)),
                   key=lambda dw: (-abs(dw[0]), dw[1]))
    for d, w in diffs[:args.top]:
        print(f"    {w!r}: sklearn {sk.get(w, 0):,}, regex {rx.get(w, 0):,} ({d:+,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
