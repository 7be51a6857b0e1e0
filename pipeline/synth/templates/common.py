"""Pieces every document type writes: the head, a party's basic information and custody history, statute
citations by revision, signatures, and the slots where injected statements go."""

from __future__ import annotations

from datetime import date

from ..case import Case
from ..draft import Draft
from ..style import cn_number

CL = "《中华人民共和国刑法》"
CPL = "《中华人民共和国刑事诉讼法》"
INDENT = "\u3000\u3000"

# 刑事诉讼法 articles by revision (2012 numbering before 2018-10-26).
CPL_ARTICLES = {
    "indict": ("第一百七十二条", "第一百七十六条"),
    "np_relative": ("第一百七十三条第二款", "第一百七十七条第二款"),
    "np_legal": ("第一百七十三条第一款", "第一百七十七条第一款"),
    "np_doubt": ("第一百七十一条第四款", "第一百七十五条第四款"),
    "arrest": ("第七十九条", "第八十一条"),
    "judgment": ("第一百九十五条第一项", "第二百条第一项"),
    "plea": (None, "第十五条"),
}


def choose(case: Case, *options: str) -> str:
    return case.rng.choice(options)


class Dates:
    """Dates of one sentence: the first written in full, later ones relative (同年/同月/次日) where the
    document's style allows and nothing forbids it (a defect that rewrites a date needs it absolute)."""

    def __init__(self, case: Case, *, absolute: bool = False) -> None:
        self.case = case
        self.prev: date | None = None
        self.absolute = absolute or bool(case.flags.get("absolute_dates"))

    def __call__(self, d: date) -> str:
        s = self.case.style
        text = s.date(d) if self.absolute or self.prev is None else s.relative(d, self.prev)
        self.prev = d
        return text


def head(d: Draft, case: Case, title: str) -> None:
    spaced = choose(case, title, title, "\u3000".join(title)) if len(title) <= 3 else title
    d.add(case.offices.procuratorate, "head.name")
    d.add("\n")
    d.add(spaced, "head.title")
    d.add("\n\n" if case.rng.random() < 0.6 else "\n")
    if "doc_number" not in case.omit:
        d.add(case.doc_no, "head.number")
        d.add("\n\n")


def para(d: Draft) -> None:
    d.add(INDENT)


def birth_text(case: Case, b: date) -> str:
    if case.style.cn_body_dates:
        from ..style import cn_digits

        return f"{cn_digits(b.year)}年{cn_number(b.month)}月{cn_number(b.day)}日"
    return case.style.digits(f"{b.year}年{b.month}月{b.day}日")


def party(d: Draft, case: Case, i: int, *, published: bool = False, alias: bool = False) -> None:
    """被告人张某某，男，1990年3月1日出生，公民身份号码…，汉族，初中文化，无业，户籍地…，住…。"""
    df = case.defendants[i]
    p = df.person
    k = f"p{i}"
    gender = df.shown_gender or p.gender
    birth = birth_text(case, df.shown_birth or p.birth)
    number = case.style.digits(df.shown_id or p.id_number)
    start = d.length
    d.add(case.role)
    d.add(df.name, f"{k}.name")
    d.mark(f"{k}.marker", (start, d.length))
    if alias and p.aliases:
        d.add(f"（曾用名{p.aliases[0]}）")
    show_id = (not published or bool(case.flags.get("leak_id"))) and f"{k}.id_number" not in case.omit
    omit_birth = f"{k}.birth_date" in case.omit
    age = (
        df.shown_age if df.shown_age is not None else (p.age_on(case.doc_date) if case.flags.get(f"{k}.age") else None)
    )

    def add_age() -> None:
        if age is not None:
            d.add("（现年")
            d.add(f"{age}岁", f"{k}.age")
            d.add("）")

    v = case.rng.randrange(4) if not published else (0 if show_id else 4)
    d.add("，")
    d.add(gender, f"{k}.gender")
    if v in (0, 3):
        if not omit_birth:
            d.add("，")
            d.add(birth, f"{k}.birth")
            d.add(choose(case, "出生", "生"))
            add_age()
        if show_id:
            d.add("，公民身份号码" if v == 0 else "，身份证号码")
            d.add(number, f"{k}.id")
        d.add(f"，{p.ethnicity}，{p.education}，{p.occupation}")
    elif v == 1:
        if show_id:
            d.add("，公民身份号码")
            d.add(number, f"{k}.id")
        if not omit_birth:
            d.add("，")
            d.add(birth, f"{k}.birth")
            d.add("出生")
            add_age()
        d.add(f"，{p.ethnicity}，{p.education}，{p.occupation}")
    elif v == 2:
        if not omit_birth:
            d.add("，出生日期")
            d.add(birth, f"{k}.birth")
            add_age()
        d.add(f"，{p.ethnicity}，{p.education}，{p.occupation}")
        if show_id:
            d.add("，公民身份号码：")
            d.add(number, f"{k}.id")
    else:  # a published judgment: no number, no street address
        if not omit_birth:
            d.add("，")
            d.add(birth, f"{k}.birth")
            d.add("出生")
            add_age()
        d.add(f"，{p.ethnicity}，{p.education}，{p.occupation}")
    if f"{k}.address" not in case.omit:
        if published and not case.flags.get("leak_address"):
            d.add(f"，户籍地{p.home_region.full_place}，住{p.residence_coarse}")
        else:
            d.add(choose(case, "，户籍地", "，户籍所在地", "，户籍地："))
            d.add(p.hukou)
            d.add(choose(case, "，住", "，现住", "，住址："))
            d.add(p.residence, f"{k}.residence")
    d.add("。")
    if df.prior:
        d.add(df.prior)
    d.mark(f"{k}.para", (start, d.length))


def measures(d: Draft, case: Case, i: int, *, court: bool = False) -> None:
    """The custody history of defendant i (its own sentence or two), every date anchored as p{i}.<event>."""
    if f"p{i}.measures" in case.omit:
        return
    t = case.tl(i)
    k = f"p{i}"
    dates = Dates(case)
    police = case.offices.police
    charge = case.spec.written
    rng = case.rng
    if t.mode == "arrest":
        assert (t.detained and t.arrested) or case.doc_type == "arrest_approval"
        lead = choose(case, f"因涉嫌{charge}，于", f"因涉嫌{charge}于", "于")
        d.add(lead)
        d.add(dates(t.detained), f"{k}.detained")
        if lead == "于":
            d.add(f"因涉嫌{charge}被{police}刑事拘留")
        else:
            d.add(f"被{police}刑事拘留")
        ext = case.timeline.extensions.long_detention
        if ext and t.requested:
            d.add(f"，因系{ext}，经{police}负责人批准，提请批准逮捕的时间延长至三十日")
            d.add("；")
            d.add(dates(t.requested), f"{k}.requested")
            d.add(f"{police}提请本院批准逮捕")
            d.mark("neg.long_detention", d.spans(f"{k}.requested")[-1])
        if t.arrested is None:  # the arrest stage: the document itself is the decision
            d.add("。")
            return
        if court:
            d.add("，")
            d.add(dates(t.arrested), f"{k}.arrested")
            d.add(choose(case, "被逮捕", "经检察机关批准被逮捕", f"被{police}执行逮捕"))
        elif rng.random() < 0.5 or t.approved == t.arrested:
            d.add(choose(case, "，经本院批准，于", "，经本院批准，"))
            d.add(dates(t.arrested), f"{k}.arrested")
            d.add(f"被{police}执行逮捕")
        else:
            d.add("，")
            d.add(dates(t.approved), f"{k}.approved")
            d.add("经本院批准逮捕，")
            d.add(dates(t.arrested), f"{k}.arrested")
            d.add(f"由{police}执行逮捕")
        if t.investigation_extended:
            d.add("。")
            d.add(dates(t.investigation_extended), f"{k}.inv_ext")
            d.add(
                choose(
                    case,
                    f"经{case.region.upper_proc}批准，延长侦查羁押期限一个月",
                    f"{case.region.upper_proc}批准延长侦查羁押期限一个月",
                    f"经{case.region.upper_proc}批准延长侦查羁押期限一个月",
                )
            )
            d.mark("neg.inv_extension", d.spans(f"{k}.inv_ext")[-1])
        d.add(choose(case, f"。现羁押于{case.offices.detention}。", f"，现羁押于{case.offices.detention}。"))
        return
    if t.detained:
        d.add(f"因涉嫌{charge}，于")
        d.add(dates(t.detained), f"{k}.detained")
        d.add(f"被{police}刑事拘留，")
        d.add(dates(t.bail), f"{k}.bail")
        d.add(choose(case, "被取保候审。", f"被{police}取保候审。", "因符合取保候审条件，被取保候审。"))
    else:
        d.add(f"因涉嫌{charge}，于")
        d.add(dates(t.bail), f"{k}.bail")
        d.add(f"被{police}取保候审。")


def lawyer(d: Draft, case: Case, i: int) -> None:
    df = case.defendants[i]
    if df.lawyer is None:
        return
    name, firm = df.lawyer
    para(d)
    d.add(
        choose(case, f"辩护人{name}，{firm}律师。", f"辩护人{name}，{firm}律师，受{case.role}{df.name}委托担任辩护人。")
    )
    d.add("\n")


def cite_cl(d: Draft, case: Case, text: str | None = None, *, key: str = "cite.cl") -> None:
    """《中华人民共和国刑法》第…条 for the charge (anchored as cite.cl.law / cite.cl.art)."""
    d.add(case.flags.get("cl_name", CL), f"{key}.law")  # type: ignore[arg-type]
    d.add(text or str(case.flags.get("cl_article") or case.spec.article_text()), f"{key}.art")


def cpl_article(case: Case, topic: str) -> str:
    old, new = CPL_ARTICLES[topic]
    return (new if case.cpl2018 else old) or new  # type: ignore[return-value]


def cite_cpl(d: Draft, case: Case, topic: str, *, key: str = "cite.cpl") -> None:
    d.add(str(case.flags.get("cpl_name", CPL)), f"{key}.law")
    d.add(str(case.flags.get(f"cpl_article.{topic}") or cpl_article(case, topic)), f"{key}.art")


def extras(d: Draft, case: Case, slot: str, *, paragraph: bool = False) -> None:
    """Statements the injectors (and hard negatives) placed in this slot."""
    for segments in case.extras.get(slot, []):
        if paragraph:
            para(d)
        for text, key in segments:
            d.add(text, key)
        if paragraph:
            d.add("\n")


def facts(d: Draft, case: Case) -> None:
    """The 事实 paragraphs (composed or external), as indented paragraphs; anchored as "facts"."""
    start = d.length
    if case.composed is not None:
        for segs in case.composed.paragraphs:
            para(d)
            for text, key in segs:
                d.add(text, key)
            d.add("\n")
    else:
        assert case.fact_text is not None
        for p in case.fact_text.split("\n"):
            para(d)
            d.add(p)
            d.add("\n")
    d.mark("facts", (start, d.length))


def evidence_list(case: Case) -> list[str]:
    name = case.names()
    base = [
        "书证：户籍证明、抓获经过、情况说明",
        f"证人{'、'.join(case.victims[1:2]) or '王某某'}等人的证言",
        f"{case.role}{name}的供述和辩解",
        "现场勘验检查笔录、辨认笔录",
    ]
    if case.victims:
        base.insert(2, f"被害人{case.victims[0]}的陈述")
    spec = case.spec.name
    if spec in ("盗窃罪", "诈骗罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "职务侵占罪"):
        base.insert(1, "书证：扣押决定书、扣押清单、发还清单、银行交易明细")
        base.append("价格认定结论书")
    if spec in ("故意伤害罪", "寻衅滋事罪", "故意杀人罪"):
        base.append("鉴定意见：法医学人体损伤程度鉴定书")
    if spec == "走私、贩卖、运输、制造毒品罪":
        base.append("称量笔录、毒品理化检验报告")
    if spec == "危险驾驶罪":
        base.append("血液酒精含量检验鉴定书")
    base.append("视听资料：案发现场及周边监控录像")
    return base


def sign_date(d: Draft, case: Case) -> None:
    d.add(case.style.date(case.doc_date, sign=True), "sign.date")


def omit(case: Case, key: str) -> bool:
    return key in case.omit
