"""Writing outputs (PDF through LibreOffice) and the command line's own sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def build_failed(path: str, reason: str) -> str:
    return f"[未生成] {path}：{reason}"


def build_summary(built: int, warned: int, failed: int) -> str:
    text = f"共 {built + failed} 份资料：生成 {built} 份"
    if warned:
        text += f"（其中 {warned} 份有警告）"
    if failed:
        text += f"，{failed} 份未生成（原因见上）"
    return text + "。"


def interrupted() -> str:
    return "[已中断] 已按 Ctrl-C 停止。没有写完的文件不会留下，之前写好的文件不受影响。"


# ---------------------------------------------------------------- output file names

# Keyed by outputs.Change values: what was done to the jurisdiction name to make a file name of it.
_NAME_CHANGES = {
    "separator": "路径符号 / 或 \\ 改为 _",
    "windows": 'Windows 文件名中不允许的 < > : " | ? * 改为 _',
    "control": "换行改为空格，其他控制字符已去掉",
    "invisible": "看不见的格式字符（如文字方向控制符）已去掉",
    "edges": "开头和结尾的 . ~ - _ 已去掉",
    "reserved": "Windows 设备名（CON、NUL 等）后加了 _",
    "too_long": "名称过长，已截短",
}


def output_name_changed(file_name: str, changes: Iterable[str]) -> str:
    done = "；".join(_NAME_CHANGES[change] for change in changes)
    return f"名称不能原样用作文件名（{done}），报告文件将命名为“{file_name}”（其他格式同名）"


def output_name_empty() -> str:
    return (
        "名称中没有能用作文件名的文字（去掉路径符号、控制字符和开头结尾的 . ~ - 后什么也不剩），"
        "报告无法命名；请写单位简称，如 托克逊县、土城子乡"
    )


def same_output(base_name: str, others: Sequence[str], year_line: int | None) -> str:
    year = f"year，第 {year_line} 行" if year_line is not None else "year"
    return (
        f"与 {'、'.join(others)} 要生成同名的报告“{base_name}”，为免互相覆盖，都没有生成；"
        f"请核对名称和年度（{year}）——复制去年的资料后常忘了改年度"
    )


def reason_errors(count: int) -> str:
    return f"资料有 {count} 个错误"


def reason_placeholders(count: int) -> str:
    return f"--final：还有 {count} 处“待填写”"


def summary_bad_suffix(path: Path) -> str:
    return f"汇总文件 {path} 应以 .json 或 .csv 结尾"


SUMMARY_STATUS = {"built": "已生成", "warnings": "已生成（有警告）", "failed": "未生成"}
SUMMARY_COLUMNS = ("资料文件", "结果", "错误", "警告", "生成的文件", "原因")
FAILED_TABLE_TITLE = "未生成的资料"
PROGRESS_LABEL = "生成报告"


def progress_rate(per_second: float) -> str:
    return f"{per_second:.1f} 份/秒"
