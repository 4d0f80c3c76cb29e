"""targetlint: a linter for budget performance-target declarations (财政项目支出绩效目标申报表)."""

__version__ = "0.1.0"
