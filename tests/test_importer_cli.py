"""`reportgen import` as a clerk runs it: the summary it prints, files it will not overwrite,
and every file it cannot read told in Chinese with exit 2, never a traceback."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer_formats import write_docx
from reportgen.cli.commands import main

TESTDATA = Path(__file__).parent / "testdata" / "importer"
TOWNSHIP = TESTDATA / "城关镇-2024.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", ["import", "new"])
def test_help_is_chinese(capsys, command):
    code, out = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"用法：reportgen {command} [选项]")
    assert "Usage" not in out and "Options" not in out


def test_summary_of_a_township_report(capsys, in_tmp):
    (in_tmp / "城关镇.txt").write_bytes(TOWNSHIP.read_bytes())
    code, out = run(capsys, "import", "城关镇.txt")
    assert code == 0
    assert out == (
        "已读取 城关镇.txt，写入 城关镇-2024.yaml：\n"
        "  单位：城关镇（乡镇），2024 年度\n"
        "  标题：城关镇2024年法治政府建设工作报告\n"
        "  各部分：一、主要举措和成效 → 主要举措和成效；二、存在的不足 → 存在的不足和原因；"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况 → 党政主要负责人履行推进法治建设第一责任人职责情况；"
        "四、下一步工作打算 → 下一年度工作安排\n"
        "  工作领域 0 个，举措 7 项，子项 0 项；编号 [一、, 一是]\n"
        "  识别出数字 0 个，已填入 figures（in_text: true，正文照录）\n"
        "  没有小标题或编号、保留在其上最近一项正文中的段落 0 段\n"
        "  未找到：发布日期\n"
        "请核对标有“# 自动识别，请核对”的内容，再运行 reportgen validate 检查。\n"
        "检查通过：0 个错误，2 个警告（reportgen validate 可查看全部警告）\n"
        "已写入 城关镇-2024.yaml\n"
        "已写入 reportgen.schema.json\n"
    )


def test_summary_of_seed_000_says_what_it_did_not_find(capsys, in_tmp):
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_3a6de6dfb520c28b.txt"
    if not seed.is_file():
        pytest.skip(f"the reference reports are not beside the repository ({seed.parent})")
    (in_tmp / "托克逊县.txt").write_bytes(seed.read_bytes())
    code, out = run(capsys, "import", "托克逊县.txt", "-o", "资料.yaml")
    assert code == 0
    assert out.splitlines()[:9] == [
        "已读取 托克逊县.txt，写入 资料.yaml：",
        "  单位：托克逊县（县），2024 年度",
        "  标题：托克逊县2024年度法治政府建设工作报告",
        "  各部分：一、工作开展情况 → 主要举措和成效；二、工作成效和存在的问题 → 存在的不足和原因；"
        "三、2025年工作计划 → 下一年度工作安排",
        "  工作领域 10 个，举措 23 项，子项 0 项；编号 [一、, （一）, 一是]",
        "  识别出数字 37 个，已填入 figures（in_text: true，正文照录）",
        "  没有小标题或编号、保留在其上最近一项正文中的段落 0 段",
        "  未找到：成文日期、落款（署名机关）、党政主要负责人履行推进法治建设第一责任人职责情况",
        "请核对标有“# 自动识别，请核对”的内容，再运行 reportgen validate 检查。",
    ]


def test_never_overwrites_without_force(capsys, in_tmp):
    (in_tmp / "城关镇.txt").write_bytes(TOWNSHIP.read_bytes())
    profile = in_tmp / "城关镇-2024.yaml"
    profile.write_text("clerk's work\n", encoding="utf-8")
    code, out = run(capsys, "import", "城关镇.txt")
    assert (code, out) == (
        2,
        "[错误] 城关镇-2024.yaml 已存在，为免覆盖您填写的内容，没有写入；如确需重新生成，请加 --force\n",
    )
    assert profile.read_text(encoding="utf-8") == "clerk's work\n"
    code, _ = run(capsys, "import", "城关镇.txt", "--force")
    assert code == 0
    assert profile.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=reportgen.schema.json\n")
    assert sorted(path.name for path in in_tmp.iterdir()) == ["reportgen.schema.json", "城关镇-2024.yaml", "城关镇.txt"]


def test_output_into_a_folder(capsys, in_tmp):
    (in_tmp / "资料").mkdir()
    code, _ = run(capsys, "import", str(TOWNSHIP), "-o", "资料")
    assert code == 0
    assert (in_tmp / "资料" / "城关镇-2024.yaml").is_file()


def _png() -> bytes:
    """A 1×1 white PNG: what a scanned page is to the reader."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def _scanned_docx(path: Path) -> Path:
    import docx

    image = path.with_suffix(".png")
    image.write_bytes(_png())
    document = docx.Document()
    document.add_picture(str(image))
    document.save(str(path))
    return path


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
BAD_INPUTS = {
    "报告.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "报告.pdf 是 PDF 文件，reportgen 不读取 PDF"),
    "报告.doc": (_OLE + "WordDocument".encode("utf-16-le"), "报告.doc 是旧版 Word 文件（.doc）。请用 Word 或 WPS 打开"),
    "加密.docx": (_OLE + "EncryptedPackage".encode("utf-16-le"), "加密.docx 设置了打开密码，无法读取"),
    "改名.docx": ("这其实是文字".encode(), "改名.docx 不是有效的 Word 文档（.docx）"),
    "扫描.jpg": (b"\xff\xd8\xff\xe0" + bytes(64), "扫描.jpg 只有图片（多为扫描件），没有可以读取的文字"),
    # UTF-16 without a byte-order mark: GB18030 would read it, as rare characters
    "乱码.txt": (TOWNSHIP.read_text(encoding="utf-8").encode("utf-16-le"), "无法识别 乱码.txt 的文字编码"),
    "二进制.txt": (bytes(range(256)) * 4, "无法识别 二进制.txt 的文字编码"),
    "通知.txt": (
        "关于召开全县安全生产工作会议的通知\n各乡镇：定于3月5日召开会议。\n".encode(),
        "通知.txt 不像是一份法治政府建设年度报告",
    ),
    "空白.txt": (b"", "空白.txt 中没有文字"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_file_that_is_not_a_readable_report_is_told_in_chinese(capsys, in_tmp, name):
    data, message = BAD_INPUTS[name]
    (in_tmp / name).write_bytes(data)
    code, out = run(capsys, "import", name)
    assert code == 2
    assert out.startswith(f"[错误] {message}")
    assert "Traceback" not in out
    assert sorted(path.name for path in in_tmp.iterdir()) == [name]


def test_a_scanned_word_file(capsys, in_tmp):
    _scanned_docx(in_tmp / "扫描件.docx")
    code, out = run(capsys, "import", "扫描件.docx")
    assert code == 2
    assert out.startswith("[错误] 扫描件.docx 只有图片（多为扫描件），没有可以读取的文字。")


def test_a_missing_file(capsys, in_tmp):
    assert run(capsys, "import", "没有这个文件.docx") == (
        2,
        "[错误] 找不到文件 没有这个文件.docx，请检查路径和文件名是否正确\n",
    )


def test_no_file_given(capsys, in_tmp):
    code, out = run(capsys, "import")
    assert code == 2 and out.startswith("[错误] 请给出已发布的报告文件")


def test_gbk_text_is_imported(capsys, in_tmp):
    (in_tmp / "城关镇.txt").write_bytes(TOWNSHIP.read_text(encoding="utf-8").encode("gbk"))
    code, _ = run(capsys, "import", "城关镇.txt")
    assert code == 0
    assert "title: 城关镇2024年法治政府建设工作报告" in (in_tmp / "城关镇-2024.yaml").read_text(encoding="utf-8")


def test_word_file_is_imported(capsys, in_tmp):
    write_docx(TOWNSHIP.read_text(encoding="utf-8"), in_tmp / "城关镇.docx")
    code, out = run(capsys, "import", "城关镇.docx")
    assert code == 0 and "检查通过" in out


# Pieces reports are made of, shuffled: numbering of every kind, figures, the page's chrome, dates,
# signing bodies, half-width marks. Whatever comes of them is a valid profile or a clear message.
_PIECES = [
    "一、", "二、", "三、", "（一）", "(二)", "1.", "2．", "（1）", "一是", "二是", "三是", "、", "是",
    "主要举措和成效", "存在的问题", "下一步工作打算", "第一责任人职责情况", "其他需要报告的情况",
    "法治政府建设", "年度报告", "收到行政复议申请14件", "受理16件", "审结8件", "出庭应诉率由79.39%提高至96.91%",
    "调解成功76件", "受理矛盾纠纷46件", "8.9万场次", "3000余份", "95%以上", "12.319公顷",
    "索引号：000014349/2025-00110", "发布时间: 2025-03-12", "浏览次数:", "【打印本页】", "中共甲乡委员会",
    "甲乡人民政府", "2025年3月12日", "2022年11月25日", "，", "。", ",", ";", "(", ")", "“", "”", "《", "》", " ",
]  # fmt: skip


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=14))
def test_any_text_imports_to_a_valid_profile_or_a_message(lines):
    import tempfile

    from reportgen import api
    from reportgen.errors import FileProblem

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "报告.txt"
        source.write_text("\n".join(lines), encoding="utf-8")
        try:
            imported = api.import_report(source)
        except FileProblem as problem:
            written = "\n".join(lines).splitlines()
            if any(line.strip() for line in written):  # as read_report tells an empty file
                assert problem.message.startswith(f"{source} 不像是一份法治政府建设年度报告")
            else:  # nothing but blanks: no text at all, as for an empty Word file
                assert problem.message.startswith(f"{source} 中没有文字")
            return
        assert [d.message for d in imported.result.errors] == []
