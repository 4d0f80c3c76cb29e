from collections.abc import Iterator

from targetlint.measurability import ArtefactKind, value_artefact
from targetlint.rule import Finding, Rule, Severity
from targetlint.text import offset_span, stray_marks

# Where a converted or re-encoded table shows its damage.
_FIELDS = ("name", "value")


class StrayMark(Rule):
    """表格转换或编码损坏留下的痕迹：词中孤立的标点、连续的问号、并在一起的两格数字、日期序号。

    **作用**：三级指标名称或指标值中，两个汉字之间夹着一个孤立的标点（“设.备维护
    次数”“培?训人数”），解码失败留下的替换字符（�），或编码损坏留下的一串问号
    （“培训??人数”“？？？？”）时报告，位置指向该标点（词表见 `stray-marks`、
    `damage-run-marks`）。指标值是丢了分隔符、并在一起的两格数字时也报告：同一个数
    写了两遍（“9595”），或一个分数、比率后紧跟满分（“88100”即“88 | 100”，词表见
    `joined-cell-marks`），且名称不是计数或金额（“培训人数 9595”可能是真的人数，
    由 TL203 要求单位）；日期或时效指标的值是五位数、落在申报年度前后的电子表格
    日期序号（45291 即 2023-12-31）时也报告，为警告（目标读不出来）。这些值不再按
    缺单位、比率是数量等报告。

    **为什么重要**：这类标点不会是填报人有意写的，说明表格经过转换或编码损坏；
    受损的名称可能被读错，检索和汇总时也对不上。

    **示例**：
    ```yaml
    - 三级指标: 设.备维护次数
      指标值: ≥4次
    ```

    **修复方法**：对照原表删去多余的标点，或补回被损坏的字；把并在一起的两格分开，
    把日期序号写成日期。

    **修复安全性**：不提供自动修复：被损坏的可能是一个字，而不只是多了一个标点。
    ---
    Stray mark: a lone punctuation mark inside a Chinese word, left by conversion or encoding damage.

    **What it does**: reports a single punctuation mark between two Chinese
    characters in an indicator's name or value ("设.备维护次数", "培?训人数"),
    the replacement character (�) a failed decode leaves, or a run of
    question marks a broken encoding writes ("培训??人数", "？？？？"), at the
    mark (word lists `stray-marks`, `damage-run-marks`). Also a value that is
    two cells run together when the separators were lost: the same number
    twice ("9595"), or a score or share followed by the full mark ("88100" is
    "88 | 100", word list `joined-cell-marks`), under a name that counts no
    things or money (a headcount may be 9595; TL203 asks for its unit); and a
    five-digit value of a date or 时效 indicator that is a spreadsheet date
    serial of a year near the declared one (45291 is 2023-12-31), as a
    warning (no target can be read). Such values are not reported again as
    missing a unit or a rate holding a count.

    **Why it matters**: nobody types such a mark on purpose; it shows the
    table was converted or its encoding damaged, so the name may be misread
    and will not match when tables are searched or summed.

    **Example**:
    ```yaml
    - 三级指标: 设.备维护次数
      指标值: ≥4次
    ```

    **How to fix**: compare with the original table and delete the mark, or
    restore the damaged character; split the joined cells, write the serial
    as a date.

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
                    if len(mark) > 1:
                        zh = f"“{text}”中有一串“{mark}”：像是编码损坏后无法显示的字，请对照原表补回"
                        en = f"'{text}' has a run of '{mark}', likely characters a broken encoding lost; restore them"
                    else:
                        zh = f"“{text}”中两个汉字之间夹着“{mark}”：像是表格转换或编码损坏留下的，请对照原表改正"
                        en = (
                            f"'{text}' has '{mark}' between two Chinese characters, likely conversion or encoding "
                            "damage; correct it against the original table"
                        )
                    yield self.report(
                        offset_span(indicator.span(field), offset, len(mark), text, lines),
                        zh,
                        en,
                        indicator=indicator,
                        subject=mark,
                    )
        for indicator in declaration.judged_values():
            artefact = value_artefact(indicator, self.vocabulary, declaration.year)
            if artefact is None:
                continue
            raw = indicator.parsed.raw
            if artefact.kind is ArtefactKind.DATE_SERIAL:
                zh = (
                    f"指标“{indicator.name}”的值“{raw}”像是电子表格的日期序号（即 {artefact.reading}）："
                    "单元格的日期格式丢了，请写成日期"
                )
                en = (
                    f"the value '{raw}' of '{indicator.name}' looks like a spreadsheet date serial "
                    f"({artefact.reading}): the cell lost its date format; write the date"
                )
            else:
                zh = (
                    f"指标“{indicator.name}”的值“{raw}”像是两格并在了一起（{artefact.reading}）："
                    "表格转换丢了分隔符，请对照原表分开"
                )
                en = (
                    f"the value '{raw}' of '{indicator.name}' looks like two cells run together "
                    f"({artefact.reading}): a conversion lost the separator; split them against the original"
                )
            # An unreadable target, not a stray mark in a readable one.
            yield self.report(
                indicator.span("value"), zh, en, indicator=indicator, subject=raw, severity=Severity.WARNING
            )


RULES = [StrayMark]
