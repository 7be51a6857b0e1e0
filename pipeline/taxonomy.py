"""The stable flag taxonomy (MISSION.md): code -> family, Chinese name, default severity."""

from __future__ import annotations

from dataclasses import dataclass

DEFECT = "defect"  # 司法瑕疵, 条例 art. 3 ¶2
VIOLATION = "violation"  # 违反检察职责线索, 条例 arts. 7-8, 12


@dataclass(frozen=True)
class Code:
    code: str
    family: str
    name_zh: str
    severity: str  # "high" | "medium" | "low"


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("missing_element", DEFECT, "文书要素缺失", "low"),
        Code("typo", DEFECT, "文字差错", "low"),
        Code("amount_mismatch", DEFECT, "数额不一致", "medium"),
        Code("identity_mismatch", DEFECT, "身份信息矛盾", "medium"),
        Code("date_error", DEFECT, "日期错误", "medium"),
        Code("citation_error", DEFECT, "法律引用错误", "medium"),
        Code("charge_article_mismatch", DEFECT, "罪名条文不符", "medium"),
        Code("deadline_near", DEFECT, "期限临近", "medium"),
        Code("overdue_custody", VIOLATION, "超期羁押", "high"),
        Code("overdue_handling", VIOLATION, "办案超期", "high"),
        Code("illegal_evidence", VIOLATION, "非法取证线索", "high"),
        Code("rights_infringed", VIOLATION, "诉讼权利受侵犯", "high"),
        Code("minor_protection", VIOLATION, "未成年人保护缺失", "high"),
        Code("property_violation", VIOLATION, "涉案财物违法处置", "high"),
        Code("recording_missing", VIOLATION, "录音录像缺失", "high"),
        Code("privacy_leak", VIOLATION, "信息泄露风险", "high"),
    )
}

SEVERITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}


def family_of(code: str) -> str:
    return CODES[code].family
