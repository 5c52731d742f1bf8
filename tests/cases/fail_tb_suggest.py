# "Did you mean" suggestions for NameError and AttributeError, and the
# "Did you forget to import" hint, each in its own link of a chain.
import sys

errors = []


def catch(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        errors.append(e)


number_of_items = 3
tim = 1


def global_name():
    return number_of_itmes


def local_name():
    local_counter = 1
    return local_countr + 1


def builtin_name():
    return sorte([2, 1])


def stdlib_module():
    return math.pi


def stdlib_and_close():
    return time


def no_match():
    return qwertyuiop


def attr_list():
    [].apend(1)


def attr_module():
    sys.exitt(0)


def attr_dunder():
    return [].__lenn__()


def attr_private_hidden():
    return {}._iterms()


def attr_none():
    return None.foo


def attr_int():
    return (5).real_part


def attr_type():
    return int.frm_bytes


def name_long():
    return abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq


def name_in_comprehension():
    values = [1, 2]
    return [valeu for v in values]


def closure():
    outer_value = 1

    def inner():
        return outer_valeu + outer_value

    return inner()


for f in [global_name, local_name, builtin_name, stdlib_module, stdlib_and_close,
          no_match, attr_list, attr_module, attr_dunder, attr_private_hidden,
          attr_none, attr_int, attr_type, name_long, name_in_comprehension, closure]:
    catch(f)
for i in range(1, len(errors)):
    errors[i].__context__ = errors[i - 1]
raise errors[-1]
