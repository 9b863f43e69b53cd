"""The same report as a government web page (.html) and as a Word file (.docx), built in the
tests from its text: the formats `reportgen import` reads besides text copied from a page."""

from __future__ import annotations

import html
from pathlib import Path

# What a county portal puts around a report (DOMAIN_NOTES §3.2): navigation, breadcrumbs, the
# 政府信息公开 table, 发布时间/来源/浏览次数/字号, share bar, print/close, footer.
PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title}-青山县人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav {{ color: red; }}</style></head>
<body>
<div class="top-header"><div class="nav"><a href="/">首页</a> <a href="/zwgk">政府信息公开</a> <a>政务服务</a></div></div>
<div class="breadcrumb">首页 &gt; 政府信息公开 &gt; 法治政府建设年度报告</div>
<table class="xxgk-table">
<tr><td>索引号：</td><td>11620300013909010R/2025-00110</td><td>发布机构：</td><td>{publisher}</td></tr>
<tr><td>文号：</td><td>{document_number}</td><td>成文日期：</td><td>2025-02-20</td></tr>
</table>
<h1 style="text-align:center">{title_html}</h1>
<div class="info">发布时间：2025-03-12 09:18　来源：{publisher}　浏览次数：1234　字号：<a>大</a> <a>中</a> <a>小</a></div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="pagetools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
<div class="footer">主办单位：青山县人民政府办公室　网站标识码：6203000001　陇ICP备12345678号</div>
</body></html>
"""


def as_html(
    text: str,
    *,
    title_lines: int = 1,
    publisher: str = "青山县人民政府",
    document_number: str = "青政发〔2025〕3号",
    charset: str = "utf-8",
) -> str:
    """A page with `text`'s first `title_lines` lines as its <h1> and the rest as paragraphs."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, body = lines[:title_lines], lines[title_lines:]
    return PAGE.format(
        charset=charset,
        title=html.escape("".join(title)),
        title_html="<br>".join(html.escape(line) for line in title),
        publisher=html.escape(publisher),
        document_number=html.escape(document_number),
        body="\n".join(f'<p style="text-indent:2em">{html.escape(line)}</p>' for line in body),
    )


def write_docx(text: str, path: Path, *, title_lines: int = 1, heading_parts: bool = False) -> Path:
    """A Word file: the title centred (its lines split by line breaks, as clerks type them), then one
    paragraph per line; with `heading_parts`, the parts (一、…) in the Heading 1 style."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    document = docx.Document()
    title = document.add_paragraph()
    for index, line in enumerate(lines[:title_lines]):
        run = title.add_run(line)
        if index < title_lines - 1:
            run.add_break()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in lines[title_lines:]:
        is_part = line[:1] in "一二三四五六七八九" and line[1:2] == "、"
        document.add_paragraph(line, style="Heading 1" if heading_parts and is_part else None)
    document.save(str(path))
    return path
