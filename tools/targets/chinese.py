"""Chinese quantities: 50项以上, 超过1000家, 普及率超70%, 3至5个, 十期, 100亿元 (with 到2027年,
2025年底前, 年均), the money a notice commits or caps among them.

Duration compounds (72小时), dates and formulas ("1+4") are not quantities, a sentence
that sets a fine (罚款) commits to nothing, and a count of what already exists (已建成…12个,
现有…300余家) is no target, nor is the date it stood at (截至2024年底，已…) a deadline. A
sentence is read whole: its clause marks (，；) only bound the qualifier, the words that say a
count exists, and the phrase a number counts.
"""

from __future__ import annotations

import re

from tools import regexes
from tools.numerals import parse_number
from tools.targets.found import Found

_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_chinese(text: str) -> bool:
    """Whether a sentence is read as Chinese: more than a quarter of its characters are Han."""
    return len(_HAN.findall(text)) > len(text) // 4


def in_sentence(sentence: str, line: int, context: str) -> list[Found]:
    """Chinese quantities in a sentence that commits to something (a verb of intent or a year)."""
    stated = deadline_in(sentence)
    if regexes.SANCTION_ZH.search(sentence) or not (stated or regexes.COMMITMENT_ZH.search(sentence)):
        return []
    inherited = None if stated else deadline_in(context)
    deadline = stated or inherited
    found = []
    for m in regexes.QUANTITY_ZH.finditer(sentence):
        value = parse_number(m["num"]) if not m["num"][0].isdigit() else float(m["num"])
        if value is None or (m["unit"] == "个" and m["num"] == "一" and not m["qual_before"]):
            continue  # 一个 is most often "a", not a count of one
        clause_start = max(sentence.rfind(mark, 0, m.start()) for mark in "，,；;") + 1
        if exists(sentence[clause_start : m.start()]):
            continue  # 已建成…12个, 现有…300余家: what there is already, not what is promised
        unit, scale = regexes.ZH_UNITS[m["unit"]], m["scale"] or (m["unit"][0] if unit_is_flops(m["unit"]) else None)
        factor = regexes.ZH_SCALES.get(m["scale"] or "", 1.0) * regexes.ZH_SCALES.get(m["unit"], 1.0)
        high = m["num2"] and (parse_number(m["num2"]) if not m["num2"][0].isdigit() else float(m["num2"]))
        earlier = list(regexes.QUALIFIER_ZH.finditer(sentence, clause_start, m.start()))
        word = m["qual_after"] or m["qual_before"] or (earlier[-1].group(0) if earlier else "")
        qualifier = "range" if high else regexes.QUALIFIERS_ZH.get(word)
        year = (deadline["year"] or deadline["year2"]) if deadline else None
        # Nothing counted: kept with an empty phrase, so the maintainer is told (see ``unread``).
        counted = _counted_zh(sentence, m.start(), m.end()) or regexes.ZH_UNIT_NOUNS.get(unit, "")
        frequency = regexes.FREQUENCY_ZH.search(sentence[clause_start : m.start()])
        found.append(
            Found(
                line=line,
                sentence=sentence,
                as_written=m.group(0),
                value=float(value) * factor,
                value_max=float(high) * factor if high else None,
                scale=scale,
                unit=unit,
                qualifier=qualifier,
                counted=counted,
                deadline=deadline["deadline"] if deadline else None,
                deadline_year=int(year) if year else None,
                deadline_source=("sentence" if stated else "part") if deadline else None,
                frequency=frequency["frequency"] if frequency else None,
            )
        )
    return found


def deadline_in(text: str) -> re.Match[str] | None:
    """The first deadline in a text (到2027年, 2025年底前); a date at which a count already
    stood (截至2024年底，已累计建成…) is none."""
    return next(
        (m for m in regexes.DEADLINE_ZH.finditer(text) if not regexes.STATUS_DATE_ZH.match(text, m.start())), None
    )


def exists(lead: str) -> bool:
    """Whether a number counts what already exists, by the words of its clause before it
    (已建成, 已累计, 已培育, 已有, 现有, 拥有; not 已建成的…, nor after 力争 or 到2027年)."""
    mark = regexes.EXISTING_ZH.search(lead)
    return mark is not None and not regexes.INTENT_ZH.search(lead, 0, mark.start())


def unit_is_flops(unit: str) -> bool:
    return unit.endswith("FLOPS")


def _counted_zh(sentence: str, start: int, end: int) -> str:
    """What a Chinese number counts: the noun after its measure word (举办10期研修项目), else the
    phrase before it back to the last clause mark (开展标准宣贯的企业超过1000家)."""
    after = sentence[end:]
    stop = regexes.ZH_CLAUSE_MARK.search(after)
    following = (after[: stop.start()] if stop else after).strip()
    if following and not following.startswith(("以上", "左右", "的")):
        return following[: regexes.ZH_COUNTED_MAX]
    before = sentence[:start]
    marks = list(regexes.ZH_CLAUSE_MARK.finditer(before))
    phrase = before[marks[-1].end() :] if marks else before
    phrase = regexes.ZH_COUNTED_LEAD.sub("", regexes.DEADLINE_ZH.sub("", phrase).strip())
    return phrase[-regexes.ZH_COUNTED_MAX :]
