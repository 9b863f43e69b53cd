"""Reading files: missing, too large, not UTF-8, folders without profiles."""

from __future__ import annotations

from pathlib import Path


def file_missing(path: Path) -> str:
    return f"找不到文件 {path}，请检查路径和文件名是否正确"


def file_too_large(path: Path, size: int, limit: int) -> str:
    return (
        f"文件 {path} 有 {size // 1024} KB，超过资料文件的上限 {limit // 1024} KB，不像是一份年度资料；请确认选对了文件"
    )


def file_unreadable(path: Path, exc: OSError) -> str:
    reason = exc.strerror or "无法读取"
    return f"无法读取文件 {path}（{reason}），请检查文件权限"


def file_not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError) -> str:
    hint = "请用记事本或 VS Code 将其“另存为”UTF-8 编码"
    try:
        raw.decode("gb18030")
        hint = "文件似乎是 GBK/GB18030 编码，" + hint
    except UnicodeDecodeError:
        pass
    return f"文件 {path} 不是 UTF-8 编码（第 {exc.start + 1} 个字节无法识别）；{hint}"


def no_profiles_in_folder(path: Path) -> str:
    return f"文件夹 {path} 中没有 .yaml 或 .yml 资料文件"


def refuse_overwrite(path: Path) -> str:
    return f"{path} 已存在，为免覆盖您填写的内容，没有写入；如确需重新生成，请加 --force"


def not_a_profile_path(path: Path) -> str:
    return f"{path} 不是 .yaml/.yml 文件，也不是文件夹"
