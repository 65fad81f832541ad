"""Report files for one candidate (Markdown, self-contained HTML, JSON, JUnit XML) and the
summary across candidates. Pure functions from report data to text."""

from __future__ import annotations

import html
import json
from typing import Any
from xml.etree import ElementTree as ET

FLAG_NOTE = ("Flags call for a human look, not automatic rejection: each has innocent explanations "
             "(a shared template, a fast typist, a clock problem).")


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"


def _cell(text: str, limit: int = 80) -> str:
    """One Markdown table cell: line breaks shown as ⏎, pipes escaped, long text cut."""
    flat = text.strip().replace("|", "\\|").replace("\n", " ⏎ ")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _verdict(q: dict[str, Any]) -> str:
    if not q["answered"]:
        return "unanswered"
    if q["correct"] is None:
        return pct(q["score"])
    return "right" if q["correct"] else "wrong"


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_markdown(d: dict[str, Any]) -> str:
    out = [f"# {d['exam']}: {d['candidate']}", ""]
    result = "PASS" if d["passed"] else "below the pass mark"
    out += [f"**Score: {pct(d['score'])}** ({result}; pass mark {pct(d['pass_mark'])})"
            + (f" — rank {d['rank']} of {d['candidates']}" if "rank" in d else ""), ""]
    t = d["time"]
    if t.get("minutes_used") is not None:
        out += [f"Time used: {t['minutes_used']} of {t['time_limit_minutes']} minutes"
                + (" (late)" if t.get("late") else ""), ""]
    out += ["## Flags for review", ""]
    if d["flags"]:
        out += [f"- **{f['kind']}**: {f['message']}" for f in d["flags"]] + ["", f"_{FLAG_NOTE}_", ""]
    else:
        out += ["None.", ""]
    out += ["## Sections", "", "| section | weight | score |", "|---|---:|---:|"]
    out += [f"| {s['title']} | {s['weight']:g} | {pct(s['score'])} |" for s in d["sections"]]
    out += ["", "## Topics", "", "| topic | items | score |", "|---|---:|---:|"]
    out += [f"| {x['topic']} | {x['items']} | {pct(x['score'])} |" for x in d["topics"]]
    out += ["", "## Questions", "", "| # | question | kind | result | given | expected | time (s) | notes |",
            "|---|---|---|---|---|---|---:|---|"]
    for q in d["questions"]:
        notes = ", ".join(n for n in ("pasted" if q.get("pasted") else "", "late" if q.get("late") else "") if n)
        given = "—" if q["given"] is None else _cell(str(q["given"]))
        out.append(f"| {q.get('public_id', '')} | `{q['id']}` | {q['kind']} | {_verdict(q)} | {given} | "
                   f"{_cell(str(q['expected']))} | {q['duration_s'] or '—'} | {notes} |")
    for q in d["questions"]:
        if "points" not in q:
            continue
        out += ["", f"### Open question `{q['id']}`: {pct(q['score'])}", ""]
        for p in q["points"]:
            ev = f" — “{p['evidence']}”" if p.get("evidence") else ""
            core = " (core)" if p.get("core") else ""
            out.append(f"- **{p['verdict']}**{core}: {p['point']}{ev}")
        for m in q.get("misconceptions", []):
            out.append(f"- **misconception**: {m['belief']} (correct: {m['correction']}) — “{m['evidence']}”")
        if q.get("follow_ups"):
            out += ["", "Follow-up questions for the live interview:", ""] + [f"- {f}" for f in q["follow_ups"]]
    for k in d["katas"]:
        out += ["", f"## Kata `{k['slug']}`: {k['title']}", "",
                f"Status **{k['status']}**, {k['passed']}/{k['total']} tests passed, score {pct(k['score'])}, "
                f"{k['duration_s']} s."]
        if k.get("summary"):
            out += ["", k["summary"]]
        failed = [x for x in k["tests"] if x["status"] != "pass"]
        if failed:
            out += ["", "| test | hidden | result | message |", "|---|---|---|---|"]
            for x in failed:
                msg = " ".join(str(x["message"]).split())[:300].replace("|", "\\|")
                out.append(f"| {x['name']} | {'yes' if x['hidden'] else 'no'} | {x['status']} | {msg} |")
    if "signature" in d:
        out += ["", f"Signed ({d['signature']['alg']}); check with `gokata exam verify report.json --key ...`."]
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24;
line-height:1.45;padding:0 1rem}
h1{margin-bottom:.2rem}.score{font-size:2.2rem;font-weight:700}.pass{color:#1a7f37}.fail{color:#cf222e}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right}
.flags{background:#fff8c5;border:1px solid #d4a72c;padding:.6rem 1rem;border-radius:6px}
.bar{background:#eaeef2;border-radius:4px;height:.7rem;width:8rem;display:inline-block;vertical-align:middle}
.bar>span{display:block;height:100%;background:#2da44e;border-radius:4px}
.covered{color:#1a7f37}.partial{color:#9a6700}.missed{color:#cf222e}.contradicted{color:#8250df}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}small{color:#57606a}
td pre{margin:0;white-space:pre-wrap;font:inherit}
"""


def _bar(x: float) -> str:
    return f'<span class="bar"><span style="width:{max(0.0, min(1.0, x)) * 100:.0f}%"></span></span> {pct(x)}'


def to_html(d: dict[str, Any]) -> str:
    e = html.escape
    cls = "pass" if d["passed"] else "fail"
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(d['exam'])}: "
             f"{e(d['candidate'])}</title><style>{_CSS}</style></head><body>",
             f"<h1 id=\"candidate\">{e(d['candidate'])}</h1><div><small>{e(d['exam'])}</small></div>",
             f"<p class=\"score {cls}\" id=\"score\">{pct(d['score'])}</p>",
             f"<p>{'Passed' if d['passed'] else 'Below the pass mark'} (pass mark {pct(d['pass_mark'])})"
             + (f", rank {d['rank']} of {d['candidates']}" if "rank" in d else "") + ".</p>"]
    t = d["time"]
    if t.get("minutes_used") is not None:
        parts.append(f"<p>Time used: {t['minutes_used']} of {t['time_limit_minutes']} minutes"
                     f"{' (late)' if t.get('late') else ''}.</p>")
    parts.append("<h2>Flags for review</h2>")
    if d["flags"]:
        items = "".join(f"<li><b>{e(f['kind'])}</b>: {e(f['message'])}</li>" for f in d["flags"])
        parts.append(f"<div class=\"flags\"><ul>{items}</ul><p><i>{e(FLAG_NOTE)}</i></p></div>")
    else:
        parts.append("<p>None.</p>")
    parts.append("<h2>Sections</h2><table id=\"sections\"><tr><th>section</th><th>weight</th><th>score</th></tr>")
    parts += [f"<tr><td>{e(s['title'])}</td><td class=\"num\">{s['weight']:g}</td><td>{_bar(s['score'])}</td></tr>"
              for s in d["sections"]]
    parts.append("</table><h2>Topics</h2><table><tr><th>topic</th><th>items</th><th>score</th></tr>")
    parts += [f"<tr><td>{e(x['topic'])}</td><td class=\"num\">{x['items']}</td><td>{_bar(x['score'])}</td></tr>"
              for x in d["topics"]]
    parts.append("</table><h2>Questions</h2><table><tr><th>question</th><th>kind</th><th>result</th>"
                 "<th>time (s)</th><th>given</th><th>expected</th></tr>")
    for q in d["questions"]:
        given = "" if q["given"] is None else str(q["given"])
        parts.append(f"<tr><td><code>{e(q['id'])}</code></td><td>{e(q['kind'])}</td><td>{e(_verdict(q))}"
                     f"{' · pasted' if q.get('pasted') else ''}</td><td class=\"num\">{q['duration_s'] or '—'}</td>"
                     f"<td><pre>{e(given[:600])}</pre></td><td><pre>{e(str(q['expected'])[:600])}</pre></td></tr>")
    parts.append("</table>")
    for q in d["questions"]:
        if "points" not in q:
            continue
        parts.append(f"<h3>Open question <code>{e(q['id'])}</code>: {pct(q['score'])}</h3><ul>")
        for p in q["points"]:
            ev = f" — “{e(p['evidence'])}”" if p.get("evidence") else ""
            parts.append(f"<li><span class=\"{e(p['verdict'])}\">{e(p['verdict'])}</span>"
                         f"{' (core)' if p.get('core') else ''}: {e(p['point'])}{ev}</li>")
        for m in q.get("misconceptions", []):
            parts.append(f"<li><span class=\"contradicted\">misconception</span>: {e(m['belief'])} "
                         f"(correct: {e(m['correction'])})</li>")
        parts.append("</ul>")
        if q.get("follow_ups"):
            parts.append("<p>Follow-up questions for the live interview:</p><ul>"
                         + "".join(f"<li>{e(f)}</li>" for f in q["follow_ups"]) + "</ul>")
    for k in d["katas"]:
        parts.append(f"<h2>Kata <code>{e(k['slug'])}</code>: {e(k['title'])}</h2><p>Status <b>{e(k['status'])}</b>, "
                     f"{k['passed']}/{k['total']} tests passed, {k['duration_s']} s.</p>")
        if k.get("summary"):
            parts.append(f"<pre>{e(k['summary'])}</pre>")
        parts.append("<table><tr><th>test</th><th>hidden</th><th>result</th><th>message</th></tr>")
        for x in k["tests"]:
            parts.append(f"<tr><td>{e(x['name'])}</td><td>{'yes' if x['hidden'] else 'no'}</td>"
                         f"<td>{e(x['status'])}</td><td>{e(str(x['message'])[:400])}</td></tr>")
        parts.append("</table>")
    if "signature" in d:
        parts.append(f"<p><small>Signed ({e(d['signature']['alg'])}).</small></p>")
    parts.append("</body></html>\n")
    return "".join(parts)


def _fully_right(q: dict[str, Any]) -> bool:
    return q["correct"] is True or (q["correct"] is None and q["score"] >= 0.999)


def to_junit(d: dict[str, Any]) -> str:
    suites = ET.Element("testsuites", name=f"{d['exam']}: {d['candidate']}")
    for s in d["sections"]:
        cases = [(q["id"], q) for q in d["questions"] if q["section"] == s["id"]]
        kata_tests = [(f"{k['slug']}/{x['name']}", x, k) for k in d["katas"] if k["section"] == s["id"]
                      for x in k["tests"]]
        failures = sum(1 for _, q in cases if not _fully_right(q))
        failures += sum(1 for _, x, _k in kata_tests if x["status"] != "pass")
        suite = ET.SubElement(suites, "testsuite", name=s["title"], tests=str(len(cases) + len(kata_tests)),
                              failures=str(failures))
        for name, q in cases:
            case = ET.SubElement(suite, "testcase", classname=q["topic"], name=name)
            if not _fully_right(q):
                fail = ET.SubElement(case, "failure", message=f"{_verdict(q)}")
                fail.text = f"given: {q['given']}\nexpected: {q['expected']}"
        for name, x, k in kata_tests:
            case = ET.SubElement(suite, "testcase", classname=k["slug"], name=name)
            if x["status"] != "pass":
                ET.SubElement(case, "failure", message=x["status"]).text = str(x["message"])
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def summary_rows(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({"rank": d.get("rank"), "candidate": d["candidate"], "score": d["score"], "passed": d["passed"],
                    "sections": {s["id"]: s["score"] for s in d["sections"]},
                    "topics": {t["topic"]: t["score"] for t in d["topics"]}, "flags": [f["kind"] for f in d["flags"]]}
                   for d in reports), key=lambda r: (r["rank"] or 0))


def summary_markdown(reports: list[dict[str, Any]]) -> str:
    rows = summary_rows(reports)
    sections = list(dict.fromkeys(k for r in rows for k in r["sections"]))
    topics = sorted({k for r in rows for k in r["topics"]})
    head = ["rank", "candidate", "score", "result", *sections, *topics, "flags"]
    out = ["# Summary", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [str(r["rank"]), r["candidate"], pct(r["score"]), "pass" if r["passed"] else "below",
                 *(pct(r["sections"].get(s)) for s in sections), *(pct(r["topics"].get(t)) for t in topics),
                 ", ".join(r["flags"]) or "—"]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", f"_{FLAG_NOTE}_"]
    return "\n".join(out) + "\n"
