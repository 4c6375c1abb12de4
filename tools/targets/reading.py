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
        counts = _quantities(sentence, line, context)
        dated = [d for d in duties.in_sentence(sentence, line) if not any(_counts_it(c, d) for c in counts)]
        # A dated or recurring commitment with nothing to count is a duty of its own.
        out += (dated + counts) or duties.dated_commitment(sentence, line) or duties.recurring(sentence, line)
    return [duties.dated_by_period(f, text) for f in out]


def _counts_it(count: Found, duty: Found) -> bool:
    """Whether a count is what a duty of its sentence is to do, with the same deadline: "Within 540
    days …, establish at least four new National AI Research Institutes" is one commitment, the
    count, due when the duty is. The count is the object of the duty's verb: it comes after the
    "shall" (or after the deadline of a listed item that has none), with no "on", "regarding",
    "describing" … before it ("submit a report on the 17 National Laboratories" counts nothing)."""
    same = (count.deadline_date, count.deadline_after, count.deadline) == (
        duty.deadline_date,
        duty.deadline_after,
        duty.deadline,
    )
    if count.unit in duties.DUTY_UNITS or not same:
        return False
    sentence = duty.sentence
    # The "shall" nearest before the count governs it ("…, and shall fund at least 3 pilot projects").
    shall = next(
        (
            m
            for m in reversed(list(regexes.DUTY_SHALL.finditer(sentence)))
            if m.end() <= sentence.rfind(count.as_written)
        ),
        None,
    )
    start = shall.end() if shall else sentence.find(duty.as_written) + len(duty.as_written)
    at = sentence.find(count.as_written, start)
    return at >= 0 and not regexes.NOT_THE_OBJECT.search(sentence, start, at)


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
