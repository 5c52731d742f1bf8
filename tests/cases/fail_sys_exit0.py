# sys.exit(0) after output: status 0, nothing on stderr, later code not run.
import sys

print("some output")
print("more output", file=sys.stderr)
sys.exit(0)
print("not reached")
