from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.values import ValueKind


class NarrativeValue(Rule):
    """整句代替指标值：指标值是一句描述，而不是数字、期限或可核验的结论。

    **作用**：指标值是一个句子或分句（“做好各项筹办工作”“每月中旬及时报送局领导、
    各处室单位”“专业技术人才队伍建设和事业单位管理”）时报告。期限（“2023年12月31日前
    完成使用”“年底前”“项目周期内完成”，截止时间后可跟要完成的事项）是时效目标，不会
    触发；短语（“顺利建成上线”“全年稳定运行”）由 TL207 判断是否可衡量；满意度指标由
    TL211 报告。

    **为什么重要**：句子描述的是工作内容，不是目标；年终评价时没有可对照的数字或结论，
    评审会要求改写。

    **示例**：
    ```yaml
    - 三级指标: 世界技能大赛筹办情况
      指标值: 做好各项筹办工作
    - 三级指标: 统计月报报送及时率
      指标值: 每月中旬及时报送局领导、各处室单位
    ```

    **修复方法**：把句子拆成可考核的指标：数量（“筹办工作会议 ≥4场”）、比率
    （“报送及时率 =100%”）或期限（“每月15日前报送”）；说明文字移到备注。
    ---
    Narrative value: the value is a sentence, not a number, a deadline or a checkable verdict.

    **What it does**: reports values that are a sentence or a clause
    ("做好各项筹办工作", "每月中旬及时报送局领导、各处室单位",
    "专业技术人才队伍建设和事业单位管理"). Deadlines ("2023年12月31日前完成使用",
    "年底前", "项目周期内完成", a bound followed by the task due) are
    timeliness targets and do not trigger it; short phrases ("顺利建成上线",
    "全年稳定运行") are left to TL207; satisfaction indicators are TL211's.

    **Why it matters**: a sentence describes work, not a target; the
    year-end evaluation has no number or verdict to compare, and reviewers
    ask for a rewrite.

    **Example**:
    ```yaml
    - 三级指标: 世界技能大赛筹办情况
      指标值: 做好各项筹办工作
    - 三级指标: 统计月报报送及时率
      指标值: 每月中旬及时报送局领导、各处室单位
    ```

    **How to fix**: split the sentence into checkable indicators: a count
    ("筹办工作会议 ≥4场"), a rate ("报送及时率 =100%") or a deadline
    ("每月15日前报送"); move the explanation to 备注.
    """

    code = "TL210"
    name = "narrative-value"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            value = indicator.parsed
            if value is None or value.kind != ValueKind.NARRATIVE or indicator.facts.measures_satisfaction:
                continue
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值“{value.raw}”是一句描述，不是可考核的目标：请改写为数量、比率或期限，说明移到备注",
                f"the value '{value.raw}' of '{indicator.name}' is a sentence, not a checkable target; rewrite it as "
                "a count, a rate or a deadline and move the explanation to 备注",
                indicator=indicator,
            )


RULES = [NarrativeValue]
