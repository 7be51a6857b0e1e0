"""Document templates, one module per document type; each `render(case) -> Draft` writes the official
format with several phrasings per section and anchors every piece a defect may point at."""

from __future__ import annotations

from collections.abc import Callable

from ... import doctypes
from ..case import Case
from ..draft import Draft
from . import arrest, indictment, judgment, non_prosecution, review_report

RENDERERS: dict[str, Callable[[Case], Draft]] = {
    doctypes.INDICTMENT: indictment.render,
    doctypes.NON_PROSECUTION: non_prosecution.render,
    doctypes.ARREST_APPROVAL: arrest.render,
    doctypes.REVIEW_REPORT: review_report.render,
    doctypes.JUDGMENT: judgment.render,
}


def render(case: Case) -> Draft:
    return RENDERERS[case.doc_type](case)
