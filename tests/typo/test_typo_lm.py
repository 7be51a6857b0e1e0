"""The character LM: Kneser-Ney probabilities normalise, storage round-trips, look-ups agree."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.typo.lm import (
    BOS,
    EOS,
    CharNgramLM,
    HashIndex,
    count_ngrams,
    encode,
    gram_keys,
    to_codes,
    train_kneser_ney,
)

SENTENCES = [
    "人民检察院应当依法作出决定。",
    "人民法院应当依法作出判决。",
    "犯罪嫌疑人有权委托辩护人。",
    "被告人有权随时委托辩护人。",
    "人民检察院审查起诉的案件，应当讯问犯罪嫌疑人。",
    "2019年5月1日，被告人到案。",
] * 3


@pytest.fixture(scope="module")
def lm() -> CharNgramLM:
    counts = count_ngrams([(False, SENTENCES)], order=3)
    return train_kneser_ney(counts, {2: 1, 3: 1})


def _vocab(lm: CharNgramLM) -> list[str]:
    return [chr(int(k)) for k in lm.keys[1]]


@pytest.mark.parametrize("history", ["人民", "依法", "委托", "案。", "检察", "零零", BOS, BOS + "犯"])
def test_probabilities_sum_to_one_over_the_vocabulary(lm: CharNgramLM, history: str) -> None:
    vocab = _vocab(lm)
    rows = np.array([[ord(c) for c in (history[-2:].rjust(2, "\x00") + w)] for w in vocab], dtype=np.int64)
    rows[rows == 0] = 0x1FFFFF
    total = float(np.exp(lm.window_logps(rows).astype(np.float64)).sum())
    assert total == pytest.approx(1.0, abs=0.02)  # float16 storage rounds each log-probability


def test_seen_text_scores_better_than_a_typo(lm: CharNgramLM) -> None:
    assert lm.sentence_logp("人民检察院应当依法作出决定。") > lm.sentence_logp("人民检察院应当依法作出决订。")


def test_save_load_round_trip(lm: CharNgramLM, tmp_path) -> None:
    path = tmp_path / "lm.npz"
    lm.save(path)
    again = CharNgramLM.load(path)
    assert again.sizes() == lm.sizes()
    for s in SENTENCES[:6]:
        assert again.sentence_logp(s) == pytest.approx(lm.sentence_logp(s), abs=1e-3)


def test_digits_and_latin_letters_share_one_symbol_each() -> None:
    assert encode("2019年A座") == "0000年a座"
    assert to_codes(BOS + "年" + EOS).tolist() == [2, ord("年"), 3]


def test_hash_index_agrees_with_a_dict() -> None:
    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(1, 2**62, 5000).astype(np.uint64))
    index = HashIndex(keys)
    hits = index.find(keys[::7])
    assert hits.tolist() == list(range(0, len(keys), 7))
    misses = index.find(rng.integers(2**62, 2**63, 500).astype(np.uint64))
    assert (misses == -1).all()


def test_exact_keys_for_short_grams_distinct_for_long() -> None:
    a = gram_keys(np.array([[ord("人"), ord("民"), ord("法")]]))
    b = gram_keys(np.array([[ord("人"), ord("民"), ord("院")]]))
    assert a[0] != b[0]
    long = gram_keys(np.array([[1, 2, 3, 4], [2, 1, 3, 4]]))
    assert long[0] != long[1]


def test_private_ngrams_need_two_documents() -> None:
    """A trigram seen in one private document only (a name, an address) is not kept."""
    docs = [(True, ["被告人王小明到案"]), (True, ["被告人李大海到案"]), (False, ["人民法院"])]
    lm_ = train_kneser_ney(count_ngrams(docs, order=3), {2: 1, 3: 1})
    rows = lambda s: np.array([[ord(c) for c in s]], dtype=np.int64)  # noqa: E731
    assert lm_.contains(rows("被告人"))  # in both private documents
    assert not lm_.contains(rows("王小明"))  # one private document only
    assert lm_.contains(rows("人民法"))  # public text


def test_counts_of_private_documents_can_be_added_and_taken_away() -> None:
    base = count_ngrams([(False, SENTENCES[:3])], order=3)
    extra = count_ngrams([(True, ["被告人有权随时委托辩护人。"]), (True, ["被告人有权委托辩护人。"])], order=3)
    both = count_ngrams(
        [(False, SENTENCES[:3]), (True, ["被告人有权随时委托辩护人。"]), (True, ["被告人有权委托辩护人。"])], 3
    )
    base.add(extra)
    assert [dict(c) for c in base.counts[1:]] == [dict(c) for c in both.counts[1:]]
    assert dict(base.private_df) == dict(both.private_df)
    base.add(extra, -1)
    again = count_ngrams([(False, SENTENCES[:3])], order=3)
    assert [dict(c) for c in base.counts[1:]] == [dict(c) for c in again.counts[1:]]
    assert not base.private_df
