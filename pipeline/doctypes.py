"""Document type codes (stable, stored) and their official names."""

INDICTMENT = "indictment"  # 起诉书
NON_PROSECUTION = "non_prosecution"  # 不起诉决定书
ARREST_APPROVAL = "arrest_approval"  # 批准逮捕决定书
ARREST_REFUSAL = "arrest_refusal"  # 不批准逮捕决定书
REVIEW_REPORT = "review_report"  # 审查报告
JUDGMENT = "judgment"  # 刑事判决书
RULING = "ruling"  # 刑事裁定书
PROTEST = "protest"  # 抗诉书
SUGGESTION = "suggestion"  # 检察建议书
OTHER = "other"

NAMES_ZH = {
    INDICTMENT: "起诉书",
    NON_PROSECUTION: "不起诉决定书",
    ARREST_APPROVAL: "批准逮捕决定书",
    ARREST_REFUSAL: "不批准逮捕决定书",
    REVIEW_REPORT: "审查报告",
    JUDGMENT: "刑事判决书",
    RULING: "刑事裁定书",
    PROTEST: "抗诉书",
    SUGGESTION: "检察建议书",
    OTHER: "其他",
}

# Documents written by the procuratorate (before trial): the person is 犯罪嫌疑人 until 起诉书 names a 被告人.
PROCURATORIAL = {INDICTMENT, NON_PROSECUTION, ARREST_APPROVAL, ARREST_REFUSAL, REVIEW_REPORT, PROTEST, SUGGESTION}
