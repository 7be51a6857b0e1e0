"""起诉书 (人民检察院刑事诉讼法律文书格式): head, 被告人基本情况 and 强制措施, 辩护人, 案由和案件来源, 审查过程,
经依法审查查明的事实, 证据, 起诉理由和法律依据 (+ 量刑建议 in 认罪认罚 cases), 此致, 署名, 日期, 附项."""

from __future__ import annotations

from ..case import Case, victim_name
from ..draft import Draft
from ..style import cn_number, term_text
from .common import (
    CL,
    INDENT,
    Dates,
    choose,
    cite_cl,
    cite_cpl,
    evidence_list,
    extras,
    facts,
    head,
    lawyer,
    measures,
    para,
    party,
    sign_date,
)


def render(case: Case) -> Draft:
    d = Draft()
    head(d, case, "起诉书")
    published = bool(case.request.published)
    for i in range(len(case.defendants)):
        para(d)
        party(d, case, i, published=published)
        measures(d, case, i)
        d.add("\n")
    for i in range(len(case.defendants)):
        lawyer(d, case, i)
    _source(d, case)
    _review(d, case)
    para(d)
    d.add(choose(case, "经依法审查查明：", "经依法审查查明：", "经本院依法审查查明：", "经审查查明："), "facts.head")
    d.add("\n")
    facts(d, case)
    extras(d, case, "after_facts", paragraph=True)
    _evidence(d, case)
    _reasoning(d, case)
    _tail(d, case)
    return d


def _source(d: Draft, case: Case) -> None:
    t = case.timeline
    dates = Dates(case)
    names = case.names()
    police = case.offices.police
    para(d)
    v = case.rng.randrange(3)
    if v == 0:
        d.add(f"本案由{police}侦查终结，以被告人{names}涉嫌{case.spec.written}，于")
        d.add(dates(t.transferred), "transferred")
        d.add("向本院移送审查起诉。")
    elif v == 1:
        d.add(f"{police}侦查终结后，于")
        d.add(dates(t.transferred), "transferred")
        d.add(f"以{case.police_no}起诉意见书将本案移送本院审查起诉，认为被告人{names}涉嫌{case.spec.written}。")
    else:
        d.add(f"被告人{names}涉嫌{case.spec.written}一案，由{police}侦查终结，于")
        d.add(dates(t.transferred), "transferred")
        d.add("移送本院审查起诉。")
    d.add("\n")


def _review(d: Draft, case: Case) -> None:
    t = case.timeline
    dates = Dates(case)
    para(d)
    if "review_process" in case.omit:
        d.add("本院受理后，")
    else:
        plea_notice = "和认罪认罚的法律规定" if case.plea else ""
        heard = []
        for df in case.defendants:
            if df.lawyer:
                heard.append(f"辩护人{df.lawyer[0]}")
        if any(df.duty_lawyer for df in case.defendants):
            heard.append("值班律师")
        if case.victims:
            heard.append(f"被害人{victim_name(case)}")
        heard_text = "、".join(heard) or "被告人"
        v = case.rng.randrange(3)
        if v == 0:
            d.add("本院受理后，于")
            d.add(dates(t.notified), "notified")
            d.add(
                f"已告知被告人有权委托辩护人{plea_notice}，依法讯问了被告人，听取了{heard_text}的意见，审查了全部案件材料。"
            )
        elif v == 1:
            d.add("本院于")
            d.add(dates(t.notified), "notified")
            d.add(
                f"告知被告人{case.names()}有权委托辩护人{plea_notice}，依法讯问了被告人，听取了{heard_text}的意见，审查了全部案件材料。"
            )
        else:
            d.add("本院受理后，于")
            d.add(dates(t.notified), "notified")
            d.add(
                f"告知了被告人依法享有的诉讼权利{plea_notice}，依法讯问了被告人，听取了{heard_text}的意见，审阅了全部案卷材料。"
            )
    for k, (ret, back) in enumerate(t.returns):
        dates = Dates(case)
        lead = choose(case, "其间，因部分事实不清、证据不足，本院于", "因需要补充证据，本院于", "本院于")
        d.add(lead)
        d.add(dates(ret), f"returned.{k}")
        d.add(choose(case, "退回侦查机关补充侦查，侦查机关于", "退回公安机关补充侦查，公安机关于"))
        d.add(dates(back), f"resubmitted.{k}")
        d.add(choose(case, "补充侦查完毕，重新移送本院审查起诉。", "补查完毕重新移送本院审查起诉。"))
    if t.review_extended:
        dates = Dates(case)
        d.add(choose(case, "因案情重大、复杂，本院于", "本院于"))
        d.add(dates(t.review_extended), "review_ext")
        d.add("决定延长审查起诉期限十五日。")
        d.mark("neg.review_extension", d.spans("review_ext")[-1])
    extras(d, case, "review")
    if case.plea:
        if case.procedure == "speedy":
            d.add(f"被告人{case.names()}同意本案适用速裁程序审理。")
        elif case.procedure == "summary":
            d.add(f"被告人{case.names()}同意本案适用简易程序审理。")
    d.add("\n")


def _evidence(d: Draft, case: Case) -> None:
    items = evidence_list(case)
    para(d)
    if case.rng.random() < 0.6:
        d.add(choose(case, "认定上述事实的证据如下：", "认定上述事实的证据有："))
        d.add("\n")
        numbered = "；".join(f"{case.style.number(i + 1)}．{x}" for i, x in enumerate(items))
        d.add(INDENT + numbered + "。\n")
    else:
        d.add("上述事实，有" + "，".join(items) + "等证据证实，足以认定。\n")
    extras(d, case, "after_evidence", paragraph=True)
    if case.plea and "plea_statement" not in case.omit:
        para(d)
        helper = "辩护人" if any(df.lawyer for df in case.defendants) else "值班律师"
        options = [
            f"被告人{case.names()}对指控的犯罪事实和证据没有异议，并自愿认罪认罚，在{helper}见证下签署了认罪认罚具结书。"
        ]
        if "sentencing" not in case.omit:  # (it speaks of the proposal the omission removes)
            options.append(
                f"被告人{case.names()}自愿如实供述自己的罪行，对指控的犯罪事实和量刑建议没有异议，同意适用认罪认罚从宽制度，已在{helper}在场的情况下签署认罪认罚具结书。"
            )
        d.add(case.rng.choice(options), "plea.statement")
        d.add("\n")


def _reasoning(d: Draft, case: Case) -> None:
    spec = case.spec
    names = case.names()
    para(d)
    d.add("本院认为，", "reasoning.head")
    conduct = case.rng.choice(spec.conduct) if spec.conduct else None
    d.add(f"被告人{names}" + (conduct if conduct else "的行为"))
    d.add(choose(case, "，其行为触犯了", "，其行为已触犯", "，触犯了") if conduct else "触犯了")
    cite_cl(d, case)
    d.add(choose(case, "，犯罪事实清楚，证据确实、充分，应当以", "，犯罪事实清楚，证据确实充分，应当以"))
    d.add(spec.written, "charge.claim")
    d.add("追究其刑事责任。" if len(case.defendants) == 1 else "追究其刑事责任。".replace("其", "各被告人的"))
    for df in case.defendants:
        if case.rng.random() < 0.6:
            d.add(f"被告人{df.name}到案后如实供述自己的罪行，根据{CL}第六十七条第三款的规定，可以从轻处罚。")
    if case.plea:
        d.add(f"被告人{names}认罪认罚，根据")
        cite_cpl(d, case, "plea", key="cite.plea")
        d.add("的规定，可以从宽处理。")
    extras(d, case, "reasoning")
    d.add("根据")
    cite_cpl(d, case, "indict")
    d.add(
        choose(
            case,
            "的规定，提起公诉，请依法判处。",
            "的规定，提起公诉。",
            "的规定，对被告人" + names + "提起公诉，请依法判处。",
        ),
        "prosecute",
    )
    if case.plea and "sentencing" not in case.omit:
        for df in case.defendants:
            lo, hi = case.spec.months
            m = max(1, min(hi, case.rng.randint(lo, max(lo, (lo + hi) // 2))))
            term = f"拘役{cn_number(min(m, 6))}个月" if case.spec.detention_only else f"有期徒刑{term_text(m)}"
            fine = case.rng.choice(("二千", "三千", "五千", "一万", "二万"))
            d.add(
                f"建议判处被告人{df.name}{term}" + (f"，并处罚金人民币{fine}元。" if case.rng.random() < 0.7 else "。"),
                "sentencing",
            )
    d.add("\n\n")


def _tail(d: Draft, case: Case) -> None:
    if "addressee" not in case.omit:
        d.add(INDENT + "此致\n", "addressee")
        d.add(case.offices.court + "\n\n")
    if "signature" not in case.omit:
        d.add(choose(case, "检察官　", "检察官：", "检察员　") + case.prosecutor + "\n", "signature")
    if "date" not in case.omit:
        sign_date(d, case)
        d.add("\n")
    d.add("（院印）\n\n")
    if "attachment" in case.omit:
        return
    d.add("附：\n")
    lines = []
    for i, df in enumerate(case.defendants):
        if case.tl(i).in_custody:
            lines.append(f"被告人{df.name}现羁押于{case.offices.detention}。")
        else:
            lines.append(f"被告人{df.name}现取保候审，住{df.person.residence}。")
    lines.append(f"案卷材料和证据{cn_number(case.rng.randint(1, 6))}册。")
    if case.plea:
        lines.append("认罪认罚具结书一份。" if "sentencing" in case.omit else "认罪认罚具结书、量刑建议书各一份。")
    for n, line in enumerate(lines, 1):
        d.add(f"{case.style.number(n)}．{line}\n")
