# A circular import that cannot work: the name is not defined yet when the
# second module asks for it. Caught here so the message can be checked
# without the absolute paths a traceback through the modules would print.
try:
    import imppkg.broken_circular
except ImportError as e:
    print(e.args[0].split(" (/")[0], "...")
    print(e.name, e.name_from)
import missing_module_for_the_test
