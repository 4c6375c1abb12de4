"""Printed numbers to integers and back: Roman, Chinese and Arabic numerals, and English words."""

from __future__ import annotations

_ROMAN_VALUES = [
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGIT |= {"九": 9, "两": 2}


# English number words, as translations print chapters and parts ("Chapter One", "PART TWO").
_EN_UNITS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
EN_NUMBER_WORDS = (*_EN_UNITS, *_EN_TENS)


def to_roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN_VALUES:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def from_roman(text: str) -> int | None:
    """The value of a well-formed Roman numeral, or None (so ``CD`` in prose is not 400)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if total > 0 and to_roman(total) == text else None


def from_chinese(text: str) -> int | None:
    """Chinese numerals up to 9999 (一, 十二, 二十三, 一百零五, 两千)."""
    units = {"十": 10, "百": 100, "千": 1000}
    if not text or any(ch not in _CN_DIGIT and ch not in units for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            current = _CN_DIGIT[ch]
    return total + current or None


def from_words(text: str) -> int | None:
    """English number words, one to fifty-nine: "One", "TWELVE", "Twenty-One"."""
    tens, _, unit = text.lower().partition("-")
    if tens in _EN_TENS:
        if not unit:
            return _EN_TENS[tens]
        return _EN_TENS[tens] + _EN_UNITS.index(unit) + 1 if unit in _EN_UNITS[:9] else None
    return _EN_UNITS.index(tens) + 1 if tens in _EN_UNITS and not unit else None


def from_letters(text: str) -> int | None:
    """Lettered items: a=1 … z=26, then doubled as legal texts do: aa=27, bb=28."""
    low = text.lower()
    if not low.isascii() or not low.isalpha() or len(set(low)) != 1:
        return None
    return (len(low) - 1) * 26 + ord(low[0]) - ord("a") + 1


def to_letters(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def parse_number(text: str, letters: bool = False) -> int | None:
    """The value of a printed number: Arabic, Roman (either case), Chinese, or letters."""
    if text.isdigit():
        return int(text)
    if letters:
        return from_letters(text)
    if set(text) <= set("IVXLC"):
        return from_roman(text)
    if set(text) <= set("ivxlc"):
        return from_roman(text.upper())
    if text.isascii():
        return from_words(text)
    return from_chinese(text)
