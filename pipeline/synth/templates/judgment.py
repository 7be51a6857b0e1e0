"""刑事判决书 (一审公诉案件, 人民法院刑事诉讼文书样式) as published: court, title, 案号, 公诉机关, 被告人
(no 公民身份号码, no street address), 辩护人, 审理经过, 控辩意见, 经审理查明, 证据, 本院认为, 依照…判决如下,
主文 with 刑期折抵 (the end day computed by 最高法解释 art. 202), 上诉告知, 审判人员, 日期, 书记员."""

from __future__ import annotations

from datetime import timedelta

from ...law.holidays import sentence_end_candidates
from ..case import Case, Defendant
from ..draft import Draft
from ..style import cn_big, cn_number, term_text
from .common import (
    CPL,
    Dates,
    choose,
    cite_cl,
    evidence_list,
    extras,
    facts,
    para,
    party,
    sign_date,
)


def render(case: Case) -> Draft:
    d = Draft()
    court = case.offices.court
    d.add(court, "head.name")
    d.add("\n")
    d.add(choose(case, "刑事判决书", "刑 事 判 决 书", "刑事判决书"), "head.title")
    d.add("\n")
    if "case_number" not in case.omit:
        d.add(str(case.court_no), "head.number")
        d.add("\n\n")
    else:
        d.add("\n")
    para(d)
    d.add(f"公诉机关{case.offices.procuratorate_short}。\n")
    for i in range(len(case.defendants)):
        para(d)
        party(d, case, i, published=True)
        _measures(d, case, i)
        d.add("\n")
        df = case.defendants[i]
        if df.lawyer:
            para(d)
            d.add(f"辩护人{df.lawyer[0]}，{df.lawyer[1]}律师。\n")
    _course(d, case)
    _claims(d, case)
    para(d)
    d.add(choose(case, "经审理查明：", "经审理查明：", "本院经审理查明："), "facts.head")
    d.add("\n")
    facts(d, case)
    para(d)
    d.add(
        "上述事实，"
        + ("被告人在开庭审理过程中亦无异议，" if case.plea else "")
        + "有"
        + "，".join(evidence_list(case))
        + "等证据证实，足以认定。\n"
    )
    extras(d, case, "after_evidence", paragraph=True)
    _reasoning(d, case)
    _decision(d, case)
    _tail(d, case)
    return d


def _measures(d: Draft, case: Case, i: int) -> None:
    from .common import measures

    measures(d, case, i, court=True)


def _course(d: Draft, case: Case) -> None:
    t = case.timeline
    dates = Dates(case)
    para(d)
    proc = case.offices.procuratorate_short
    d.add(f"{proc}以{case.doc_no}起诉书指控被告人{case.names()}犯{case.spec.written}，于")
    d.add(dates(t.decided), "indicted")
    d.add("向本院提起公诉。")
    if case.rng.random() < 0.5:
        d.add("本院于")
        d.add(dates(t.court_received), "court_received")
        d.add("立案，")
        d.add("依法适用" if case.procedure != "ordinary" else "依法组成合议庭，")
    else:
        d.add("本院受理后，" + ("依法适用" if case.procedure != "ordinary" else "依法组成合议庭，"))
    minor = any(df.person.age_on(t.court_received or case.doc_date) < 18 for df in case.defendants)
    public = "不公开开庭审理了本案" if minor else "公开开庭审理了本案"  # CPL 285
    if case.procedure == "speedy":
        d.add(f"速裁程序，实行独任审判，{public}。")
    elif case.procedure == "summary":
        d.add(f"简易程序，实行独任审判，{public}。")
    else:
        d.add(f"{public}。")
    d.add(f"{proc}指派检察员{case.prosecutor}出庭支持公诉，被告人{case.names()}")
    if any(df.lawyer for df in case.defendants):
        d.add("及其辩护人")
    d.add("到庭参加诉讼。现已审理终结。\n")


def _claims(d: Draft, case: Case) -> None:
    para(d)
    summary = case.composed.summary if case.composed else f"被告人{case.names()}实施了{case.spec.short}行为"
    d.add(
        f"{case.offices.procuratorate_short}指控，{summary}。公诉机关认为，被告人{case.names()}的行为已构成{case.spec.written}"
    )
    if case.plea:
        d.add("，被告人认罪认罚，建议判处相应刑罚")
    d.add("。\n")
    para(d)
    if case.extras.get("defence"):
        extras(d, case, "defence")
    elif case.plea:
        d.add(
            f"被告人{case.names()}对指控的事实、罪名及量刑建议没有异议，同意适用{'速裁' if case.procedure == 'speedy' else '简易' if case.procedure == 'summary' else '普通'}程序，且签字具结，在开庭审理过程中亦无异议。"
        )
    else:
        d.add(
            choose(
                case,
                f"被告人{case.names()}对指控的犯罪事实供认不讳。",
                f"被告人{case.names()}对公诉机关指控的事实和罪名无异议。",
            )
        )
        if any(df.lawyer for df in case.defendants):
            d.add(
                choose(
                    case,
                    "辩护人提出，被告人系初犯，到案后如实供述，认罪态度好，请求从轻处罚。",
                    "辩护人对指控的罪名无异议，提出被告人具有坦白情节，建议从轻处罚。",
                )
            )
    d.add("\n")


def _reasoning(d: Draft, case: Case) -> None:
    spec = case.spec
    para(d)
    d.add("本院认为，", "reasoning.head")
    conduct = case.rng.choice(spec.conduct) if spec.conduct else "实施了上述行为"
    d.add(f"被告人{case.names()}{conduct}，其行为已构成")
    d.add(spec.written, "charge.claim")
    d.add("。公诉机关指控的罪名成立。")
    extras(d, case, "reasoning")
    if any(df.lawyer for df in case.defendants) and not case.extras.get("defence"):
        d.add("辩护人提出的从轻处罚意见，本院予以采纳。")
    d.add(f"被告人{case.names()}到案后如实供述自己的罪行，依法可以从轻处罚。")
    if case.plea:
        d.add("被告人自愿认罪认罚，依法可以从宽处理。")
    d.add("据此，依照")
    cite_cl(d, case)
    d.add("、第六十七条第三款")
    if any(df.sentence and df.sentence.fine for df in case.defendants):
        d.add("、第五十二条、第五十三条")
    if any(df.sentence and df.sentence.probation_months for df in case.defendants):
        d.add("、第七十二条第一款、第七十三条")
    if case.plea and case.cpl2018:
        d.add(f"，{CPL}第十五条")
    d.add("之规定，判决如下：", "decision.head")
    d.add("\n")


def _decision(d: Draft, case: Case) -> None:
    for i, df in enumerate(case.defendants):
        para(d)
        s = df.sentence
        assert s is not None
        term = f"{s.kind}{term_text(s.months)}"
        d.add(f"被告人{df.name}犯{case.spec.written}，判处{term}")
        if s.probation_months:
            d.add(f"，缓刑{term_text(s.probation_months)}")
        if s.fine:
            d.add(f"，并处罚金人民币{cn_big(s.fine)}元")
        # the （刑期…） note: its own paragraph in most published judgments, run on in some
        same_line = not s.probation_months and case.rng.random() < 0.4
        d.add("。" if same_line else "。\n")
        case.flags[f"credit_inline.{i}"] = same_line
        if s.probation_months:
            para(d)
            d.add(
                f"（缓刑考验期限，从判决确定之日起计算。{'罚金已缴纳。' if s.fine and case.rng.random() < 0.5 else ''}）\n"
            )
            continue
        if "term_credit" in case.omit:
            continue
        _credit(d, case, i, df)


def _credit(d: Draft, case: Case, i: int, df: Defendant) -> None:
    s = df.sentence
    assert s is not None
    t = case.tl(i)
    if not case.flags.get(f"credit_inline.{i}"):
        para(d)
    start = t.detained if t.in_custody else None  # the first custody the judgment itself records
    if start is None:
        d.add("（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日。）\n")
        return
    years, months = divmod(s.months, 12)
    end = max(sentence_end_candidates(start, years, months))
    end = end + timedelta(days=int(case.flags.get(f"credit_shift.{i}", 0) or 0))
    d.add("（刑期从判决执行之日起计算。判决执行以前先行羁押的，羁押一日折抵刑期一日，即自")
    d.add(case.style.date(start), f"credit.{i}.start")
    d.add("起至")
    d.add(case.style.date(end), f"credit.{i}.end")
    d.add("止。" + ("罚金于判决生效后十日内缴纳。" if s.fine else "") + "）\n")
    d.mark(f"credit.{i}", (d.spans(f"credit.{i}.start")[-1][0], d.spans(f"credit.{i}.end")[-1][1]))


def _tail(d: Draft, case: Case) -> None:
    if "appeal_notice" not in case.omit:
        para(d)
        d.add(
            f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{case.region.upper_court}提出上诉。书面上诉的，应当提交上诉状正本一份，副本{cn_number(len(case.defendants) + 1)}份。",
            "appeal_notice",
        )
        d.add("\n\n")
    if "judges" not in case.omit:
        if case.procedure in ("speedy", "summary"):
            d.add(f"审　判　员　{case.judges[0]}\n\n", "judges")
        else:
            d.add(f"审　判　长　{case.judges[0]}\n", "judges")
            d.add(choose(case, f"审　判　员　{case.judges[1]}\n", f"人民陪审员　{case.judges[1]}\n"))
            d.add(f"人民陪审员　{case.judges[2]}\n\n")
    sign_date(d, case)
    d.add("\n\n")
    if "clerk" not in case.omit:
        d.add(f"书　记　员　{case.clerk}\n", "clerk")
