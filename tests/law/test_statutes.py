"""Statute tables and charge list (data/law/): names, versions, article existence, quotes, charge mapping."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.law import statutes as st
from pipeline.law.charges import (
    articles_for_charge,
    charge,
    fitting_articles,
    neutral_articles,
    normalize_charge,
    split_charge_list,
)

# ------------------------------------------------------------------ numerals


@pytest.mark.parametrize(
    ("cn", "n"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零六", 106), ("一百一十", 110), ("二百一十", 210),
     ("二百六十四", 264), ("三百零三", 303), ("四百五十二", 452), ("六百八十四", 684), ("264", 264)],
)  # fmt: skip
def test_cn_numerals_round_trip(cn: str, n: int) -> None:
    assert st.cn_to_int(cn) == n
    if not cn.isdigit():
        assert st.int_to_cn(n) == cn


@pytest.mark.parametrize("bad", ["", "第", "abc", "一点五"])
def test_cn_to_int_rejects(bad: str) -> None:
    assert st.cn_to_int(bad) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [(264, (264, 0)), ("264", (264, 0)), ("二百六十四", (264, 0)), ("第一百三十三条之一", (133, 1)),
     ("133-1", (133, 1)), ("一百二十条之六", (120, 6))],
)  # fmt: skip
def test_parse_article(written: str | int, expected: tuple[int, int]) -> None:
    assert st.parse_article(written) == expected


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("name", "key", "form"),
    [
        ("《中华人民共和国刑法》", "刑法", "full"),
        ("刑法", "刑法", "abbr"),
        ("《刑法》", "刑法", "abbr"),
        ("中华人民共和国刑事诉讼法", "刑事诉讼法", "full"),
        ("刑事诉讼法", "刑事诉讼法", "abbr"),
        ("刑诉法", "刑事诉讼法", "nonstandard"),
        ("刑诉规则", "人民检察院刑事诉讼规则", "nonstandard"),
        ("《人民检察院刑事诉讼规则》", "人民检察院刑事诉讼规则", "full"),
        ("《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》", "最高人民法院关于适用《刑事诉讼法》的解释", "full"),
        ("高法解释", "最高人民法院关于适用《刑事诉讼法》的解释", "nonstandard"),
        ("公安机关办理刑事案件程序规定", "公安机关办理刑事案件程序规定", "full"),
        ("《中华人民共和国刑法修正案（九）》", "刑法修正案（九）", "full"),
        ("刑法修正案（八）", "刑法修正案（八）", "abbr"),
        ("中华人民共和国治安管理处罚法", "治安管理处罚法", "full"),
        ("道路交通安全法", "道路交通安全法", "abbr"),
        ("禁毒法", "禁毒法", "abbr"),
        ("预防未成年人犯罪法", "预防未成年人犯罪法", "abbr"),
        # issuer written outside the title: 最高人民法院《关于…》
        ("关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释",
         "最高人民法院关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释", "full"),
    ],
)  # fmt: skip
def test_resolve_law(name: str, key: str, form: str) -> None:
    ref = st.resolve_law(name)
    assert ref is not None and ref.key == key and ref.form == form


def test_trial_rules_pin_their_version() -> None:
    ref = st.resolve_law("《人民检察院刑事诉讼规则（试行）》")
    assert ref is not None and ref.key == "人民检察院刑事诉讼规则"
    v = st.family(ref.key).version(ref.version or "")
    assert v.valid_from == date(2013, 1, 1) and v.expired_on == date(2019, 12, 30)


@pytest.mark.parametrize("name", ["《借款合同》", "《常住人口信息表》", "民事判决书", "中华人民共和国刑", ""])
def test_resolve_law_unknown(name: str) -> None:
    assert st.resolve_law(name) is None


def test_near_law_catches_one_character_slips() -> None:
    near = st.near_law("《中华人民共和刑法》")
    assert near is not None and near.key == "刑法"
    assert st.near_law("《中华人民共和国刑法》") is None  # exact names are not "near"
    assert st.near_law("《借款合同》") is None


# ------------------------------------------------------------------ versions and force


def test_cpl_versions_and_force() -> None:
    assert st.version_on("刑事诉讼法", date(2015, 6, 1)).vid == "刑事诉讼法@2012"  # type: ignore[union-attr]
    assert st.version_on("刑事诉讼法", date(2019, 1, 1)).vid == "刑事诉讼法@2018"  # type: ignore[union-attr]
    assert st.version_by_year("刑事诉讼法", 2012) == "刑事诉讼法@2012"
    assert st.in_force("刑事诉讼法", date(2015, 6, 1))
    assert st.in_force("刑法修正案（九）", date(2015, 11, 1))
    assert not st.in_force("刑法修正案（九）", date(2015, 10, 31))
    assert st.in_force("刑法修正案（十二）", date(2024, 3, 1))
    assert not st.in_force("没有这部法", date(2020, 1, 1))


def test_origin_known_only_where_history_is() -> None:
    assert st.family("刑法修正案（八）").origin == date(2011, 5, 1)
    assert st.family("公安机关办理刑事案件程序规定").origin is None  # a 修订 text: the original is older


# ------------------------------------------------------------------ articles


@pytest.mark.parametrize(
    ("key", "article", "sub", "kw", "expected"),
    [
        ("刑法", 264, 0, {}, True),
        ("刑法", 452, 0, {}, True),
        ("刑法", 453, 0, {}, False),
        ("刑法", 133, 1, {}, True),  # 危险驾驶 (之一)
        ("刑法", 133, 2, {}, True),  # 妨害安全驾驶, 修正案（十一）
        ("刑法", 133, 3, {}, False),
        ("刑法", 287, 2, {}, True),
        ("刑法", 253, 1, {}, True),
        ("刑法", 264, 1, {}, False),  # there is no 第二百六十四条之一
        ("刑法", 133, 1, {"on": date(2010, 6, 1)}, False),  # added by 修正案（八）, in force 2011-05-01
        ("刑法", 133, 1, {"on": date(2011, 5, 1)}, True),
        ("刑法", 287, 2, {"on": date(2015, 10, 31)}, False),  # added by 修正案（九）, 2015-11-01
        ("刑法", 199, 0, {"on": date(2014, 1, 1)}, True),  # deleted by 修正案（九）
        ("刑法", 199, 0, {}, None),  # deleted later; old law may apply to old offences
        ("刑事诉讼法", 308, 0, {}, True),
        ("刑事诉讼法", 309, 0, {"on": date(2019, 1, 1)}, False),
        ("刑事诉讼法", 295, 0, {"on": date(2015, 1, 1)}, False),  # 2012 text had 290 articles
        ("刑事诉讼法", 176, 0, {"on": date(2015, 1, 1)}, None),  # 2012 text not in the corpus
        ("人民检察院刑事诉讼规则", 684, 0, {}, True),
        ("人民检察院刑事诉讼规则", 700, 0, {"on": date(2020, 6, 1)}, False),
        ("人民检察院刑事诉讼规则", 700, 0, {"on": date(2016, 6, 1)}, True),  # 试行 rules had 708
        ("最高人民法院关于适用《刑事诉讼法》的解释", 655, 0, {}, True),
        ("公安机关办理刑事案件程序规定", 388, 0, {}, True),
        ("治安管理处罚法", 10, 0, {}, None),  # name and dates only, no text in the corpus
    ],
)
def test_article_status(key: str, article: int, sub: int, kw: dict, expected: bool | None) -> None:
    assert st.article_status(key, article, sub, **kw) is expected


@pytest.mark.parametrize(
    ("key", "article", "sub", "paragraph", "item", "expected"),
    [
        ("刑法", 264, 0, 1, None, True),
        ("刑法", 264, 0, 2, None, False),  # 盗窃 has one 款
        ("刑法", 67, 0, 3, None, True),  # 坦白, added 2011 as a third 款
        ("刑法", 67, 0, 4, None, False),
        ("刑法", 68, 0, 2, None, None),  # 修正案（八）deleted 第六十八条第二款: older texts had it
        ("刑法", 133, 1, 1, 4, True),
        ("刑法", 133, 1, 1, 5, None),  # items of an amended article: unknown history
        ("刑法", 232, 0, 2, None, False),
        ("刑事诉讼法", 177, 0, 2, None, True),
        ("刑事诉讼法", 177, 0, 4, None, None),  # undated: the 2012 text (not in the corpus) may have had it
    ],
)
def test_paragraph_and_item_status(
    key: str, article: int, sub: int, paragraph: int, item: int | None, expected: bool | None
) -> None:
    assert st.article_status(key, article, sub, paragraph=paragraph, item=item) is expected


def test_dated_paragraph_status_uses_that_version() -> None:
    assert st.article_status("刑事诉讼法", 177, paragraph=4, on=date(2019, 6, 1)) is False
    assert st.article_status("刑事诉讼法", 177, paragraph=4, not_before=date(2019, 6, 1)) is False
    assert st.article_status("刑事诉讼法", 177, paragraph=4, not_before=date(2016, 6, 1)) is None


def test_article_exists_raises_when_tables_cannot_tell() -> None:
    assert st.article_exists("刑法", "二百六十四") is True
    assert st.article_exists("刑法", 133, 1) is True
    assert st.article_exists("刑法", 500) is False
    with pytest.raises(st.UnknownArticles):
        st.article_exists("治安管理处罚法", 10)


def test_truncated_corpus_text_proves_nothing_about_missing_numbers() -> None:
    # the corpus copy of the 2017 违法所得没收程序规定 stops at 第十一条 (the rule has 25 articles)
    key = "最高人民法院、最高人民检察院关于适用犯罪嫌疑人、被告人逃匿、死亡案件违法所得没收程序若干问题的规定"
    assert st.article_status(key, 11) is True
    assert st.article_status(key, 13) is None


def test_article_text_and_history() -> None:
    assert st.article_text("刑法", 264).startswith("盗窃公私财物")  # type: ignore[union-attr]
    assert "醉酒驾驶机动车" in st.article_text("刑法", 133, 1)  # type: ignore[operator]
    assert st.article_history("刑法", 133, 1)["added"] == {"by": "刑法修正案（八）", "on": "2011-05-01"}
    assert st.article_history("刑法", 199)["deleted"]["by"] == "刑法修正案（九）"
    assert st.article_text("刑事诉讼法", 128).startswith("侦查人员对于")  # source has "第一百二十八 条"


@pytest.mark.parametrize(
    ("args", "kw", "starts", "contains"),
    [
        (("刑法", 264), {}, "《中华人民共和国刑法》第二百六十四条：盗窃公私财物", None),
        (("刑法", 133), {"sub": 1, "paragraph": 1}, "《中华人民共和国刑法》第一百三十三条之一第一款：", "醉酒驾驶"),
        (("刑事诉讼法", 176), {}, "《中华人民共和国刑事诉讼法》第一百七十六条：", "提起公诉"),
        (("人民检察院刑事诉讼规则", 358), {"item": 4}, "《人民检察院刑事诉讼规则》第三百五十八条第（四）项：（四）起诉的根据",
         None),
        (("治安管理处罚法", 10), {}, "《中华人民共和国治安管理处罚法》第十条", None),
    ],
)  # fmt: skip
def test_quote(args: tuple, kw: dict, starts: str, contains: str | None) -> None:
    q = st.quote(*args, **kw)
    assert q.startswith(starts)
    assert len(q) <= 220
    if contains:
        assert contains in q


def test_cpl_concordance_numbers() -> None:
    rows = {r["topic"]: (r["2012"], r["2018"]) for r in st.cpl_concordance()}
    assert rows["提起公诉"] == (172, 176)
    assert rows["不起诉"] == (173, 177)
    assert rows["第一审判决"] == (195, 200)


# ------------------------------------------------------------------ charges

# Hand-verified against the 2023 consolidated 刑法 (the charge's defining article).
COMMON_CHARGES = [
    ("盗窃罪", (264, 0)), ("诈骗罪", (266, 0)), ("故意伤害罪", (234, 0)), ("危险驾驶罪", (133, 1)),
    ("交通肇事罪", (133, 0)), ("抢劫罪", (263, 0)), ("走私、贩卖、运输、制造毒品罪", (347, 0)),
    ("寻衅滋事罪", (293, 0)), ("开设赌场罪", (303, 0)), ("赌博罪", (303, 0)),
    ("帮助信息网络犯罪活动罪", (287, 2)), ("非法利用信息网络罪", (287, 1)),
    ("掩饰、隐瞒犯罪所得、犯罪所得收益罪", (312, 0)), ("职务侵占罪", (271, 0)), ("受贿罪", (385, 0)),
    ("行贿罪", (389, 0)), ("单位行贿罪", (393, 0)), ("非法吸收公众存款罪", (176, 0)), ("集资诈骗罪", (192, 0)),
    ("合同诈骗罪", (224, 0)), ("容留他人吸毒罪", (354, 0)), ("非法持有毒品罪", (348, 0)), ("故意杀人罪", (232, 0)),
    ("强奸罪", (236, 0)), ("聚众斗殴罪", (292, 0)), ("妨害公务罪", (277, 0)), ("袭警罪", (277, 0)),
    ("拒不执行判决、裁定罪", (313, 0)), ("污染环境罪", (338, 0)), ("非法采矿罪", (343, 0)),
    ("侵犯公民个人信息罪", (253, 1)), ("敲诈勒索罪", (274, 0)), ("故意毁坏财物罪", (275, 0)),
    ("非法拘禁罪", (238, 0)), ("绑架罪", (239, 0)), ("抢夺罪", (267, 0)), ("贪污罪", (382, 0)),
    ("挪用公款罪", (384, 0)), ("挪用资金罪", (272, 0)), ("非国家工作人员受贿罪", (163, 0)),
    ("对非国家工作人员行贿罪", (164, 0)), ("信用卡诈骗罪", (196, 0)), ("过失致人死亡罪", (233, 0)),
    ("重大责任事故罪", (134, 0)), ("非法经营罪", (225, 0)), ("组织、领导传销活动罪", (224, 1)),
    ("虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪", (205, 0)), ("生产、销售伪劣产品罪", (140, 0)),
    ("生产、销售有毒、有害食品罪", (144, 0)), ("生产、销售不符合安全标准的食品罪", (143, 0)),
    ("假冒注册商标罪", (213, 0)), ("销售假冒注册商标的商品罪", (214, 0)), ("拒不支付劳动报酬罪", (276, 1)),
    ("非法持有、私藏枪支、弹药罪", (128, 0)), ("滥伐林木罪", (345, 0)), ("盗伐林木罪", (345, 0)),
    ("非法占用农用地罪", (342, 0)), ("非法捕捞水产品罪", (340, 0)), ("组织卖淫罪", (358, 0)),
    ("引诱、容留、介绍卖淫罪", (359, 0)), ("滥用职权罪", (397, 0)), ("玩忽职守罪", (397, 0)),
    ("强制猥亵、侮辱罪", (237, 0)), ("猥亵儿童罪", (237, 0)), ("招摇撞骗罪", (279, 0)),
    ("伪造、变造、买卖国家机关公文、证件、印章罪", (280, 0)), ("非法侵入住宅罪", (245, 0)),
    ("窝藏、包庇罪", (310, 0)), ("重婚罪", (258, 0)), ("虐待罪", (260, 0)), ("走私普通货物、物品罪", (153, 0)),
    ("引诱、教唆、欺骗他人吸毒罪", (353, 0)), ("以危险方法危害公共安全罪", (114, 0)), ("失火罪", (115, 0)),
    ("妨害安全驾驶罪", (133, 2)), ("高空抛物罪", (291, 2)), ("催收非法债务罪", (293, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "article"), COMMON_CHARGES)
def test_common_charge_articles(name: str, article: tuple[int, int]) -> None:
    c = charge(name)
    assert c is not None and c.current and c.name == name
    assert article in articles_for_charge(name)
    assert st.article_status("刑法", *article) is True


def test_fitting_articles_include_verified_cross_references() -> None:
    assert {(263, 0), (269, 0), (267, 0)} <= fitting_articles("抢劫罪")
    assert {(385, 0), (386, 0)} <= fitting_articles("受贿罪")
    assert {(389, 0), (390, 0)} <= fitting_articles("行贿罪")
    assert {(347, 0), (357, 0)} <= fitting_articles("贩卖毒品罪")
    assert (266, 0) not in fitting_articles("盗窃罪")
    assert (133, 0) not in fitting_articles("危险驾驶罪")
    assert (357, 0) in neutral_articles() and (264, 0) not in neutral_articles()


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("盗窃罪", "盗窃罪"), ("盗窃", "盗窃罪"), ("贩卖毒品罪", "走私、贩卖、运输、制造毒品罪"),
        ("运输毒品", "走私、贩卖、运输、制造毒品罪"), ("非法持有枪支罪", "非法持有、私藏枪支、弹药罪"),
        ("非法买卖枪支罪", "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪"),
        ("掩饰、隐瞒犯罪所得罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪"), ("拐卖儿童罪", "拐卖妇女、儿童罪"),
        ("强制猥亵罪", "强制猥亵、侮辱罪"), ("容留卖淫罪", "引诱、容留、介绍卖淫罪"), ("包庇罪", "窝藏、包庇罪"),
        ("虚开增值税专用发票罪", "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪"),
        ("参加黑社会性质组织罪", "组织、领导、参加黑社会性质组织罪"), ("偷税罪", "偷税罪"),
        ("为境外窃取、剌探、收买、非法提供国家秘密、情报罪", "为境外窃取、刺探、收买、非法提供国家秘密、情报罪"),
    ],
)  # fmt: skip
def test_normalize_charge(written: str, official: str) -> None:
    assert normalize_charge(written) == official


@pytest.mark.parametrize("written", ["犯罪", "数罪", "刑事案件", "盗窃手机", ""])
def test_normalize_charge_rejects(written: str) -> None:
    assert normalize_charge(written) is None


def test_abolished_names_keep_their_successor() -> None:
    old = charge("偷税罪")
    assert old is not None and not old.current and old.replaced_by == "逃税罪"
    assert old.abolished_on == date(2009, 10, 16)
    assert articles_for_charge("窝藏、转移、收购、销售赃物罪") == {(312, 0)}


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("盗窃、诈骗罪", ["盗窃罪", "诈骗罪"]),
        ("故意伤害、抢劫罪", ["故意伤害罪", "抢劫罪"]),
        ("掩饰、隐瞒犯罪所得罪", ["掩饰、隐瞒犯罪所得、犯罪所得收益罪"]),
        ("盗窃罪、抢劫罪", ["盗窃罪", "抢劫罪"]),
        ("走私、贩卖毒品罪", ["走私、贩卖、运输、制造毒品罪"]),
        ("盗窃、不存在罪", []),
    ],
)
def test_split_charge_list(written: str, names: list[str]) -> None:
    assert split_charge_list(written) == names
