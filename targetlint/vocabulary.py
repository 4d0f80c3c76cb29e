"""Every word list targetlint judges by, in one place.

Rules and the value grammar read these lists; none of them keeps literals of
its own. A configuration (``vocabulary:`` in ``.targetlint.yaml`` or
``[tool.targetlint.vocabulary]``) or a plugin (the ``targetlint_vocabulary``
hook) may extend any list: :meth:`Vocabulary.extended` returns a new,
hashable vocabulary, so parses cached for one vocabulary never leak into
another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import ClassVar

# --- Units --------------------------------------------------------------
# Units that count things or people: 数量指标 carry these.
COUNT_UNITS = (
    "人",
    "人次",
    "名",
    "位",
    "户",
    "户次",
    "家",
    "次",
    "场",
    "场次",
    "期",
    "班",
    "班次",
    "个",
    "项",
    "台",
    "套",
    "件",
    "篇",
    "册",
    "本",
    "份",
    "张",
    "部",
    "辆",
    "处",
    "所",
    "条",
    "批",
    "轮",
    "门",
    "课",
    "节",
    "集",
    "株",
    "棵",
    "亩",
    "间",
    "座",
    "支",
    "队",
    "组",
    "类",
    "种",
    "批次",
    "架次",
    "人天",
    "人日",
    "课时",
    "学时",
    "期次",
    "单位",
    "户数",
    "网点",
    "站",
    "点",
    "个点",
)
# LaTeX commands that spell a character in values pasted from typeset documents
# ("\\geq 90\\%"): the value grammar reads them as that character, and TL302's fix
# writes it. Spacing commands and escaped braces are each reader's own business.
LATEX_SYMBOLS = {
    "geq": "≥",
    "ge": "≥",
    "geqslant": "≥",
    "leq": "≤",
    "le": "≤",
    "leqslant": "≤",
    "gt": ">",
    "lt": "<",
    "%": "%",
    "times": "×",
    "sim": "~",
    "approx": "约",
}
# Money units; 成本指标 carry these. Per-unit forms (元/人) are matched by
# their head, so "元/人" and "万元/公里" count as money.
MONEY_UNITS = ("元", "万元", "亿元", "千元", "百元", "角", "分钱")
# Units of duration; 时效 indicators carry these.
TIME_UNITS = (
    "年",
    "个月",
    "月",
    "周",
    "星期",
    "天",
    "日",
    "工作日",
    "个工作日",
    "自然日",
    "小时",
    "分钟",
    "秒",
    "季度",
    "个季度",
)
# 百分比 written as a unit word ("≥98百分比") is %.
PERCENT_UNITS = ("%", "％", "‰", "百分点", "个百分点", "百分比")
# Physical measures: valid units that are neither counts, money nor time.
MEASURE_UNITS = (
    "平方米",
    "平米",
    "㎡",
    "立方米",
    "m³",
    "米",
    "公里",
    "千米",
    "km",
    "吨",
    "千克",
    "公斤",
    "kg",
    "升",
    "千瓦",
    "千瓦时",
    "kWh",
    "度",
    "GB",
    "TB",
    "Mbps",
    "分",
    "星",
)
# Spellings of one measure unit: a goal's "2公里" is an indicator's "2km".
MEASURE_UNIT_SPELLINGS = (
    ("公里", "千米", "km"),
    ("平方米", "平米", "㎡"),
    ("立方米", "m³"),
    ("千克", "公斤", "kg"),
)
# Magnitude prefixes written in front of a unit: "2.6万个", "1万张", "5亿元".
MAGNITUDES = (
    ("亿", 100_000_000),
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
)

# --- Words in values --------------------------------------------------
# Verifiable qualitative values: a reviewer can check them at year end.
ACCEPTABLE_QUALITATIVE = (
    "合格",
    "达标",
    "通过",
    "通过验收",
    "验收合格",
    "验收通过",
    "完成",
    "已完成",
    "按期完成",
    "按时完成",
    "全部完成",
    "是",
    "否",
    "有",
    "无",
    "未发生",
    "零发生",
    "不发生",
    "完整",
    "准确",
    "安全",
    "及时",
    "达到",
    "符合",
    "整洁",
    "稳定",
    "正常",
    "规范",
    "上线",
    "建成",
    "办结",
)
# Grades (优, 良好 …) are verifiable only against a grading scale; see
# GRADE_WORDS below. They are neither acceptable nor vague on their own.
# Directional or vague words: a direction with no number or baseline is not measurable.
VAGUE_WORDS = (
    "提高",
    "提升",
    "增强",
    "改善",
    "完善",
    "健全",
    "持续",
    "有效",
    "明显",
    "显著",
    "加强",
    "扩大",
    "增加",
    "增长",
    "优化",
    "进一步",
    "不断",
    "较好",
    "较强",
    "较高",
    "有效控制",
    "有所提升",
    "有所提高",
    "得到提升",
    "稳步",
    "积极",
    "逐步",
    "深化",
    "推进",
    "领先",
    "处于全市领先水平",
    "大幅",
    "充分",
    "切实",
    "落实到位",
    "有效支撑",
    "有效采用",
    # Down words are directions too: "缩短" says no more than "提高" does.
    "降低",
    "减少",
    "下降",
    "缩短",
    "压缩",
    "减轻",
    "上升",
    # A hedge makes any verdict unverifiable: "基本建立", "基本完成".
    "基本",
    # Durations with no length: "持续" (above) lasts how long?
    "经常",
    "永久",
    "长期",
    "常年",
    "常态化",
)
# Accepted words that describe how something is done, not whether it was:
# alone ("及时", "稳定") they are a verdict; before a verb the grammar does
# not know ("及时发布", "正常开展") they only describe work that is still
# unmeasured.
MANNER_WORDS = ("及时", "正常", "稳定", "有效", "按时", "按期", "如期", "准时", "全面", "顺利")
# Verdicts that point at the declaration's own schedule (its 计划完成日期), a
# date a reviewer can check: accepted under 时效 where other words are not.
SCHEDULE_VERDICTS = ("按期完成", "按时完成", "如期完成", "按期", "按时", "如期", "按期办结", "按时办结")
# Answers to a yes/no indicator ("是否按期验收: 是"): checkable anywhere.
YES_NO_WORDS = ("是", "否")
# Grades a 定性 indicator (a mechanism, a quality) may plausibly state: on
# such an indicator they are an info, on a rate or a count a warning.
PLAUSIBLE_GRADES = (
    "健全",
    "完善",
    "良好",
    "优良",
    "优秀",
    "较好",
    "好",
    "较强",
    "较高",
    "规范",
    "有序",
    "完备",
    "齐全",
    "畅通",
    "顺畅",
)
# What an indicator's 指标性质 says: 定性 (a verdict) or 定量 (a number).
QUALITATIVE_NATURES = ("定性",)
QUANTITATIVE_NATURES = ("定量",)
# Phrases that defer the target to a plan or rule instead of stating it.
PLAN_REFERENCES = (
    "按年度计划",
    "按计划",
    "按工作计划",
    "根据计划",
    "按要求",
    "按规定",
    "按规定处理",
    "按照要求",
    "按照规定",
    "按照计划",
    "按实际",
    "按需",
    "视情况",
    "根据需要",
    "根据实际",
)
# Comparisons against a stated baseline are measurable (不高于前3年最高值).
# A baseline word holding a number ("前3年") also matches other counts
# ("前5年", "前两年"): the grammar generalises the number.
BASELINE_WORDS = (
    "前3年",
    "前三年",
    "近3年",
    "近三年",
    "过去3年",
    "上年",
    "上一年",
    "上年度",
    "上一年度",
    "去年",
    "上届",
    "上一届",
    "上期",
    "同期",
    "同比",
    "环比",
    "基期",
    "历史",
)

# --- The value grammar ------------------------------------------------------
# What a 指标值 may wrap around its number. The grammar in values.py compiles
# these lists; a region's own spellings are added here, not in the grammar.
# Spellings of each comparison written before the number: the symbol in its
# ASCII, full-width and typographic forms, and the words that mean it.
GE_OPERATORS = (
    "≥",
    ">=",
    "=>",
    "≧",
    "⩾",
    "＞＝",
    "＞=",
    ">＝",
    "不少于",
    "不低于",
    "不小于",
    "不得少于",
    "不得低于",
    "至少",
    "最少",
    "大于等于",
    "大于或等于",
    "高于或等于",
    "多于或等于",
)
GT_OPERATORS = (">", "＞", "大于", "高于", "超过", "多于")
LE_OPERATORS = (
    "≤",
    "<=",
    "=<",
    "≦",
    "⩽",
    "＜＝",
    "＜=",
    "<＝",
    "不超过",
    "不高于",
    "不大于",
    "不多于",
    "不得超过",
    "不得高于",
    "至多",
    "最多",
    "小于等于",
    "小于或等于",
    "低于或等于",
    "控制在",
)
LT_OPERATORS = ("<", "＜", "小于", "低于", "少于")
EQ_OPERATORS = ("=", "＝", "==", "等于")
# Verbs of attainment read as ≥ before a number ("达到90%"); before a word
# they name a grade ("达到良好"), not a comparison with a baseline.
ATTAINMENT_OPERATORS = ("达到", "达")
# Comparisons written after the number: "95%以上", "30天以内".
GE_SUFFIXES = ("以上", "及以上", "或以上")
LE_SUFFIXES = ("以下", "及以下", "或以下", "以内", "之内", "内")
# Approximation around a number: 约400台, 200户左右, 100余人, 近千人.
APPROXIMATE_PREFIXES = ("约", "大约", "约为", "大概", "近", "将近", "接近")
APPROXIMATE_SUFFIXES = ("左右", "上下", "余", "多", "有余", "许")
# Between the bounds of a range: "2~3个", "20-30人", "3至5场".
RANGE_SEPARATORS = ("~", "～", "〜", "-", "－", "—", "–", "--", "——", "至", "到")
# Chinese numerals: digit words (value < 10) and place words (十 百 千);
# 万 and 亿 are magnitudes (MAGNITUDES), so "两万" is 2 × 10000.
CHINESE_NUMERALS = (
    ("零", 0),
    ("〇", 0),
    ("一", 1),
    ("二", 2),
    ("两", 2),
    ("三", 3),
    ("四", 4),
    ("五", 5),
    ("六", 6),
    ("七", 7),
    ("八", 8),
    ("九", 9),
    ("十", 10),
    ("百", 100),
    ("千", 1000),
    ("壹", 1),
    ("贰", 2),
    ("叁", 3),
    ("肆", 4),
    ("伍", 5),
    ("陆", 6),
    ("柒", 7),
    ("捌", 8),
    ("玖", 9),
    ("拾", 10),
    ("佰", 100),
    ("仟", 1000),
)
# Scope words around a number: "人均3次以上", "每月200人次", "年内不少于4篇".
VALUE_QUALIFIERS = (
    "人均",
    "户均",
    "年均",
    "月均",
    "日均",
    "平均",
    "单次",
    "累计",
    "全年",
    "年内",
    "年度",
    "当年",
    "本年度",
    "每年",
    "每月",
    "每周",
    "每日",
    "每天",
    "每季度",
    "每次",
    "每人",
    "每期",
)
# A per-prefix followed by any unit is a scope too: 每班, 每场次, 每个工作日.
PER_PREFIXES = ("每",)
# Directions a RELATIVE value moves against its baseline: "较上年增长".
DIRECTION_WORDS = (
    "增长",
    "提高",
    "提升",
    "扩大",
    "增加",
    "上升",
    "下降",
    "降低",
    "减少",
    "缩短",
    "压缩",
    "持平",
    "不变",
    "改善",
    "增强",
    "优化",
)
# Words that introduce a baseline: "较上年", "比去年", "与上年同期相比".
RELATIVE_MARKERS = ("较", "比", "相比", "相较", "较之", "与", "对比")
# A plan reference not listed in PLAN_REFERENCES is a lead word and a head
# noun: "符合人社部要求", "按照年度工作方案".
PLAN_REFERENCE_LEADS = ("按", "按照", "根据", "依据", "依照", "遵照", "参照", "符合")
PLAN_REFERENCE_HEADS = (
    "计划",
    "要求",
    "规定",
    "标准",
    "方案",
    "安排",
    "规划",
    "部署",
    "需要",
    "实际",
    "进度",
    "约定",
    "合同",
    "规范",
    "流程",
    "程序",
    "文件",
    # A precedent is a plan by another name: "参照往年同类项目".
    "往年",
    "以往",
    "历年",
    "惯例",
)
# Deadlines: named points in a year ("年底前"), what may follow a date
# ("2023年底", "6月中旬"), the words that make it a bound ("…前", "…内"),
# what may lead it ("截至2023年12月"), and the words of a permitted delay
# ("延期不超过2个月").
DEADLINE_PERIODS = (
    "年底",
    "年末",
    "年初",
    "年中",
    "月底",
    "月末",
    "月初",
    "季度末",
    "季末",
    "上半年",
    "下半年",
    "年内",
    "年度内",
    "本年度内",
    "当年内",
    "本年内",
    # The project's own period ends on its 计划完成日期, stated in the header.
    "项目周期内",
    "项目期内",
    "项目实施期内",
    "实施周期内",
    "项目执行期内",
)
DATE_TAILS = ("底", "末", "初", "上旬", "中旬", "下旬", "上半年", "下半年")
DEADLINE_MARKERS = ("前", "之前", "以前", "为止", "止", "截止", "内", "之内", "以内")
DEADLINE_LEADS = ("截止", "截至", "截止到", "截至到", "于", "在", "次年", "翌年", "下年", "明年", "当年", "本年")
DELAY_WORDS = ("延期", "延迟", "逾期", "超期", "滞后", "推迟")

# --- Value rules (TL2xx) -------------------------------------------------
# Grades of a graded scale. A grade is a checkable target only where the
# declaration states the scale it belongs to (an indicator's 备注, its name's
# bracketed note or the value's own bracket listing two or more grades:
# "优/良/中/差", "优秀、良好、合格、不合格"); without a scale "良好" is as vague
# as "较好". 合格 also stands alone as a pass/fail verdict (ACCEPTABLE_QUALITATIVE).
GRADE_WORDS = (
    "优",
    "优秀",
    "优良",
    "良",
    "良好",
    "好",
    "较好",
    "中",
    "中等",
    "一般",
    "合格",
    "不合格",
    "及格",
    "不及格",
    "差",
    "较差",
    "A",
    "B",
    "C",
    "D",
    "甲",
    "乙",
    "丙",
    "丁",
)
# Separators between the grades of a written scale.
GRADE_SEPARATORS = ("/", "、", ",", "，", ";", "；", "|", "-", "—", "→", ">", "＞", " ")
# Heads that make an indicator name say what is measured: "…率", "…性",
# "…情况", "…金额". A name that ends in anything else ("数据使用单位",
# "规矩意识") leaves a percentage with nothing to be a percentage of.
# Rates (RATE_ENDINGS, measuring …度) and counts (COUNT_ENDINGS) are heads too.
MEASURE_HEADS = (
    "数",
    "量",
    "次",
    "性",
    "情况",
    "状况",
    "水平",
    "程度",
    "指数",
    "得分",
    "分值",
    "分数",
    "金额",
    "额",
    "费用",
    "费",
    "成本",
    "价格",
    "单价",
    "标准",
    "时间",
    "时限",
    "时长",
    "周期",
    "期限",
    "天数",
    "工期",
    "效果",
    "效率",
    "效益",
    "规模",
    "面积",
    "容量",
    "频次",
    "频率",
    "幅度",
    "增幅",
    "增速",
    "速度",
    "强度",
    "密度",
    "精度",
    "长度",
    "里程",
    "值",
    "等级",
    "覆盖面",
    "知晓面",
    "受益面",
    "影响面",
    "结果",
    "质量",
)
# Name endings that end in 数 without counting anything: an index, a ratio,
# a score.
NON_COUNT_ENDINGS = ("指数", "系数", "倍数", "分数", "参数", "基数", "函数", "变数")
# Name endings whose measure is satisfaction itself, as opposed to names
# that only mention it ("满意度调查次数", "满意度测评覆盖率").
SATISFACTION_MEASURES = ("满意度", "满意率", "满意程度", "满意指数", "满意比例", "满意占比", "满意度得分", "满意度评分")

# --- Placeholders -------------------------------------------------------
# Regular expressions for template text left in a declaration.
PLACEHOLDER_PATTERNS = (
    r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])",
    r"[×✕╳]{2,}",
    r"\*{2,}",
    r"待定",
    r"待补充",
    r"待填",
    # Python's \b counts Chinese characters as word characters, so "待填TBD"
    # would hide behind it; only Latin letters may not touch these.
    r"(?<![A-Za-z])TBD(?![A-Za-z])",
    r"(?<![A-Za-z])TODO(?![A-Za-z])",
    r"某某",
    r"〇〇|○○",
)

# Marks that never stand inside a Chinese word: between two Han characters
# ("设.备维护次数", "培?训") they are a conversion or encoding artefact
# (TL304), and so are runs of ?? (DAMAGE_RUN_MARKS); U+FFFD is a character
# a decoder could not read.
STRAY_MARKS = (".", "．", "?", "？", "`", "\ufffd", "*", "_")

# --- Format artefacts -----------------------------------------------------
# A converted table that loses its cell separators runs a value into the next
# cell: the full mark of a score or a share column ("88100" is 88 | 100).
JOINED_CELL_MARKS = ("100",)
# A bare five-digit number under a date or 时效 indicator is a spreadsheet
# date serial (days since 1899-12-30) when it falls in these years: a date
# cell whose format was lost (45291 is 2023-12-31).
DATE_SERIAL_YEARS = (2000, 2049)
# What a broken encoding writes for each character it cannot read: a run of
# them ("培训??人数", "？？？？") is damage, not a template's blank (TL304).
DAMAGE_RUN_MARKS = ("?", "？")

# --- Indicator names ------------------------------------------------------
# Name endings that make an indicator a rate (率, 比例 …).
RATE_ENDINGS = ("率", "比例", "比率", "占比", "比重", "百分比")
# "…度" is a rate only in these measuring words; 年度, 季度, 制度 are not.
MEASURING_DU = (
    "满意度",
    "满意程度",
    "认可度",
    "知晓度",
    "完成度",
    "进度",
    "参与度",
    "覆盖度",
    "达标度",
    "准确度",
    "及时度",
    "满足度",
    "信任度",
    "认同度",
    "支持度",
    "贡献度",
    "美誉度",
    "活跃度",
    "饱和度",
    "匹配度",
)
NON_RATE_DU = (
    "年度",
    "季度",
    "制度",
    "力度",
    "额度",
    "温度",
    "程度",
    "高度",
    "深度",
    "广度",
    "长度",
    "维度",
    "难度",
    "强度",
    "速度",
    "尺度",
    "角度",
    "幅度",
    "态度",
    "密度",
    "精度",
)
# Rates that may exceed 100%: growth and over-achievement.
UNBOUNDED_RATES = (
    "增长率",
    "增幅",
    "增速",
    "节支率",
    "节约率",
    "完成率",
    "提升率",
    "增长比例",
    "同比",
    "环比",
    "超额率",
    "执行率",
    "回报率",
    "收益率",
    "利润率",
    "倍数",
    "放大倍数",
)
# Name endings that make an indicator a count.
COUNT_ENDINGS = (
    "数",
    "数量",
    "人数",
    "人次",
    "次数",
    "场次",
    "场数",
    "个数",
    "户数",
    "件数",
    "册数",
    "篇数",
    "台数",
    "家数",
    "项数",
    "期数",
    "班次",
    "学时数",
    "学时",
    "人次数",
    "总量",
    "规模",
)
# Name endings that make an indicator an amount of money.
AMOUNT_ENDINGS = (
    "金额",
    "额",
    "资金",
    "经费",
    "费用",
    "费",
    "成本",
    "价格",
    "单价",
    "造价",
    "投资",
    "支出",
    "开支",
    "价款",
)
# --- Names that are statements, not measures (TL218) ----------------------
# Verbs that open a goal rather than name a measure: "提升…服务水平",
# "确保…有序开展". A name led by one is a statement unless it is a rate, a
# count or an amount ("提升率", "保障人数").
NAME_GOAL_VERBS = (
    "提高",
    "提升",
    "增强",
    "确保",
    "保障",
    "保证",
    "保持",
    "维护",
    "维持",
    "打造",
    "促进",
    "推进",
    "推动",
    "带动",
    "擦亮",
    "督促",
    "实现",
    "改善",
    "加强",
    "加快",
    "巩固",
    "营造",
    "助力",
    "坚持",
    "严格",
    "形成",
    "建立",
    "健全",
    "完善",
    "发挥",
    "满足",
    "做好",
    "搞好",
    "抓好",
    "深化",
    "强化",
    "优化",
)
# A goal verb opens a goal when what follows is a level or a capacity, not a
# measured noun: "提高…服务水平" is a goal, "保障对象覆盖面" a measure.
NAME_GOAL_OBJECTS = (
    "水平",
    "能力",
    "质量",
    "效率",
    "效益",
    "效果",
    "形象",
    "品牌",
    "意识",
    "作用",
    "氛围",
    "环境",
    "影响力",
)
# Words that defer a name to a rule or a plan: "依照…规定执行", "控制在…以内".
NAME_REFERENCE_WORDS = ("按照", "依照", "遵照", "根据", "符合", "控制在", "按质按量", "严格按照")
# Nouns of work to be done: an output verb followed by one of these at the end
# of a name ("开展…审计工作") is a task, not a measure.
NAME_TASK_ENDINGS = ("工作", "任务", "事项", "要求")
# Sentence punctuation: a name with a clause break in it is a sentence
# ("…，…"); the list comma 、 joins nouns and is no break.
NAME_CLAUSE_BREAKS = ("，", ",", "。", "；", ";", "！", "？", "!", "?")
# Words that make an indicator about satisfaction.
SATISFACTION_WORDS = ("满意度", "满意率", "满意程度", "满意")
# Words that make an indicator about timeliness.
TIMELINESS_WORDS = (
    "及时率",
    "及时性",
    "及时度",
    "按期",
    "按时",
    "完成时间",
    "完成时限",
    "时限",
    "准时率",
    "周期",
    "时效",
)
# Words that mark an indicator as a quality measure (合格率, 准确率 …).
QUALITY_WORDS = (
    "合格率",
    "准确率",
    "达标率",
    "优良率",
    "正确率",
    "验收合格",
    "通过率",
    "差错率",
    "错误率",
    "完好率",
    "质量",
)
# Words that mark a cost-control statement in a 成本 value.
COST_CONTROL_WORDS = (
    "不高于",
    "不超过",
    "控制在",
    "以内",
    "以下",
    "低于",
    "预算",
    "市场价",
    "标准",
    "定额",
    "采购价",
    "中标价",
    "合同价",
    "指导价",
)

# --- Structure rules (TL1xx) ----------------------------------------------
# What a name measures decides where it belongs: 时效, 满意度, 数量 or 质量.
# Words that alone make a name a timeliness measure (TL104).
TIMELINESS_MEASURES = (
    "及时率",
    "及时性",
    "及时度",
    "准时率",
    "按期",
    "按时",
    "如期",
    "完成时间",
    "完成时限",
    "完成期限",
    "办结时限",
)
# Words that make a name about time at all (TL115): what may stand under 时效
# besides the timeliness measures above: "会务工作时间利用率", "审批办结天数".
TIME_NAME_WORDS = (
    "时间",
    "日期",
    "期限",
    "时限",
    "时长",
    "时效",
    "时段",
    "进度",
    "周期",
    "工期",
    "天数",
    "及时",
    "按时",
    "按期",
    "如期",
    "准时",
    "提前",
    "延期",
    "逾期",
    "超期",
    "截至",
    "截止",
    "频次",
    "频率",
    "响应",
    "办结",
)
# Adverbs that make a rate or a "…性" name a timeliness measure: "资金及时拨付率".
TIMELINESS_ADVERBS = ("及时", "准时", "按时", "按期", "如期")
# Satisfaction itself is SATISFACTION_MEASURES (shared with the value rules).
# Measures accepted under 满意度 as stand-ins for satisfaction: approval and complaints.
SATISFACTION_PROXIES = (
    "认可度",
    "认同度",
    "信任度",
    "支持度",
    "美誉度",
    "好评率",
    "好评度",
    "获得感",
    "幸福感",
    "安全感",
    "满足度",
    "投诉",
)
# Name endings that describe an effect rather than anyone's satisfaction:
# "数字人社转型对人社服务质量影响".
EFFECT_HEADS = ("影响", "效果", "成效", "作用", "效益", "影响力")
# Rates that judge the quality of an output (TL106). "人次达标率" measures
# attendance against a plan, so a stem ending in a count word is not quality.
QUALITY_RATE_ENDINGS = (
    "合格率",
    "准确率",
    "达标率",
    "优良率",
    "优秀率",
    "正确率",
    "差错率",
    "错误率",
    "出错率",
    "完好率",
    "通过率",
    "合规率",
    "精准率",
    "精确率",
    "误差率",
    "返工率",
    "故障率",
    "准确度",
    "精确度",
    "合格度",
)
# Counts of people and sessions: output volume, which belongs under 数量 (TL106).
HEADCOUNT_ENDINGS = (
    "人数",
    "人次",
    "人次数",
    "人员数",
    "户数",
    "次数",
    "场次",
    "场数",
    "班次",
    "期数",
    "学时",
    "学时数",
    "课时数",
    "名额",
)
# Counts of distinctions won measure the quality of the work, not its volume:
# "获省部级奖项数", "获评示范点个数" stay under 质量 (TL106).
DISTINCTION_WORDS = ("奖", "荣誉", "表彰", "示范", "星级", "先进", "称号")
# A count's unit by how its name ends (人数 → 人): what a suggestion writes
# after a number when the value has no unit ("培训人数 ≥250人").
COUNT_NAME_UNITS = (
    ("人次", "人次"),
    ("人数", "人"),
    ("场次", "场"),
    ("次数", "次"),
    ("户数", "户"),
    ("个数", "个"),
    ("项数", "项"),
    ("件数", "件"),
    ("场数", "场"),
    ("家数", "家"),
)
HEADCOUNT_UNITS = (
    "人",
    "人次",
    "名",
    "位",
    "户",
    "户次",
    "次",
    "场",
    "场次",
    "期",
    "班",
    "班次",
    "个班次",
    "学时",
    "课时",
    "人天",
    "人日",
)
# Counts of adverse events: a ceiling on them is a quality target ("事故发生数 0").
DEFECT_WORDS = (
    "事故",
    "差错",
    "错误",
    "失误",
    "投诉",
    "违规",
    "违纪",
    "违法",
    "泄密",
    "返工",
    "缺陷",
    "故障",
    "失败",
    "退回",
    "返修",
    "不合格",
    "安全事件",
    "纠纷",
    "上访",
    "集访",
)
# Actions taken on an adverse event: "投诉处理率" and "故障修复率" count the
# events dealt with, so more is better, unlike "投诉率" or "逾期发放率".
REMEDY_WORDS = (
    "处理",
    "处置",
    "修复",
    "整改",
    "办结",
    "解决",
    "查处",
    "回复",
    "答复",
    "调处",
    "化解",
    "结案",
    "销号",
    "排除",
    "消除",
    "挽回",
)
# Nouns that make a name about money (TL107): "培训班次预算执行率" is a
# budget-execution proxy for a cost, "培训及时率" is not about cost at all.
MONEY_NOUNS = ("预算", "资金", "经费", "成本", "费用", "费", "支出", "开支", "价格", "单价", "造价", "金额", "价款")
# Directions that make a cost comparison a control: "较上年下降5%".
COST_REDUCTION_WORDS = ("下降", "降低", "减少", "压缩", "节约", "节省", "持平", "不变", "不增加")

# Labels that stand for a level the table does not print: a typist's or an
# importer's marker where the form has no 一级 or 二级 ("未分级", "无").
UNPRINTED_LEVEL_LABELS = ("无", "未分级", "不分级", "/", "-", "—")

# --- Misfiled effects (TL116) ---------------------------------------------
# Words of a gain: a 社会成本 or 生态环境成本 row naming one ("改善河道景观")
# states a benefit filed as a cost.
EFFECT_GAIN_WORDS = ("改善", "提升", "提高", "促进", "带动", "增加", "增强", "美化", "优化", "增收", "受益", "惠及")
# Words of a burden: what a social or ecological cost row rightly names
# ("施工对周边交通的影响", "占用耕地面积", "噪声污染").
COST_BURDEN_WORDS = (
    "成本",
    "费用",
    "影响",
    "损失",
    "占用",
    "污染",
    "排放",
    "噪声",
    "扬尘",
    "拆迁",
    "干扰",
    "破坏",
    "风险",
    "投诉",
    "负担",
    "代价",
    "消耗",
)
# Output actions whose counts belong under 产出/数量, not 效益: "新建公厕数量".
OUTPUT_COUNT_VERBS = (
    "新建",
    "建设",
    "建成",
    "改造",
    "购置",
    "采购",
    "发放",
    "印制",
    "举办",
    "召开",
    "开展",
    "组织",
    "培训",
    "维修",
    "修缮",
    "安装",
    "铺设",
    "硬化",
    "制作",
    "编制",
)
# Effects that make a count under 效益 a benefit's count: "带动就业人数",
# "受益群众人数", "新增就业岗位数".
BENEFIT_COUNT_WORDS = ("受益", "带动", "就业", "增收", "脱贫", "惠及", "服务对象", "游客", "吸引", "减少", "降低")

# --- Indicator taxonomy ---------------------------------------------------


class Level1Kind(StrEnum):
    """A canonical 一级指标 (the value is its name on the form, without 指标)."""

    OUTPUT = "产出"
    BENEFIT = "效益"
    SATISFACTION = "满意度"
    COST = "成本"


class Level2Kind(StrEnum):
    """A canonical 二级指标 (the value is its name on the form, without 指标)."""

    QUANTITY = "数量"
    QUALITY = "质量"
    TIMELINESS = "时效"
    COST = "成本"  # the older layout's cost, under 产出
    ECONOMIC_BENEFIT = "经济效益"
    SOCIAL_BENEFIT = "社会效益"
    ECOLOGICAL_BENEFIT = "生态效益"
    SUSTAINABILITY = "可持续影响"
    SERVICE_SATISFACTION = "服务对象满意度"
    ECONOMIC_COST = "经济成本"
    SOCIAL_COST = "社会成本"
    ECOLOGICAL_COST = "生态环境成本"


# The cost categories counted in money (TL107, TL405): the older layout's
# 成本 under 产出 and the newer 经济成本 under 成本.
MONETARY_COST_KINDS = (Level2Kind.COST, Level2Kind.ECONOMIC_COST)

# Canonical 一级 → the label variants that mean it (after whitespace and
# suffixes like "(必填)" are removed and a trailing 指标 is dropped).
LEVEL1_ALIASES = {
    Level1Kind.OUTPUT: ("产出", "项目产出", "项目完成", "产出目标"),
    Level1Kind.BENEFIT: ("效益", "效果", "项目效益", "效益目标"),
    Level1Kind.SATISFACTION: ("满意度", "服务对象满意度", "社会公众或服务对象满意度", "满意"),
    Level1Kind.COST: ("成本", "项目成本", "成本目标"),
}
# Canonical 二级 → (canonical 一级 it belongs under, label variants).
LEVEL2_ALIASES = {
    Level2Kind.QUANTITY: (Level1Kind.OUTPUT, ("数量",)),
    Level2Kind.QUALITY: (Level1Kind.OUTPUT, ("质量",)),
    Level2Kind.TIMELINESS: (Level1Kind.OUTPUT, ("时效", "进度", "时间")),
    Level2Kind.COST: (Level1Kind.OUTPUT, ("成本",)),
    Level2Kind.ECONOMIC_BENEFIT: (Level1Kind.BENEFIT, ("经济效益", "经济")),
    Level2Kind.SOCIAL_BENEFIT: (Level1Kind.BENEFIT, ("社会效益", "社会")),
    Level2Kind.ECOLOGICAL_BENEFIT: (Level1Kind.BENEFIT, ("生态效益", "生态", "环境效益", "生态环境效益")),
    Level2Kind.SUSTAINABILITY: (
        Level1Kind.BENEFIT,
        ("可持续影响", "可持续发展", "可持续", "可持续发展影响", "可持续性发展影响", "可持续性影响"),
    ),
    Level2Kind.SERVICE_SATISFACTION: (
        Level1Kind.SATISFACTION,
        (
            "服务对象满意度",
            "社会公众或服务对象满意度",
            "社会公众满意度",
            "满意度",
            "服务对象或受益者满意度",
            "受益对象满意度",
            "受益者满意度",
        ),
    ),
    # "成本指标/成本指标": the 一级's name repeated as its 二级, as
    # "满意度指标/满意度指标" is; under the 一级 成本 it holds money costs.
    Level2Kind.ECONOMIC_COST: (Level1Kind.COST, ("经济成本", "成本")),
    Level2Kind.SOCIAL_COST: (Level1Kind.COST, ("社会成本",)),
    Level2Kind.ECOLOGICAL_COST: (Level1Kind.COST, ("生态环境成本", "生态成本", "环境成本")),
}
# (一级, 二级) placements that older official templates printed: satisfaction
# as a 二级 under 效益 ("社会公众或服务对象满意度指标" under 效益指标). A
# layout, not a misfiling: the category counts as present, and TL103 notes it.
OLDER_TEMPLATE_PLACEMENTS = ((Level1Kind.BENEFIT, Level2Kind.SERVICE_SATISFACTION),)
# 一级 every declaration must have, whatever its layout.
REQUIRED_LEVEL1 = (Level1Kind.OUTPUT, Level1Kind.BENEFIT, Level1Kind.SATISFACTION)
# A score range or weight printed in a category label: "成本指标(0-20)分",
# "产出指标 (40-50)分", "效益指标（30分）". Recorded as the category's weight
# range, and stripped before the label is judged (the first decoration).
CATEGORY_WEIGHT_PATTERN = (
    r"[（(]\s*(?P<low>\d+(?:\.\d+)?)\s*(?:分\s*)?(?:[-~～—–至]\s*(?P<high>\d+(?:\.\d+)?)\s*)?分?\s*[）)]\s*分?"
)
# Suffixes and decorations stripped from category labels before judging; a
# bracket followed by 分 goes whole, so "(0-20)分" leaves no stray 分.
LABEL_DECORATIONS = (r"[（(][^）)]*[）)]\s*分", r"[（(][^）)]*[）)]", r"[★☆*＊]")


# --- The extended form: table kinds and indicator directions ----------------
# 表类型 → the spellings that name it (whitespace removed). 项目支出 is the
# default when neither 表类型 nor a kind's own keys say otherwise.
TABLE_KINDS = {
    "项目支出": ("项目支出", "项目支出绩效目标表"),
    "部门整体": ("部门整体", "部门整体支出", "整体支出", "部门整体支出绩效目标表"),
    "转移支付": ("转移支付", "专项转移支付", "转移支付区域绩效目标表", "区域绩效目标表", "转移支付绩效目标表"),
}
# 指标方向 → the words tables print for it. A 方向 column holding ≥ or ≤ is
# an operator, not a direction; the importer moves it to 运算符.
INDICATOR_DIRECTIONS = {
    "正向": ("正向", "正向指标", "越大越好", "越高越好", "越多越好"),
    "反向": ("反向", "反向指标", "越小越好", "越低越好", "越少越好"),
    "中性": ("中性", "中性指标"),
}


# --- Goals and consistency (TL3xx text rules, TL4xx consistency rules) -----
# Head nouns of a plan a goal may cite with its period: "2018-2022年干部教育
# 培训规划", "“十三五”规划". A cited period that ended before the declared
# year is stale.
GOAL_PLAN_WORDS = ("规划", "计划", "纲要", "方案")
# Words naming a dimension of a thing rather than an amount of work: a goal's
# "宽3米", "占地13.5平方米" or "厚15cm" specifies what is built; a reviewer
# expects no indicator for it (TL404). 长 is not here: a length can be the
# work itself ("硬化道路长3公里").
GOAL_SPECIFICATION_WORDS = ("宽", "高", "厚", "深", "直径", "口径", "占地", "容积", "层高", "跨度", "规格")
# Verbs that introduce a counted output in a goal: "完成两场保密工作宣传",
# "举办一次世界技能大赛". A Chinese numeral counts only after one of these or
# an operator; elsewhere it is part of a word (统一, 进一步, 三支一扶).
GOAL_COUNT_VERBS = (
    "完成",
    "举办",
    "举行",
    "开展",
    "召开",
    "组织",
    "购置",
    "采购",
    "发放",
    "印制",
    "印发",
    "编制",
    "出版",
    "制作",
    "新增",
    "建成",
    "建设",
    "培训",
    "接待",
    "资助",
    "慰问",
    "聘请",
    "外聘",
    "选聘",
    "开设",
    "设立",
    "更新",
    "安排",
    "实施",
    "编纂",
    "发布",
    "形成",
    "撰写",
    "提交",
    "研究",
    "走访",
)
# Nouns naming a concrete deliverable or activity: a goal that names one says
# what the money buys even without a number, so it is not a generic goal.
# The money itself (经费, 资金) is no deliverable: "按计划安排经费支出" says
# only that money will be spent.
GOAL_OUTPUT_WORDS = (
    "报告",
    "会议",
    "培训班",
    "研修班",
    "轮训",
    "培训",
    "竞赛",
    "大赛",
    "设备",
    "终端",
    "软件",
    "系统",
    "平台",
    "驾驶舱",
    "网站",
    "证书",
    "汇编",
    "手册",
    "教材",
    "课题",
    "审计",
    "评审",
    "评估",
    "调研",
    "调查",
    "体检",
    "宣传",
    "活动",
    "走访",
    "慰问",
    "地方志",
    "指导线",
    "指导价位",
    "补贴",
    "奖励",
    "评选",
    "工作站",
    "研修",
    "报刊",
)
# "全部" before a verdict in a goal ("档案全部合格", "问题全部整改到位") reads
# as 100%: a related rate indicator asking less contradicts it (TL404).
GOAL_ALL_WORDS = ("全部", "全数", "一律")
GOAL_ALL_VERDICTS = ("验收合格", "合格", "达标", "完成", "通过验收", "通过", "办结", "到位", "覆盖")
# Words in a cost indicator's name or value scope that make it a unit cost
# (元/人 in words): "人均培训费", "单位成本", "每场次费用". Unit costs are
# never compared with the declaration's total funds.
UNIT_COST_WORDS = ("人均", "户均", "单位", "单价", "单次", "每", "平均", "均价", "标准", "定额")
# Words that make an indicator outside a 成本 category a cost: "项目总成本".
COST_NAME_WORDS = ("成本", "费用", "总投入", "总投资", "支出")
# 项目性质 words of a project funded one year at a time: its plan dates lie
# within the declared year (TL402 with annual-when = "nature").
ANNUAL_NATURES = ("经常性",)


@dataclass(frozen=True)
class Vocabulary:
    count_units: tuple[str, ...] = COUNT_UNITS
    money_units: tuple[str, ...] = MONEY_UNITS
    time_units: tuple[str, ...] = TIME_UNITS
    percent_units: tuple[str, ...] = PERCENT_UNITS
    measure_units: tuple[str, ...] = MEASURE_UNITS
    measure_unit_spellings: tuple[tuple[str, ...], ...] = MEASURE_UNIT_SPELLINGS
    acceptable_qualitative: tuple[str, ...] = ACCEPTABLE_QUALITATIVE
    vague_words: tuple[str, ...] = VAGUE_WORDS
    manner_words: tuple[str, ...] = MANNER_WORDS
    schedule_verdicts: tuple[str, ...] = SCHEDULE_VERDICTS
    yes_no_words: tuple[str, ...] = YES_NO_WORDS
    plausible_grades: tuple[str, ...] = PLAUSIBLE_GRADES
    qualitative_natures: tuple[str, ...] = QUALITATIVE_NATURES
    quantitative_natures: tuple[str, ...] = QUANTITATIVE_NATURES
    plan_references: tuple[str, ...] = PLAN_REFERENCES
    baseline_words: tuple[str, ...] = BASELINE_WORDS
    placeholder_patterns: tuple[str, ...] = PLACEHOLDER_PATTERNS
    stray_marks: tuple[str, ...] = STRAY_MARKS
    damage_run_marks: tuple[str, ...] = DAMAGE_RUN_MARKS
    joined_cell_marks: tuple[str, ...] = JOINED_CELL_MARKS
    rate_endings: tuple[str, ...] = RATE_ENDINGS
    measuring_du: tuple[str, ...] = MEASURING_DU
    non_rate_du: tuple[str, ...] = NON_RATE_DU
    unbounded_rates: tuple[str, ...] = UNBOUNDED_RATES
    count_endings: tuple[str, ...] = COUNT_ENDINGS
    amount_endings: tuple[str, ...] = AMOUNT_ENDINGS
    name_goal_verbs: tuple[str, ...] = NAME_GOAL_VERBS
    name_goal_objects: tuple[str, ...] = NAME_GOAL_OBJECTS
    name_reference_words: tuple[str, ...] = NAME_REFERENCE_WORDS
    name_task_endings: tuple[str, ...] = NAME_TASK_ENDINGS
    name_clause_breaks: tuple[str, ...] = NAME_CLAUSE_BREAKS
    satisfaction_words: tuple[str, ...] = SATISFACTION_WORDS
    timeliness_words: tuple[str, ...] = TIMELINESS_WORDS
    quality_words: tuple[str, ...] = QUALITY_WORDS
    cost_control_words: tuple[str, ...] = COST_CONTROL_WORDS
    magnitudes: tuple[tuple[str, int], ...] = MAGNITUDES
    chinese_numerals: tuple[tuple[str, int], ...] = CHINESE_NUMERALS
    ge_operators: tuple[str, ...] = GE_OPERATORS
    gt_operators: tuple[str, ...] = GT_OPERATORS
    le_operators: tuple[str, ...] = LE_OPERATORS
    lt_operators: tuple[str, ...] = LT_OPERATORS
    eq_operators: tuple[str, ...] = EQ_OPERATORS
    attainment_operators: tuple[str, ...] = ATTAINMENT_OPERATORS
    ge_suffixes: tuple[str, ...] = GE_SUFFIXES
    le_suffixes: tuple[str, ...] = LE_SUFFIXES
    approximate_prefixes: tuple[str, ...] = APPROXIMATE_PREFIXES
    approximate_suffixes: tuple[str, ...] = APPROXIMATE_SUFFIXES
    range_separators: tuple[str, ...] = RANGE_SEPARATORS
    value_qualifiers: tuple[str, ...] = VALUE_QUALIFIERS
    per_prefixes: tuple[str, ...] = PER_PREFIXES
    direction_words: tuple[str, ...] = DIRECTION_WORDS
    relative_markers: tuple[str, ...] = RELATIVE_MARKERS
    plan_reference_leads: tuple[str, ...] = PLAN_REFERENCE_LEADS
    plan_reference_heads: tuple[str, ...] = PLAN_REFERENCE_HEADS
    deadline_periods: tuple[str, ...] = DEADLINE_PERIODS
    date_tails: tuple[str, ...] = DATE_TAILS
    deadline_markers: tuple[str, ...] = DEADLINE_MARKERS
    deadline_leads: tuple[str, ...] = DEADLINE_LEADS
    delay_words: tuple[str, ...] = DELAY_WORDS
    # Goals and consistency
    goal_plan_words: tuple[str, ...] = GOAL_PLAN_WORDS
    goal_count_verbs: tuple[str, ...] = GOAL_COUNT_VERBS
    goal_specification_words: tuple[str, ...] = GOAL_SPECIFICATION_WORDS
    goal_output_words: tuple[str, ...] = GOAL_OUTPUT_WORDS
    goal_all_words: tuple[str, ...] = GOAL_ALL_WORDS
    goal_all_verdicts: tuple[str, ...] = GOAL_ALL_VERDICTS
    unit_cost_words: tuple[str, ...] = UNIT_COST_WORDS
    cost_name_words: tuple[str, ...] = COST_NAME_WORDS
    annual_natures: tuple[str, ...] = ANNUAL_NATURES
    # Value rules
    grade_words: tuple[str, ...] = GRADE_WORDS
    grade_separators: tuple[str, ...] = GRADE_SEPARATORS
    measure_heads: tuple[str, ...] = MEASURE_HEADS
    non_count_endings: tuple[str, ...] = NON_COUNT_ENDINGS
    satisfaction_measures: tuple[str, ...] = SATISFACTION_MEASURES
    # Structure rules (TL1xx)
    timeliness_measures: tuple[str, ...] = TIMELINESS_MEASURES
    timeliness_adverbs: tuple[str, ...] = TIMELINESS_ADVERBS
    time_name_words: tuple[str, ...] = TIME_NAME_WORDS
    satisfaction_proxies: tuple[str, ...] = SATISFACTION_PROXIES
    effect_heads: tuple[str, ...] = EFFECT_HEADS
    quality_rate_endings: tuple[str, ...] = QUALITY_RATE_ENDINGS
    headcount_endings: tuple[str, ...] = HEADCOUNT_ENDINGS
    headcount_units: tuple[str, ...] = HEADCOUNT_UNITS
    distinction_words: tuple[str, ...] = DISTINCTION_WORDS
    defect_words: tuple[str, ...] = DEFECT_WORDS
    remedy_words: tuple[str, ...] = REMEDY_WORDS
    money_nouns: tuple[str, ...] = MONEY_NOUNS
    cost_reduction_words: tuple[str, ...] = COST_REDUCTION_WORDS
    effect_gain_words: tuple[str, ...] = EFFECT_GAIN_WORDS
    cost_burden_words: tuple[str, ...] = COST_BURDEN_WORDS
    output_count_verbs: tuple[str, ...] = OUTPUT_COUNT_VERBS
    benefit_count_words: tuple[str, ...] = BENEFIT_COUNT_WORDS

    # Set on each instance by __post_init__; declared ClassVar so that it is no dataclass field.
    _hash: ClassVar[int]

    def __post_init__(self) -> None:
        # Every cached parse hashes its vocabulary; re-hashing a score of long
        # tuples on each call would cost more than a cache hit itself.
        object.__setattr__(self, "_hash", hash(tuple(getattr(self, f.name) for f in fields(self))))

    def __hash__(self) -> int:
        return self._hash

    def extended(self, extra: Mapping[str, Iterable[str]]) -> Vocabulary:
        """A copy with each named list extended; unknown list names raise KeyError."""
        known = {f.name for f in fields(self)}
        changes = {}
        for name, words in extra.items():
            key = name.replace("-", "_")
            if key not in known:
                raise KeyError(name)
            current = getattr(self, key)
            changes[key] = current + tuple(w for w in words if w not in current)
        return replace(self, **changes)

    @classmethod
    def list_names(cls) -> tuple[str, ...]:
        return tuple(f.name.replace("_", "-") for f in fields(cls))


DEFAULT_VOCABULARY = Vocabulary()
