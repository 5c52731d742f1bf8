# Run by tests/cli_module.rs as `pyrs -m imppkg.run_as_main`.
import sys
from . import helper
print(__name__, __package__, helper.double(4), sys.argv[1:])
print(sys.argv[0].endswith("run_as_main.py"), __file__.endswith("run_as_main.py"))
