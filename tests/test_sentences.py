import pytest

from pipeline.sentences import sentence_spans

CASES = [
    ("被告人张某到案后如实供述。本院认为，被告人构成盗窃罪。", ["被告人张某到案后如实供述。", "本院认为，被告人构成盗窃罪。"]),
    ("此致\n某某区人民法院\n", ["此致", "某某区人民法院"]),
    ("他说：“我没有打人。”随后离开", ["他说：“我没有打人。”", "随后离开"]),
    ("一、事实清楚；二、证据确实", ["一、事实清楚；", "二、证据确实"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == expected
