"""审查报告（审查起诉案件）: header block (案由, 犯罪嫌疑人, 移送单位, 受理日期, 承办检察官), then numbered parts:
基本情况, 受案和审查过程, 侦查机关认定的事实与意见, 相关人员的意见, 审查认定的事实和证据, 需要说明的问题,
处理意见; signature and date. An internal document: written while the 审查起诉 clock runs."""

from __future__ import annotations

from ..case import Case, victim_name
from ..draft import Draft
from ..style import term_text
from .common import (
    CL,
    Dates,
    choose,
    cite_cl,
    cite_cpl,
    evidence_list,
    extras,
    facts,
    lawyer,
    measures,
    para,
    party,
)

_NUM = "一二三四五六七八九十"


def render(case: Case) -> Draft:
    d = Draft()
    t = case.timeline
    d.add(case.offices.procuratorate, "head.name")
    d.add("\n")
    d.add(choose(case, "审查报告\n（审查起诉案件）", "审查起诉案件审查报告", "公诉案件审查报告"), "head.title")
    d.add("\n\n")
    d.add(case.doc_no, "head.number")
    d.add("\n\n")
    d.add(f"案　　由：{case.spec.short}\n")
    d.add(f"犯罪嫌疑人：{case.names()}\n")
    d.add(f"移送单位：{case.offices.police}\n")
    d.add("受理日期：")
    d.add(case.style.date(t.transferred), "header.received")
    d.add(f"\n承办检察官：{case.prosecutor}\n\n")
    sections = iter(_NUM)

    d.add(f"{next(sections)}、犯罪嫌疑人及其他诉讼参与人的基本情况\n")
    for i in range(len(case.defendants)):
        para(d)
        party(d, case, i)
        measures(d, case, i)
        d.add("\n")
    for i in range(len(case.defendants)):
        lawyer(d, case, i)

    d.add(f"{next(sections)}、受案和审查过程\n")
    para(d)
    dates = Dates(case)
    d.add(f"本案由{case.offices.police}侦查终结，于")
    d.add(dates(t.transferred), "transferred")
    d.add(f"以{case.police_no}起诉意见书移送本院审查起诉。")
    dates = Dates(case)
    d.add("本院于")
    d.add(dates(t.notified), "notified")
    d.add("告知犯罪嫌疑人有权委托辩护人" + ("和认罪认罚的法律规定" if case.plea else "") + "，")
    d.add(choose(case, "依法讯问了犯罪嫌疑人，听取了", "其后讯问了犯罪嫌疑人，听取了"))
    heard = [f"辩护人{df.lawyer[0]}" for df in case.defendants if df.lawyer] or ["值班律师"]
    if case.victims:
        heard.append(f"被害人{case.victims[0]}")
    d.add("、".join(heard) + "的意见，审查了全部案卷材料")
    d.add(choose(case, "。", "及随案移送的同步录音录像。") if not case.extras.get("recording") else "。")
    for k, (ret, back) in enumerate(t.returns):
        dates = Dates(case)
        d.add("本院于")
        d.add(dates(ret), f"returned.{k}")
        d.add("将案件退回侦查机关补充侦查，侦查机关于")
        d.add(dates(back), f"resubmitted.{k}")
        d.add("重新移送本院审查起诉。")
    if t.review_extended:
        dates = Dates(case)
        d.add("因案情重大、复杂，本院于")
        d.add(dates(t.review_extended), "review_ext")
        d.add("决定延长审查起诉期限十五日。")
        d.mark("neg.review_extension", d.spans("review_ext")[-1])
    extras(d, case, "review")
    d.add("\n")

    d.add(f"{next(sections)}、侦查机关认定的犯罪事实与意见\n")
    para(d)
    summary = case.composed.summary if case.composed else f"犯罪嫌疑人{case.names()}实施了{case.spec.short}行为"
    d.add(f"{case.offices.police}认定：{summary}，认为其行为涉嫌{case.spec.written}，移送审查起诉。\n")

    d.add(f"{next(sections)}、相关当事人、诉讼参与人的意见\n")
    para(d)
    d.add("（一）犯罪嫌疑人的供述和辩解。")
    if case.extras.get("suspect_opinion"):
        extras(d, case, "suspect_opinion")
    else:
        d.add(
            choose(
                case,
                f"犯罪嫌疑人{case.names()}对侦查机关认定的事实无异议。",
                f"犯罪嫌疑人{case.names()}供认上述事实，表示认罪。",
            )
        )
    d.add("\n")
    para(d)
    d.add("（二）辩护人及值班律师意见。")
    if case.extras.get("defence_opinion"):
        extras(d, case, "defence_opinion")
    else:
        d.add(
            choose(
                case, "辩护人对定性无异议，请求对犯罪嫌疑人从轻处理。", "值班律师对案件定性无异议，建议依法从宽处理。"
            )
        )
    d.add("\n")
    if case.victims:
        para(d)
        d.add(
            f"（三）被害人意见。被害人{victim_name(case)}"
            + choose(case, "要求依法处理。", "表示已获赔偿，同意对犯罪嫌疑人从轻处理。")
            + "\n"
        )

    d.add(f"{next(sections)}、审查认定的事实和证据\n")
    para(d)
    d.add(choose(case, "经审查认定：", "经依法审查查明："), "facts.head")
    d.add("\n")
    facts(d, case)
    para(d)
    d.add("认定上述事实的证据有：" + "；".join(evidence_list(case)) + "。\n")
    extras(d, case, "after_evidence", paragraph=True)

    d.add(f"{next(sections)}、需要说明的问题\n")
    if case.extras.get("analysis"):
        extras(d, case, "analysis", paragraph=True)
    else:
        para(d)
        d.add(
            choose(
                case,
                "本案证据收集程序合法，无需要说明的其他问题。",
                "本案无需要特别说明的问题。",
                "本案侦查活动未发现违法情形。",
            )
            + "\n"
        )

    d.add(f"{next(sections)}、处理意见\n")
    para(d)
    d.add("承办人认为，", "reasoning.head")
    conduct = case.rng.choice(case.spec.conduct) if case.spec.conduct else "实施了危害社会的行为"
    d.add(f"犯罪嫌疑人{case.names()}{conduct}，其行为触犯了")
    cite_cl(d, case)
    d.add("，犯罪事实清楚，证据确实、充分，应当以")
    d.add(case.spec.written, "charge.claim")
    d.add("追究其刑事责任。")
    if case.plea:
        d.add(f"犯罪嫌疑人认罪认罚，根据{CL.replace('刑法', '刑事诉讼法')}第十五条的规定，可以从宽处理。")
    d.add("建议依照")
    cite_cpl(d, case, "indict")
    d.add("的规定，提起公诉。")
    if case.plea:
        lo, hi = case.spec.months
        d.add(f"量刑建议：有期徒刑{term_text(max(1, (lo + hi) // 3))}至{term_text(max(2, (lo + hi) // 2))}。")
    d.add("\n\n")
    d.add(f"承办检察官：{case.prosecutor}\n")
    d.add(case.style.date(case.doc_date, sign=True), "sign.date")
    d.add("\n")
    return d
