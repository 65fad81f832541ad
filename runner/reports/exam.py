"""Report files for one candidate (Markdown, self-contained HTML, JUnit XML) and the summary
across candidates (Markdown, CSV). Pure functions from typed reports to text.

Candidate text is never markup: Markdown escapes every character that could start a tag, a link,
an image or emphasis, and HTML escapes everything, so an answer holding `<script>` or
`![x](https://...)` shows as those characters and loads nothing. Nor is it a terminal command or
a broken file: every string goes through `shown` (runner/visible.py), so an escape sequence in an
answer, a panic message or an edited name is pictured (ESC as "␛") instead of retitling the
window of whoever runs `cat report.md`, and junit.xml always parses.
"""

from __future__ import annotations

import csv
import html
import io
import math
import re
from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

from runner.exam.model import OFFLINE_CLOCK_NOTE, CandidateReport, QuestionRow, encode
from runner.reports.jsonout import json_text
from runner.visible import visible, xml_text

FLAG_NOTE = (
    "Flags call for a human look, not automatic rejection: each has innocent explanations "
    "(a shared template, a fast typist, a clock problem)."
)
REVIEW_NOTE = "a person should read this one"
OTHER_WORDS = "said in other words, read by the meaning extra"
MEANING_NOTE = (
    "Open answers were read with the optional meaning extra (grader = meaning): "
    "points marked 'said in other words' got half credit from it"
)
# What the open-answer grade can and cannot see, said where a pass is decided: on blind answers
# (docs/grader-rounds.md) a key fact turned round in words no phrasing anticipates is missed
# about as often as it is caught, and such an answer keeps a high score with full confidence.
OPEN_LIMIT_NOTE = (
    "Open answers are graded by the points they cover and the wrong statements the grader knows; "
    "a key fact turned round in other words can still score high. Read the open answers that "
    "decide a pass"
)
STRONG_SCORE = 0.8  # an open answer at or above this gets stretch questions instead of follow-ups


def shown(text: str) -> str:
    """Any text as a report may hold it: controls pictured, and what no XML (or UTF-8) file can hold
    (lone surrogates from a `\\ud800` in a submission's JSON) replaced, one character for one."""
    return xml_text(visible(text))


def pct(x: float | None) -> str:
    # a score is always finite (grading refuses otherwise); "—" keeps "nan%" out of any report regardless
    return "—" if x is None or not math.isfinite(x) else f"{x * 100:.0f}%"


def num(x: float) -> str:
    """A weight or a duration; never "inf" or "nan" in a report."""
    return f"{x:g}" if math.isfinite(x) else "—"


# Characters that start markup anywhere in a line: tags, links, images, emphasis, code, tables, entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|!&~])")
# ... and at the start of a line: headings, lists, quotes, rules.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([#+\-=>])")


def md(text: str, limit: int | None = None) -> str:
    """Candidate (or any untrusted) text as inert Markdown on one line."""
    flat = shown(" ".join(text.split()))
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", flat)


_MD_HTML = re.compile(r"([<>&|])")


def md_author(text: str, limit: int | None = None) -> str:
    """Text the bank's author wrote (prompts, choices, points) keeps its code spans and emphasis;
    raw HTML and table pipes are still escaped."""
    flat = shown(" ".join(text.split()))
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _MD_HTML.sub(r"\\\1", flat)


_CODE_SPAN = re.compile(r"`([^`]+)`")


def e_author(text: str) -> str:
    """Author text in HTML: escaped, with `code spans` shown as code."""
    return _CODE_SPAN.sub(r"<code>\1</code>", e(text))


def _verdict(q: QuestionRow) -> str:
    if not q.answered:
        return "unanswered"
    if q.correct is None:
        return pct(q.score)
    return "right" if q.correct else "wrong"


def _result_line(d: CandidateReport) -> str:
    if not d.graded:
        return f"NOT GRADED: {d.reason}"
    result = "PASS" if d.passed else "below the pass mark"
    rank = f"; rank {d.rank} of {d.candidates}" if d.rank is not None else ""
    return f"{pct(d.score)}, {result} (pass mark {pct(d.pass_mark)}){rank}"


def _has_open(d: CandidateReport) -> bool:
    return any(q.open is not None for q in d.questions)


def _reviews(d: CandidateReport) -> list[QuestionRow]:
    return [q for q in d.questions if q.open is not None and q.open.needs_review]


def to_json(d: CandidateReport, files: dict[str, str] | None = None, signature: dict[str, str] | None = None) -> str:
    data: dict[str, Any] = encode(d)
    if files is not None:
        data["files"] = files
    if signature is not None:
        data["signature"] = signature
    return json_text(data)


# ---- Markdown --------------------------------------------------------------------------------


def to_markdown(d: CandidateReport, *, signed: bool = False) -> str:
    out = [f"# {md(d.exam)}: {md(d.candidate)}", "", "## Summary", ""]
    out.append(f"- **Result: {md(_result_line(d))}**")
    if not d.graded:
        out += [
            f"- Submission file: {md(d.submission)}",
            "",
            "This submission could not be graded; nothing in it was scored. Ask the candidate for the file "
            "that `gokata exam submit` wrote.",
            "",
        ]
        return "\n".join(out + _notes_md(d) + _signed_md(signed)) + "\n"
    kinds = ", ".join(dict.fromkeys(f.kind for f in d.flags))
    out.append(f"- Flags: {md(kinds) if kinds else 'none'}")
    weakest = ", ".join(f"{md(t.topic)} ({pct(t.score)})" for t in d.weakest)
    out.append(f"- Weakest areas: {weakest or 'none below 100%'}")
    reviews = _reviews(d)
    if reviews:
        out.append(f"- Open answers where {REVIEW_NOTE}: {', '.join(q.public_id for q in reviews)}")
    if d.grader == "meaning":
        out.append(f"- {MEANING_NOTE}")
    if _has_open(d):
        out.append(f"- _{OPEN_LIMIT_NOTE}._")
    t = d.time
    if t is not None:
        used = (
            f"{t.minutes_used} of {t.time_limit_minutes} minutes"
            if t.minutes_used is not None
            else f"unknown (limit {t.time_limit_minutes} minutes)"
        )
        out.append(f"- Time used: {used}{' (late)' if t.late else ''}. _{OFFLINE_CLOCK_NOTE}_")
    out += ["", "## Flags for review", ""]
    if d.flags:
        for f in d.flags:
            who = f" (with {md(f.other)})" if f.other else ""
            out.append(f"- **{md(f.kind)}**{who}: {md(f.message)}")
            out += [f"  > {md(e, 400)}" for e in f.evidence]
        out += ["", f"_{FLAG_NOTE}_", ""]
    else:
        out += ["None.", ""]
    out += ["## Sections", "", "| section | weight | score |", "|---|---:|---:|"]
    out += [f"| {md(s.title)} | {num(s.weight)} | {pct(s.score)} |" for s in d.sections]
    out += ["", "## Topics", "", "| topic | items | score |", "|---|---:|---:|"]
    out += [f"| {md(x.topic)} | {x.items} | {pct(x.score)} |" for x in d.topics]
    out += [
        "",
        "## Questions",
        "",
        "Letters are the ones the candidate saw.",
        "",
        "| # | question | kind | result | given | expected | time (s) | notes |",
        "|---|---|---|---|---|---|---:|---|",
    ]
    for q in d.questions:
        notes = ", ".join(
            n
            for n in (
                "pasted" if q.pasted else "",
                "late" if q.late else "",
                q.note,
                REVIEW_NOTE if q.open is not None and q.open.needs_review else "",
            )
            if n
        )
        given = "—" if q.given is None else md(q.given, 80)
        out.append(
            f"| {q.public_id} | `{md(q.id)}` | {q.kind} | {_verdict(q)} | {given} | {md(q.expected, 80)} | "
            f"{q.duration_s if q.duration_s is not None else '—'} | {md(notes)} |"
        )
    for q in d.questions:
        if q.choices:
            out += ["", f"### {q.public_id} `{md(q.id)}`: {_verdict(q)}", "", md_author(q.prompt, 400), ""]
            for c in q.choices:
                marks = ", ".join(m for m in ("correct" if c.correct else "", "chosen" if c.chosen else "") if m)
                out.append(f"- {c.letter}. {md_author(c.text, 300)}" + (f" **({marks})**" if marks else ""))
    for q in d.questions:
        if q.open is None:
            continue
        o = q.open
        out += ["", f"### {q.public_id} open question `{md(q.id)}`: {pct(q.score)}", "", md_author(q.prompt, 400), ""]
        if o.needs_review:
            why = "; ".join(o.review_reasons)
            out += [
                f"**{REVIEW_NOTE.capitalize()}**: the grader is not sure of this score "
                f"(confidence {o.confidence:.2f}){': ' + md(why) if why else ''}.",
                "",
            ]
        if q.given:
            out += [f"> {md(q.given, 3000)}", ""]
        for p in o.points:
            core = " (core)" if p.core else ""
            if p.verdict == "contradicted":
                out.append(
                    f"- **contradicted**{core}: the answer states the opposite of: {md_author(p.point)} — "
                    f"“{md(p.evidence or '')}”"
                )
            else:
                ev = f" — “{md(p.evidence)}”" if p.evidence else ""
                said = f" ({OTHER_WORDS})" if p.other_words else ""
                out.append(f"- **{p.verdict}**{core}{said}: {md_author(p.point)}{ev}")
        for m in o.misconceptions:
            out.append(
                f"- **misconception**: {md_author(m.belief)} (in fact: {md_author(m.correction)}) — “{md(m.evidence)}”"
            )
        if o.waved_away:
            quoted = " ".join(f"“{md(s)}”" for s in o.waved_away)
            out.append(f"- **waves away** what the question is about (score capped): {quoted}")
        if o.about_instead:
            out.append(
                f"- **answers another question** (score capped): reads like an answer to `{md(o.about_instead)}`"
            )
        if o.follow_ups:
            out += ["", "Follow-up questions for the live interview:", ""] + [f"- {md_author(f)}" for f in o.follow_ups]
        if o.stretch:
            out += ["", "Stretch questions (a strong answer: push further):", ""] + [
                f"- {md_author(f)}" for f in o.stretch
            ]
    for k in d.katas:
        iso = f", sandbox: {md(k.isolation)}" if k.isolation else ""
        out += [
            "",
            f"## Kata `{md(k.slug)}`: {md(k.title)}",
            "",
            f"Status **{md(k.status)}**, {k.passed}/{k.total} tests passed, score {pct(k.score)}, "
            f"{num(k.duration_s)} s{iso}.",
        ]
        if k.summary:
            out += ["", md(k.summary, 2000)]
        failed = [x for x in k.tests if x.status != "pass"]
        if failed:
            out += ["", "| test | hidden | result | message |", "|---|---|---|---|"]
            for x in failed:
                out.append(f"| {md(x.name)} | {'yes' if x.hidden else 'no'} | {md(x.status)} | {md(x.message, 300)} |")
    return "\n".join(out + _notes_md(d) + _signed_md(signed)) + "\n"


def _notes_md(d: CandidateReport) -> list[str]:
    iv = d.interviewer
    out = ["", "## Interviewer notes", ""]
    if iv.criteria:
        out += ["| criterion | score (1-4) |", "|---|---:|"]
        out += [f"| {md(c.title)} | {iv.scores.get(c.id, '—')} |" for c in iv.criteria]
        out.append("")
    if iv.notes:
        out += [f"- {md(n.at)} {md(n.author)}: {md(n.text, 4000)}" for n in iv.notes]
    else:
        out.append("None yet: add them with `gokata exam note REPORT_DIR CANDIDATE --text ... --score ID=N`.")
    return out


def _signed_md(signed: bool) -> list[str]:
    return ["", "Signed (HMAC-SHA256): check with `gokata exam verify report.md --key ...`."] if signed else []


# ---- HTML ------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24;
line-height:1.45;padding:0 1rem}
h1{margin-bottom:.2rem}.score{font-size:2.2rem;font-weight:700;margin:.2rem 0}.pass{color:#1a7f37}
.fail{color:#cf222e}.summary{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;background:#f6f8fa}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right}
.flags{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem 1rem;border-radius:6px}
.review{background:#ddf4ff;border:1px solid #54aeff;padding:.3rem .6rem;border-radius:6px}
.bar{background:#eaeef2;border-radius:4px;height:.7rem;width:8rem;display:inline-block;vertical-align:middle}
.bar>span{display:block;height:100%;background:#2da44e;border-radius:4px}
.covered{color:#1a7f37}.partial{color:#9a6700}.missed{color:#cf222e}.contradicted{color:#8250df;font-weight:600}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}small{color:#57606a}
pre,blockquote{white-space:pre-wrap;font:inherit;margin:.3rem 0}blockquote{border-left:3px solid #d0d7de;
padding-left:.6rem;color:#3d444d}
"""


def e(text: object) -> str:
    return html.escape(shown(str(text)), quote=True)


def _bar(x: float) -> str:
    width = max(0.0, min(1.0, x)) if math.isfinite(x) else 0.0
    return f'<span class="bar"><span style="width:{width * 100:.0f}%"></span></span> {pct(x)}'


def to_html(d: CandidateReport, *, signed: bool = False) -> str:
    cls = "pass" if d.graded and d.passed else "fail"
    p = [
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{e(d.exam)}: {e(d.candidate)}</title><style>{_CSS}</style></head><body>",
        f'<h1 id="candidate">{e(d.candidate)}</h1><div><small>{e(d.exam)}</small></div>',
        '<section class="summary" id="summary">',
    ]
    if not d.graded:
        p.append(
            f'<p class="score fail" id="score">not graded</p><p>{e(d.reason)}</p>'
            f"<p>Submission file: <code>{e(d.submission)}</code>. Nothing in it was scored; ask the candidate "
            "for the file that <code>gokata exam submit</code> wrote.</p></section>"
        )
        return "".join(p + _notes_html(d) + _signed_html(signed)) + "</body></html>\n"
    rank = f", rank {d.rank} of {d.candidates}" if d.rank is not None else ""
    p.append(
        f'<p class="score {cls}" id="score">{pct(d.score)}</p>'
        f'<p id="result"><b>{"Passed" if d.passed else "Below the pass mark"}</b> '
        f"(pass mark {pct(d.pass_mark)}){rank}.</p><ul>"
    )
    kinds = ", ".join(dict.fromkeys(f.kind for f in d.flags))
    p.append(f'<li id="flag-count">Flags: {e(kinds) if kinds else "none"}</li>')
    weakest = ", ".join(f"{e(t.topic)} ({pct(t.score)})" for t in d.weakest)
    p.append(f'<li id="weakest">Weakest areas: {weakest or "none below 100%"}</li>')
    reviews = _reviews(d)
    if reviews:
        p.append(
            f'<li class="review">Open answers where {REVIEW_NOTE}: {e(", ".join(q.public_id for q in reviews))}</li>'
        )
    if d.grader == "meaning":
        p.append(f'<li id="grader">{e(MEANING_NOTE)}</li>')
    if _has_open(d):
        p.append(f'<li id="open-limit"><i>{e(OPEN_LIMIT_NOTE)}.</i></li>')
    t = d.time
    if t is not None:
        used = (
            f"{t.minutes_used} of {t.time_limit_minutes} minutes"
            if t.minutes_used is not None
            else f"unknown (limit {t.time_limit_minutes} minutes)"
        )
        p.append(f"<li>Time used: {e(used)}{' (late)' if t.late else ''}. <small>{e(OFFLINE_CLOCK_NOTE)}</small></li>")
    p.append("</ul></section><h2>Flags for review</h2>")
    if d.flags:
        items = []
        for f in d.flags:
            who = f" (with {e(f.other)})" if f.other else ""
            quotes = "".join(f"<blockquote>{e(x)}</blockquote>" for x in f.evidence)
            items.append(f"<li><b>{e(f.kind)}</b>{who}: {e(f.message)}{quotes}</li>")
        p.append(f'<div class="flags"><ul>{"".join(items)}</ul><p><i>{e(FLAG_NOTE)}</i></p></div>')
    else:
        p.append("<p>None.</p>")
    p.append('<h2>Sections</h2><table id="sections"><tr><th>section</th><th>weight</th><th>score</th></tr>')
    p += [
        f'<tr><td>{e(s.title)}</td><td class="num">{num(s.weight)}</td><td>{_bar(s.score)}</td></tr>'
        for s in d.sections
    ]
    p.append("</table><h2>Topics</h2><table><tr><th>topic</th><th>items</th><th>score</th></tr>")
    p += [f'<tr><td>{e(x.topic)}</td><td class="num">{x.items}</td><td>{_bar(x.score)}</td></tr>' for x in d.topics]
    p.append("</table><h2>Questions</h2><p><small>Letters are the ones the candidate saw.</small></p>")
    for q in d.questions:
        p.append(_question_html(q))
    for k in d.katas:
        iso = f", sandbox: {e(k.isolation)}" if k.isolation else ""
        p.append(
            f"<h2>Kata <code>{e(k.slug)}</code>: {e(k.title)}</h2><p>Status <b>{e(k.status)}</b>, "
            f"{k.passed}/{k.total} tests passed, score {pct(k.score)}, {num(k.duration_s)} s{iso}.</p>"
        )
        if k.summary:
            p.append(f"<pre>{e(k.summary)}</pre>")
        p.append("<table><tr><th>test</th><th>hidden</th><th>result</th><th>message</th></tr>")
        for x in k.tests:
            p.append(
                f"<tr><td>{e(x.name)}</td><td>{'yes' if x.hidden else 'no'}</td>"
                f"<td>{e(x.status)}</td><td>{e(x.message[:400])}</td></tr>"
            )
        p.append("</table>")
    return "".join(p + _notes_html(d) + _signed_html(signed)) + "</body></html>\n"


def _question_html(q: QuestionRow) -> str:
    marks = " · ".join(m for m in ("pasted" if q.pasted else "", "late" if q.late else "", q.note) if m)
    time = f"{q.duration_s} s" if q.duration_s is not None else "time unknown"
    p = [
        f"<h3>{e(q.public_id)} <code>{e(q.id)}</code> <small>{e(q.kind)} · {e(q.topic)} · {e(time)}</small>: "
        f"{e(_verdict(q))}{' · ' + e(marks) if marks else ''}</h3><p>{e_author(q.prompt)}</p>"
    ]
    if q.choices:
        rows = "".join(
            f"<tr><td>{e(c.letter)}</td><td>{e_author(c.text)}</td><td>{'correct' if c.correct else ''}</td>"
            f"<td>{'chosen' if c.chosen else ''}</td></tr>"
            for c in q.choices
        )
        p.append(
            f'<table class="choices"><tr><th>letter</th><th>choice</th><th></th><th>candidate</th></tr>{rows}</table>'
        )
    if q.open is None:
        given = "—" if q.given is None else q.given[:2000]
        p.append(f"<p>Given: <code>{e(given)}</code> · expected: <code>{e(q.expected[:2000])}</code></p>")
        return "".join(p)
    o = q.open
    if o.needs_review:
        why = "; ".join(o.review_reasons)
        p.append(
            f'<p class="review"><b>{e(REVIEW_NOTE.capitalize())}</b>: the grader is not sure of this score '
            f"(confidence {o.confidence:.2f}){': ' + e(why) if why else ''}.</p>"
        )
    if q.given:
        p.append(f"<blockquote>{e(q.given)}</blockquote>")
    p.append("<ul>")
    for pt in o.points:
        core = " (core)" if pt.core else ""
        if pt.verdict == "contradicted":
            p.append(
                f'<li><span class="contradicted">contradicted</span>{core}: the answer states the opposite of: '
                f"{e(pt.point)} — “{e(pt.evidence or '')}”</li>"
            )
        else:
            ev = f" — “{e(pt.evidence)}”" if pt.evidence else ""
            said = f" ({OTHER_WORDS})" if pt.other_words else ""
            p.append(f'<li><span class="{e(pt.verdict)}">{e(pt.verdict)}</span>{core}{said}: {e(pt.point)}{ev}</li>')
    for m in o.misconceptions:
        p.append(
            f'<li><span class="contradicted">misconception</span>: {e(m.belief)} (in fact: {e(m.correction)})'
            f" — “{e(m.evidence)}”</li>"
        )
    if o.waved_away:
        quoted = " ".join(f"“{e(s)}”" for s in o.waved_away)
        p.append(
            f'<li><span class="contradicted">waves away</span> what the question is about (score capped): {quoted}</li>'
        )
    if o.about_instead:
        p.append(
            '<li><span class="contradicted">answers another question</span> (score capped): reads like an answer '
            f"to <code>{e(o.about_instead)}</code></li>"
        )
    p.append("</ul>")
    if o.follow_ups:
        p.append(
            "<p>Follow-up questions for the live interview:</p><ul>"
            + "".join(f"<li>{e(f)}</li>" for f in o.follow_ups)
            + "</ul>"
        )
    if o.stretch:
        p.append(
            '<p>Stretch questions (a strong answer: push further):</p><ul class="stretch">'
            + "".join(f"<li>{e(f)}</li>" for f in o.stretch)
            + "</ul>"
        )
    return "".join(p)


def _notes_html(d: CandidateReport) -> list[str]:
    iv = d.interviewer
    p = ['<h2 id="notes">Interviewer notes</h2>']
    if iv.criteria:
        p.append('<table id="scorecard"><tr><th>criterion</th><th>score (1-4)</th></tr>')
        p += [f'<tr><td>{e(c.title)}</td><td class="num">{e(iv.scores.get(c.id, "—"))}</td></tr>' for c in iv.criteria]
        p.append("</table>")
    if iv.notes:
        p.append(
            "<ul>"
            + "".join(f"<li><small>{e(n.at)} {e(n.author)}</small>: {e(n.text)}</li>" for n in iv.notes)
            + "</ul>"
        )
    else:
        p.append("<p>None yet.</p>")
    return p


def _signed_html(signed: bool) -> list[str]:
    return (
        [
            "<p><small>Signed (HMAC-SHA256): check with <code>gokata exam verify report.html --key ...</code>."
            "</small></p>"
        ]
        if signed
        else []
    )


# ---- JUnit -----------------------------------------------------------------------------------


def to_junit(d: CandidateReport) -> str:
    """Every attribute and text passes through `shown`: one control character from a candidate
    (a panic message, an answer, an edited name) would otherwise make the whole file unreadable XML."""

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, tag, {k: shown(v) for k, v in attrs.items()})
        if text is not None:
            node.text = shown(text)
        return node

    suites = ET.Element("testsuites", name=shown(f"{d.exam}: {d.candidate}"))
    if not d.graded:
        suite = sub(suites, "testsuite", name="submission", tests="1", errors="1", failures="0")
        case = sub(suite, "testcase", classname="submission", name=d.submission)
        sub(case, "error", d.reason, message="not graded")
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
    for s in d.sections:
        cases = [q for q in d.questions if q.section == s.id]
        kata_tests = [(k, x) for k in d.katas if k.section == s.id for x in k.tests]
        failures = sum(1 for q in cases if not q.fully_right) + sum(1 for _, x in kata_tests if x.status != "pass")
        suite = sub(suites, "testsuite", name=s.title, tests=str(len(cases) + len(kata_tests)), failures=str(failures))
        for q in cases:
            case = sub(suite, "testcase", classname=q.topic, name=q.id)
            if not q.fully_right:
                sub(case, "failure", f"given: {q.given}\nexpected: {q.expected}", message=_verdict(q))
        for k, x in kata_tests:
            case = sub(suite, "testcase", classname=k.slug, name=f"{k.slug}/{x.name}")
            if x.status != "pass":
                sub(case, "failure", x.message, message=x.status)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# ---- summary ---------------------------------------------------------------------------------


def summary_rows(reports: Sequence[CandidateReport]) -> list[dict[str, Any]]:
    """One row per candidate, in rank order (not-graded rows last): the JSON summary's rows."""
    return [
        {
            "rank": d.rank,
            "candidate": d.candidate,
            "folder": d.folder,
            "submission": d.submission,
            "status": d.status,
            "reason": d.reason,
            "score": d.score if d.graded else None,
            "passed": d.passed if d.graded else None,
            "sections": {s.id: s.score for s in d.sections},
            "topics": {t.topic: t.score for t in d.topics},
            "weakest": [t.topic for t in d.weakest],
            "flags": [f.kind for f in d.flags],
            "scorecard": dict(d.interviewer.scores),
        }
        for d in reports
    ]


def summary_markdown(title: str, reports: Sequence[CandidateReport], pairs: Sequence[dict[str, Any]]) -> str:
    rows = summary_rows(reports)
    sections = list(dict.fromkeys(k for r in rows for k in r["sections"]))
    topics = sorted({k for r in rows for k in r["topics"]})
    head = ["rank", "candidate", "score", "result", *sections, *topics, "flags"]
    out = [f"# {md(title)}: summary", "", "| " + " | ".join(map(md, head)) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r["status"] != "graded":
            cells = [
                "—",
                md(r["candidate"]),
                "—",
                md(f"not graded: {r['reason']}", 120),
                *("—" for _ in sections),
                *("—" for _ in topics),
                "—",
            ]
        else:
            cells = [
                str(r["rank"]),
                md(r["candidate"]),
                pct(r["score"]),
                "pass" if r["passed"] else "below",
                *(pct(r["sections"].get(s)) for s in sections),
                *(pct(r["topics"].get(t)) for t in topics),
                md(", ".join(r["flags"])) or "—",
            ]
        out.append("| " + " | ".join(cells) + " |")
    if pairs:
        out += ["", "## Similar work (each pair once)", ""]
        for pf in pairs:
            out.append(f"- **{md(pf['kind'])}**: {md(pf['a'])} and {md(pf['b'])}")
            out += [f"  > {md(x, 300)}" for x in pf["evidence"]]
    out += ["", f"_{FLAG_NOTE}_"]
    return "\n".join(out) + "\n"


def _csv_cell(value: object) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        value = None  # never "nan" or "inf" in a cell an applicant-tracking system reads
    text = "" if value is None else shown(str(value))
    # A cell starting with = + - @ (or a tab / CR) is a formula to a spreadsheet: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_csv(reports: Sequence[CandidateReport]) -> str:
    """For applicant-tracking systems: one row per candidate, stable columns first."""
    rows = summary_rows(reports)
    sections = list(dict.fromkeys(k for r in rows for k in r["sections"]))
    topics = sorted({k for r in rows for k in r["topics"]})
    criteria = list(dict.fromkeys(c.id for d in reports for c in d.interviewer.criteria))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "rank",
            "candidate",
            "status",
            "score",
            "passed",
            "reason",
            "flags",
            "weakest",
            *(f"section:{s}" for s in sections),
            *(f"topic:{t}" for t in topics),
            *(f"scorecard:{c}" for c in criteria),
        ]
    )
    for r in rows:
        graded = r["status"] == "graded"
        w.writerow(
            [
                _csv_cell(x)
                for x in (
                    r["rank"] if graded else "",
                    r["candidate"],
                    r["status"],
                    f"{r['score']:.4f}" if graded and math.isfinite(r["score"]) else "",
                    ("yes" if r["passed"] else "no") if graded else "",
                    r["reason"],
                    ";".join(r["flags"]),
                    ";".join(r["weakest"]),
                    *(r["sections"].get(s, "") for s in sections),
                    *(r["topics"].get(t, "") for t in topics),
                    *(r["scorecard"].get(c, "") for c in criteria),
                )
            ]
        )
    return buf.getvalue()
