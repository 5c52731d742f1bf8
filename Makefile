# pyrs: common tasks. `make help` lists them; the README says more.
#
# Every target that builds a non-default configuration uses its own target
# directory under target/, so switching between them never rebuilds.

CARGO    ?= cargo
PYTHON   ?= python3
PY314    ?= python3.14
# The thread stack the release tail-call run uses: small enough that a
# handler which stopped tail-calling would overflow it within one test.
SMALL_STACK ?= 262144

.PHONY: help build release test test-backends test-tailcall-release lint \
        goldens coverage coverage-static clean compile-survey emitted-pyc \
        stdlib-identity

help:
	@echo "make build        debug build of pyrs (default backend)"
	@echo "make release      optimised build: target/release/pyrs"
	@echo "make test         the whole suite under every dispatch backend (what CI runs)"
	@echo "make lint         rustfmt --check and clippy with warnings as errors"
	@echo "make goldens      regenerate tests/ goldens with python3.14 (never needed by CI)"
	@echo "make coverage     which opcodes the tests/cases corpus executes (stats build)"
	@echo "make compile-survey  optimiser/assembler vs python3.14 over Lib/*.py (needs python3.14)"
	@echo "make emitted-pyc  run every case's pyrs --emit-pyc output under python3.14 (needs CPython)"
	@echo "make stdlib-identity  share of python3.14's Lib/*.py pyrs compiles identically (needs CPython)"

build:
	$(CARGO) build

release:
	$(CARGO) build --release

# The README's test command. Runs every test under each backend: the default
# (switch) and the table backend in debug, the tail-call backend in debug
# (trampolined) and in release on a small thread stack, where its handlers
# chain by sibling calls; then checks the release binary's disassembly.
test: test-backends test-tailcall-release

test-backends:
	$(CARGO) test
	$(CARGO) test --features dispatch-table --target-dir target/table
	$(CARGO) test --features dispatch-tailcall --target-dir target/tailcall

test-tailcall-release:
	PYRS_STACK_SIZE=$(SMALL_STACK) $(CARGO) test --release --features dispatch-tailcall \
	    --target-dir target/tailcall-release --test cases
	$(PYTHON) tools/dispatch/check_tailcalls.py target/tailcall-release/release/pyrs

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --all-targets --features dispatch-table --target-dir target/table -- -D warnings
	$(CARGO) clippy --all-targets --features dispatch-tailcall --target-dir target/tailcall -- -D warnings

# Goldens come from python3.14 only (sh ../shared/tools/install-cpython314).
goldens:
	$(PY314) tools/opcode/dump_golden.py
	$(PY314) tools/marshal/make_fixtures.py
	$(PY314) tools/format/gen_goldens.py
	$(PY314) tools/unicode/dump_golden.py
	$(PY314) tools/cases/gen_goldens.py
	$(PY314) tools/compile/dump_codegen.py
	$(PY314) tools/compile/dump_errors.py
	$(PY314) tools/compile/dump_bytecode.py

# The compiler against python3.14 itself (not CI: CPython is needed).
# The .pyc files pyrs writes for tests/cases must run under python3.14
# with the cases' goldens; the standard library's top-level modules must
# compile to identical code objects.
emitted-pyc:
	$(CARGO) build --release
	$(PY314) tools/compile/check_emitted_pyc.py target/release/pyrs

stdlib-identity:
	$(CARGO) build --release
	$(PY314) tools/compile/stdlib_identity.py target/release/pyrs

# Dynamic coverage: runs the corpus under a stats build and sums the opcodes
# executed. `coverage-static` is the python3.14 view of the same corpus (the
# opcodes the .pyc files contain).
coverage:
	$(CARGO) build --release --features stats --target-dir target/stats
	$(PYTHON) tools/cases/executed_opcodes.py target/stats/release/pyrs

coverage-static:
	$(PY314) tools/cases/opcode_coverage.py

clean:
	$(CARGO) clean

# The flow graph optimiser and assembler over python3.14's standard library,
# fed CPython's own code generation output (never run by CI).
compile-survey:
	$(PY314) tools/compile/backend_survey.py
