"""What the documents say about each charge: the 刑法 article, how 本院认为 describes the conduct, and the
usual sentence. Charges without an entry (from external facts) get a plain description built from the
official charge table (data/law/charges.json)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..law import statutes as st
from ..law.charges import articles_for_charge, charge, fitting_articles

Article = tuple[int, int]


@dataclass(frozen=True)
class ChargeSpec:
    name: str  # official name: 盗窃罪
    article: Article  # the article 本院认为 cites
    paragraph: int | None = None  # 第二款 for 开设赌场罪 …
    conduct: tuple[str, ...] = ()  # 本院认为 phrasings of the conduct (without the person)
    months: tuple[int, int] = (6, 36)  # usual prison term range
    detention_only: bool = False  # 拘役 crimes (危险驾驶)
    arrest_rate: float = 0.7  # share of cases with 逮捕 rather than 取保候审
    since: date = date(1997, 10, 1)  # the article existed from

    @property
    def short(self) -> str:
        """The charge as 案由 lines write it: 盗窃 (and 贩卖毒品 for the long selective name)."""
        return {"走私、贩卖、运输、制造毒品罪": "贩卖毒品罪"}.get(self.name, self.name)[:-1]

    @property
    def written(self) -> str:
        """The charge as documents name it (selective charges in their used part)."""
        return self.short + "罪"

    def article_text(self) -> str:
        s = st.article_label(*self.article)
        if self.paragraph:
            s += f"第{st.int_to_cn(self.paragraph)}款"
        return s


_S = ChargeSpec
SPECS: dict[str, ChargeSpec] = {
    s.name: s
    for s in (
        _S(
            "盗窃罪",
            (264, 0),
            None,
            ("以非法占有为目的，多次秘密窃取他人财物，数额较大", "以非法占有为目的，秘密窃取他人财物，数额较大"),
            (6, 36),
        ),
        _S(
            "诈骗罪",
            (266, 0),
            None,
            (
                "以非法占有为目的，虚构事实、隐瞒真相，骗取他人财物，数额较大",
                "以非法占有为目的，采用虚构事实的方法骗取他人钱款，数额巨大",
            ),
            (8, 60),
        ),
        _S("故意伤害罪", (234, 0), 1, ("故意伤害他人身体，致人轻伤", "故意非法损害他人身体健康，致一人轻伤"), (6, 30)),
        _S(
            "危险驾驶罪",
            (133, 1),
            1,
            ("在道路上醉酒驾驶机动车", "违反道路交通安全法规，在道路上醉酒驾驶机动车"),
            (1, 5),
            True,
            0.0,
            date(2011, 5, 1),
        ),
        _S(
            "交通肇事罪",
            (133, 0),
            None,
            ("违反交通运输管理法规，因而发生重大事故，致一人死亡，负事故全部责任",),
            (8, 36),
            False,
            0.3,
        ),
        _S(
            "抢劫罪",
            (263, 0),
            None,
            ("以非法占有为目的，采用暴力、胁迫手段劫取他人财物", "以非法占有为目的，当场使用暴力劫取他人财物"),
            (36, 120),
            False,
            0.95,
        ),
        _S(
            "走私、贩卖、运输、制造毒品罪",
            (347, 0),
            None,
            ("明知是毒品而贩卖", "违反国家毒品管理规定，贩卖毒品"),
            (8, 84),
            False,
            0.95,
        ),
        _S(
            "寻衅滋事罪",
            (293, 0),
            1,
            ("随意殴打他人，任意损毁公私财物，情节恶劣", "借故生非，随意殴打他人，情节恶劣"),
            (6, 30),
        ),
        _S(
            "帮助信息网络犯罪活动罪",
            (287, 2),
            1,
            ("明知他人利用信息网络实施犯罪，为其犯罪提供支付结算帮助，情节严重",),
            (6, 24),
            False,
            0.5,
            date(2015, 11, 1),
        ),
        _S("掩饰、隐瞒犯罪所得、犯罪所得收益罪", (312, 0), 1, ("明知是犯罪所得而予以收购",), (6, 24), False, 0.4),
        _S("开设赌场罪", (303, 0), 2, ("以营利为目的，开设赌场",), (6, 36)),
        _S("故意杀人罪", (232, 0), None, ("故意非法剥夺他人生命",), (120, 180), False, 1.0),
        _S("职务侵占罪", (271, 0), 1, ("利用职务上的便利，将本单位财物非法占为己有，数额较大",), (6, 48), False, 0.6),
        _S("非法拘禁罪", (238, 0), 1, ("非法拘禁他人，剥夺他人人身自由", "以索取债务为目的，非法拘禁他人"), (6, 30)),
    )
}


@lru_cache(maxsize=512)
def spec_for(name: str) -> ChargeSpec | None:
    """The spec of a charge; for charges without an entry, one from the charge table (None if unknown)."""
    if name in SPECS:
        return SPECS[name]
    c = charge(name)
    if c is None:
        return None
    arts = sorted(articles_for_charge(name))
    if not arts:
        return None
    return ChargeSpec(c.name, arts[0], None, (), (6, 36), False, 0.6, c.since or date(1997, 10, 1))


def wrong_article(spec: ChargeSpec, rng: random.Random) -> Article:
    """A 刑法分则 article near the right one that does NOT fit the charge (a plausible slip: 264 for 266)."""
    fits = fitting_articles(spec.name)
    n, sub = spec.article
    # (no 之一 articles: one added after the document's date would be a citation error too)
    candidates = [(n + d, 0) for d in (-3, -2, -1, 1, 2, 3)] + ([(n, 0)] if sub else [])
    candidates = [a for a in candidates if a not in fits and a[0] >= 102 and st.article_exists("刑法", a[0], a[1])]
    return rng.choice(candidates)
