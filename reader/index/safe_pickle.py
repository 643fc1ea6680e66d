"""whoosh reads its files with pickle: only let those pickles name whoosh's own classes.

whoosh keeps the schema, the segment list and some per-term data as pickles in the index folder.
A planted ``_MAIN_*.toc`` (or segment) could otherwise name any callable — ``os.system`` — and
run it the moment the index is opened. :func:`install` points every pickle load inside whoosh at
an unpickler that accepts only classes from whoosh, the analyzer pieces of this package and a few
plain builtin types; anything else is an ``UnpicklingError``, which the index treats as damage (it
is moved aside and rebuilt from what the library holds, see :mod:`reader.index.repair`).
"""

from __future__ import annotations

import io
import pickle
import types

_BUILTINS = {"int", "float", "str", "bytes", "bytearray", "bool", "complex", "list", "tuple", "dict", "set",
             "frozenset", "object"}
_PLAIN = {
    "builtins": _BUILTINS,
    "collections": {"defaultdict", "OrderedDict"},
    "copyreg": {"_reconstructor"},
    "datetime": {"datetime", "date", "time", "timedelta", "timezone"},
    "array": {"array", "_array_reconstructor"},
    "_codecs": {"encode"},
}
#: functions of our analyzer that whoosh pickles by reference inside the schema
_OURS = {"reader.index.analyzer"}


class _WhooshUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if name in _PLAIN.get(module, ()):
            return super().find_class(module, name)
        if module in _OURS:
            return super().find_class(module, name)
        if module.startswith("whoosh."):
            found = super().find_class(module, name)
            if isinstance(found, type):  # classes only: whoosh.compat.exec_ and friends stay out
                return found
        raise pickle.UnpicklingError(f"索引文件引用了外部代码 (the index file names foreign code): {module}.{name}")


def loads(data: bytes):
    return _WhooshUnpickler(io.BytesIO(data)).load()


def load(file):
    return _WhooshUnpickler(file).load()


_installed = False


def install() -> None:
    """Make every pickle load inside whoosh go through the restricted unpickler (idempotent)."""
    global _installed
    if _installed:
        return
    import whoosh.codec.whoosh3
    import whoosh.columns
    import whoosh.filedb.fileindex
    import whoosh.filedb.structfile
    import whoosh.formats
    import whoosh.index

    restricted = types.SimpleNamespace(loads=loads, load=load, dumps=pickle.dumps, dump=pickle.dump,
                                       UnpicklingError=pickle.UnpicklingError)
    whoosh.index.pickle = restricted
    whoosh.filedb.fileindex.pickle = restricted
    whoosh.filedb.structfile.load_pickle = load
    for module in (whoosh.codec.whoosh3, whoosh.columns, whoosh.formats):
        module.loads = loads
    _installed = True
