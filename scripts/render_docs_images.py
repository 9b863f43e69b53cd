"""Render example reports to PNG, to look at the GB/T 9704 layout and to refresh the image in docs/.

Run with the project's environment from the repository root (needs LibreOffice and poppler-utils):

    python scripts/render_docs_images.py            # docs/images/layout-托克逊县-p1.png, the committed image
    python scripts/render_docs_images.py --all DIR  # pages 1–2 of every profile in profiles/, into DIR
    python scripts/render_docs_images.py --shapes   # docs/images/shape-*.png: the numbering shapes of docs/shapes/

Each profile is built to PDF as `reportgen build --format pdf` does (DOCX, then LibreOffice through the
shipped fonts.conf, which sets the fonts GB/T 9704 names in free faces of the same kind: install them with
`reportgen fonts --install`); pdftoppm then draws the pages at 60 dpi.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportgen.api import build_reports, check_fonts

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "profiles"
IMAGE = ROOT / "docs" / "images" / "layout-托克逊县-p1.png"
IMAGE_PROFILE = PROFILES / "托克逊县-2024.yaml"
SHAPES = ROOT / "docs" / "shapes"
DPI = 60
SHAPE_HEIGHT = 470  # pixels of page 1 at DPI: the title down to the plans, enough to show the numbering


def render_pages(profile: Path, target_prefix: Path, first: int, last: int, crop: list[str] = ()) -> list[Path]:
    """PNG files `<target_prefix>-<n>.png` of pages first…last of the profile's report."""
    with tempfile.TemporaryDirectory(prefix="reportgen-images-") as work:
        (built,) = build_reports([profile], Path(work), formats=("pdf",))
        if not built.written:
            raise SystemExit(f"{profile.name}: the profile does not validate; run `reportgen validate` on it")
        (pdf,) = built.written
        command = ["pdftoppm", "-r", str(DPI), "-f", str(first), "-l", str(last), *crop, "-png", str(pdf)]
        subprocess.run([*command, str(target_prefix)], check=True)
    return sorted(target_prefix.parent.glob(f"{target_prefix.name}-*.png"))


def render_shapes() -> None:
    """The top of page 1 of each numbering shape in docs/shapes/, for the clerk's guide."""
    for profile in sorted(SHAPES.glob("*.yaml")):
        target = IMAGE.parent / f"shape-{profile.stem}.png"
        with tempfile.TemporaryDirectory(prefix="reportgen-shape-") as work:
            (page,) = render_pages(
                profile, Path(work) / "page", 1, 1, ["-x", "0", "-y", "0", "-W", "496", "-H", str(SHAPE_HEIGHT)]
            )
            shutil.copyfile(page, target)
        print(f"wrote {target}")


def main(argv: list[str]) -> int:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    wrong = [font.requested for font in check_fonts() if font.ok is False]
    if wrong:  # the pictures in docs/ show the faces a reader's PDF gets
        raise SystemExit(f"no face of the right kind for {', '.join(wrong)}: run `reportgen fonts --install`")
    if argv[:1] == ["--shapes"]:
        render_shapes()
        return 0
    if argv[:1] == ["--all"]:
        out = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="reportgen-layout-"))
        out.mkdir(parents=True, exist_ok=True)
        for profile in sorted(PROFILES.glob("*.yaml")):
            for page in render_pages(profile, out / profile.stem, 1, 2):
                print(f"wrote {page}")
        return 0
    IMAGE.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reportgen-image-") as work:
        (page,) = render_pages(IMAGE_PROFILE, Path(work) / "page", 1, 1)
        shutil.copyfile(page, IMAGE)
    print(f"wrote {IMAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
