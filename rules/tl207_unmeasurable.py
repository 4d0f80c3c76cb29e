from collections.abc import Iterator

from targetlint.measurability import declared_scale, is_qualitative, is_timeliness, vague_words
from targetlint.rule import Finding, Rule, Severity


class Unmeasurable(Rule):
    """无法衡量的目标：指标值只有方向或形容，没有数字或基准。

    **作用**：指标值是方向性或模糊的词语（提高、提升、较上届提升、较上年增长、健全、
    完善、持续、有效控制、明显增加、处于全市领先水平，以及未声明等级标准的“良好”），
    没有数字也没有可核对的基准时报告。可核验的定性值（合格、达标、通过验收、完成、
    按期完成、是/否、无、未发生、完整、准确）与“不高于前3年最高值”这样有基准的比较
    不会触发。词表见 `vague-words`、`acceptable-qualitative` 与 `grade-words`。

    等级（优、良、中、差、优秀、良好…）只有在申报表声明了等级标准时才可核验：在该指标的
    备注、名称的括注或指标值的括注中连续列出两个以上等级，如“优/良/中/差”
    “优秀、良好、合格、不合格”。声明了标准，“良好”不报告；否则报告。

    下降类方向词（降低、减少、下降、缩短）与提高类同样无法衡量；没有时长的持续类词
    （持续、经常、永久）和“基本”这类保留语也一样。“及时”“正常”“稳定”这类方式词单独
    作值时是结论，后接词表不认识的动作（“及时发布”“正常开展”）时只描述了工作，报告。
    时效指标（放在时效指标下，或名称是及时率、时限…）的值须是日期、期限、时长或百分比：
    “及时”“全年”都报告；指向本表计划完成日期的“按期完成”和是否题的“是/否”不报告。

    严重程度：定性指标（指标性质为定性；没有该栏时，名称不是比率、数量或金额）上的
    合理等级词（健全、完善、良好，词表 `plausible-grades`）是提示；同样的词写在比率或
    数量指标上是警告。

    同一缺陷只报一次：满意度指标的值（“满意度 提高”）由 TL211 报告；整句的值由 TL210
    报告。

    **为什么重要**：绩效目标须“细化、量化”；“提高”在年终评价时既无法证实也无法证伪。

    **示例**：
    ```yaml
    - 三级指标: 年度综合评估机制健全性
      指标值: 健全
    - 三级指标: 选手技能水平
      指标值: 较上届提升
    - 三级指标: 人员培训质量
      指标值: 良好
    ```

    **修复方法**：给出数字和基准，如“获奖人数较上届增长 ≥10%”；机制类指标可写成
    可核验的产出，如“出台评估办法 1项”；等级目标在备注中写明等级标准（“优/良/中/差”）。
    ---
    Unmeasurable target: the value names a direction or a quality, with no number or baseline.

    **What it does**: reports values that are directional or vague words
    (提高, 提升, 较上届提升, 较上年增长, 健全, 完善, 持续, 有效控制,
    明显增加, 处于全市领先水平, and 良好 without a declared grading scale)
    with no number and no checkable baseline. Verifiable qualitative values
    (合格, 达标, 通过验收, 完成, 按期完成, 是/否, 无, 未发生, 完整, 准确)
    and bounded comparisons such as "不高于前3年最高值" pass. Word lists:
    `vague-words`, `acceptable-qualitative` and `grade-words`.

    Grades (优, 良, 中, 差, 优秀, 良好 …) are checkable only against a scale
    the declaration declares: two or more grades listed in a row in the
    indicator's 备注, in a bracketed note of its name or of its value, such
    as "优/良/中/差" or "优秀、良好、合格、不合格". With a declared scale
    "良好" passes; without one it is reported.

    Down words (降低, 减少, 下降, 缩短) are directions like 提高; durations
    with no length (持续, 经常, 永久) and hedges (基本) are no value either.
    Manner words (及时, 正常, 稳定) are a verdict alone, but before a verb
    the grammar does not know ("及时发布", "正常开展") they only describe
    work. A timeliness indicator (filed under 时效, or named …及时率, …时限)
    needs a date, a deadline, a duration or a percentage: "及时" and "全年"
    are reported; "按期完成" (the table's own 计划完成日期) and a yes/no
    answer are not.

    Severity: a plausible grade (健全, 完善, 良好; list `plausible-grades`)
    on a 定性 indicator (its 指标性质 says so; without that column, a name
    that is not a rate, a count or an amount) is an info; the same words on a
    rate or a count are a warning.

    One finding per defect: satisfaction values ("满意度 提高") are TL211's,
    sentences are TL210's.

    **Why it matters**: targets must be specific and quantified; "提高" can
    be neither proven nor disproven at year end.

    **Example**:
    ```yaml
    - 三级指标: 年度综合评估机制健全性
      指标值: 健全
    - 三级指标: 选手技能水平
      指标值: 较上届提升
    - 三级指标: 人员培训质量
      指标值: 良好
    ```

    **How to fix**: give a number and a baseline ("获奖人数较上届增长 ≥10%");
    for mechanisms, name a verifiable output ("出台评估办法 1项"); for a
    grade, state the scale in 备注 ("优/良/中/差").
    """

    code = "TL207"
    name = "unmeasurable"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        vocabulary = self.vocabulary
        for indicator in declaration.judged_values():
            value = indicator.parsed
            # Satisfaction values are TL211's, whatever their defect.
            if value is None or indicator.facts.measures_satisfaction:
                continue
            if is_timeliness(indicator) and vague_words(value, vocabulary, timeliness=True):
                yield self.report(
                    indicator.span("value"),
                    f"时效指标“{indicator.name}”的值“{value.raw}”不是日期、期限、时长或百分比：请写明完成时限"
                    "（如“9月30日前”“≤15个工作日”）或及时率（如“≥95%”）",
                    f"the timeliness indicator '{indicator.name}' has '{value.raw}', which is no date, deadline, "
                    "duration or percentage; state a deadline, a duration or an on-time rate",
                    indicator=indicator,
                )
                continue
            words = vague_words(value, vocabulary)
            if any(w in vocabulary.grade_words for w in words):
                # Only a grade needs the scale, so most values never look for one.
                words = vague_words(value, vocabulary, declared_scale(indicator, vocabulary))
            if words:
                listed = "、".join(words)
                yield self.report(
                    indicator.span("value"),
                    f"指标“{indicator.name}”的值“{value.raw}”无法衡量（{listed}）：请给出数字或基准",
                    f"the value '{value.raw}' of '{indicator.name}' is not measurable ({listed}); give a "
                    "number or a baseline",
                    indicator=indicator,
                    severity=self._severity(indicator, words),
                )

    def _severity(self, indicator, words: tuple[str, ...]) -> Severity:
        # A plausible grade (健全, 良好) on a 定性 indicator is how such tables
        # are written: worth a note, not a warning. On a rate or a count it
        # stands where a number should be.
        if all(w in self.vocabulary.plausible_grades for w in words) and is_qualitative(indicator, self.vocabulary):
            return Severity.INFO
        return self.severity


RULES = [Unmeasurable]
