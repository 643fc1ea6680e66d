"""Search folds text with the program's one fold (:mod:`reader.textfold`).

Search must treat ``５Ｇ`` as ``5G``, ``（`` as ``(``, ``ERP`` as ``erp`` and ignore every space
and line break, so the indexed pages and the query are folded the same way — the same way
annotations match quotes and theme names.
"""

from reader.textfold import fold, fold_char, fold_with_offsets

__all__ = ["fold", "fold_char", "fold_with_offsets"]
