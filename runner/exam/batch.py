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
from runner.files import atomic_write_bytes, locked
from runner.kata.isolation import RunSlots, gate_available
from runner.reports import exam as R
from runner.reports.jsonout import json_text
from runner.steps import OnStep, StepCounter

SUMMARY_FORMAT = 2
SUMMARY_JSON = "summary.json"
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
    # Atomic: a crash or Ctrl-C never leaves half a report, and `exam note` never reads half a summary.
    data = text.encode("utf-8")
    atomic_write_bytes(path, data)
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
    _write(folder / "report.json", json_text(data))


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
    _write(out_dir / "summary.json", json_text(summary))
    return [out_dir / "summary.md", out_dir / "summary.csv", out_dir / "summary.json"]


def write_all(
    title: str, reports: Sequence[CandidateReport], pairs: Sequence[PairFlag], out_dir: Path, key: str | None
) -> list[Path]:
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with locked(out_dir / SUMMARY_JSON):
            # The summary is written last and the old one goes first: a run stopped half-way (Ctrl-C,
            # a full disk) leaves a folder without summary.json, never an old summary over a mix
            # of old and new reports.
            for name in (SUMMARY_JSON, "summary.md", "summary.csv"):
                (out_dir / name).unlink(missing_ok=True)
            for r in reports:
                r = _with_earlier_notes(r, out_dir / r.folder / "report.json")
                write_report(r, out_dir / r.folder, key)
                written.append(out_dir / r.folder)
            written += write_summary(title, reports, _pairs_json(pairs, reports), out_dir, key)
    except OSError as exc:
        raise BadInput(f"{out_dir}: cannot write reports: {exc.strerror or exc}") from None
    return written


def _with_earlier_notes(r: CandidateReport, old_path: Path) -> CandidateReport:
    """Grading again into the same --out (after a kata fix, a new bank) kept nothing of what the
    interviewers had added: their notes and scorecard scores for this candidate's submission are
    carried over to the new report."""
    if not old_path.is_file():
        return r
    try:
        old, _ = read_report(old_path, None)
    except BadInput:
        return r  # not a report gokata can read: written over, as before
    if old.submission != r.submission or old.candidate != r.candidate:
        return r
    iv, was = r.interviewer, old.interviewer
    if not was.notes and not was.scores:
        return r
    known = {c.id for c in iv.criteria}
    notes = (*iv.notes, *(n for n in was.notes if n not in iv.notes))
    scores = {**{k: v for k, v in was.scores.items() if k in known}, **iv.scores}
    return r.replace(interviewer=type(iv)(iv.criteria, scores, notes))


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
    # Unsigned reports are only as good as their content: the folder name is a path `exam merge`
    # writes to (it wrote wherever "folder" said: /tmp/x, ../../x), and a score of 9.5 ranked first.
    if not _is_folder_name(report.folder):
        raise BadInput(f"{path}: folder: {report.folder[:80]!r} is not a folder name gokata writes")
    if where := _out_of_range(data):
        raise BadInput(f"{path}: {where}")
    return report, data


def _is_folder_name(name: str) -> bool:
    return 0 < len(name) <= 100 and all(c.isalnum() or c in "-_" for c in name)


def _out_of_range(value: Any, at: str = "") -> str | None:
    """The first score outside 0..1, weight below 0 or scorecard score outside SCORE_RANGE."""
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{at}.{k}" if at else str(k)
            if k == "score" and isinstance(v, int | float) and not 0 <= v <= 1:
                return f"{here}: expected a score from 0 to 1, got {v}"
            if k == "weight" and isinstance(v, int | float) and v < 0:
                return f"{here}: expected a weight of 0 or more, got {v}"
            if k == "scores" and at.endswith("interviewer") and isinstance(v, dict):
                bad = [
                    (c, n) for c, n in v.items() if not (isinstance(n, int) and SCORE_RANGE[0] <= n <= SCORE_RANGE[1])
                ]
                if bad:
                    return f"{here}.{bad[0][0]}: expected {SCORE_RANGE[0]} to {SCORE_RANGE[1]}, got {bad[0][1]}"
            if found := _out_of_range(v, here):
                return found
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if found := _out_of_range(v, f"{at}[{i}]"):
                return found
    return None


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
    if not report_dir.is_dir():
        raise BadInput(f"{report_dir}: not a folder of reports (the --out of `gokata exam grade`)")
    try:
        # Two notes at once each read the report and wrote it back with their own note: one was lost.
        with locked(report_dir / SUMMARY_JSON):
            return _add_note(report_dir, who, text=text, author=author, scores=scores, key=key, now=now)
    except OSError as exc:
        raise BadInput(f"{report_dir}: cannot write: {exc.strerror}") from None


def _add_note(
    report_dir: Path,
    who: str,
    *,
    text: str | None,
    author: str,
    scores: dict[str, int],
    key: str | None,
    now: float | None,
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
