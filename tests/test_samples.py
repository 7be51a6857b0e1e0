"""The bundled sample corpus (data/samples/) is internally consistent with its manifest.

These tests check the data, not the detectors: every listed file exists and decodes, every quoted
defect is really in its document, clean documents carry valid and self-consistent ID numbers, dates
and sentence-credit periods, and the labelled identity / sentence defects are real.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest

from pipeline import doctypes
from pipeline.taxonomy import CODES

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
MANIFEST = SAMPLES / "MANIFEST.jsonl"
NOT_SAMPLES = {"MANIFEST.jsonl", "README.md"}
DOC_TYPES = {v for k, v in vars(doctypes).items() if k.isupper() and isinstance(v, str)}

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9X])")
BIRTH = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日出生")
GENDER = re.compile(r"，([男女])，")
DATE = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
CREDIT = re.compile(r"即自([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日起至([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日止")
TERM = re.compile(r"判处有期徒刑([一二三四五六七八九十]+年)?([一二三四五六七八九十]+个月)?")
NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def load_manifest() -> list[dict]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


ENTRIES = load_manifest()


@cache
def text_of(file: str) -> str:
    entry = next(e for e in ENTRIES if e["file"] == file)
    path = SAMPLES / file
    if path.suffix == ".docx":
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    return path.read_bytes().decode(entry["encoding"])


def id_checksum_ok(number: str) -> bool:
    return ID_CHECK[sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS, strict=True)) % 11] == number[17]


def id_problems(text: str) -> list[str]:
    """Every 公民身份号码 in `text` against its checksum and the birth date / gender stated just before it."""
    problems = []
    for m in ID_NUMBER.finditer(text):
        number = m.group(0)
        if not id_checksum_ok(number):
            problems.append(f"{number}: bad check digit")
        before = text[max(0, m.start() - 80) : m.start()]
        births = BIRTH.findall(before)
        if births:
            y, mo, d = births[-1]
            if number[6:14] != f"{int(y):04d}{int(mo):02d}{int(d):02d}":
                problems.append(f"{number}: birth date {y}-{mo}-{d} differs")
        genders = GENDER.findall(before)
        if genders and (int(number[16]) % 2 == 1) != (genders[-1] == "男"):
            problems.append(f"{number}: gender {genders[-1]} differs")
    return problems


def chinese_number(s: str) -> int:
    """一 … 十二 (the only numerals sentence terms use here)."""
    if s.startswith("十"):
        return 10 + (NUMERALS[s[1]] if len(s) > 1 else 0)
    if len(s) > 1 and s[1] == "十":
        return NUMERALS[s[0]] * 10 + (NUMERALS[s[2]] if len(s) > 2 else 0)
    return NUMERALS[s]


def add_months(start: date, months: int) -> date:
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def credit_problems(text: str) -> list[str]:
    """Each 即自A起至B止 must end the day before A + the 有期徒刑 term stated just before it."""
    problems = []
    for m in CREDIT.finditer(text):
        terms = list(TERM.finditer(text, 0, m.start()))
        assert terms, f"no 有期徒刑 term before {m.group(0)}"
        years, months = terms[-1].groups()
        total = (chinese_number(years[:-1]) * 12 if years else 0) + (chinese_number(months[:-2]) if months else 0)
        start = date(*map(int, m.groups()[:3]))
        end = date(*map(int, m.groups()[3:]))
        if add_months(start, total) - timedelta(days=1) != end:
            problems.append(m.group(0))
    return problems


def impossible_dates(text: str) -> list[str]:
    bad = []
    for m in DATE.finditer(text):
        try:
            date(*map(int, m.groups()))
        except ValueError:
            bad.append(m.group(0))
    return bad


def by_file(entries: list[dict]) -> list:
    return [pytest.param(e, id=e["file"]) for e in entries]


def test_manifest_lists_every_sample_once() -> None:
    listed = [e["file"] for e in ENTRIES]
    assert len(listed) == len(set(listed))
    on_disk = {str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.is_file() and p.name not in NOT_SAMPLES}
    assert on_disk == set(listed)


def test_corpus_is_about_half_clean() -> None:
    authored = [e for e in ENTRIES if "source" not in e]
    clean = sum(e["clean"] for e in authored)
    assert 0.35 <= clean / len(authored) <= 0.65


@pytest.mark.parametrize("entry", by_file(ENTRIES))
def test_entry_is_well_formed(entry: dict) -> None:
    assert (SAMPLES / entry["file"]).is_file()
    assert entry["doc_type"] in DOC_TYPES
    assert entry["clean"] is (not entry["expected_flags"])
    for flag in entry["expected_flags"] + entry.get("must_not_flag", []):
        assert flag["code"] in CODES
        assert flag["note"].strip()
        assert flag["quote"] in text_of(entry["file"]), flag["quote"]


@pytest.mark.parametrize("entry", by_file([e for e in ENTRIES if e["clean"] and "source" not in e]))
def test_clean_document_is_consistent(entry: dict) -> None:
    text = text_of(entry["file"])
    assert id_problems(text) == []
    assert impossible_dates(text) == []
    assert credit_problems(text) == []


def dates_in_order_of_mention(text: str) -> list[date]:
    """YYYY年M月D日 and 同年M月D日, the latter taking the year of the date before it."""
    found, year = [], None
    for m in re.finditer(r"(?:([0-9]{4})年|同年)([0-9]{1,2})月([0-9]{1,2})日", text):
        year = int(m.group(1)) if m.group(1) else year
        found.append(date(year, int(m.group(2)), int(m.group(3))))
    return found


def test_labelled_identity_and_date_defects_are_real() -> None:
    """Labelled identity and date defects can be confirmed from the text itself."""
    for entry in ENTRIES:
        text = text_of(entry["file"])
        for flag in entry["expected_flags"]:
            quote = flag["quote"]
            if flag["code"] == "identity_mismatch":
                assert id_problems(text), entry["file"]
            elif flag["code"] == "date_error":
                mentioned = dates_in_order_of_mention(quote) if "同年" in quote else []
                out_of_order = len(mentioned) >= 2 and mentioned[1] < mentioned[0]
                assert impossible_dates(quote) or quote in credit_problems(text) or out_of_order, quote


def test_variant_encodings_are_what_the_manifest_says() -> None:
    raw = {e["file"]: (SAMPLES / e["file"]).read_bytes() for e in ENTRIES if e["encoding"] not in (None, "utf-8")}
    assert raw, "the corpus should exercise non-UTF-8 inputs"
    for file, data in raw.items():
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        encoding = next(e["encoding"] for e in ENTRIES if e["file"] == file)
        if encoding == "utf-16":
            assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    encodings = {e["encoding"] for e in ENTRIES}
    assert {"gbk", "utf-16", "big5", None} <= encodings  # None: the .docx


def test_checksum_and_credit_helpers_on_known_values() -> None:
    assert id_checksum_ok("11010519491231002X")  # the GB 11643-1999 worked example
    assert not id_checksum_ok("110105194912310021")
    text = "判处有期徒刑一年六个月。即自2023年3月9日起至2024年9月8日止。"
    assert credit_problems(text) == []
    assert credit_problems(text.replace("9月8日止", "9月9日止")) == ["即自2023年3月9日起至2024年9月9日止"]
    assert chinese_number("十二") == 12 and chinese_number("二十") == 20 and chinese_number("七") == 7
