"""`exam grade`, `exam merge` and `exam note`: grade submissions (all, or one shard of them),
compare candidates, rank them, and write every report file with its signature.

A batch never stops for one bad file: a submission that cannot be graded becomes a
"not graded: <reason>" row and a small report of its own. Grading one shard and merging the
shards gives the same summary as grading everything in one run, because both end in `finish`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runner.errors import BadInput
from runner.exam.grading import GradingContext, grade_submission
from runner.exam.model import CandidateReport, DecodeError, Note, decode, encode, json_safe
from runner.exam.signing import file_hash, sign, verify
from runner.exam.similarity import PairFlag, pair_flags, with_pair_flags
from runner.kata.isolation import RunSlots, gate_available
from runner.reports import exam as R
from runner.reports.jsonout import json_text
from runner.steps import OnStep, StepCounter

SUMMARY_FORMAT = 2
MAX_REPORT_BYTES = 64 * 1024 * 1024
SCORE_RANGE = (1, 4)
EXTRA_BUILDS = 1  # submissions built beside the N running their tests (--jobs N >= 2)


@dataclass(frozen=True)
class BatchResult:
    title: str
    reports: tuple[CandidateReport, ...]  # rank order, not-graded last
    pairs: tuple[PairFlag, ...]
    written: tuple[Path, ...]

    @property
    def all_graded(self) -> bool:
        return all(r.graded for r in self.reports)


def parse_shard(text: str) -> tuple[int, int]:
    """`i/n` with 1 <= i <= n."""
    try:
        i_text, n_text = text.split("/")
        i, n = int(i_text), int(n_text)
    except ValueError:
        raise BadInput(f"--shard {text!r}: give it as i/n, e.g. 2/3") from None
    if not (1 <= i <= n <= 1000):
        raise BadInput(f"--shard {text!r}: i must be between 1 and n (n at most 1000)")
    return i, n


def in_shard(path: Path, shard: tuple[int, int] | None) -> bool:
    """By a hash of the file name: the same file lands in the same shard on every machine,
    whatever else is in the folder."""
    if shard is None:
        return True
    i, n = shard
    return int(hashlib.sha256(path.name.encode("utf-8", "surrogateescape")).hexdigest(), 16) % n == i - 1


def context_for(spec: Path, run_slots: RunSlots | None = None) -> GradingContext:
    from runner.exam.kata_bridge import hidden_grader, starter_files
    from runner.exam.workflow import pack_for, public_content

    exam, catalog, built = pack_for(spec)
    public = public_content(exam)
    return GradingContext(
        exam,
        catalog,
        built.pack_hash,
        hidden_grader(exam, run_slots),
        starter_files(exam),
        public_bank=bool(public.questions),
    )


def workers_for(jobs: int) -> tuple[int, RunSlots | None]:
    """(threads, the limit on test binaries) for --jobs N.

    --jobs 1 grades strictly one submission at a time. With N >= 2, N test binaries run at once
    (hidden tests may use real timers: never more), and EXTRA_BUILDS more submissions are read,
    checked and built beside them, so a core is not left idle while a test binary runs (the race
    runtime's exit sleep, the sandbox set-up, the go command waiting on the binary)."""
    if jobs < 2 or not gate_available():
        return max(1, jobs), None
    return jobs + EXTRA_BUILDS, RunSlots(jobs)


def grade_all(
    spec: Path,
    submissions: Sequence[Path],
    *,
    jobs: int,
    out_dir: Path,
    key: str | None,
    shard: tuple[int, int] | None = None,
    on_step: OnStep | None = None,
) -> BatchResult:
    threads, slots = workers_for(jobs)
    ctx = context_for(spec, slots)
    _check_out(out_dir)
    share = [p for p in dict.fromkeys(submissions) if in_shard(p, shard)]
    # Threads, not processes: the heavy work is the `go test` child of each kata run, and the
    # context (bank, compiled graders, starter results) is shared instead of rebuilt per worker.
    counter = StepCounter(len(share), on_step)

    def grade(path: Path) -> CandidateReport:
        report = grade_submission(path, ctx)
        counter.finished(path.name, report.graded)
        return report

    with ThreadPoolExecutor(max_workers=threads) as pool:
        graded = list(pool.map(grade, share))
    return finish(ctx.exam.spec.title, graded, out_dir, key)


def _check_out(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise BadInput(f"--out {out_dir}: exists and is not a folder")


def assign_folders(reports: Sequence[CandidateReport]) -> list[CandidateReport]:
    """Unique folder names, decided in a fixed order so any split into shards gives the same names."""
    used: set[str] = set()
    out: list[CandidateReport] = []
    for r in sorted(reports, key=lambda r: (r.folder, r.submission, r.candidate)):
        base = r.folder or "candidate"
        name, n = base, 1
        while name in used or name in ("summary.md", "summary.json", "summary.csv"):
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        out.append(r.replace(folder=name))
    return out


def rank(reports: Sequence[CandidateReport]) -> list[CandidateReport]:
    """Equal scores share a rank; within it, fewer flags first, then the name. Not-graded rows last."""
    graded = [r for r in reports if r.graded]
    order = sorted(graded, key=lambda r: (-r.score, len(r.flags), r.candidate.casefold(), r.folder))
    ranked = [r.replace(rank=1 + sum(o.score > r.score for o in graded), candidates=len(graded)) for r in order]
    rest = sorted((r for r in reports if not r.graded), key=lambda r: r.folder)
    return ranked + [r.replace(rank=None, candidates=len(graded)) for r in rest]


def finish(title: str, reports: Sequence[CandidateReport], out_dir: Path, key: str | None) -> BatchResult:
    named = assign_folders(reports)
    pairs = pair_flags(named)
    final = rank(with_pair_flags(named, pairs))
    written = write_all(title, final, pairs, out_dir, key)
    return BatchResult(title, tuple(final), tuple(pairs), tuple(written))


def _pairs_json(pairs: Sequence[PairFlag], reports: Sequence[CandidateReport]) -> list[dict[str, Any]]:
    names = {r.folder: r.candidate for r in reports}
    return [
        {"kind": p.kind, "a": names.get(p.a, p.a), "b": names.get(p.b, p.b), "evidence": list(p.evidence)}
        for p in pairs
    ]


def _write(path: Path, text: str) -> str:
    data = text.encode("utf-8")
    path.write_bytes(data)
    return file_hash(data)


def write_report(r: CandidateReport, folder: Path, key: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "report.md": _write(folder / "report.md", R.to_markdown(r, signed=key is not None)),
        "report.html": _write(folder / "report.html", R.to_html(r, signed=key is not None)),
        "junit.xml": _write(folder / "junit.xml", R.to_junit(r)),
    }
    data: dict[str, Any] = {**encode(r), "files": files}
    if key:
        data = sign(data, key)
    (folder / "report.json").write_text(json_text(data), encoding="utf-8")


def write_summary(
    title: str, reports: Sequence[CandidateReport], pairs: list[dict[str, Any]], out_dir: Path, key: str | None
) -> list[Path]:
    files = {
        "summary.md": _write(out_dir / "summary.md", R.summary_markdown(title, reports, pairs)),
        "summary.csv": _write(out_dir / "summary.csv", R.summary_csv(reports)),
    }
    summary: dict[str, Any] = json_safe(
        {
            "format": SUMMARY_FORMAT,
            "exam": title,
            "candidates": R.summary_rows(reports),
            "similar": pairs,
            "files": files,
        }
    )
    if key:
        summary = sign(summary, key)
    (out_dir / "summary.json").write_text(json_text(summary), encoding="utf-8")
    return [out_dir / "summary.md", out_dir / "summary.csv", out_dir / "summary.json"]


def write_all(
    title: str, reports: Sequence[CandidateReport], pairs: Sequence[PairFlag], out_dir: Path, key: str | None
) -> list[Path]:
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for r in reports:
            write_report(r, out_dir / r.folder, key)
            written.append(out_dir / r.folder)
        written += write_summary(title, reports, _pairs_json(pairs, reports), out_dir, key)
    except OSError as exc:
        raise BadInput(f"{out_dir}: cannot write reports: {exc.strerror or exc}") from None
    return written


# ---- reading reports back (merge, note) --------------------------------------------------------


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_REPORT_BYTES + 1)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror}") from None
    if len(raw) > MAX_REPORT_BYTES:
        raise BadInput(f"{path}: larger than any report gokata writes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text; not a gokata report") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}:{exc.colno}: not a gokata report: {exc.msg}") from None
    except (RecursionError, ValueError) as exc:
        raise BadInput(f"{path}: not a gokata report ({exc})") from None
    if not isinstance(data, dict):
        raise BadInput(f"{path}: not a gokata report")
    return data


def read_report(path: Path, key: str | None) -> tuple[CandidateReport, dict[str, Any]]:
    data = _read_json(path)
    if data.get("format") != 2:
        raise BadInput(f"{path}: not a report this gokata reads (format {str(data.get('format'))[:20]})")
    if key is not None and "signature" in data and not verify(data, key):
        raise BadInput(f"{path}: altered after signing, or signed with another key; not used")
    try:
        report = decode(CandidateReport, data)
    except DecodeError as exc:
        raise BadInput(f"{path}: not a gokata report: {exc}") from None
    except RecursionError:
        raise BadInput(f"{path}: not a gokata report: nested too deeply") from None
    return report, data


def read_report_dir(folder: Path, key: str | None) -> list[CandidateReport]:
    if not folder.is_dir():
        raise BadInput(f"{folder}: not a folder of reports (the --out of `gokata exam grade`)")
    found = [
        read_report(sub / "report.json", key)[0]
        for sub in sorted(folder.iterdir())
        if sub.is_dir() and (sub / "report.json").is_file()
    ]
    return found


def merge(dirs: Sequence[Path], out_dir: Path, key: str | None) -> BatchResult:
    """Put shards back together: summary, similarity across all candidates, ranks and signatures."""
    _check_out(out_dir)
    reports: list[CandidateReport] = []
    seen: dict[str, Path] = {}
    for d in dict.fromkeys(dirs):
        for r in read_report_dir(d, key):
            if r.submission in seen:
                raise BadInput(f"{r.submission} was graded in both {seen[r.submission]} and {d}; give each shard once")
            seen[r.submission] = d
            reports.append(r)
    if not reports:
        raise BadInput("no reports found in " + ", ".join(map(str, dirs)))
    titles = sorted({r.exam for r in reports})
    if len(titles) > 1:
        raise BadInput(f"these reports are from different exams: {', '.join(titles)}")
    graders = sorted({r.grader for r in reports})
    if len(graders) > 1:
        # one shard reading open answers with the meaning extra and another without would rank
        # candidates by which machine graded them
        raise BadInput(
            f"these shards read open answers differently (grader {' and '.join(graders)}); "
            "grade every shard with the same `grader` setting"
        )
    return finish(titles[0], reports, out_dir, key)


# ---- interviewer notes ---------------------------------------------------------------------------


def find_candidate(report_dir: Path, who: str, key: str | None) -> Path:
    if not report_dir.is_dir():
        raise BadInput(f"{report_dir}: not a folder of reports (the --out of `gokata exam grade`)")
    direct = report_dir / who
    if who not in ("", ".", "..") and "/" not in who and (direct / "report.json").is_file():
        return direct
    matches = [
        sub
        for sub in sorted(report_dir.iterdir())
        if sub.is_dir()
        and (sub / "report.json").is_file()
        and read_report(sub / "report.json", None)[0].candidate.casefold() == who.casefold()
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise BadInput(f"{report_dir}: no candidate {who!r} (give the folder name or the name in the report)")
    raise BadInput(f"{report_dir}: {len(matches)} candidates are called {who!r}; give the folder name")


def _old_summary(path: Path, title: str) -> tuple[str, list[dict[str, Any]], dict[str, int]]:
    """The title, similarity pairs and row order of an existing summary.json (kept when notes are added)."""
    if not path.is_file():
        return title, [], {}
    old = _read_json(path)
    pairs = (
        [
            p
            for p in old.get("similar", [])
            if isinstance(p, dict)
            and all(isinstance(p.get(k), str) for k in ("kind", "a", "b"))
            and isinstance(p.get("evidence"), list)
            and all(isinstance(x, str) for x in p["evidence"])
        ]
        if isinstance(old.get("similar"), list)
        else []
    )
    found = old.get("candidates")
    rows: list[Any] = found if isinstance(found, list) else []
    order = {str(row.get("folder")): i for i, row in enumerate(rows) if isinstance(row, dict)}
    exam = old.get("exam")
    return (exam if isinstance(exam, str) else title), pairs, order


def add_note(
    report_dir: Path,
    who: str,
    *,
    text: str | None,
    author: str,
    scores: dict[str, int],
    key: str | None,
    now: float | None = None,
) -> CandidateReport:
    folder = find_candidate(report_dir, who, key)
    report, data = read_report(folder / "report.json", key)
    if "signature" in data and key is None:
        raise BadInput(
            f"{folder / 'report.json'} is signed: give --key (or GOKATA_EXAM_KEY) so it can be signed "
            "again with the notes"
        )
    known = {c.id for c in report.interviewer.criteria}
    for cid, value in scores.items():
        if cid not in known:
            raise BadInput(
                f"--score {cid}: not a criterion of this exam's scorecard "
                f"({', '.join(sorted(known)) or 'the spec has no scorecard'})"
            )
        if not SCORE_RANGE[0] <= value <= SCORE_RANGE[1]:
            raise BadInput(f"--score {cid}={value}: scores run from {SCORE_RANGE[0]} to {SCORE_RANGE[1]}")
    if not text and not scores:
        raise BadInput("nothing to add: give --text and/or --score CRITERION=N")
    iv = report.interviewer
    notes = iv.notes
    if text:
        if len(text) > 20_000:
            raise BadInput("--text: at most 20000 characters")
        at = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(time.time() if now is None else now))
        notes = (*notes, Note(at, author, text))
    updated = report.replace(interviewer=type(iv)(iv.criteria, {**iv.scores, **scores}, notes))
    try:
        write_report(updated, folder, key)
        everyone = read_report_dir(report_dir, key)
        title, pairs, order = _old_summary(report_dir / "summary.json", updated.exam)
        ordered = sorted(
            everyone,
            key=lambda r: (
                order.get(r.folder, len(order)),
                r.rank is None,
                r.rank or 0,
                r.candidate.casefold(),
                r.folder,
            ),
        )
        write_summary(title, ordered, pairs, report_dir, key)
    except OSError as exc:
        raise BadInput(f"{report_dir}: cannot write: {exc.strerror}") from None
    return updated
