"""Why a file could not be read or written, in both languages.

The operating system explains a failed read in the C library's English
("Permission denied"), which would sit inside an otherwise Chinese message.
The common reasons are named here in Chinese; a rare one keeps the system's
words in both languages rather than be lost.
"""

from __future__ import annotations

import errno

from targetlint.i18n import Message

_REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作",
    errno.EISDIR: "是目录，不是文件",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.ELOOP: "符号链接层数过多或是不允许的符号链接",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "输入输出错误",
    errno.EINVAL: "参数无效",
    errno.ENXIO: "设备不存在",
    errno.ETXTBSY: "文件正被占用",
    errno.EDQUOT: "超出磁盘配额",
}


class TooLargeError(OSError):
    """A settings file, baseline or workbook larger than its limit."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit // 1024} KB", path)
        self.limit = limit


def reason(error: OSError) -> Message:
    """Why ``error`` happened, without the file name (callers name it)."""
    english = error.strerror or str(error) or type(error).__name__
    if isinstance(error, TooLargeError):
        return Message(f"文件过大，超过 {error.limit // 1024} KB", english)
    chinese = _REASONS.get(error.errno) if error.errno is not None else None
    return Message(chinese or english, english)
