"""Benchmarks: reportgen against docxtpl and pandoc on the same five reports (issue 4, point 8).

    python benchmarks/run.py            # full run, about two minutes on two cores
    python benchmarks/run.py --quick    # fewer repetitions, for a smoke test

Method
------
Every figure is the *median* of N timed runs (`time.perf_counter`), after untimed
warm-up runs, so one slow outlier (a page fault, a GC pass, another process) does not
move it. The garbage collector stays on: it is part of what a user waits for. The
things compared are timed *interleaved* (one run of each in turn, N rounds), so a slow
spell of a shared machine slows all of them alike and the ratios stay put.

* **In-process** measurements run in this interpreter. Warm-up runs first fill the
  caches a long-lived process would have filled (imported modules, compiled templates,
  python-docx's parsed reference document), so they measure one more report, not start-up.
* **Cold** measurements start a fresh interpreter per run (`python -m reportgen …` and
  the `reportgen` console script beside `sys.executable`), so every import happens again.
  "Cold" means a new process, not a cold disk: one untimed warm-up run writes the .pyc
  files (into a private cache, see `cold_environment`) and fills the OS file cache, as on
  any machine where reportgen is installed and has run once. The time includes process
  creation, which is what the clerk waits for.
* **The same content.** docxtpl and pandoc receive the text of reportgen's own document
  model for each profile (title, numbered headings, paragraphs; the text that
  `reportgen build --format txt` prints, which `same_content` checks), so every tool
  writes the same words. docxtpl renders a template made here from python-docx's default
  document; pandoc converts Markdown to DOCX with its default reference document.
  Neither applies reportgen's GB/T 9704 styling, East Asian fonts or file properties,
  so the comparison favours them slightly.
* **Memory.** A child process runs 1,000 builds (validate, render, DOCX, HTML, cycling
  through the five profiles) and reads its resident set size after build 50 and after
  the last one, each time after `gc.collect()`. The growth between the two is the
  figure: the first 50 builds fill the caches that are meant to stay. RSS is read from
  `/proc/self/statm` (current RSS, so memory that is freed again does not count);
  `ru_maxrss` (the peak, which never falls) is shown beside it, and used only where
  `/proc` does not exist.

The script prints one section per profile, then the four targets with PASS or FAIL,
and exits 1 when a target fails. A missing docxtpl or pandoc skips that comparison,
says why, and does not fail the run.
"""

from __future__ import annotations

import argparse
import dataclasses
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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from reportgen.derive import Report
from reportgen.document import Document, Enumeration, Heading, Paragraph, Signature, Table
from reportgen.render.context import render_document
from reportgen.validate import validate_file
from reportgen.writers.docx import write_docx
from reportgen.writers.html import write_html
from reportgen.writers.text import write_text

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
MIB = 1024 * 1024
MEMORY_BASELINE_BUILD = 50

# The targets of issue 4, point 8.
MIN_SPEED_RATIO = 2.0  # docxtpl DOCX alone / reportgen render+DOCX+HTML, both from the content in memory
MAX_COLD_BUILD_MS = 500.0
MAX_COLD_HELP_MS = 200.0
MAX_MEMORY_GROWTH_MIB = 50.0


@dataclass(frozen=True)
class Settings:
    """Repetitions (timed runs after warm-up) of each kind of measurement."""

    in_process: int  # each in-process candidate, per profile
    processes: int  # pandoc and each cold build, per profile
    help: int  # each cold --help
    builds: int  # builds in the memory child


FULL = Settings(in_process=25, processes=7, help=15, builds=1000)
QUICK = Settings(in_process=5, processes=2, help=3, builds=200)


# Row keys the verdicts look for.
BASELINE, DOCXTPL, COLD_BUILD, COLD_HELP = "baseline", "docxtpl", "cold build", "cold help"
LIKE_FOR_LIKE = "render and write"


class Row(NamedTuple):
    """One line of a table; `ms` is None when the measurement was skipped (`note` says why)."""

    name: str
    ms: float | None
    note: str = ""
    key: str = ""


Action = Callable[[], object]


class Candidate(NamedTuple):
    """Something to time; `action` is None when its tool is missing, and `note` says why."""

    name: str
    action: Action | None
    note: str = ""
    key: str = ""


class Block(NamedTuple):
    """The content handed to docxtpl and pandoc: level 0 is a paragraph, 1–4 a heading."""

    level: int
    text: str


@dataclass(frozen=True)
class Tools:
    """The comparison tools found on this machine, or why each is missing."""

    docxtpl_template: bytes | None
    docxtpl_reason: str
    pandoc: str | None
    pandoc_reason: str


# ---------------------------------------------------------------- timing


def interleaved_medians(actions: Sequence[Action], repeat: int, warmup: int) -> list[float]:
    """Median wall time of each action in milliseconds, after `warmup` untimed rounds.

    The actions are timed round-robin, one call each per round, so a slow spell of the
    machine (another process, a noisy neighbour) slows them all alike and leaves the ratios alone.
    """
    for _ in range(warmup):
        for action in actions:
            action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, times in zip(actions, samples, strict=True):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
    return [statistics.median(times) for times in samples]


def measure(candidates: Sequence[Candidate], repeat: int, warmup: int) -> list[Row]:
    """Time the candidates that can run (interleaved); the others become rows that say why not."""
    live = {candidate.name: candidate.action for candidate in candidates if candidate.action is not None}
    found = dict(zip(live, interleaved_medians(list(live.values()), repeat, warmup), strict=True))
    return [Row(c.name, found.get(c.name), c.note, c.key) for c in candidates]


# ---------------------------------------------------------------- reportgen


def profile_paths() -> list[Path]:
    return sorted(PROFILES.glob("*.yaml"))


def load_document(path: Path) -> Document:
    """Validate and render one profile, as `reportgen build` does (its own template folder included)."""
    result = validate_file(path)
    if not result.ok or result.report is None:
        raise SystemExit(f"{path.name} does not validate; run `reportgen validate {path}` first.")
    profile = result.report.profile
    own = [path.parent / profile.templates] if profile.templates else []
    return render_document(result.report, own)


def build_once(path: Path) -> tuple[bytes, str]:
    """What `reportgen build` computes for one profile, without writing files."""
    document = load_document(path)
    return write_docx(document), write_html(document)


def render_and_write(report: Report) -> tuple[bytes, str]:
    """DOCX and HTML from a validated report: the same starting point as docxtpl, which is
    given the report's content and neither reads nor checks a profile."""
    document = render_document(report)
    return write_docx(document), write_html(document)


def reportgen_candidates(path: Path, document: Document) -> list[Candidate]:
    """The whole in-process build first (the baseline of every ratio), then its stages."""
    report = validate_file(path).report
    return [
        Candidate("reportgen validate+render+DOCX+HTML", partial(build_once, path), key=BASELINE),
        Candidate(
            "reportgen render+DOCX+HTML (same input as docxtpl)", partial(render_and_write, report), key=LIKE_FOR_LIKE
        ),
        Candidate("  stage: validate (load, check, derive)", partial(validate_file, path)),
        Candidate("  stage: render (templates → model)", partial(render_document, report)),
        Candidate("reportgen DOCX only (model → .docx)", partial(write_docx, document)),
        Candidate("  stage: HTML only (model → .html)", partial(write_html, document)),
    ]


# ---------------------------------------------------------------- the same content


def flat_blocks(document: Document) -> list[Block]:
    """The document's text as headings and paragraphs, in the model's own wording (as `write_text` prints it)."""
    return [flat for block in document.blocks for flat in _flatten(block)]


def _flatten(block: object) -> list[Block]:
    match block:
        case Heading():
            return [Block(block.level, block.label)]
        case Paragraph():
            return [Block(0, block.lead + block.text)]
        case Enumeration():
            return [Block(0, text) for text in _enumeration_texts(block)]
        case Table():
            rows = [block.header, *block.rows]
            return [Block(0, block.caption), *(Block(0, " | ".join(row)) for row in rows)]
        case Signature():
            return [Block(0, text) for text in (*block.bodies, block.date_text) if text]
    return []


def _enumeration_texts(block: Enumeration) -> list[str]:
    if block.inline:
        return [block.inline_text]
    return ([block.intro] if block.intro else []) + [item.run_in_text for item in block.items]


def same_content(document: Document, blocks: Sequence[Block]) -> bool:
    """True when `blocks` hold exactly the body lines of `reportgen build --format txt`."""
    lines = [line.strip().removeprefix("【模板文字】") for line in write_text(document).splitlines()]
    title_lines = len(document.title_lines) or 1
    body = [line for line in lines[title_lines:] if line]
    return body == [block.text for block in blocks]


def document_title(document: Document) -> str:
    return document.title or "".join(document.title_lines)


# ---------------------------------------------------------------- docxtpl


def find_docxtpl() -> tuple[bytes | None, str]:
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return None, "docxtpl is not installed (pip install docxtpl)"
    return make_docxtpl_template(), f"docxtpl {metadata.version('docxtpl')}"


def make_docxtpl_template() -> bytes:
    """A template made from python-docx's default document: a title, then one loop over the blocks.

    `{%p … %}` paragraphs are docxtpl's paragraph-level tags: the paragraph holding the tag
    is replaced by the tag, so the loop repeats whole styled paragraphs (Heading 1–4 or Normal).
    """
    import docx

    template = docx.Document()
    template.add_paragraph("{{ title }}", style="Title")
    template.add_paragraph("{%p for block in blocks %}")
    template.add_paragraph("{%p if block.level == 0 %}")
    template.add_paragraph("{{ block.text }}")
    for level in range(1, 5):
        template.add_paragraph(f"{{%p elif block.level == {level} %}}")
        template.add_paragraph("{{ block.text }}", style=f"Heading {level}")
    template.add_paragraph("{%p endif %}")
    template.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_docxtpl(template: bytes, title: str, blocks: Sequence[Block]) -> bytes:
    """One report through docxtpl: open the template, render, save. Autoescape, as text may hold & or <."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    document.render({"title": title, "blocks": blocks}, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- pandoc


def find_pandoc() -> tuple[str | None, str]:
    found = shutil.which("pandoc")
    if found is None:
        return None, "pandoc is not on PATH (apt-get install -y pandoc)"
    version = subprocess.run([found, "--version"], capture_output=True, text=True, check=True).stdout
    return found, version.splitlines()[0]


# Pandoc's Markdown treats any backslash-escaped ASCII punctuation as a literal character.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_of(title: str, blocks: Sequence[Block]) -> str:
    """`#` title, `##`–`#####` headings, one paragraph per block."""
    parts = [f"# {_escape_markdown(title)}"]
    for block in blocks:
        prefix = "#" * (block.level + 1) + " " if block.level else ""
        parts.append(prefix + _escape_markdown(block.text))
    return "\n\n".join(parts) + "\n"


def _escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def run_pandoc(pandoc: str, markdown: bytes, target: Path) -> None:
    command = [pandoc, "--from", "markdown", "--to", "docx", "--output", str(target)]
    subprocess.run(command, input=markdown, check=True)


# ---------------------------------------------------------------- cold runs


def launchers() -> list[tuple[str, list[str]]]:
    """`python -m reportgen`, and the console script of this interpreter's environment if installed."""
    found = [("python -m reportgen", [sys.executable, "-m", "reportgen"])]
    script = shutil.which("reportgen", path=str(Path(sys.executable).parent))
    if script:
        found.append(("reportgen", [script]))
    return found


def cold_environment(scratch: Path) -> dict[str, str]:
    """This environment, with bytecode caching on, cached under `scratch`.

    An installed reportgen has .pyc files (pip compiles them); an editable install under
    PYTHONDONTWRITEBYTECODE=1 (set on some CI machines and sandboxes) would recompile every
    module of src/ on every run. A private cache prefix gives the installed state without
    writing __pycache__ folders into the checkout or the environment.
    """
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return environment


def run_quietly(argv: Sequence[str], environment: dict[str, str]) -> None:
    completed = subprocess.run(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {completed.returncode}:\n{completed.stderr.decode()}")


def cold_candidates(arguments: Sequence[str], label: str, key: str, scratch: Path) -> list[Candidate]:
    """`reportgen ARGUMENTS` in a new process, once per launcher."""
    environment = cold_environment(scratch)
    return [
        Candidate(f"cold `{name} {label}`", partial(run_quietly, [*argv, *arguments], environment), key=key)
        for name, argv in launchers()
    ]


# ---------------------------------------------------------------- one profile


def profile_rows(path: Path, tools: Tools, settings: Settings, scratch: Path) -> list[Row]:
    """In-process candidates timed together, then the ones that start a process."""
    document = load_document(path)
    blocks = flat_blocks(document)
    if not same_content(document, blocks):
        print(f"warning: {path.name}: the text given to docxtpl and pandoc differs from --format txt")
    title = document_title(document)
    in_process = [*reportgen_candidates(path, document), docxtpl_candidate(tools, title, blocks)]
    processes = [
        pandoc_candidate(tools, title, blocks, scratch),
        *cold_candidates(["build", str(path), "-o", str(scratch)], "build", COLD_BUILD, scratch),
    ]
    return measure(in_process, settings.in_process, warmup=2) + measure(processes, settings.processes, warmup=1)


def docxtpl_candidate(tools: Tools, title: str, blocks: Sequence[Block]) -> Candidate:
    name = "docxtpl DOCX (same text)"
    if tools.docxtpl_template is None:
        return Candidate(name, None, f"skipped: {tools.docxtpl_reason}", DOCXTPL)
    return Candidate(name, partial(render_docxtpl, tools.docxtpl_template, title, blocks), key=DOCXTPL)


def pandoc_candidate(tools: Tools, title: str, blocks: Sequence[Block], scratch: Path) -> Candidate:
    name = "pandoc Markdown → DOCX (subprocess)"
    if tools.pandoc is None:
        return Candidate(name, None, f"skipped: {tools.pandoc_reason}")
    markdown = markdown_of(title, blocks).encode()
    return Candidate(name, partial(run_pandoc, tools.pandoc, markdown, scratch / "pandoc.docx"))


def help_rows(repeat: int, scratch: Path) -> list[Row]:
    return measure(cold_candidates(["--help"], "--help", COLD_HELP, scratch), repeat, warmup=1)


# ---------------------------------------------------------------- memory


def memory_child(builds: int) -> None:
    """Run in a child process: `builds` builds cycling the profiles; print RSS readings as JSON."""
    paths = profile_paths()
    readings: dict[str, dict[str, int | None]] = {}
    for number in range(1, builds + 1):
        build_once(paths[(number - 1) % len(paths)])
        if number in (MEMORY_BASELINE_BUILD, builds):
            gc.collect()
            readings[str(number)] = {"rss": current_rss(), "maxrss": peak_rss()}
    print(json.dumps(readings))


def current_rss() -> int | None:
    """Resident set size now, from /proc/self/statm (second field, in pages); None without /proc."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def peak_rss() -> int:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB on Linux


@dataclass(frozen=True)
class Memory:
    """Resident memory after build 50 and after the last build, in bytes."""

    builds: int
    source: str  # "/proc/self/statm" (current RSS) or "ru_maxrss" (peak)
    start: int
    end: int
    peak_growth: int

    @property
    def growth_mib(self) -> float:
        return (self.end - self.start) / MIB


def measure_memory(builds: int) -> Memory:
    """Run the builds in a fresh child process, so nothing measured before weighs on them."""
    command = [sys.executable, __file__, "--memory-child", str(builds)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    readings = json.loads(output.splitlines()[-1])
    first, last = readings[str(MEMORY_BASELINE_BUILD)], readings[str(builds)]
    key, source = ("rss", "/proc/self/statm") if first["rss"] is not None else ("maxrss", "ru_maxrss")
    return Memory(builds, source, first[key], last[key], last["maxrss"] - first["maxrss"])


# ---------------------------------------------------------------- report


def print_header(tools: Tools, settings: Settings) -> None:
    print(
        f"reportgen benchmarks — Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )
    print(f"python-docx {metadata.version('python-docx')}; {tools.docxtpl_reason}; {tools.pandoc_reason}")
    print(
        f"medians of {settings.in_process} interleaved in-process runs; of {settings.processes} runs of pandoc and of "
        f"each cold build; of {settings.help} runs of each cold --help. {settings.builds} builds for memory.\n"
    )


def print_rows(title: str, rows: Sequence[Row], baseline: float | None) -> None:
    print(title)
    print(f"  {'measurement':<50} {'median':>10}  {'÷ reportgen in-process':>22}")
    for row in rows:
        if row.ms is None:
            print(f"  {row.name:<50} {'—':>10}  {row.note}")
            continue
        ratio = f"{row.ms / baseline:.2f}×" if baseline else ""  # start-up rows have no baseline
        print(f"  {row.name:<50} {row.ms:>7.1f} ms  {ratio:>22}")
    print()


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    passed: bool | None  # None: skipped

    @property
    def word(self) -> str:
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.passed]


def speed_verdict(results: dict[str, list[Row]]) -> Verdict:
    """docxtpl DOCX ÷ reportgen render+DOCX+HTML for every profile, both starting from the report's
    content in memory; the profile with the smallest ratio decides. (Reading and checking the
    YAML, which docxtpl does not do, is the "validate" stage printed above it.)"""
    target = f"in-process: docxtpl DOCX ÷ reportgen render+DOCX+HTML (same input) ≥ {MIN_SPEED_RATIO:.0f}×"
    ratios = {}
    for profile, rows in results.items():
        docxtpl, baseline = _keyed(rows, DOCXTPL)[0], _keyed(rows, LIKE_FOR_LIKE)[0]
        if docxtpl.ms is None or baseline.ms is None:
            return Verdict(target, docxtpl.note, None)
        ratios[profile] = docxtpl.ms / baseline.ms
    worst = min(ratios, key=ratios.__getitem__)
    spread = ", ".join(f"{ratio:.2f}×" for ratio in ratios.values())
    measured = f"{ratios[worst]:.2f}× at worst ({Path(worst).stem}); all five: {spread}"
    return Verdict(target, measured, ratios[worst] >= MIN_SPEED_RATIO)


def cold_verdict(target: str, rows: Sequence[tuple[str, Row]], limit_ms: float) -> Verdict:
    """The slowest median (any profile, any launcher) decides."""
    where, slowest = max(rows, key=lambda pair: pair[1].ms or 0.0)
    assert slowest.ms is not None
    return Verdict(
        f"{target} < {limit_ms:.0f} ms", f"{slowest.ms:.0f} ms at worst ({where}{slowest.name})", slowest.ms < limit_ms
    )


def memory_verdict(memory: Memory) -> Verdict:
    target = (
        f"memory growth from build {MEMORY_BASELINE_BUILD} to build {memory.builds} < {MAX_MEMORY_GROWTH_MIB:.0f} MiB"
    )
    measured = (
        f"{memory.growth_mib:+.1f} MiB ({memory.start / MIB:.1f} → {memory.end / MIB:.1f} MiB RSS "
        f"from {memory.source}; peak RSS {memory.peak_growth / MIB:+.1f} MiB)"
    )
    return Verdict(target, measured, memory.growth_mib < MAX_MEMORY_GROWTH_MIB)


def verdicts(results: dict[str, list[Row]], startup: Sequence[Row], memory: Memory) -> list[Verdict]:
    builds = [(f"{Path(profile).stem}, ", row) for profile, rows in results.items() for row in _keyed(rows, COLD_BUILD)]
    helps = [("", row) for row in _keyed(startup, COLD_HELP)]
    return [
        speed_verdict(results),
        cold_verdict("cold `reportgen build` of one profile", builds, MAX_COLD_BUILD_MS),
        cold_verdict("cold `reportgen --help`", helps, MAX_COLD_HELP_MS),
        memory_verdict(memory),
    ]


def print_verdicts(found: Sequence[Verdict]) -> None:
    print("Targets (issue 4, point 8)")
    for verdict in found:
        print(f"  {verdict.word}  {verdict.target}")
        print(f"        {verdict.measured}")


def _keyed(rows: Sequence[Row], key: str) -> list[Row]:
    return [row for row in rows if row.key == key]


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and 200 memory builds")
    parser.add_argument("--builds", type=int, help="builds for the memory measurement (default 1000)")
    parser.add_argument("--memory-child", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.builds is not None and args.builds <= MEMORY_BASELINE_BUILD:
        parser.error(f"--builds must be more than {MEMORY_BASELINE_BUILD}, the build memory is measured from")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.memory_child:
        memory_child(args.memory_child)
        return 0
    settings = QUICK if args.quick else FULL
    if args.builds:
        settings = dataclasses.replace(settings, builds=args.builds)
    tools = Tools(*find_docxtpl(), *find_pandoc())
    print_header(tools, settings)
    results: dict[str, list[Row]] = {}
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as scratch:
        for path in profile_paths():
            results[path.name] = rows = profile_rows(path, tools, settings, Path(scratch))
            print_rows(path.name, rows, rows[0].ms)
        startup = help_rows(settings.help, Path(scratch))
    print_rows("Start-up", startup, None)
    found = verdicts(results, startup, measure_memory(settings.builds))
    print_verdicts(found)
    return 1 if any(verdict.passed is False for verdict in found) else 0


if __name__ == "__main__":
    sys.exit(main())
