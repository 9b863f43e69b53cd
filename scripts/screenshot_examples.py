"""Screenshots of the example reports' web pages, and the two that docs/publish.md shows.

Run with the project's environment from the repository root, then commit docs/images/web-*.png:

    python scripts/screenshot_examples.py [--example 托克逊县-2024] [--out out/screenshots] [--chromium PATH]

Renders every profile in profiles/ with write_html, opens each standalone page in headless Chromium (Playwright
driving the system browser, e.g. Debian's `chromium`; nothing is downloaded) and saves its first screen at
1280 × 900 and at 375 × 812 into --out (git-ignored). The chosen example's pair is copied to
docs/images/web-1280.png and docs/images/web-375.png. First screens at device scale 1 keep those files small;
tests/test_web_browser.py keeps whole-page screenshots of every example as test artefacts.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from reportgen.render.context import render_document
from reportgen.validate import validate_file
from reportgen.writers.html import write_html

REPO = Path(__file__).resolve().parents[1]
PROFILES = REPO / "profiles"
IMAGES = REPO / "docs" / "images"
SCREENS = {1280: 900, 375: 812}  # width → height: a laptop, a phone
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def example_pages() -> dict[str, str]:
    """Example name (the profile's file name) → its standalone page."""
    pages = {}
    for profile in sorted(PROFILES.glob("*.yaml")):
        result = validate_file(profile)
        if result.report is None:
            raise SystemExit(f"{profile}: the example does not validate")
        pages[profile.stem] = write_html(render_document(result.report))
    return pages


def take_screenshots(pages: dict[str, str], out: Path, chromium: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, page_html in pages.items():
            for width, height in SCREENS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                page.set_content(page_html, wait_until="load")
                path = out / f"{name}-{width}.png"
                page.screenshot(path=str(path))
                page.close()
                written.append(path)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="托克逊县-2024", help="the example shown in docs/images")
    parser.add_argument("--out", type=Path, default=REPO / "out" / "screenshots", help="where all screenshots go")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium", help="Chromium")
    args = parser.parse_args(argv)

    pages = example_pages()
    if args.example not in pages:
        parser.error(f"no example {args.example!r}; there are {', '.join(pages)}")
    for path in take_screenshots(pages, args.out, args.chromium):
        print(path)
    IMAGES.mkdir(parents=True, exist_ok=True)
    for width in SCREENS:
        target = IMAGES / f"web-{width}.png"
        shutil.copyfile(args.out / f"{args.example}-{width}.png", target)
        print(f"{target} ({target.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
