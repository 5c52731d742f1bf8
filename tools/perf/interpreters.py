"""The interpreters `make compare` runs side by side: pyrs built with each
dispatch backend, and CPython 3.14 when one is installed.

CPython is found by asking `python3.14` (or $PY314) for its own command line
(/proc/self/cmdline) and environment: a wrapper script that runs the real
binary through a private loader, with PYTHONHOME set, resolves to that
loader command, which valgrind can run (it cannot follow a shell script's
exec cleanly). Needs only Python 3.8+.
"""

import os
import shutil
import subprocess

from workloads import ROOT

# backend -> (cargo features, target directory). The switch build is the
# default one (target/release/pyrs); the tail-call one is the release build
# `make test` already makes.
BACKENDS = {
    "switch": ([], "target"),
    "table": (["dispatch-table"], "target/table"),
    "tailcall": (["dispatch-tailcall"], "target/tailcall-release"),
}
# builds of the default backend with an observation feature compiled in
# (not target/stats: `make coverage` builds that one without the
# dev-dependencies, and the two would keep rebuilding each other)
FEATURE_BUILDS = {
    "stats": (["stats"], "target/stats-perf"),
    "trace": (["trace"], "target/trace-perf"),
}
# what the parent environment may not pass to a measured interpreter
NOISE = {"_", "SHLVL", "PWD", "OLDPWD"}


class Interp:
    """How to start one interpreter: argv prefix and extra environment."""

    def __init__(self, name, argv, env=None, version=""):
        self.name = name
        self.argv = list(argv)
        self.env = dict(env or {})
        self.version = version

    def command(self, pyc, size):
        return self.argv + [pyc, str(size)]

    def environ(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "PYTHONHASHSEED": "0",
            "LC_ALL": "C.UTF-8",
        }
        env.update(self.env)
        return env


def binary(dirname):
    return os.path.join(ROOT, dirname, "release", "pyrs")


def build(features, dirname, cargo="cargo"):
    """A release build of pyrs. Naming the `iai` bench makes cargo resolve the
    dependencies' features as the bench and test builds do (with the
    dev-dependencies), so this build, `make bench-iai` and the release
    tail-call tests share one set of artifacts instead of rebuilding each
    other's."""
    cmd = [cargo, "build", "--release", "--bin", "pyrs", "--bench", "iai", "--target-dir", dirname]
    if features:
        cmd += ["--features", ",".join(features)]
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def pyrs(backend):
    _, dirname = BACKENDS[backend]
    exe = binary(dirname)
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    version = out.stdout.strip()
    if out.returncode != 0 or f"dispatch: {backend}" not in version:
        raise SystemExit(f"{exe} is not a {backend} build ({version or out.stderr.strip()})")
    return Interp(f"pyrs-{backend}", [exe], version=version)


def feature_build(feature):
    _, dirname = FEATURE_BUILDS[feature]
    return Interp(f"pyrs+{feature}", [binary(dirname)])


PROBE = (
    "import os, sys, platform; "
    "print(platform.python_implementation(), platform.python_version()); "
    "print(repr(open('/proc/self/cmdline', 'rb').read().split(b'\\0'))); "
    "print(repr(dict(os.environ)))"
)


def cpython(exe=None):
    """CPython 3.14 as an Interp, or None (with the reason) when absent."""
    exe = exe or os.environ.get("PY314") or "python3.14"
    path = shutil.which(exe)
    if path is None:
        return None, f"{exe} not found on PATH"
    base = {k: v for k, v in os.environ.items() if k not in NOISE}
    try:
        p = subprocess.run([path, "-c", PROBE], capture_output=True, text=True, timeout=60,
                           env=base)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{path} does not run: {e}"
    lines = p.stdout.splitlines()
    if p.returncode != 0 or len(lines) != 3:
        return None, f"{path} does not run: {p.stderr.strip()}"
    impl, version = lines[0].split()
    if impl != "CPython" or not version.startswith("3.14."):
        return None, f"{path} is {impl} {version}, not CPython 3.14"
    import ast
    argv = [a.decode() for a in ast.literal_eval(lines[1])]
    # drop `-c PROBE` and the empty string after the final NUL
    while argv and argv[-1] == "":
        argv.pop()
    if len(argv) < 3 or argv[-2] != "-c":
        return None, f"cannot read {path}'s command line ({argv!r})"
    argv = argv[:-2]
    child_env = ast.literal_eval(lines[2])
    extra = {k: v for k, v in child_env.items()
             if k not in NOISE and base.get(k) != v and k != "LC_CTYPE"}
    return Interp("python3.14", argv, extra, version=f"CPython {version}"), ""
