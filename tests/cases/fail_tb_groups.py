# Exception groups: members with their own tracebacks and chains, nested
# groups, notes, more members than max_group_width (15) and deeper nesting
# than max_group_depth (10).


def fail(exc):
    raise exc


def caught(exc):
    try:
        fail(exc)
    except BaseException as e:
        return e


def chained():
    try:
        {}["key"]
    except KeyError as e:
        try:
            raise ValueError("from a KeyError") from e
        except ValueError as v:
            return v


wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
nested = ExceptionGroup("level 0", [TypeError("leaf 0")])
for level in range(1, 13):
    nested = ExceptionGroup(f"level {level}", [nested, TypeError(f"leaf {level}")])
inner = caught(ExceptionGroup("inner", [caught(OSError("os")), chained()]))
inner.add_note("a note on the inner group")
multi = ValueError("line one\nline two")
multi.add_note("note\nof two lines")
outer = BaseExceptionGroup(
    "outer",
    [
        inner,
        caught(KeyboardInterrupt()),
        multi,
        wide,
        ExceptionGroup("single", [RuntimeError("only")]),
        nested,
    ],
)
context = caught(ZeroDivisionError("context of the group"))
try:
    raise context
except ZeroDivisionError:
    fail(outer)
