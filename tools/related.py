"""Related measures across notices, by TF-IDF cosine similarity of their text.

Deterministic (ties broken by id) and cheap as the archive grows: candidates come from an
inverted index of each measure's most distinctive terms, never from all pairs.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from tools.models import Measure
from tools.processes import map_forked

_WORD = re.compile(r"[a-z][a-z\-]{2,}|[\u4e00-\u9fff]{2}")
# Function words and the vocabulary every notice shares carry no signal about the topic
# (the default; `related` takes another set for another language or corpus).
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "shall",
        "will",
        "from",
        "into",
        "such",
        "other",
        "their",
        "its",
        "are",
        "have",
        "has",
        "been",
        "be",
        "by",
        "of",
        "to",
        "in",
        "on",
        "at",
        "as",
        "or",
        "an",
        "a",
        "we",
        "our",
        "all",
        "any",
        "more",
        "also",
        "well",
        "which",
        "who",
        "can",
        "may",
        "should",
        "artificial",
        "intelligence",
        "promote",
        "support",
        "build",
        "strengthen",
        "enhance",
        "develop",
        "development",
        "relevant",
        "district",
        "municipal",
        "municipality",
        "city",
        "enterprises",
        "industry",
        "industrial",
        "innovation",
        "application",
        "applications",
        "level",
        "new",
        "key",
        "high",
        "quality",
        "construction",
        "responsible",
        "units",
        "unit",
        "etc",
        "including",
        "through",
        "based",
        "areas",
        "fields",
        "field",
        "various",
        "each",
        "both",
        "among",
        "within",
    ]
)


def terms(text: str, stopwords: frozenset[str] = STOPWORDS) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in stopwords)


def related(
    measures: Sequence[Measure],
    per_measure: int = 3,
    min_score: float = 0.12,
    probe_terms: int = 10,
    postings_cap: int = 64,
    shortlist: int = 24,
    stopwords: frozenset[str] = STOPWORDS,
    jobs: int = 1,
) -> dict[str, list[tuple[str, float]]]:
    """For each measure key (notice/id): the most similar measures of *other* notices, found
    by ``jobs`` processes.

    Candidates come from the measure's ``probe_terms`` most distinctive terms, each term's
    postings kept to its ``postings_cap`` strongest measures; the ``shortlist`` best
    candidates are then scored exactly. Work per measure is bounded, whatever the archive's size.
    """
    keys = [f"{m.notice}/{m.id}" for m in measures]
    vectors = _vectors(measures, stopwords)
    notice_of = [m.notice for m in measures]
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, w in vec.items():
            postings[t].append((w, i))
    capped = {t: heapq.nsmallest(postings_cap, p, key=lambda x: (-x[0], x[1])) for t, p in postings.items()}

    def best_of(i: int) -> list[tuple[str, float]]:
        # heapq.nsmallest(n, …) is sorted(…)[:n], without sorting what is left out.
        vec, notice = vectors[i], notice_of[i]
        partial: dict[int, float] = defaultdict(float)
        for t in heapq.nsmallest(probe_terms, vec, key=lambda t: (-vec[t], t)):
            weight = vec[t]
            for w, j in capped[t]:
                if notice_of[j] != notice:
                    partial[j] += weight * w
        best = heapq.nsmallest(shortlist, [(-score, keys[j], j) for j, score in partial.items()])
        scored = [(key, _dot(vec, vectors[j])) for _, key, j in best]
        top = heapq.nsmallest(per_measure, [(-s, k) for k, s in scored if s >= min_score])
        return [(k, round(-score, 3)) for score, k in top]

    return dict(zip(keys, map_forked(best_of, range(len(vectors)), jobs), strict=True))


def _vectors(measures: Sequence[Measure], stopwords: frozenset[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of the measures' titles and texts."""
    counts = [terms(f"{m.title or ''} {m.text}", stopwords) for m in measures]
    df: Counter[str] = Counter(t for c in counts for t in c)
    n = len(measures)
    vectors = []
    for c in counts:
        weights = {t: (1 + math.log(f)) * math.log((1 + n) / (1 + df[t])) for t, f in c.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(t, 0.0) for t, w in small.items())
