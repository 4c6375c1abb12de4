"""Reading a paragraph: sentence by sentence, each to the reader of its language.

A Chinese sentence goes to ``chinese``; a year it states (到2026年) is carried to the sentences
after it. An English sentence is read for a duty (``duties``), then, unless it defines a term
or states a sanction or what a body is made of, or commits to nothing (no verb of intent,
no deadline), clause by clause for quantities
(``quantities``). A sentence that gives none of these may still commit to something by a year
("By 2026, … shall be built into …") or on a schedule ("… in principle annually"): a duty of its
own, dated or recurring.
"""

from __future__ import annotations

from tools import regexes
from tools.targets import chinese, duties, quantities
from tools.targets.found import Found


def sentences(text: str) -> list[str]:
    return [s.strip() for s in regexes.SENTENCE_SPLIT.split(text) if s.strip()]


def find_quantities(text: str, line: int, context: str = "") -> list[Found]:
    """Every target and duty in a paragraph, in order. ``context`` is the enclosing part's own
    text, whose deadline ("By 2026, ...", 到2026年) applies to targets that state none."""
    out = []
    carried = ""  # 到2026年 at the head of a paragraph holds for the sentences after it
    for sentence in sentences(text):
        if chinese.is_chinese(sentence):
            out += chinese.in_sentence(sentence, line, f"{carried} {context}") or duties.recurring_zh(sentence, line)
            year = chinese.deadline_in(sentence)
            carried = year.group(0) if year else carried
            continue
        found = duties.in_sentence(sentence, line) + _quantities(sentence, line, context)
        # A dated or recurring commitment with nothing to count is a duty of its own.
        out += found or duties.dated_commitment(sentence, line) or duties.recurring(sentence, line)
    return out


def _quantities(sentence: str, line: int, context: str) -> list[Found]:
    """The quantities an English sentence commits to, clause by clause."""
    if regexes.DEFINITION.search(sentence) or regexes.SANCTION.search(sentence):
        return []
    if regexes.COMPOSITION.search(sentence) or regexes.NOT_APPLY.search(sentence):
        return []
    if not regexes.COMMITMENT.search(sentence) and not regexes.DEADLINE.search(sentence):
        return []
    return [
        f
        for clause in regexes.CLAUSE_SPLIT.split(sentence)
        for f in quantities.in_clause(clause, sentence, line, context)
    ]
