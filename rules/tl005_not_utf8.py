from targetlint.rule import Severity
from targetlint.source import ProblemKind

from ._problems import ProblemRule


class NotUtf8(ProblemRule):
    """非 UTF-8 编码：文件以 GB18030/GBK 等旧编码保存，或含有无法解码的字节。

    **作用**：文件不是 UTF-8 时，按 GB18030（GBK 的超集）解码后照常检查，并报告此项；
    任何编码都无法解码的字节报告其位置（此时为错误）。

    **为什么重要**：Windows 工具常以 GBK 保存；git、评审系统与多数工具默认 UTF-8，
    同一文件在别处会显示为乱码。

    **示例**：用记事本“ANSI”编码保存的申报表。

    **修复方法**：将文件另存为 UTF-8（如 `iconv -f GB18030 -t UTF-8`）。
    ---
    Not UTF-8: the file is saved in a legacy encoding such as GB18030/GBK, or
    holds undecodable bytes.

    **What it does**: decodes a non-UTF-8 file as GB18030 (GBK's superset),
    checks it as usual and reports this; bytes no supported encoding can
    decode are reported at their position (as an error).

    **Why it matters**: Windows tools often save GBK; git, review systems and
    most tools assume UTF-8 and show such files garbled.

    **Example**: a declaration saved by Notepad in "ANSI".

    **How to fix**: save the file as UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`).
    """

    code = "TL005"
    name = "not-utf8"
    severity = Severity.WARNING
    kinds = (ProblemKind.NOT_UTF8, ProblemKind.UNDECODABLE)

    def check(self, target, source):
        for finding in super().check(target, source):
            if finding.subject.startswith("byte"):
                finding.severity = Severity.ERROR
            yield finding

    def describe(self, problem):
        if problem.kind == ProblemKind.UNDECODABLE:
            return (
                f"无法解码的字节（{problem.detail}），文件不是 UTF-8 或 GB18030 文本",
                f"undecodable {problem.detail}: the file is neither UTF-8 nor GB18030 text",
            )
        return (
            f"文件不是 UTF-8 编码，已按 {problem.detail} 解码；请另存为 UTF-8",
            f"the file is not UTF-8; decoded as {problem.detail}. Save it as UTF-8",
        )


RULES = [NotUtf8]
