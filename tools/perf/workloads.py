"""The measurement workloads: benches/py/workloads.txt and the dispatch
micro-benchmarks of benches/py/micro/micro.txt, as the perf scripts see them.

Needs only Python 3.8+ (CI has no python3.14); gen_workloads.py is the one
script that must run under python3.14.
"""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY_REL = os.path.join("benches", "py")
MICRO_REL = os.path.join("benches", "py", "micro")


class Workload:
    """One line of a manifest."""

    def __init__(self, name, ci_size, bench_size, status, description, folder):
        self.name = name
        self.ci_size = ci_size
        self.bench_size = bench_size
        self.status = status
        self.description = description
        self.folder = folder

    @property
    def runs(self):
        return self.status == "run"

    def source(self):
        return os.path.join(self.folder, self.name + ".py")

    def pyc(self):
        return os.path.join(self.folder, self.name + ".pyc")

    def expected(self, size):
        return os.path.join(self.folder, "expected", f"{self.name}.{size}.out")

    def read_expected(self, size):
        with open(os.path.join(ROOT, self.expected(size)), "rb") as f:
            return f.read()


def read_manifest(rel_folder, manifest):
    """Parses `name ci-size bench-size status description...` lines."""
    out = []
    path = os.path.join(ROOT, rel_folder, manifest)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 4)
            if len(parts) < 4 or not parts[1].isdigit() or not parts[2].isdigit():
                raise SystemExit(f"{path}:{number}: expected `name ci-size bench-size status ...`")
            if parts[3] not in ("run", "pending"):
                raise SystemExit(f"{path}:{number}: status must be `run` or `pending`")
            desc = parts[4] if len(parts) > 4 else ""
            out.append(Workload(parts[0], int(parts[1]), int(parts[2]), parts[3], desc, rel_folder))
    return out


def workloads():
    """Every workload of benches/py/workloads.txt, in file order."""
    return read_manifest(PY_REL, "workloads.txt")


def micro():
    """The dispatch micro-benchmarks of benches/py/micro/micro.txt."""
    return read_manifest(MICRO_REL, "micro.txt")
