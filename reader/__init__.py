"""政策汇编阅读器 — the Qt-free core of the Policy Compilation Reader.

Nothing in this package outside ``reader.ui`` imports Qt.
"""

__version__ = "0.1.0"
