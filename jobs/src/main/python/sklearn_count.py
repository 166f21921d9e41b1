#!/usr/bin/env python3
"""The benchmark's scikit-learn contender (visitlens bench --only sklearn).

Reads a JSON Lines corpus (one article per line, its text in "text"; records without text are left out, as the
Spark word count leaves them out), fits scikit-learn's CountVectorizer(ngram_range=(1, 3), stop_words="english")
on the texts with fit_transform, and writes into --out:

  ngrams.csv        order,vocabulary,count: distinct n-grams and their total count, for n = 1, 2, 3
  top_unigrams.csv  term,count: the 1,000 most frequent unigrams (count descending, then term)
  summary.csv       key,value: documents, vocabulary, the script's own step times in seconds (import_s: importing
                    scikit-learn; read_s; fit_s: fit_transform alone; count_s; write_s; script_s: all of them,
                    which excludes the interpreter's start), peak_rss_mb (this process's peak resident set size in
                    10^6 bytes: VmHWM of /proc/self/status; peak_rss_source says where it came from) and the
                    Python, scikit-learn and NumPy versions.

summary.csv is written last: its presence means the run finished. Usage:
  python3 sklearn_count.py --input corpus.jsonl --out DIR
"""
import time

_START = time.perf_counter()

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402

TOP_UNIGRAMS = 1000
MAX_ORDER = 3


def read_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line).get("text")
            if text is not None:
                texts.append(text)
    return texts


def peak_rss_mb():
    """This process's peak resident set size, in 10^6 bytes, and where it was read.

    VmHWM (Linux) is the high-water mark of this program's own memory since exec. getrusage's ru_maxrss is not
    used where VmHWM exists: Linux folds into it the RSS of the address space the process had before exec, and a
    JVM starts children with vfork-like posix_spawn, so under the bench it would report the JVM's RSS.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6, "VmHWM"  # in kB (KiB)
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, "ru_maxrss"


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="the JSON Lines corpus")
    parser.add_argument("--out", required=True, help="the output directory (created)")
    args = parser.parse_args()

    t = time.perf_counter()
    import numpy as np
    import sklearn
    from sklearn.feature_extraction.text import CountVectorizer
    import_s = time.perf_counter() - t

    t = time.perf_counter()
    texts = read_texts(args.input)
    read_s = time.perf_counter() - t

    t = time.perf_counter()
    vectorizer = CountVectorizer(ngram_range=(1, MAX_ORDER), stop_words="english")
    matrix = vectorizer.fit_transform(texts)
    fit_s = time.perf_counter() - t

    t = time.perf_counter()
    counts = np.asarray(matrix.sum(axis=0, dtype=np.int64)).ravel()
    terms = vectorizer.get_feature_names_out()
    # An n-gram's words are joined by single spaces; the default token pattern (\w\w+) never yields a space.
    orders = np.fromiter((term.count(" ") + 1 for term in terms), dtype=np.int8, count=len(terms))
    per_order = [(n, int((orders == n).sum()), int(counts[orders == n].sum())) for n in range(1, MAX_ORDER + 1)]
    unigrams = np.flatnonzero(orders == 1)
    top = sorted(((str(terms[i]), int(counts[i])) for i in unigrams), key=lambda tc: (-tc[1], tc[0]))[:TOP_UNIGRAMS]
    count_s = time.perf_counter() - t

    t = time.perf_counter()
    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "ngrams.csv"), ["order", "vocabulary", "count"], per_order)
    write_csv(os.path.join(args.out, "top_unigrams.csv"), ["term", "count"], top)
    write_s = time.perf_counter() - t

    peak_mb, peak_source = peak_rss_mb()
    summary = [
        ("documents", len(texts)),
        ("vocabulary", len(terms)),
        ("import_s", f"{import_s:.3f}"),
        ("read_s", f"{read_s:.3f}"),
        ("fit_s", f"{fit_s:.3f}"),
        ("count_s", f"{count_s:.3f}"),
        ("write_s", f"{write_s:.3f}"),
        ("script_s", f"{time.perf_counter() - _START:.3f}"),
        ("peak_rss_mb", f"{peak_mb:.1f}"),
        ("peak_rss_source", peak_source),
        ("python", platform.python_version()),
        ("sklearn", sklearn.__version__),
        ("numpy", np.__version__),
    ]
    write_csv(os.path.join(args.out, "summary.csv"), ["key", "value"], summary)
    print(f"sklearn_count: {len(texts)} documents, {len(terms)} n-grams, fit_transform {fit_s:.2f} s, "
          f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
