"""政策汇编阅读器 desktop app: ``python main.py [PDF] [--lang zh|en] [--page LABEL] [--quit-after-first-paint]``."""

import sys

from reader.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
