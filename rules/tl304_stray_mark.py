from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.text import offset_span, stray_marks

# Where a converted or re-encoded table shows its damage.
_FIELDS = ("name", "value")


class StrayMark(Rule):
    """词中夹有孤立的标点：表格转换或编码损坏留下的痕迹。

    **作用**：三级指标名称或指标值中，两个汉字之间夹着一个孤立的标点（“设.备维护
    次数”“培?训人数”），或解码失败留下的替换字符（�）时报告，位置指向该标点。
    词表见 `stray-marks`。连续的“??”是模板占位符，由 TL301 报告。

    **为什么重要**：这类标点不会是填报人有意写的，说明表格经过转换或编码损坏；
    受损的名称可能被读错，检索和汇总时也对不上。

    **示例**：
    ```yaml
    - 三级指标: 设.备维护次数
      指标值: ≥4次
    ```

    **修复方法**：对照原表删去多余的标点，或补回被损坏的字。

    **修复安全性**：不提供自动修复：被损坏的可能是一个字，而不只是多了一个标点。
    ---
    Stray mark: a lone punctuation mark inside a Chinese word, left by conversion or encoding damage.

    **What it does**: reports a single punctuation mark between two Chinese
    characters in an indicator's name or value ("设.备维护次数", "培?训人数"),
    or the replacement character (�) a failed decode leaves, at the mark.
    Word list `stray-marks`. Runs such as "??" are placeholders, TL301's.

    **Why it matters**: nobody types such a mark on purpose; it shows the
    table was converted or its encoding damaged, so the name may be misread
    and will not match when tables are searched or summed.

    **Example**:
    ```yaml
    - 三级指标: 设.备维护次数
      指标值: ≥4次
    ```

    **How to fix**: compare with the original table and delete the mark, or
    restore the damaged character.

    **Fix safety**: no automatic fix: the damage may have taken a character,
    not only added a mark.
    """

    code = "TL304"
    name = "stray-mark"
    severity = Severity.INFO

    def check(self, declaration, source) -> Iterator[Finding]:
        lines = source.source.lines
        for indicator in declaration.indicators():
            for field in _FIELDS:
                text = getattr(indicator, field)
                if not isinstance(text, str):
                    continue
                for offset, mark in stray_marks(text, self.vocabulary):
                    yield self.report(
                        offset_span(indicator.span(field), offset, len(mark), text, lines),
                        f"“{text}”中两个汉字之间夹着“{mark}”：像是表格转换或编码损坏留下的，请对照原表改正",
                        f"'{text}' has '{mark}' between two Chinese characters, likely conversion or encoding "
                        "damage; correct it against the original table",
                        indicator=indicator,
                        subject=mark,
                    )


RULES = [StrayMark]
