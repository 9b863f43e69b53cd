"""docx_package: the fixed parts prepared once per layout, the zip a report goes into, and the file properties.
What a clerk sees in the written file is tested in tests/test_write_docx.py."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from reportgen.document.model import Document, FontNames, Metadata, PageLayout, Paragraph
from reportgen.writers.docx import write_docx
from reportgen.writers.docx_package import CORE, DOCUMENT, assemble, core_xml, entry, layout_package

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"

REPORT = Document(
    title="托克逊县2024年法治政府建设年度报告",
    blocks=(Paragraph("全年办理行政复议案件12件。", lead="坚持依法行政。"), Paragraph("【待填写】", placeholder=True)),
    metadata=Metadata(publisher="托克逊县人民政府", description="2024年度"),
)


def package(document: Document) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(write_docx(document)))


def test_fixed_parts_are_prepared_once_per_layout():
    assert layout_package(PageLayout()) is layout_package(PageLayout())
    assert layout_package(PageLayout(page_numbers="centered")) is not layout_package(PageLayout())
    assert layout_package(PageLayout(fonts=FontNames(body="仿宋"))) is not layout_package(PageLayout())


def zipfile_appending(fixed_zip: bytes, document_xml: str, core: bytes) -> bytes:
    """What zipfile itself writes when it appends the report's two parts to the fixed ones."""
    buffer = io.BytesIO(fixed_zip)
    with zipfile.ZipFile(buffer, "a") as archive:
        for name, data in ((DOCUMENT, document_xml.encode()), (CORE, core)):
            archive.writestr(entry(name), data, compresslevel=1)
    return buffer.getvalue()


def test_the_package_is_the_zip_zipfile_would_write():
    # assemble() writes the zip records itself; any reader must see exactly what zipfile makes.
    core = core_xml("标题 & <副题>", "托克逊县人民政府", "2024", "法治", "", "zh-CN")
    for layout in (PageLayout(), PageLayout(page_numbers="centered")):
        fixed = layout_package(layout)
        for document_xml in ("", "<w:body>全年办理行政复议案件12件。</w:body>" * 2000):
            written = assemble(fixed, document_xml, core)
            assert written == zipfile_appending(fixed.fixed_zip, document_xml, core)
            with zipfile.ZipFile(io.BytesIO(written)) as archive:
                assert archive.testzip() is None
                assert archive.read(DOCUMENT).decode() == document_xml


def test_every_part_has_a_content_type_and_every_relationship_a_part():
    for layout in (PageLayout(), PageLayout(page_numbers="centered")):
        archive = package(Document(title="报告", blocks=(), layout=layout))
        names = set(archive.namelist())
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        overrides = {override.get("PartName").lstrip("/") for override in types.iter(f"{CT}Override")}
        defaults = {default.get("Extension") for default in types.iter(f"{CT}Default")}
        assert overrides <= names  # no content type left for a part that was dropped
        parts = names - {"[Content_Types].xml"}
        assert [name for name in parts if name not in overrides and name.rsplit(".", 1)[1] not in defaults] == []
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        targets = {"word/" + rel.get("Target") for rel in rels.iter(f"{RELS}Relationship")}
        assert {target for target in targets if not target.startswith("word/../")} <= names
        assert archive.testzip() is None


def test_centered_variant_has_no_even_page_footer_part():
    names = package(Document(title="报告", blocks=(), layout=PageLayout(page_numbers="centered"))).namelist()
    assert sorted(name for name in names if "footer" in name) == ["word/footer1.xml"]


def test_runs_carry_only_emphasis_and_language():
    body = etree.fromstring(package(REPORT).read("word/document.xml")).find(qn("w:body"))
    properties = [tuple(etree.QName(child).localname for child in rPr) for rPr in body.iter(qn("w:rPr"))]
    assert properties == [("lang",), ("b", "bCs", "lang"), ("lang",), ("highlight", "lang")]


def test_app_properties_hold_no_counts_from_a_template():
    app = etree.fromstring(package(REPORT).read("docProps/app.xml"))
    assert {etree.QName(child).localname for child in app} == {
        "Application",
        "DocSecurity",
        "ScaleCrop",
        "LinksUpToDate",
        "SharedDoc",
        "HyperlinksChanged",
    }
    assert app.find(f"{EXTENDED}Application").text == "reportgen"


def test_core_properties_are_the_reports_own():
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties = docx.Document(io.BytesIO(write_docx(REPORT))).core_properties
    after = dt.datetime.now(dt.UTC)
    assert (properties.title, properties.author, properties.last_modified_by, properties.comments) == (
        "托克逊县2024年法治政府建设年度报告",
        "托克逊县人民政府",
        "托克逊县人民政府",
        "2024年度",
    )
    assert properties.revision == 1
    assert properties.created == properties.modified
    assert before <= properties.created.replace(tzinfo=dt.UTC) <= after


def test_core_properties_escape_markup_characters():
    document = Document(title="A&B <报告>", blocks=(), metadata=Metadata(publisher="甲&乙"))
    properties = docx.Document(io.BytesIO(write_docx(document))).core_properties
    assert (properties.title, properties.author) == ("A&B <报告>", "甲&乙")


def test_body_text_with_markup_characters_and_edge_spaces_is_kept():
    word = docx.Document(io.BytesIO(write_docx(Document(title="", blocks=(Paragraph(" a&b <c> "),)))))
    (paragraph,) = word.paragraphs
    assert paragraph.text == " a&b <c> "


# ---------------------------------------------------------------- the prepared parts, kept on disk


def _fresh(layout: PageLayout):  # type: ignore[no-untyped-def]
    """The package as another process would get it: nothing kept in memory."""
    layout_package.cache_clear()
    return layout_package(layout)


def test_a_prepared_layout_is_read_back_from_the_cache_folder_unchanged(monkeypatch, tmp_path):
    from reportgen.writers import docx_layout

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    layout = PageLayout(page_numbers="centered")
    prepared = _fresh(layout)
    assert len(list((tmp_path / "reportgen" / "docx").glob("*.json"))) == 1

    def refuse(layout):  # type: ignore[no-untyped-def]
        raise AssertionError("prepared again although it was in the cache")

    monkeypatch.setattr(docx_layout, "prepare", refuse)
    assert _fresh(layout) == prepared


def test_a_damaged_cache_file_is_prepared_again(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    prepared = _fresh(PageLayout())
    (cached,) = (tmp_path / "reportgen" / "docx").glob("*.json")
    cached.write_text('{"fixed_zip": "not base64!"}', encoding="utf-8")

    assert _fresh(PageLayout()) == prepared


def test_a_cache_folder_that_cannot_be_made_costs_nothing_but_time(monkeypatch, tmp_path):
    (tmp_path / "reportgen").write_text("a file where the folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    assert write_docx(REPORT).startswith(b"PK")
    layout_package.cache_clear()


def test_a_build_with_a_warm_cache_does_not_load_lxml(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    profile = Path(__file__).parent.parent / "profiles" / "紫阳县-2023.yaml"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    script = (
        "import sys; from reportgen.cli.commands import main; "
        f"code = main(['build', {str(profile)!r}, '-o', {str(tmp_path / 'out')!r}, '--format', 'docx']); "
        "print('lxml' in sys.modules, code)"
    )
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True) for _ in range(2)]

    assert [run.stdout.split()[-2:] for run in runs] == [["True", "0"], ["False", "0"]]
