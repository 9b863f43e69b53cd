"""Writing outputs (PDF through LibreOffice) and the command line's own sentences."""

from __future__ import annotations

from pathlib import Path


def libreoffice_missing() -> str:
    return (
        "生成 PDF 需要 LibreOffice，本机没有找到。请安装后重试："
        "Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer；Windows 从 libreoffice.org 下载安装"
    )


def pdf_timeout(seconds: int) -> str:
    return f"LibreOffice 转换 PDF 超过 {seconds} 秒仍未完成，已停止；请关闭正在运行的 LibreOffice 后重试"


def pdf_failed() -> str:
    return "LibreOffice 没有生成 PDF；请确认 LibreOffice 能正常打开 Word 文档，或先生成 .docx 再手动另存为 PDF"


def fonts_missing(names: list[str]) -> str:
    return (
        f"本机缺少字体：{'、'.join(names)}。PDF 中这些文字将以其他字体代替，版式可能与 Word 中不同；"
        "请安装这些字体后重新生成，或在资料的 layout.fonts 中改用本机已有的字体（如 仿宋、楷体）"
    )


def summary(files: int, errors: int, warnings: int) -> str:
    if errors:
        return f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告。请修正错误后再生成报告。"
    if warnings:
        return f"检查了 {files} 个文件：没有错误，{warnings} 个警告。"
    return f"检查了 {files} 个文件：全部通过。"


def internal_error(log_path: Path) -> str:
    return f"reportgen 内部出错，这不是您的操作问题。详细信息已写入 {log_path}，请将该文件发给维护人员。"


def placeholder_left(place: str, prompt: str) -> str:
    return f"[待填写] {place}：{prompt}（报告中以黄色突出显示），请在资料中补写"


def final_refused(path: str, count: int) -> str:
    return (
        f"[未生成] {path}：--final 要求报告中没有任何“待填写”占位，还有 {count} 处（见上）。"
        "请在资料中补写后再生成；起草阶段不加 --final 即可生成带占位的草稿"
    )


def not_built(path: str) -> str:
    return f"[未生成] {path}：资料有错误，请先修正。"
