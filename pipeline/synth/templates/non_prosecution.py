"""不起诉决定书: head, 被不起诉人基本情况, 案由和案件来源, 经审查查明的事实, 不起诉的理由和法律依据 (法定 177 ¶1,
酌定 177 ¶2, 存疑 175 ¶4 — 2012 numbering before 2018-10-26), 涉案财物处理, 申诉告知, 院名, 日期, 院印."""

from __future__ import annotations

from ..case import Case, victim_name
from ..draft import Draft
from .common import CL, Dates, choose, cite_cl, cite_cpl, extras, facts, head, lawyer, measures, para, party, sign_date


def render(case: Case) -> Draft:
    d = Draft()
    head(d, case, "不起诉决定书")
    kind = str(case.flags.get("np_kind") or ("doubt" if len(case.timeline.returns) >= 2 else "relative"))
    case.flags["np_kind"] = kind
    for i in range(len(case.defendants)):
        para(d)
        party(d, case, i, published=bool(case.request.published))
        measures(d, case, i)
        d.add("\n")
    for i in range(len(case.defendants)):
        lawyer(d, case, i)
    _source(d, case)
    para(d)
    d.add(choose(case, "经本院依法审查查明：", "经本院审查查明：", "经本院依法审查认定："), "facts.head")
    d.add("\n")
    facts(d, case)
    extras(d, case, "after_facts", paragraph=True)
    if kind != "doubt":
        para(d)
        victim = "被害人陈述、" if case.victims else ""
        d.add(
            choose(
                case,
                f"上述事实，有{victim}证人证言、被不起诉人的供述和辩解等证据证实。",
                f"认定上述事实的证据有：书证、{victim}证人证言、被不起诉人的供述和辩解、鉴定意见等。",
            )
        )
        d.add("\n")
    _reason(d, case, kind)
    _property(d, case)
    _notices(d, case, kind)
    d.add("\n")
    d.add(case.offices.procuratorate + "\n")
    if "date" not in case.omit:
        sign_date(d, case)
        d.add("\n")
    d.add("（院印）\n")
    return d


def _source(d: Draft, case: Case) -> None:
    t = case.timeline
    dates = Dates(case)
    names = case.names()
    para(d)
    if case.rng.random() < 0.5:
        d.add(f"本案由{case.offices.police}侦查终结，以被不起诉人{names}涉嫌{case.spec.written}，于")
        d.add(dates(t.transferred), "transferred")
        d.add("向本院移送审查起诉。")
    else:
        d.add(f"被不起诉人{names}涉嫌{case.spec.written}一案，由{case.offices.police}侦查终结，于")
        d.add(dates(t.transferred), "transferred")
        d.add("移送本院审查起诉。")
    if "review_process" not in case.omit and case.rng.random() < 0.6:
        dates = Dates(case)
        d.add("本院于")
        d.add(dates(t.notified), "notified")
        d.add(
            "告知被不起诉人有权委托辩护人，依法讯问了被不起诉人，听取了被害人及辩护人的意见。"
            if case.victims
            else "告知被不起诉人有权委托辩护人，依法讯问了被不起诉人，审查了全部案件材料。"
        )
    for k, (ret, back) in enumerate(t.returns):
        dates = Dates(case)
        d.add(choose(case, "其间，本院于", "本院于"))
        d.add(dates(ret), f"returned.{k}")
        d.add("退回侦查机关补充侦查，侦查机关于")
        d.add(dates(back), f"resubmitted.{k}")
        d.add("补充侦查完毕重新移送本院审查起诉。")
    if t.review_extended:
        dates = Dates(case)
        d.add("本院于")
        d.add(dates(t.review_extended), "review_ext")
        d.add("决定延长审查起诉期限十五日。")
        d.mark("neg.review_extension", d.spans("review_ext")[-1])
    extras(d, case, "review")
    d.add("\n")


def _reason(d: Draft, case: Case, kind: str) -> None:
    names = case.names()
    para(d)
    d.add("本院认为，", "reasoning.head")
    if kind == "relative":
        d.add(f"被不起诉人{names}实施了")
        cite_cl(d, case)
        d.add("规定的行为，但犯罪情节轻微，")
        reasons = ["且系初犯、偶犯，到案后如实供述自己的罪行，", "且能如实供述自己的罪行，认罪悔罪，"]
        if case.victims:
            reasons.append("且积极退赔，取得了被害人谅解，")
        d.add(case.rng.choice(reasons))
        d.add(f"根据{CL}第三十七条的规定，不需要判处刑罚。依据")
        cite_cpl(d, case, "np_relative")
        d.add(f"的规定，决定对{names}不起诉。", "decision")
    elif kind == "legal":
        d.add(f"被不起诉人{names}的行为情节显著轻微、危害不大，根据{CL}第十三条的规定，不认为是犯罪。依据")
        cite_cpl(d, case, "np_legal")
        d.add(f"的规定，决定对{names}不起诉。", "decision")
    else:
        d.add(
            f"{case.offices.police}认定的被不起诉人{names}涉嫌{case.spec.written}的事实不清、证据不足，经二次退回补充侦查，仍不符合起诉条件。依据"
        )
        cite_cpl(d, case, "np_doubt")
        d.add(f"的规定，决定对{names}不起诉。", "decision")
    d.add("\n")


def _property(d: Draft, case: Case) -> None:
    if case.spec.name not in (
        "盗窃罪",
        "诈骗罪",
        "掩饰、隐瞒犯罪所得、犯罪所得收益罪",
        "职务侵占罪",
    ) and not case.extras.get("property"):
        return
    para(d)
    if case.extras.get("property"):
        extras(d, case, "property")
    else:
        d.add(
            choose(
                case,
                "侦查机关扣押的涉案财物已依法发还被害人。",
                "对扣押在案的作案工具，依法予以没收；扣押的赃款已发还被害人。",
            )
        )
    d.add("\n")


def _notices(d: Draft, case: Case, kind: str) -> None:
    if kind == "relative" and "notice_accused" not in case.omit:
        para(d)
        d.add(
            choose(
                case,
                "被不起诉人如不服本决定，可以自收到本决定书后七日以内向本院申诉。",
                "被不起诉人如不服本决定，可以自收到本决定书后七日内向本院申诉。",
            ),
            "notice.accused",
        )
        d.add("\n")
    has_victim = bool(case.victims) or "被害" in d.text
    if has_victim and "notice_victim" not in case.omit:
        victim_name(case)
        para(d)
        d.add(
            f"被害人如不服本决定，可以自收到本决定书后七日以内向{case.region.upper_proc}申诉，请求提起公诉；也可以不经申诉，直接向{case.offices.court}提起自诉。",
            "notice.victim",
        )
        d.add("\n")
