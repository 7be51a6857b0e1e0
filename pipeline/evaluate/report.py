"""Rendering of evaluation and review-score reports: JSON for scripts, rich tables for people."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table

from ..taxonomy import CODES

WIDTH = 150


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def _render(*tables: Table | str, width: int = WIDTH) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None, soft_wrap=False)
    for t in tables:
        if t:
            console.print(t)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def _name(code: str) -> str:
    return f"{code} {CODES[code].name_zh}" if code in CODES else code


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _code_table(report: dict[str, Any]) -> Table:
    t = Table(title="Per code (document level | span level, overlap match)", title_justify="left")
    for col in ("code", "gold docs", "pred docs", "P", "R", "F1", "gold spans", "pred spans", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "code" else "right")
    for code, m in report["codes"].items():
        d, s = m["document"], m["span"]
        t.add_row(
            _name(code),
            str(d["support"]),
            str(d["predicted"]),
            _f(d["precision"]),
            _f(d["recall"]),
            _f(d["f1"]),
            str(s["support"]) + (f" (+{s['unscored']} unscored)" if s["unscored"] else ""),
            str(s["predicted"]),
            _f(s["precision"]),
            _f(s["recall"]),
            _f(s["f1"]),
        )
    t.add_section()
    for kind in ("micro", "macro"):
        d, s = report["document_level"][kind], report["span_level"][kind]
        t.add_row(f"{kind} average", "", "", _f(d["precision"]), _f(d["recall"]), _f(d["f1"]), "", "",
                  _f(s["precision"]), _f(s["recall"]), _f(s["f1"]))  # fmt: skip
    return t


def _confusion_table(report: dict[str, Any]) -> Table | str:
    if not report["confusion"]:
        return "Missed gold flags: none"
    t = Table(title="Missed gold flags: the predicted codes whose evidence overlapped them", title_justify="left")
    t.add_column("gold code")
    t.add_column("overlapped by (count)")
    for gold, row in report["confusion"].items():
        t.add_row(_name(gold), ", ".join(f"{code} {n}" for code, n in row.items()))
    return t


def _grade_table(report: dict[str, Any]) -> Table:
    g = report["grade"]
    grades = ("pass", "defective", "unqualified_risk")
    t = Table(title=f"Grade accuracy {_f(g['accuracy'])} ({g['correct']}/{g['total']}); rows gold, columns predicted",
              title_justify="left")  # fmt: skip
    t.add_column("gold \\ predicted")
    for col in grades:
        t.add_column(col, justify="right")
    for gold in grades:
        row = g["confusion"].get(gold, {})
        t.add_row(gold, *(str(row.get(col, 0)) for col in grades))
    return t


def _doc_type_line(report: dict[str, Any]) -> str:
    d = report.get("doc_type")
    if not d:
        return ""
    wrong = [f"{gold}→{pred} {n}" for gold, row in d["confusion"].items() for pred, n in row.items() if pred != gold]
    return f"Doc type recognised {_f(d['accuracy'])} ({d['correct']}/{d['total']})" + (
        "; mistaken: " + ", ".join(wrong) if wrong else ""
    )


def render_table(report: dict[str, Any]) -> str:
    run = report.get("run", {})
    head = (
        f"source {run.get('source', '?')}  version {run.get('version') or '-'}  gold {', '.join(run.get('gold', []))}\n"
        f"{report['documents']} documents, {report['clean_documents']} without gold flags "
        f"({report['clean_documents_flagged']} of them flagged); "
        f"{len(report['mistakes'])} documents with a code or grade mistake; {len(run.get('errors', []))} errors; "
        f"{run.get('seconds', 0)}s"
    )
    reasons = Counter(e["reason"] for e in run.get("errors", []))
    errors = "\n".join(f"error ×{n}: {reason}" for reason, n in reasons.most_common(3))
    return _render(
        head, _code_table(report), _confusion_table(report), _grade_table(report), _doc_type_line(report), errors
    )


def render_score_table(score: dict[str, Any]) -> str:
    t = Table(title="Review precision per code (unsure and unmarked rows excluded)", title_justify="left")
    for col in ("code", "right", "wrong", "unsure", "unmarked", "precision", "95% CI (Wilson)"):
        t.add_column(col, justify="left" if col == "code" else "right")

    def row(label: str, m: dict[str, Any]) -> None:
        ci = m["ci95"]
        t.add_row(label, str(m["right"]), str(m["wrong"]), str(m["unsure"]), str(m["unmarked"]),
                  _f(m["precision"]), f"{ci[0]:.3f}–{ci[1]:.3f}" if ci else "–")  # fmt: skip

    for code, m in score["codes"].items():
        row(_name(code), m)
    t.add_section()
    row("all codes", score["overall"])
    return _render(f"{score['sheet']}: {score['rows']} rows", t)
