# sys.exit with a non-int, non-str object: its str() goes to stderr, status 1;
# a caught SystemExit first shows its .code.
import sys

for arg in (None, 0, 7, "text", [1, 2]):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit, code =", repr(e.code), "args =", e.args)
sys.exit([1, 2])
