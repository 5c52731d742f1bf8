# Units whose only stack use is unreachable (the code object still gets
# one slot), and FORMAT_SIMPLE handing its operand back (no borrowed load
# may feed it when the result outlives the block or is stored).


def onexc(*args, **kwargs):
    raise


def bare():
    raise


def fmt_across_blocks(count, result):
    result.append(f"{count} more time{'s' if count > 1 else ''}")


def fmt_stored(count):
    x = f"{count}"
    return x


def fmt_consumed(count):
    return f"{count} and {count}"


def fmt_spec(a, b):
    return f"{a:{b}}" if a else 1
