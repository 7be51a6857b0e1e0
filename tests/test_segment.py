"""Segmentation: date/number pre-splitting, legal terms, exact offsets, spaCy pipeline, the lexicon file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import jieba
import pytest

from pipeline.paths import data_path
from pipeline.segment import (
    SENTENCES_NAME,
    TOKENIZER_NAME,
    JiebaTokenizer,
    build_nlp,
    legal_tokenizer,
    segment,
)
from pipeline.sentences import sentence_spans

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


# (text, the tokens it must start with). Dates and numbers never glue to the next word.
DATE_CASES = [
    ("10日经本院批准逮捕", ["10日", "经", "本院", "批准逮捕"]),
    ("2019年3月5日经某县公安局刑事拘留", ["2019年", "3月", "5日", "经"]),
    ("同年4月10日被依法逮捕", ["同年", "4月", "10日", "被"]),
    ("二〇一九年三月五日", ["二〇一九年", "三月", "五日"]),
    ("二O一二年十一月十二日作出判决", ["二O一二年", "十一月", "十二日", "作出"]),
    ("次日经本院批准逮捕", ["次日", "经", "本院", "批准逮捕"]),
    ("当日被刑事拘留", ["当日", "被", "刑事拘留"]),
    ("翌日经公安机关传唤到案", ["翌日", "经", "公安机关"]),
    ("同日经某市人民检察院批准", ["同日", "经"]),
    ("当晚被抓获归案", ["当晚", "被"]),
    ("次月经侦查终结", ["次月", "经"]),
    ("于二〇二〇年一月八日被取保候审", ["于", "二〇二〇年", "一月", "八日", "被", "取保候审"]),
    ("2019年12月31日22时30分许，被告人", ["2019年", "12月", "31日", "22时", "30分", "许", "，"]),
    ("一九九八年十二月三十一日二十三时三十分", ["一九九八年", "十二月", "三十一日", "二十三时", "三十分"]),
    ("同年6月21日被取保候审", ["同年", "6月", "21日", "被", "取保候审"]),
    ("羁押一日折抵刑期一日", ["羁押", "一日", "折抵刑期", "一日"]),
    ("判处有期徒刑三年六个月", ["判处", "有期徒刑", "三年", "六个月"]),
    ("于２０１９年３月５日被拘留", ["于", "２０１９年", "３月", "５日", "被"]),
    ("他于3月5日下午3时到达", ["他于", "3月", "5日", "下午", "3时", "到达"]),
    ("人民币3200元", ["人民币", "3200", "元"]),
    ("甲基苯丙胺0.40克", ["甲基苯丙胺", "0.40", "克"]),
    ("公民身份号码11010519900305123X，", ["公民身份号码", "11010519900305123X", "，"]),
    ("某检刑诉〔2019〕12号", ["某检", "刑诉", "〔", "2019", "〕", "12号"]),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_dates_and_numbers_are_split_from_the_next_word(text: str, expected: list[str]) -> None:
    tokens = segment(text)
    assert tokens[: len(expected)] == expected
    assert "日经" not in tokens


# Guards: characters that only look like a date unit next to a numeral or 同/当.
NOT_DATES = [
    ("不同日期的笔录", "同日"),
    ("统一年度考核", "一年"),
    ("相当日常的开支", "当日"),
    ("多次日常巡查", "次日"),
    ("应当年满十八周岁", "当年"),
    ("用了三十分钟", "三十分"),
    ("车牌A12345号", "2345号"),
]


@pytest.mark.parametrize(("text", "not_a_token"), NOT_DATES)
def test_no_false_date_units(text: str, not_a_token: str) -> None:
    assert not_a_token not in segment(text)


# Core procedural terms stay whole inside running text (THUOCL lacks most of them).
TERMS = [
    ("被告人于2020年1月8日被取保候审。", "取保候审"),
    ("因涉嫌盗窃罪被刑事拘留", "刑事拘留"),
    ("对其指定居所监视居住", "指定居所监视居住"),
    ("移送本院审查起诉", "审查起诉"),
    ("以被告人涉嫌盗窃罪移送审查起诉", "移送审查起诉"),
    ("公安机关提请批准逮捕后", "提请批准逮捕"),
    ("被告人辩称侦查人员对其刑讯逼供", "刑讯逼供"),
    ("辩护人申请非法证据排除", "非法证据排除"),
    ("讯问时未进行同步录音录像", "同步录音录像"),
    ("其法定代理人未到场", "法定代理人"),
    ("通知合适成年人到场", "合适成年人"),
    ("被告人自愿认罪认罚，同意量刑建议", "认罪认罚"),
    ("签署认罪认罚具结书", "认罪认罚具结书"),
    ("存在超期羁押情形", "超期羁押"),
    ("两次退回补充侦查", "退回补充侦查"),
    ("被不起诉人如不服本决定", "被不起诉人"),
    ("犯罪嫌疑人张某涉嫌故意伤害罪", "故意伤害罪"),
    ("以危险方法危害公共安全罪", "以危险方法危害公共安全罪"),
]


@pytest.mark.parametrize(("text", "term"), TERMS)
def test_legal_terms_are_single_tokens(text: str, term: str) -> None:
    assert term in segment(text)


EXACT_TEXTS = [
    "",
    " ",
    "\n\n",
    "被告人张某某，男，1990年3月5日出生。\n  辩护人李某，某律师事务所律师。\n",
    "审判长  陈某\r\n书记员\t郑某",
    "QQ号123456，微信号abc_123，网址www.example.com。",
    "（2020）浙0702刑初662号 公诉机关某区人民检察院。",
    "“我没有打人！”他说；随后离开?",
]


@pytest.mark.parametrize("text", EXACT_TEXTS)
def test_tokens_cover_the_text_exactly(text: str, nlp) -> None:
    assert "".join(segment(text)) == text
    doc = nlp(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


SENTENCE_TEXTS = [
    "被告人张某到案后如实供述。本院认为，被告人构成盗窃罪。",
    "此致\n某某区人民法院\n\n检察官：刘某\n2019年6月3日",
    "他说：“我没有打人。”随后离开",
    "一、事实清楚；二、证据确实！三、量刑适当?",
    "\n\n  本院认为，  被告人 构成盗窃罪；请依法判处！\n",
    "2019年3月5日经某县公安局刑事拘留，同年4月10日被依法逮捕。现羁押于某县看守所。",
]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_spacy_sentences_agree_with_sentence_spans(text: str, nlp) -> None:
    doc = nlp(text)
    got = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            got.append((s, e))
    assert got == sentence_spans(text)


def test_spacy_tokens_are_the_fast_path_tokens(nlp) -> None:
    text = "因涉嫌盗窃罪于2019年3月5日被刑事拘留，次日经本院批准逮捕。现羁押于某市看守所。"
    doc = nlp(text)
    assert [t.text for t in doc] == segment(text)
    assert [t.text for t in doc][:2] == ["因涉嫌", "盗窃罪"]


def test_pipeline_uses_the_registered_components(nlp) -> None:
    assert nlp.lang == "zh"
    assert isinstance(nlp.tokenizer, JiebaTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert nlp.pipe_names == [SENTENCES_NAME]
    assert nlp.to_bytes()  # the tokenizer's serialisation hooks do not break saving the pipeline
    assert [d.text for d in nlp.pipe(["甲。", "乙。"])] == ["甲。", "乙。"]


def test_private_tokenizer_is_cached_and_leaves_global_jieba_alone() -> None:
    tk = legal_tokenizer()
    assert tk is legal_tokenizer()
    assert tk is not jieba.dt
    assert tk.FREQ.get("认罪认罚具结书")
    assert jieba.dt.FREQ.get("认罪认罚具结书") is None


# ---------------------------------------------------------------- the shipped lexicon
def test_lexicon_file_format() -> None:
    path = data_path("lexicon", "legal_dict.txt")
    assert path.stat().st_size < 2_000_000
    lines = path.read_text(encoding="utf-8").splitlines()
    words = []
    for line in lines:
        word, freq, tag = line.split(" ")
        assert int(freq) > 0
        assert tag in {"legal", "charge", "proc", "seed"}
        words.append(word)
    assert words == sorted(set(words))  # sorted, no duplicates: the build is deterministic
    for seed in ("取保候审", "合适成年人", "同步录音录像", "非法证据排除", "提请批准逮捕"):
        assert seed in words
    assert "武装叛乱、暴乱罪" not in words  # combined charge entries are expanded, not copied
    assert (REPO / "data" / "lexicon" / "ATTRIBUTION.md").is_file()


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_lexicon", REPO / "scripts" / "build_lexicon.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_builder_fails_clearly_without_the_corpus(tmp_path: Path, capsys) -> None:
    builder = _load_builder()
    out = tmp_path / "legal_dict.txt"
    assert builder.main(["--shared", str(tmp_path / "no-shared"), "--out", str(out)]) == 2
    assert "shared corpus is needed" in capsys.readouterr().err
    assert not out.exists()


def test_builder_charge_expansion() -> None:
    builder = _load_builder()
    statutes = "犯武装叛乱罪的，…；以武装暴乱罪论处。犯贩卖毒品罪，拐卖妇女、儿童罪"
    got = builder.charge_terms(["武装叛乱、暴乱罪", "走私、贩卖毒品罪", "拐卖妇女、儿童罪", "盗窃罪"], statutes)
    assert {"武装叛乱罪", "武装暴乱罪", "贩卖毒品罪", "盗窃罪"} <= set(got)
    assert "儿童罪" not in got and "暴乱罪" not in got
