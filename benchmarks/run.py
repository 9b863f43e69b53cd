"""Benchmarks: reportgen's speed and memory targets in one command, ratios from one run (issue 13, point 5).

    python benchmarks/run.py            # full run, about 2½ minutes on two cores
    python benchmarks/run.py --quick    # a smoke test, about 30 s: fewer rounds, 100 profiles

Sections, in the order they run (benchmarks/README.md says what each row means):

1. **Whole build, per example profile**: the YAML file to DOCX + HTML bytes in a warm process
   (`check_profile` → `render_document` → `write(…, "docx")`, `write(…, "html")`), against
   docxtpl rendering the same text with python-docx's default template and with a template
   made from reportgen's own `reference.docx`; then each stage alone (load; schema + derive +
   checks; render; write DOCX; write HTML). All eight are timed *interleaved* (one run of each
   in turn, N rounds, medians), so a slow spell of the shared machine slows them all alike.
2. **Cold**: `python -m reportgen build ONE.yaml` in a new process against
   `python -c "import pydantic, ruamel.yaml, jinja2"` and against the floor of imports any
   build needs (`pydantic.main, pydantic.fields, jinja2.sandbox, yaml, click`), interleaved, medians.
3. **Batch**: 1,000 profiles generated in a temporary folder from the five examples (each
   with `jurisdiction.name` + index), built by `reportgen build FOLDER -j 1` and `-j 2`
   (`--format docx,html`) as whole processes. While each runs, its process tree is polled
   for the peak RSS (`VmHWM` in /proc/PID/status) of the parent and of every worker.
4. **Memory in one process**: a child builds the generated profiles one after another and
   reads its RSS (/proc/self/statm, after `gc.collect()`) after 100 and after the last.

Then the five targets with PASS, FAIL or SKIP and the measured figure. Exit status 1 when a
target fails, else 0. docxtpl missing (`pip install docxtpl`) skips the two docxtpl targets.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from reportgen.api import check_loaded, check_profile
from reportgen.document import Document, Enumeration, Heading, Paragraph, Signature, Table
from reportgen.load import load_profile
from reportgen.render import render_document
from reportgen.review import place_in_profile, proofread
from reportgen.writers import WriteOptions, write

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
REFERENCE_DOCX = ROOT / "src" / "reportgen" / "writers" / "reference.docx"
MIB = 1024 * 1024
OPTIONS = WriteOptions()

# The targets of issue 13, point 5.
MIN_RATIO_DEFAULT = 2.5  # docxtpl (python-docx's default template) ÷ reportgen whole build
MIN_RATIO_REFERENCE = 1.5  # docxtpl (template made from reference.docx) ÷ reportgen whole build
MAX_COLD_RATIO = 1.6  # cold `reportgen build ONE.yaml` ÷ bare imports (point 3)
MAX_BATCH_SECONDS = 8.0  # 1,000 profiles, -j 2
MAX_PROCESS_MIB = 80.0  # peak RSS of any one process over the batch
MAX_GROWTH_MIB = 5.0  # "flat": RSS growth from profile 100 to the last, in one process
MEMORY_BASELINE = 100


@dataclass(frozen=True)
class Settings:
    in_process: int  # interleaved rounds per example profile (after 2 untimed)
    cold: int  # interleaved rounds of the cold pair (after 1 untimed)
    batch_rounds: int  # interleaved rounds of the -j 1 / -j 2 pair
    profiles: int  # generated profiles for the batch and the memory child


FULL = Settings(in_process=21, cold=9, batch_rounds=1, profiles=1000)
QUICK = Settings(in_process=5, cold=3, batch_rounds=1, profiles=200)


# ---------------------------------------------------------------- timing


def interleaved(actions: Sequence[Callable[[], object]], rounds: int, warmup: int) -> list[list[float]]:
    """Milliseconds of each action per round; the actions take turns, so machine noise hits all alike.
    The collector stays on during each action (its own garbage is part of its cost), but runs
    untimed before each, so docxtpl's lxml garbage is not collected in the next row's time."""
    for _ in range(warmup):
        for action in actions:
            action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(rounds):
        for action, times in zip(actions, samples, strict=True):
            gc.collect()  # untimed: no action pays for collecting the garbage of the one before
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
    return samples


class Row(NamedTuple):
    name: str
    ms: float | None  # median; None when skipped
    note: str = ""


# ---------------------------------------------------------------- reportgen, in process


def profile_paths() -> list[Path]:
    return sorted(PROFILES.glob("*.yaml"))


def whole_build(path: Path) -> tuple[bytes, bytes]:
    """What `reportgen build` computes for one profile: the YAML file → DOCX and HTML bytes (no files written)."""
    result = check_profile(path)
    if not result.ok or result.report is None:
        raise SystemExit(f"{path.name} does not validate; run `reportgen validate {path}`.")
    templates = [path.parent / result.report.profile.templates] if result.report.profile.templates else []
    document = render_document(result.report, templates)
    # build proofreads what it writes with `reportgen check`'s text rules, placing findings in the profile
    place_in_profile(path, result.report, proofread(path, document), result.loaded)
    return write(document, "docx", OPTIONS), write(document, "html", OPTIONS)


def rendered(path: Path):  # type: ignore[no-untyped-def]
    loaded = load_profile(path)
    result = check_loaded(loaded)
    assert result.ok and result.report is not None, path
    templates = [path.parent / result.report.profile.templates] if result.report.profile.templates else []
    return loaded, result.report, templates, render_document(result.report, templates)


# ---------------------------------------------------------------- the same text for docxtpl


class Block(NamedTuple):
    """Level 0 is a paragraph, 1–4 a heading."""

    level: int
    text: str


def flat_blocks(document: Document) -> list[Block]:
    """The document's text as headings and paragraphs, in the model's own wording."""
    return [flat for block in document.blocks for flat in _flatten(block)]


def _flatten(block: object) -> list[Block]:
    match block:
        case Heading():
            return [Block(block.level, block.label)]
        case Paragraph():
            return [Block(0, block.lead + block.text)]
        case Enumeration():
            if block.inline:
                return [Block(0, block.inline_text)]
            items = ["".join(text for text, _ in block.item_runs(item)) for item in block.items]
            return [Block(0, text) for text in ([block.intro] if block.intro else []) + items]
        case Table():
            return [Block(0, block.caption), *(Block(0, " | ".join(row)) for row in [block.header, *block.rows])]
        case Signature():
            return [Block(0, text) for text in (*block.bodies, block.date_text) if text]
    return []


def same_content(document: Document, blocks: Sequence[Block]) -> bool:
    """True when `blocks` hold exactly the body lines of `reportgen build --format txt`."""
    text = write(document, "txt", OPTIONS).decode("utf-8")
    lines = [line.strip().removeprefix("【模板文字】") for line in text.splitlines()]
    body = [line for line in lines[len(document.title_lines) or 1 :] if line]
    return body == [block.text for block in blocks]


def document_title(document: Document) -> str:
    return document.title or "".join(document.title_lines)


# ---------------------------------------------------------------- docxtpl


def docxtpl_version() -> str | None:
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return None
    return metadata.version("docxtpl")


def make_docxtpl_template(base: Path | None) -> bytes:
    """A docxtpl template: a Title paragraph, then one loop over the blocks with `{%p %}` tags choosing
    Normal or Heading 1–4. `base` None: python-docx's default document; else that .docx with its body
    emptied (its styles, page set-up and properties kept)."""
    import docx

    template = docx.Document(str(base)) if base else docx.Document()
    body = template.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    template.add_paragraph("{{ title }}", style="Title")
    template.add_paragraph("{%p for block in blocks %}")
    template.add_paragraph("{%p if block.level == 0 %}")
    template.add_paragraph("{{ block.text }}", style="Normal")
    for level in range(1, 5):
        template.add_paragraph(f"{{%p elif block.level == {level} %}}")
        template.add_paragraph("{{ block.text }}", style=f"Heading {level}")
    template.add_paragraph("{%p endif %}")
    template.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_docxtpl(template: bytes, title: str, blocks: Sequence[Block]) -> bytes:
    """One report through docxtpl: open the template, render (autoescape: text may hold & or <), save."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    document.render({"title": title, "blocks": blocks}, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- section 1: per profile

WHOLE, DEFAULT, REFERENCE = (
    "reportgen whole build (YAML → DOCX + HTML)",
    "docxtpl, default template",
    "docxtpl, reference.docx",
)


def profile_rows(path: Path, templates: dict[str, bytes], rounds: int) -> list[Row]:
    loaded, report, own, document = rendered(path)
    blocks = flat_blocks(document)
    if not same_content(document, blocks):
        print(f"  warning: {path.name}: the text given to docxtpl differs from --format txt")
    title = document_title(document)
    candidates: list[tuple[str, Callable[[], object] | None]] = [
        (WHOLE, partial(whole_build, path)),
        (f"{DEFAULT} (same text)", partial(render_docxtpl, templates[DEFAULT], title, blocks) if templates else None),
        (
            f"{REFERENCE} (same text)",
            partial(render_docxtpl, templates[REFERENCE], title, blocks) if templates else None,
        ),
        ("  stage 1 load (YAML with positions)", partial(load_profile, path)),
        ("  stage 2–4 schema + derive + checks", partial(check_loaded, loaded)),
        ("  stage 5 render (templates → model)", partial(render_document, report, own)),
        ("  stage 5 proofread (check's text rules)", partial(proofread, path, document)),
        ("  stage 6 write DOCX", partial(write, document, "docx", OPTIONS)),
        ("  stage 6 write HTML", partial(write, document, "html", OPTIONS)),
    ]
    live = [(name, action) for name, action in candidates if action is not None]
    samples = interleaved([action for _, action in live], rounds, 2)
    medians = {name: statistics.median(times) for (name, _), times in zip(live, samples, strict=True)}
    return [
        Row(name, medians.get(name), "" if name in medians else "skipped: pip install docxtpl")
        for name, _ in candidates
    ]


def print_profile(name: str, rows: Sequence[Row]) -> None:
    whole = rows[0].ms
    print(name)
    print(f"  {'':<46} {'median':>9}  {'÷ whole build':>13}")
    for row in rows:
        if row.ms is None:
            print(f"  {row.name:<46} {'—':>9}  {row.note}")
        else:
            print(f"  {row.name:<46} {row.ms:>6.1f} ms  {row.ms / whole:>12.2f}×")
    print()


# ---------------------------------------------------------------- section 2: cold


def cold_environment(scratch: Path) -> dict[str, str]:
    """This environment with bytecode caching on, cached under `scratch`: an installed reportgen has
    .pyc files; an editable install under PYTHONDONTWRITEBYTECODE=1 would recompile src/ every run."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return environment


def run_quietly(argv: Sequence[str], environment: dict[str, str]) -> None:
    done = subprocess.run(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr.decode()}")


# What any build imports before running a line of reportgen: `import pydantic` alone is lazy, a
# model needs pydantic.main and a field with a title pydantic.fields; templates run in Jinja's
# sandbox; profiles are read with PyYAML's libyaml loader; the command line is Click. The
# distance from this floor is reportgen's own.
FLOOR_IMPORTS = "import pydantic.main, pydantic.fields, jinja2.sandbox, yaml, click"
NO_PLUGIN_SCAN = "import os; os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__')"


def cold_rows(path: Path, rounds: int, scratch: Path) -> list[Row]:
    environment = cold_environment(scratch)
    out = scratch / "cold-out"
    pairs = [
        (
            f"cold `python -m reportgen build {path.name}`",
            [sys.executable, "-m", "reportgen", "build", str(path), "-o", str(out)],
        ),
        (
            'bare `python -c "import pydantic, ruamel.yaml, jinja2"`',
            [sys.executable, "-c", "import pydantic, ruamel.yaml, jinja2"],
        ),
        (
            'floor `python -c "import pydantic.main, pydantic.fields, jinja2.sandbox, yaml, click"`',
            [sys.executable, "-c", FLOOR_IMPORTS],
        ),
        (
            'floor + schema `python -c "…; import reportgen.schema"`',
            # as `reportgen` itself runs: without pydantic's scan of the installed packages for plugins
            [sys.executable, "-c", f"{FLOOR_IMPORTS}; {NO_PLUGIN_SCAN}; import reportgen.schema"],
        ),
        ("bare `python -c pass` (interpreter start)", [sys.executable, "-c", "pass"]),
    ]
    samples = interleaved([partial(run_quietly, argv, environment) for _, argv in pairs], rounds, 1)
    return [Row(name, statistics.median(times)) for (name, _), times in zip(pairs, samples, strict=True)]


def print_cold(rows: Sequence[Row]) -> None:
    imports = rows[1].ms
    print("Cold start (new process each run)")
    print(f"  {'':<60} {'median':>9}  {'÷ bare imports':>14}")
    for row in rows:
        print(f"  {row.name:<60} {row.ms:>6.0f} ms  {row.ms / imports:>13.2f}×")
    print()


# ---------------------------------------------------------------- section 3: batch


def generate_profiles(folder: Path, count: int) -> list[Path]:
    """`count` profiles cycling through the five examples, each with `jurisdiction.name` + its index,
    so every one writes files of its own name."""
    name = re.compile(r"^(jurisdiction:[^\n]*\n(?:[ #][^\n]*\n)*?  name: *)([^\s#]+)", re.M)
    sources = [(path.name, path.read_text(encoding="utf-8")) for path in profile_paths()]
    folder.mkdir()
    written = []
    for index in range(count):
        file_name, text = sources[index % len(sources)]
        suffix = f"{index:04d}"
        text, found = name.subn(lambda m, suffix=suffix: m.group(1) + m.group(2) + suffix, text, count=1)
        if found != 1:
            raise SystemExit(f"{file_name}: no jurisdiction.name to change")
        target = folder / f"{index:04d}-{file_name}"
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except OSError:
        pass
    return found


def _vmhwm(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


@dataclass
class TreeWatch:
    """Polls a process and its descendants for their peak RSS (VmHWM) until stopped."""

    root: int
    peaks: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self._stop.is_set():
            pending, seen = [self.root], set()
            while pending:
                pid = pending.pop()
                if pid in seen:
                    continue
                seen.add(pid)
                peak = _vmhwm(pid)
                if peak is not None:
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0))
                pending += _children(pid)
            self._stop.wait(0.05)

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, daemon=True)
        thread.start()
        return thread

    def stop(self, thread: threading.Thread) -> None:
        self._stop.set()
        thread.join()


@dataclass(frozen=True)
class BatchRun:
    jobs: int
    seconds: float
    parent_peak: int  # bytes
    worker_peaks: list[int]


def reportgen_launcher() -> list[str]:
    script = shutil.which("reportgen", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "reportgen"]


def run_batch(folder: Path, jobs: int, count: int, scratch: Path) -> BatchRun:
    out = scratch / f"out-j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    argv = [*reportgen_launcher(), "build", str(folder), "-o", str(out), "--format", "docx,html", "-j", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=cold_environment(scratch), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watch = TreeWatch(process.pid)
    thread = watch.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - start
    watch.stop(thread)
    written = len(list(out.iterdir())) if out.exists() else 0
    shutil.rmtree(out, ignore_errors=True)
    if process.returncode != 0 or written != 2 * count:
        raise SystemExit(
            f"{' '.join(argv)} exited {process.returncode}, wrote {written} files:\n{errors.decode()[-2000:]}"
        )
    parent = watch.peaks.pop(process.pid, 0)
    return BatchRun(jobs, seconds, parent, sorted(watch.peaks.values(), reverse=True))


def batch_runs(folder: Path, count: int, rounds: int, scratch: Path) -> dict[int, list[BatchRun]]:
    runs: dict[int, list[BatchRun]] = {1: [], 2: []}
    for _ in range(rounds):  # interleaved: -j 2 first (the target), then -j 1
        for jobs in (2, 1):
            runs[jobs].append(run_batch(folder, jobs, count, scratch))
    return runs


def median_seconds(runs: Sequence[BatchRun]) -> float:
    return statistics.median(run.seconds for run in runs)


def print_batch(runs: dict[int, list[BatchRun]], count: int) -> None:
    print(f"Batch: `reportgen build FOLDER --format docx,html -j N`, {count} generated profiles, whole process")
    one = median_seconds(runs[1])
    for jobs in (1, 2):
        seconds = median_seconds(runs[jobs])
        parent = max(run.parent_peak for run in runs[jobs]) / MIB
        workers = [peak for run in runs[jobs] for peak in run.worker_peaks]
        worker_text = (
            f"; {len(runs[jobs][0].worker_peaks)} worker processes, largest peak RSS {max(workers) / MIB:.1f} MiB"
            if workers
            else ""
        )
        print(
            f"  -j {jobs}: {seconds:6.2f} s  ({seconds / count * 1000:.1f} ms a profile; {one / seconds:.2f}× -j 1)  "
            f"parent peak RSS {parent:.1f} MiB{worker_text}"
        )
    print()


# ---------------------------------------------------------------- section 4: memory in one process


def current_rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory_child(folder: Path) -> None:
    """Run in a child: build every profile in `folder` in turn; print RSS after 100 and after the last."""
    paths = sorted(folder.glob("*.yaml"))
    readings = {}
    for number, path in enumerate(paths, 1):
        whole_build(path)
        if number in (MEMORY_BASELINE, len(paths)):
            gc.collect()
            readings[number] = current_rss()
    readings["peak"] = _vmhwm(os.getpid()) or 0
    print(json.dumps(readings))


@dataclass(frozen=True)
class Memory:
    builds: int
    start: int
    end: int
    peak: int

    @property
    def growth_mib(self) -> float:
        return (self.end - self.start) / MIB


def measure_memory(folder: Path) -> Memory:
    output = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(folder)], capture_output=True, text=True, check=True
    ).stdout
    readings = json.loads(output.splitlines()[-1])
    last = max(int(key) for key in readings if key != "peak")
    return Memory(last, readings[str(MEMORY_BASELINE)], readings[str(last)], readings["peak"])


def print_memory(memory: Memory) -> None:
    print(f"Memory: {memory.builds} whole builds in one process (after gc.collect())")
    print(
        f"  RSS after build {MEMORY_BASELINE}: {memory.start / MIB:.1f} MiB; after build {memory.builds}: "
        f"{memory.end / MIB:.1f} MiB ({memory.growth_mib:+.1f} MiB); peak RSS {memory.peak / MIB:.1f} MiB\n"
    )


# ---------------------------------------------------------------- targets


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    passed: bool | None  # None: skipped

    @property
    def word(self) -> str:
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.passed]


def ratio_verdict(results: dict[str, list[Row]], row: int, label: str, minimum: float) -> Verdict:
    """docxtpl ÷ reportgen whole build for every example; the smallest ratio decides."""
    target = f"whole build ≥ {minimum}× faster than docxtpl on {label}"
    ratios = {}
    for name, rows in results.items():
        if rows[row].ms is None:
            return Verdict(target, rows[row].note, None)
        ratios[Path(name).stem] = rows[row].ms / rows[0].ms
    worst = min(ratios, key=ratios.__getitem__)
    spread = ", ".join(f"{r:.2f}" for r in ratios.values())
    return Verdict(target, f"{ratios[worst]:.2f}× at worst ({worst}); all: {spread}", ratios[worst] >= minimum)


def cold_verdict(rows: Sequence[Row]) -> Verdict:
    build, imports, floor, schema = rows[0].ms, rows[1].ms, rows[2].ms, rows[3].ms
    target = f"cold build of one profile ≤ {MAX_COLD_RATIO}× bare imports (point 3)"
    measured = (
        f"{build / imports:.2f}× ({build:.0f} ms); the floor of imports a build needs is {floor / imports:.2f}×, "
        f"with the profile's pydantic models built {schema / imports:.2f}×"
    )
    return Verdict(target, measured, build / imports <= MAX_COLD_RATIO)


def batch_verdict(runs: dict[int, list[BatchRun]], count: int, load: float) -> Verdict:
    target = f"1,000 profiles in ≤ {MAX_BATCH_SECONDS:.0f} s with -j 2"
    seconds = median_seconds(runs[2])
    busy = f"; load average {load:.2f} at start: the two cores were not idle" if load >= 0.5 else ""
    if count != 1000:
        return Verdict(target, f"{seconds:.2f} s for {count} profiles: not judged (only 1,000 are){busy}", None)
    return Verdict(target, f"{seconds:.2f} s{busy}", seconds <= MAX_BATCH_SECONDS)


def memory_verdict(memory: Memory, runs: dict[int, list[BatchRun]]) -> Verdict:
    peaks = {
        "-j 1 process": max(run.parent_peak for run in runs[1]),
        "-j 2 parent": max(run.parent_peak for run in runs[2]),
        "-j 2 worker": max((peak for run in runs[2] for peak in run.worker_peaks), default=0),
        "in-process child": memory.peak,
    }
    worst = max(peaks, key=peaks.__getitem__)
    target = (
        f"memory flat: growth build {MEMORY_BASELINE} → last < {MAX_GROWTH_MIB:.0f} MiB, "
        f"every process < {MAX_PROCESS_MIB:.0f} MiB"
    )
    measured = (
        f"{memory.growth_mib:+.1f} MiB over {memory.builds - MEMORY_BASELINE} builds; largest peak RSS "
        f"{peaks[worst] / MIB:.1f} MiB ({worst})"
    )
    return Verdict(target, measured, memory.growth_mib < MAX_GROWTH_MIB and peaks[worst] / MIB < MAX_PROCESS_MIB)


# ---------------------------------------------------------------- main


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    system = f"{platform.system()} {platform.machine()}"
    return f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()} on {system}"


def commit() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--oneline"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True
        ).stdout
    except OSError:
        return "unknown"
    return head + (" + uncommitted changes in src/" if dirty.strip() else "")


def print_header(settings: Settings, docxtpl: str | None) -> float:
    load = os.getloadavg()[0]
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("python-docx", "pydantic", "ruamel.yaml", "Jinja2")
    )
    print(f"reportgen benchmarks — {machine()}")
    print(f"commit {commit()}; {time.strftime('%Y-%m-%d %H:%M %Z')}; load average {load:.2f}")
    print(f"{versions}, {'docxtpl ' + docxtpl if docxtpl else 'docxtpl not installed'}")
    print(
        f"medians of {settings.in_process} interleaved rounds per profile (after 2 untimed), "
        f"{settings.cold} cold rounds (after 1), "
        f"{settings.batch_rounds} batch round(s) of {settings.profiles} profiles\n"
    )
    return load


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke test: fewer rounds, 200 profiles")
    parser.add_argument("--batch-rounds", type=int, help="rounds of the -j 1 / -j 2 batch pair (median; default 1)")
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child)
        return 0
    settings = QUICK if args.quick else FULL
    if args.batch_rounds:
        settings = Settings(settings.in_process, settings.cold, args.batch_rounds, settings.profiles)
    docxtpl = docxtpl_version()
    load = print_header(settings, docxtpl)
    templates = (
        {DEFAULT: make_docxtpl_template(None), REFERENCE: make_docxtpl_template(REFERENCE_DOCX)} if docxtpl else {}
    )
    results: dict[str, list[Row]] = {}
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as temporary:
        scratch = Path(temporary)
        for path in profile_paths():
            results[path.name] = rows = profile_rows(path, templates, settings.in_process)
            print_profile(path.name, rows)
        cold = cold_rows(profile_paths()[0], settings.cold, scratch)
        print_cold(cold)
        folder = scratch / "profiles"
        generate_profiles(folder, settings.profiles)
        runs = batch_runs(folder, settings.profiles, settings.batch_rounds, scratch)
        print_batch(runs, settings.profiles)
        memory = measure_memory(folder)
        print_memory(memory)
    found = [
        ratio_verdict(results, 1, "python-docx's default template", MIN_RATIO_DEFAULT),
        ratio_verdict(results, 2, "reportgen's reference.docx", MIN_RATIO_REFERENCE),
        cold_verdict(cold),
        batch_verdict(runs, settings.profiles, load),
        memory_verdict(memory, runs),
    ]
    print("Targets (issue 13, points 3 and 5)")
    for verdict in found:
        print(f"  {verdict.word}  {verdict.target}\n        {verdict.measured}")
    return 1 if any(verdict.passed is False for verdict in found) else 0


if __name__ == "__main__":
    sys.exit(main())
