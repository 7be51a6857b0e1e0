import pytest

from pipeline.normalize import normalize, to_simplified

CASES = [
    # raw, normalised
    ("２０１９年３月５日", "2019年3月5日"),
    ("被告人ＡＢＣ，男", "被告人ABC，男"),
    ("第一百二十八 条", "第一百二十八条"),
    ("此致\r\n某某人民法院", "此致\n某某人民法院"),
    ("　　经依法审查查明：", "经依法审查查明："),
    ("Smith  and   Jones", "Smith and Jones"),
    ("（二）项；《刑法》", "（二）项；《刑法》"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", [c[0] for c in CASES if c[0]] + ["  甲 乙\t丙\r\n\r\n丁 ", "ａ　ｂ　ｃ"])
def test_every_normalised_span_maps_into_raw(raw: str) -> None:
    n = normalize(raw)
    for start in range(len(n.text)):
        for end in range(start + 1, len(n.text) + 1):
            span = n.raw_span(start, end)
            assert raw[span.start : span.end] == span.text
            # the raw span covers exactly the characters the normalised span came from
            assert span.start == n.to_raw[start]


def test_raw_span_of_fullwidth_date() -> None:
    raw = "于２０１９年３月５日被刑事拘留"
    n = normalize(raw)
    i = n.text.index("2019")
    span = n.raw_span(i, i + len("2019年3月5日"))
    assert span.text == "２０１９年３月５日"


def test_bad_span_is_rejected() -> None:
    with pytest.raises(ValueError):
        normalize("甲乙").raw_span(1, 1)


def test_traditional_to_simplified_keeps_length_and_offsets() -> None:
    raw = "被告人於二〇一九年被檢察院批准逮捕，辯護人為其辯護。"
    n = normalize(raw, simplify=True)
    assert "检察院" in n.text and "辩护人" in n.text
    i = n.text.index("检察院")
    assert n.raw_span(i, i + 3).text == "檢察院"
    assert len(to_simplified(raw)) == len(raw)
