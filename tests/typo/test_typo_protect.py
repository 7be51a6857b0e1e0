"""Protection: names, places and whitelisted legal terms are never offered to the spelling checker."""

from __future__ import annotations

import pytest

from pipeline.typo.protect import Protector, find_names

TERMS = ["取保候审", "非法吸收公众存款罪", "非法吸收公众存款", "上诉", "羁押必要性审查"]


def protected_text(text: str, names=()) -> str:
    mask = Protector(TERMS).protected(text, names)
    return "".join(c for c, m in zip(text, mask, strict=True) if m)


@pytest.mark.parametrize(
    ("text", "must_be_protected"),
    [
        ("被告人张三丰因涉嫌盗窃罪于2020年5月1日被刑事拘留。", "张三丰"),
        ("被害人欧阳晓明报案称其手机被盗。", "欧阳晓明"),
        ("犯罪嫌疑人李某某、王某伙同他人实施诈骗。", "李某某王某"),
        ("证人：赵小红证实，当晚曾见到被告人。", "赵小红"),
        ("被告人钱某甲与钱某乙系兄弟关系。", "钱某甲钱某乙"),
        ("对被告人变更强制措施为取保候审。", "取保候审"),
        ("以非法吸收公众存款罪提起公诉。", "非法吸收公众存款罪"),
        ("案发地点位于湖南省长沙市天心区某某路。", "湖南省长沙市天心区"),
        # pseudonyms with any third character, and lists of names after a role word
        ("证人林某丁、林某勇、林某田的证言证实了上述事实。", "林某丁林某勇林某田"),
        ("被告人甲某、王某午、王某卯均到庭参加诉讼。", "王某午王某卯"),
        ("（生效裁判审判人员：卢某某、陈文丽、成皿）", "陈文丽成皿"),
        # case numbers
        ("某某县人民法院（2014）乡刑初字第00084号刑事判决书。", "乡刑初字"),
        ("（周）公（刑）检（理化）字[2016]024号理化检验报告。", "检（理化）字"),
        ("某某区人民检察院以银西检公诉刑诉（2015）28号起诉书指控。", "银西检公诉刑诉"),
        # short quoted names, transliterated and chemical names
        ('创立了"小拇指"汽车微修体系。', "小拇指"),
        ("明知盐酸克伦特罗是国家禁止在饲料中使用的药品。", "克伦特罗"),
        ("农户将药剂与戊唑醇混合施用。", "戊唑醇"),
        # legal collocations the LM would "correct" to a commoner neighbour
        ("罪犯审前未被羁押但被判处实刑。", "实刑"),
        ("民警当场抓获涉赌人员三人。", "涉赌"),
        ("森林公安移送了涉林违法线索。", "涉林"),
    ],
)
def test_protected_spans(text: str, must_be_protected: str) -> None:
    got = protected_text(text)
    for ch in must_be_protected:
        assert ch in got, f"{ch} of {must_be_protected} not protected in {text}"


def test_two_character_terms_are_not_protected_outright() -> None:
    # 上诉 is a legal term but 上诉证据 is a typo for 上述证据: it must stay checkable.
    text = "上诉证据经庭审质证，来源合法。"
    mask = Protector(TERMS).protected(text)
    assert not mask[0] and not mask[1]


def test_a_name_found_once_is_protected_everywhere_in_the_document() -> None:
    doc = "被告人石磊，男，1990年出生。案发当晚，石磊驾车前往现场。"
    names = find_names(doc)
    assert "石磊" in names
    second = doc.index("石磊", 5)
    mask = Protector(TERMS).protected(doc, names)
    assert mask[second] and mask[second + 1]


def test_names_stop_at_function_words() -> None:
    assert find_names("被告人王强因涉嫌抢劫罪被逮捕。") == {"王强"}
    assert find_names("被害人刘某报案。") >= {"刘某"}


def test_plain_narrative_is_left_checkable() -> None:
    text = "经依法审查查明：当晚，行为人在某超市内窃取财物。"
    mask = Protector(TERMS).protected(text)
    assert sum(mask) == 0
