"""Reading and writing files: missing, too large, not UTF-8, folders without profiles, writes that fail."""

from __future__ import annotations

import errno
from pathlib import Path


def file_missing(path: Path) -> str:
    return f"找不到文件 {path}，请检查路径和文件名是否正确"


def file_symlink_loop(path: Path) -> str:
    return f"{path} 是循环的符号链接（链接又指回了自己），找不到真正的文件；请检查这个链接，或直接给出资料文件的路径"


def not_a_regular_file(path: Path, kind: str) -> str:
    return f"{path} 是{kind}，不是普通文件，不能作为资料文件读取；请给出 .yaml 资料文件或其所在文件夹的路径"


def file_too_large(path: Path, size: int, limit: int) -> str:
    return (
        f"文件 {path} 有 {size // 1024} KB，超过资料文件的上限 {limit // 1024} KB，不像是一份年度资料；请确认选对了文件"
    )


# Why a read failed, in words a clerk can act on; others in the system's own words.
_READ_REASONS = {errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限", errno.EIO: "磁盘读写出错"}


def file_unreadable(path: Path, exc: OSError) -> str:
    reason = _READ_REASONS.get(exc.errno or 0) or exc.strerror or "无法读取"
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


# Why a write failed, for the errors a clerk can do something about; others in the system's words.
_WRITE_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "所在磁盘只读",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EISDIR: "已有同名的文件夹",
    errno.ENOTDIR: "路径中有一个同名的文件，不是文件夹",
    errno.EEXIST: "已有同名的文件，不是文件夹",
    errno.ENOENT: "文件夹不存在",
    errno.EIO: "磁盘读写出错",
}


def os_reason(exc: OSError) -> str:
    return _WRITE_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def write_failed(path: Path, exc: OSError) -> str:
    return f"无法写入 {path}（{os_reason(exc)}）；原有的同名文件没有改动"


def folder_not_writable(folder: Path, exc: OSError) -> str:
    return f"无法在 {folder} 中写入文件（{os_reason(exc)}）"


def name_leaves_folder(name: str, folder: Path) -> str:
    return f"文件名“{name}”会写到文件夹 {folder} 以外，没有写入"


def output_not_a_folder(path: Path) -> str:
    return f"{path} 是一个文件，不是文件夹；-o 请给出报告要写入的文件夹"


def templates_missing(folder: Path) -> str:
    return (
        f"模板文件夹 {folder} 不存在（templates 的路径相对于资料文件所在的文件夹）；"
        "请检查文件夹名，或删去这一项，使用自带模板"
    )


def templates_not_a_folder(folder: Path) -> str:
    return (
        f"{folder} 不是文件夹：templates 应写本单位模板文件夹的路径（相对于资料文件所在的文件夹）；"
        "请改正，或删去这一项，使用自带模板"
    )
