"""批准逮捕决定书: head, the police addressee, the request (提请批准逮捕书 number and date), the decision with
《刑事诉讼法》第八十一条 (第七十九条 before 2018-10-26), the execution instruction, date, seal. Some offices add
the suspect's basic information and a short statement of the facts (the long form)."""

from __future__ import annotations

from ..case import Case
from ..draft import Draft
from .common import Dates, choose, cite_cpl, extras, facts, head, measures, para, party, sign_date


def render(case: Case) -> Draft:
    d = Draft()
    head(d, case, "批准逮捕决定书")
    t = case.tl(0)
    name = case.defendants[0].name
    police = case.offices.police
    d.add(police + "：\n", "addressee")
    long_form = case.request.needs_party_block or case.rng.random() < 0.45
    dates = Dates(case)
    para(d)
    if long_form:
        d.add("你局")
        if "request_date" not in case.omit:
            d.add("于")
            d.add(dates(t.requested), "p0.requested")
        d.add(
            f"以{case.police_no}提请批准逮捕书提请批准逮捕犯罪嫌疑人{name}，本院经审查，现将审查情况及决定通知如下：\n"
        )
        para(d)
        party(d, case, 0)
        measures(d, case, 0)
        d.add("\n")
        para(d)
        d.add("经审查查明：", "facts.head")
        d.add("\n")
        facts(d, case)
        para(d)
        d.add("本院经审查认为，", "reasoning.head")
        d.add(
            f"犯罪嫌疑人{name}涉嫌{case.spec.written}，有证据证明有犯罪事实，可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性，符合"
        )
    else:
        d.add("你局")
        if "request_date" not in case.omit:
            d.add("于")
            d.add(dates(t.requested), "p0.requested")
        d.add(f"以{case.police_no}提请批准逮捕书提请批准逮捕犯罪嫌疑人{name}。")
        if case.rng.random() < 0.5 or case.request.overrun:
            dates2 = Dates(case)
            d.add(f"犯罪嫌疑人{name}因涉嫌{case.spec.written}，于")
            d.add(dates2(t.detained), "p0.detained")
            d.add("被你局刑事拘留。")
        d.add("经本院审查认为，", "reasoning.head")
        d.add(f"该犯罪嫌疑人涉嫌{case.spec.written}，符合")
    cite_cpl(d, case, "arrest")
    d.add("规定的逮捕条件，")
    d.add(f"决定批准逮捕犯罪嫌疑人{name}。", "decision")
    extras(d, case, "reasoning")
    if "execute" not in case.omit:
        d.add(
            choose(
                case,
                "请依法立即执行，并将执行情况在三日以内通知本院。",
                "请你局立即执行，并将执行回执在三日以内送达本院。",
                "请依法立即执行，并将执行情况及时通知本院。",
            ),
            "execute",
        )
    d.add("\n\n")
    if "date" not in case.omit:
        sign_date(d, case)
        d.add("\n")
    d.add("（院印）\n")
    return d
