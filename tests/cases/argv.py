# Command-line arguments: the generator passes the lines of argv.args.
# sys.argv[0] is the path of the .pyc (not printed whole: it differs between
# `python3.14 x.pyc` and `pyrs x.pyc` only in what the runner passes).
import sys

args = sys.argv[1:]
print(args)
print(len(args), type(sys.argv).__name__, sys.argv[0].endswith("argv.pyc"))
for i, a in enumerate(args):
    print(i, repr(a), len(a), a.isdigit())
nums = [int(a) for a in args if a.lstrip("-").isdigit()]
print("numbers:", nums, sum(nums))
print("flags:", [a for a in args if a.startswith("--")])
