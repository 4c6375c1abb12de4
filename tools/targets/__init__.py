"""Targets: quantified commitments found in measures (and in parts outside any measure).

Three readers share one placement and id scheme:

- English quantities (``quantities``): a number, a range, or a spelled-out number with a scale
  such as "one million", with a unit or a counted noun phrase, in a sentence that commits to it
  (a verb of intent or a deadline);
- Chinese quantities (``chinese``): 50项以上, 超过1000家, 普及率超70%, 3至5个, 十期, 100亿元 (with
  到2027年, 2025年底前, 年均), the money a notice commits or caps among them;
- duties with a deadline (``duties``): "Within 270 days of the date of this order, the Secretary
  … shall …", recorded with the number of days and what is to be done.

Each target, duty or quantity, is given the agency that holds it (``holders``): the subject of
its "shall", its list's lead-in, or its measure's responsible units.

Years, clock and duration compounds ("72-hour", 72小时), ordinals, article and section
references, statutes ("50 U.S.C."), exponents ("10^26"), definitions,
dates and formulas ("1+4") are not quantities.

The steps, in the order a notice goes through them: ``placement.places`` says where to look;
``reading.find_quantities`` reads each paragraph sentence by sentence with the reader of its
language, each returning ``found.Found``; ``kinds`` says what kind of target each is;
``placement.extract`` gives it its id and makes it a ``Target``; ``holders.with_agencies``
adds its agency once the measure's agencies are known.
"""

from __future__ import annotations

from tools.targets.chinese import unit_is_flops
from tools.targets.duties import DUTY_UNITS
from tools.targets.found import Found
from tools.targets.holders import with_agencies
from tools.targets.kinds import MONEY_UNITS, head_noun, kind_of
from tools.targets.placement import Extraction, extract, places, unread_problems
from tools.targets.reading import find_quantities, sentences

__all__ = [
    "DUTY_UNITS",
    "MONEY_UNITS",
    "Extraction",
    "Found",
    "extract",
    "find_quantities",
    "head_noun",
    "kind_of",
    "places",
    "sentences",
    "unit_is_flops",
    "unread_problems",
    "with_agencies",
]
