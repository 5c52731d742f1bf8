# Run by tests/cli_module.rs as `pyrs -m imppkg`.
import sys
print("package main", __name__, __package__, sys.argv[1:])
