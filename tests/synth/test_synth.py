"""The labelled-document generator (pipeline/synth) and the corpus it ships (data/synth).

What is checked: every gold span points at the text its injector quotes; every taxonomy code is injected;
the same seed gives the same bytes; clean documents raise no flag of the project's consistency detectors
(except where a detector bug is documented below); fact paragraphs never cross splits; the shipped files
load through `datasets`, carry no CAIL text and are what the generator makes; the timelines keep every
statutory clock. Runs without ../shared (facts come from the shipped guiding-case file and the composers).
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.analyze import context_from_text
from pipeline.detectors import load_detectors
from pipeline.extract.idcard import parse_id
from pipeline.law.holidays import Period
from pipeline.structure import detect_doc_type
from pipeline.synth.command import synth
from pipeline.synth.dataset import load_splits, read_jsonl, to_dataset
from pipeline.synth.facts import clean_external, shipped_facts
from pipeline.synth.generate import Options, generate, generate_splits
from pipeline.synth.people import age_on, id_number, make_person
from pipeline.synth.places import REGIONS
from pipeline.synth.splits import SPLITS, split_of
from pipeline.synth.timeline import ARREST, BAIL, DETAIN_THEN_BAIL, Extensions, due, plan
from pipeline.taxonomy import CODES
from pipeline.types import Flag

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "synth"
FACTS = shipped_facts()
CONSISTENCY = (
    "identity_mismatch",
    "date_error",
    "amount_mismatch",
    "overdue_custody",
    "overdue_handling",
    "citation_error",
    "charge_article_mismatch",
    "missing_element",
)

# Detector bugs the generator's clean documents expose (reported to the lead; the generator is right):
#   each entry: (code, predicate on (flag, document text)) — a matching flag is not counted as a failure.
KNOWN_DETECTOR_BUGS: tuple[tuple[str, Callable[[Flag, str], bool]], ...] = ()


def _known_bug(flag: Flag, text: str) -> bool:
    return any(code == flag.code and pred(flag, text) for code, pred in KNOWN_DETECTOR_BUGS)


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return generate_splits(11, 300, FACTS)


@pytest.fixture(scope="module")
def many() -> list[dict]:
    return list(generate(12, 700, FACTS, Options(clean_share=0.0)))


def _records(by_split: dict[str, list[dict]]) -> list[dict]:
    return [r for s in SPLITS for r in by_split[s]]


# ------------------------------------------------------------------------------------------ gold spans


def test_every_span_points_at_the_text_its_injector_quotes(corpus: dict[str, list[dict]], many: list[dict]) -> None:
    checked = 0
    for r in _records(corpus) + many:
        text = r["text"]
        assert len(r["flags"]) == len(r["meta"]["injections"])
        for flag, inj in zip(r["flags"], r["meta"]["injections"], strict=True):
            assert flag["code"] == inj["code"] and flag["code"] in CODES
            assert flag["spans"], r["id"]
            assert [text[s:e] for s, e in flag["spans"]] == inj["quotes"], r["id"]
            for s, e in flag["spans"]:
                assert 0 <= s < e <= len(text) and text[s:e].strip()
            checked += 1
        for neg in r["meta"]["negatives"]:
            assert [text[s:e] for s, e in neg["spans"]] == neg["quotes"]
    assert checked > 800


def test_every_taxonomy_code_is_injected_with_several_variants(many: list[dict]) -> None:
    variants: dict[str, set[str]] = {}
    for r in many:
        for inj in r["meta"]["injections"]:
            variants.setdefault(inj["code"], set()).add(inj["variant"].split(":")[0].split("->")[0])
    assert set(variants) == set(CODES)
    thin = {c: v for c, v in variants.items() if len(v) < 2 and c != "deadline_near"}
    assert not thin, f"codes with a single variant: {thin}"


def test_injected_text_looks_like_the_defect(many: list[dict]) -> None:
    """Spot checks that the quoted evidence is what the variant says (not a marker phrase)."""
    for r in many:
        for inj in r["meta"]["injections"]:
            q, v = inj["quotes"], inj["variant"]
            if inj["code"] == "identity_mismatch" and v == "checksum":
                info = parse_id(q[0].translate(str.maketrans("０１２３４５６７８９", "0123456789")))
                assert info is not None and not info.checksum_ok
            if inj["code"] == "date_error" and v == "impossible":
                assert re.search(
                    r"(?:2月(?:29|30|31)|(?:4|6|9|11)月31)日",
                    q[0].translate(str.maketrans("０１２３４５６７８９", "0123456789")),
                )
            if inj["code"] == "typo" and "->" in v:
                assert q == [v.split("->")[1]]
            for quote in q:
                assert "缺陷" not in quote and "瑕疵" not in quote


# ------------------------------------------------------------------------------------------ determinism, speed


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not() -> None:
    a = [json.dumps(r, ensure_ascii=False) for r in generate(3, 40, FACTS, split="dev")]
    b = [json.dumps(r, ensure_ascii=False) for r in generate(3, 40, FACTS, split="dev")]
    c = [json.dumps(r, ensure_ascii=False) for r in generate(4, 40, FACTS, split="dev")]
    assert a == b
    assert a != c


def test_generation_is_fast() -> None:
    t0 = time.perf_counter()
    n = len(list(generate(5, 200, FACTS)))
    assert n / (time.perf_counter() - t0) >= 50


# ------------------------------------------------------------------------------------------ against the detectors


def test_clean_documents_raise_no_consistency_flags() -> None:
    """Clean documents (hard negatives included) must pass the detectors' own consistency checks."""
    detectors = load_detectors(CONSISTENCY)
    records = list(generate(21, 160, FACTS, Options(clean_share=1.0, negative_share=0.8)))
    assert all(not r["flags"] for r in records)
    unexpected = []
    for r in records:
        ctx = context_from_text(r["text"])
        for d in detectors:
            for f in d.detect(ctx):
                if not _known_bug(f, r["text"]):
                    unexpected.append((r["id"], f.code, f.reason, [e.text for e in f.evidence]))
    assert unexpected == []


def test_hard_negatives_do_not_raise_their_detectors() -> None:
    """Denied 刑讯逼供 and statute quotes, recordings present and property returned: no violation flag."""
    watch = {
        "negated_torture": "illegal_evidence",
        "statute_quote": "illegal_evidence",
        "recording_present": "recording_missing",
        "property_returned": "property_violation",
        "review_extension": "overdue_handling",
        "inv_extension": "overdue_custody",
        "long_detention": "overdue_custody",
        "zhiyi_article": "citation_error",
    }
    detectors = {d.codes[0]: d for d in load_detectors(sorted(set(watch.values())))}
    records = list(generate(22, 200, FACTS, Options(clean_share=1.0, negative_share=1.0)))
    seen: set[str] = set()
    for r in records:
        kinds = {n["kind"] for n in r["meta"]["negatives"]}
        codes = {watch[k] for k in kinds if k in watch}
        if not codes:
            continue
        seen |= kinds & set(watch)
        ctx = context_from_text(r["text"])
        for code in codes:
            flags = [f for f in detectors[code].detect(ctx) if not _known_bug(f, r["text"])]
            assert flags == [], (r["id"], sorted(kinds), [f.reason for f in flags])
    assert seen == set(watch)


def test_document_types_are_recognised(corpus: dict[str, list[dict]]) -> None:
    wrong = []
    for r in _records(corpus):
        got = detect_doc_type(r["text"])
        if got != r["doc_type"]:
            wrong.append((r["id"], r["doc_type"], got))
    assert wrong == []


# ------------------------------------------------------------------------------------------ splits


def _fact_sources(by_split: dict[str, list[dict]]) -> dict[str, set[str]]:
    return {s: {r["meta"]["fact_source"] for r in by_split[s]} for s in by_split}


def test_fact_sources_never_cross_splits(corpus: dict[str, list[dict]]) -> None:
    sources = _fact_sources(corpus)
    for a in SPLITS:
        for b in SPLITS:
            if a < b:
                assert not (sources[a] & sources[b])
    for s in SPLITS:
        for r in corpus[s]:
            if r["meta"]["fact_origin"] != "template":
                assert split_of(r["meta"]["fact_source"]) == s
    assert sum(len(v) for v in corpus.values()) == 300


def test_fact_paragraphs_never_cross_splits(corpus: dict[str, list[dict]]) -> None:
    """The same check on the text itself: a guiding-case paragraph (names masked) appears in one split."""
    where: dict[str, set[str]] = {}
    by_source = {f.source_id: f for f in FACTS}
    for s in SPLITS:
        for r in corpus[s]:
            fact = by_source.get(r["meta"]["fact_source"])
            if fact is None or not r["meta"]["facts_shown"]:
                continue
            for para in fact.text.split("\n"):
                probe = re.split(r"\{[RD]\d?\}", para)
                longest = max(probe, key=len)
                if len(longest) >= 15:
                    assert longest in r["text"]
                    where.setdefault(longest, set()).add(s)
    assert where and all(len(v) == 1 for v in where.values())


# ------------------------------------------------------------------------------------------ the shipped files


def test_shipped_files_load_through_datasets(tmp_path: Path) -> None:
    ds = load_splits(SHIPPED, cache_dir=str(tmp_path / "hf"))
    assert set(ds) == set(SPLITS)
    for s in SPLITS:
        lines = read_jsonl(SHIPPED / f"{s}.jsonl")
        assert ds[s].num_rows == len(lines) > 0
        assert {"id", "text", "doc_type", "flags", "meta"} <= set(ds[s].column_names)
    assert sum((SHIPPED / f"{s}.jsonl").stat().st_size for s in SPLITS) <= 8 * 1024 * 1024


def test_shipped_files_are_what_the_generator_makes() -> None:
    card = (SHIPPED / "README.md").read_text(encoding="utf-8")
    seed = int(re.search(r"--seed (\d+) --n (\d+) --out data/synth", card).group(1))  # type: ignore[union-attr]
    n = int(re.search(r"--seed \d+ --n (\d+) --out data/synth", card).group(1))  # type: ignore[union-attr]
    made = generate_splits(seed, n, FACTS)
    for s in SPLITS:
        shipped = (SHIPPED / f"{s}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [
            json.dumps({k: r[k] for k in ("id", "text", "doc_type", "flags", "meta")}, ensure_ascii=False)
            for r in made[s]
        ] == shipped


def test_shipped_files_hold_no_cail_text_and_no_leak() -> None:
    by_split = {s: read_jsonl(SHIPPED / f"{s}.jsonl") for s in SPLITS}
    origins = {r["meta"]["fact_origin"] for rs in by_split.values() for r in rs}
    assert origins <= {"template", "spp_guiding", "spc_guiding"}
    assert {f.origin for f in FACTS} <= {"spp_guiding", "spc_guiding"}
    sources = _fact_sources(by_split)
    assert not (sources["train"] & sources["dev"]) and not (sources["train"] & sources["test"])
    assert not (sources["dev"] & sources["test"])


def test_shipped_files_parse_as_evaluation_gold() -> None:
    gold = pytest.importorskip("pipeline.evaluate.gold")
    for s in SPLITS:
        docs = gold.read_gold(SHIPPED / f"{s}.jsonl")
        assert docs and all(d.text for d in docs)


def test_records_convert_to_a_dataset(corpus: dict[str, list[dict]]) -> None:
    ds = to_dataset(corpus["dev"])
    assert ds.num_rows == len(corpus["dev"])
    assert ds[0]["flags"] == [dict(f) for f in corpus["dev"][0]["flags"]] or not corpus["dev"][0]["flags"]


def test_synth_command_writes_the_splits_and_the_card(tmp_path: Path) -> None:
    result = CliRunner().invoke(synth, ["--seed", "5", "--n", "20", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sum(len(read_jsonl(tmp_path / f"{s}.jsonl")) for s in SPLITS) == 20
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "--seed 5 --n 20" in card and "No CAIL text" in card
    missing = CliRunner().invoke(synth, ["--n", "5", "--out", str(tmp_path), "--corpus", str(tmp_path / "nope")])
    assert missing.exit_code != 0 and "no such folder" in missing.output


# ------------------------------------------------------------------------------------------ the parts


def test_id_numbers_have_valid_check_characters_and_agree_with_birth_and_gender() -> None:
    rng = random.Random(1)
    for _ in range(300):
        p = make_person(
            rng, set(), case_region=rng.choice(REGIONS), offence_day=date(2020, 5, 1), minor=rng.random() < 0.2
        )
        info = parse_id(p.id_number)
        assert info is not None and info.valid
        assert info.birth_date == p.birth and info.gender == p.gender
    assert id_number("330106", date(1990, 1, 1), "女", rng)[16] in "02468"
    assert age_on(date(2000, 3, 1), date(2018, 2, 28)) == 17


def test_minors_are_minors_at_the_offence() -> None:
    rng = random.Random(2)
    for _ in range(200):
        p = make_person(rng, set(), case_region=REGIONS[0], offence_day=date(2021, 6, 1), minor=True)
        assert 14 <= p.age_on(date(2021, 6, 1)) < 18


@pytest.mark.parametrize("stage", ["arrest", "review", "indict", "not_prosecute", "judgment"])
def test_planned_timelines_keep_every_clock(stage: str) -> None:
    rng = random.Random(stage)
    for _ in range(150):
        modes = [rng.choice((ARREST, BAIL, DETAIN_THEN_BAIL)) for _ in range(rng.randint(1, 3))]
        if stage == "arrest":
            modes = [ARREST]
        ext = Extensions(
            long_detention="流窜作案" if rng.random() < 0.2 else None,
            investigation=rng.random() < 0.2,
            review=rng.random() < 0.2 and stage != "arrest",
        )
        procedure = rng.choice(("ordinary", "summary", "speedy"))
        t = plan(rng, offence_end=date(2019, 1, 1) + (date(2024, 1, 1) - date(2019, 1, 1)) * rng.random(),
                 modes=modes, stage=stage, procedure=procedure, ext=ext, returns=rng.choice((0, 0, 1, 2)) if procedure != "speedy" else 0)  # fmt: skip
        for p in t.people:
            if p.detained and p.requested:
                assert p.requested <= due(p.detained, Period(days=30 if ext.long_detention else 3))
                assert p.approved and p.approved <= due(p.requested, Period(days=7))
            if p.arrested and t.transferred:
                limit = Period(months=3) if p.investigation_extended else Period(months=2)
                assert t.transferred <= due(p.arrested, limit)
        if stage == "arrest":
            continue
        assert t.transferred and t.notified and t.notified <= due(t.transferred, Period(days=3))
        for ret, back in t.returns:
            assert back <= due(ret, Period(months=1))
        end = t.decided or t.doc_date
        assert end is not None and end <= due(t.review_start, t.review_limit())  # type: ignore[arg-type]
        if stage == "review":
            assert (due(t.review_start, t.review_limit()) - end).days > 3  # type: ignore[arg-type]
        if stage == "judgment":
            limit = {"speedy": Period(days=10), "summary": Period(days=20)}.get(procedure, Period(months=2))
            assert t.judged and t.court_received and t.judged <= due(t.court_received, limit)
        assert t.doc_date is not None


@pytest.mark.parametrize(
    ("overrun", "stage"),
    [("detention_to_arrest", "indict"), ("investigation_custody", "indict"), ("counsel_notice", "indict"),
     ("supplementary_investigation", "indict"), ("first_instance", "judgment"), ("arrest_review", "arrest")],
)  # fmt: skip
def test_an_overrun_misses_exactly_its_clock(overrun: str, stage: str) -> None:
    rng = random.Random(overrun)
    t = plan(rng, offence_end=date(2021, 3, 1), modes=[ARREST], stage=stage, overrun=overrun,
             returns=1 if overrun == "supplementary_investigation" else 0)  # fmt: skip
    p = t.people[0]
    missed = {
        "detention_to_arrest": p.requested > due(p.detained, Period(days=37)),  # type: ignore[operator,arg-type]
        "arrest_review": p.approved > due(p.requested, Period(days=7)),  # type: ignore[operator,arg-type]
        "investigation_custody": t.transferred and p.arrested and t.transferred > due(p.arrested, Period(months=2)),
        "counsel_notice": t.notified and t.transferred and t.notified > due(t.transferred, Period(days=3)),
        "supplementary_investigation": bool(t.returns) and t.returns[-1][1] > due(t.returns[-1][0], Period(months=1)),
        "first_instance": t.judged and t.court_received and t.judged > due(t.court_received, Period(months=3)),
    }
    assert missed[overrun]


def test_external_facts_are_cleaned_of_procedure_and_names() -> None:
    raw = (
        "被告人王某某，男，1985年3月2日出生，无业。\n"
        "2019年5月3日晚，被告人王某某在某县某超市内，趁店员不备，窃得香烟两条及现金人民币800元。"
        "次日，王某某被公安机关抓获。王某某的行为构成盗窃罪。\n"
        "2019年5月20日，王某某又在该县某小区内窃得电动自行车一辆，经价格认定价值人民币2100元。"
    )
    cleaned = clean_external(raw)
    assert cleaned is not None
    text, n = cleaned
    assert n == 1 and "王某某" not in text and "{D0}" in text and "{R}{D0}" in text
    assert "抓获" not in text and "罪" not in text and "1985" not in text
    assert (
        clean_external(
            "未成年被告人李某某，男，作案时16周岁。\n2020年1月1日，被告人李某某在某地窃得手机一部，价值人民币3000元，后逃离现场。"
        )
        is None
    )


def test_shipped_guiding_facts_are_anonymised() -> None:
    assert len(FACTS) >= 20
    for f in FACTS:
        assert "{D0}" in f.text
        for m in re.finditer(r"(?:被告人|犯罪嫌疑人|被不起诉人)([\u4e00-\u9fff]{2,3})", f.text):
            assert "某" in m.group(1) or m.group(1).startswith("{"), (f.source_id, m.group(0))
