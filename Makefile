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

# Measurement (README "Performance"): a release build per dispatch backend,
# each in its own target directory (`make bench`, `make compare`). The switch
# build is the default one (target/release/pyrs).
BACKENDS      := switch table tailcall
BACKEND       ?= switch
DIR_switch    := target
DIR_table     := target/table
DIR_tailcall  := target/tailcall-release
FEAT_switch   :=
FEAT_table    := --features dispatch-table
FEAT_tailcall := --features dispatch-tailcall
PERF_OUT      := target/perf
# The instruction-count benches of every backend share one target directory,
# the release tail-call one `make test` builds: the dependencies (the larger
# part of a cold release build) are compiled once, and only pyrs itself is
# compiled per backend (cargo keeps each feature set's artifacts apart; the
# bin it copies to release/pyrs is whichever was built last, and every
# target that uses that binary builds it first).
IAI_DIR       := target/tailcall-release
# gungraun-runner must be the version of the gungraun library Cargo.toml pins.
GUNGRAUN_VERSION := $(shell sed -n 's/^gungraun = "=\([0-9.]*\)"$$/\1/p' Cargo.toml)
GUNGRAUN_ROOT    := $(CURDIR)/target/gungraun-runner
GUNGRAUN_RUNNER  := $(GUNGRAUN_ROOT)/bin/gungraun-runner

.PHONY: help build release test test-backends test-tailcall-release test-tools lint \
        goldens coverage coverage-static clean \
        bench bench-iai bench-baseline iai-counts gungraun-runner compare \
        compile-survey emitted-pyc stdlib-identity

help:
	@echo "make build        debug build of pyrs (default backend)"
	@echo "make release      optimised build: target/release/pyrs"
	@echo "make test         the whole suite under every dispatch backend (what CI runs)"
	@echo "make lint         rustfmt --check and clippy with warnings as errors"
	@echo "make goldens      regenerate tests/ goldens with python3.14 (never needed by CI)"
	@echo "make coverage     which opcodes the tests/cases corpus executes (stats build)"
	@echo "make bench        criterion wall-time benches (BACKEND=switch|table|tailcall)"
	@echo "make bench-iai    instruction counts of every backend against benches/baseline.txt (CI)"
	@echo "make bench-baseline  rewrite benches/baseline.txt from new counts (commit says why)"
	@echo "make compare      all backends and python3.14 side by side: perf/report.md"
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
test: test-backends test-tailcall-release test-tools

# The CI instruction-count check's own tests (no valgrind needed).
test-tools:
	$(PYTHON) tools/perf/test_check_baseline.py

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
	$(PY314) tools/perf/gen_workloads.py
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

# Criterion: wall time of the workloads and of single-opcode dispatch, for
# one backend (benches/workloads.rs, benches/dispatch.rs).
bench:
	$(CARGO) bench $(FEAT_$(BACKEND)) --target-dir $(DIR_$(BACKEND))

# Gungraun: instructions executed per workload and backend (benches/iai.rs),
# checked against the committed baseline; fails on a rise of more than 3%.
# `--profile release` shares the release builds instead of making `bench` ones.
bench-iai: iai-counts
	$(PYTHON) tools/perf/check_baseline.py $(foreach b,$(BACKENDS),$(b)=$(PERF_OUT)/iai-$(b).json)

bench-baseline: iai-counts
	$(PYTHON) tools/perf/check_baseline.py --write $(foreach b,$(BACKENDS),$(b)=$(PERF_OUT)/iai-$(b).json)

iai-counts: $(addprefix iai-,$(BACKENDS))

iai-%: gungraun-runner
	@mkdir -p $(PERF_OUT)
	GUNGRAUN_RUNNER=$(GUNGRAUN_RUNNER) GUNGRAUN_HOME=$(CURDIR)/$(IAI_DIR)/gungraun-$* \
	    $(CARGO) bench --profile release --bench iai $(FEAT_$*) \
	    --target-dir $(IAI_DIR) -- --output-format=json > $(PERF_OUT)/iai-$*.json

gungraun-runner:
	@if [ "$$($(GUNGRAUN_RUNNER) --version 2>/dev/null)" != "gungraun-runner $(GUNGRAUN_VERSION)" ]; then \
	    echo "installing gungraun-runner $(GUNGRAUN_VERSION) into $(GUNGRAUN_ROOT)"; \
	    $(CARGO) install --locked --force gungraun-runner --version "=$(GUNGRAUN_VERSION)" \
	        --root $(GUNGRAUN_ROOT); \
	fi

# Every backend and python3.14 (when installed) on the same bytecode:
# perf/report.md, perf/*.svg, perf/results.json. Takes 20 to 40 minutes.
compare:
	$(PYTHON) tools/perf/compare.py

clean:
	$(CARGO) clean

# The flow graph optimiser and assembler over python3.14's standard library,
# fed CPython's own code generation output (never run by CI).
compile-survey:
	$(PY314) tools/compile/backend_survey.py
