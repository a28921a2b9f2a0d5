# nianbao — `make demo` builds and runs the main job on the bundled example;
# `make test` builds and runs every test. Both install what is missing first.
SWIFT   ?= swift
YEAR    ?= 2020
OUT     ?= out
BIN      = .build/debug/nianbao

# The bundled example of the year: 2020 (2019 format) or 2023 (2021 format).
EXAMPLE ?= $(if $(filter 2019 2020,$(YEAR)),examples/licheng-2020,examples/qingxi-$(YEAR))
# The 2023 example also checks across years against 2022, with written explanations.
DEMO_OPTIONS_2023 = --previous examples/qingxi-2022/青溪区2022年汇总.csv --explanations examples/qingxi-2022/2023年审核说明.csv

.PHONY: demo test build deps test-deps golden clean fuzz bench

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build --product nianbao

# Each example contains deliberate mistakes, so merge exits 1 (a workbook with an
# error to correct); any other status is a real failure.
demo: build
	@test -d $(EXAMPLE) || { echo "没有 $(YEAR) 年度的示例（no example for $(YEAR)）：请用 YEAR=2020 或 YEAR=2023"; exit 2; }
	@mkdir -p $(OUT)
	@echo "运行（running）: nianbao merge $(EXAMPLE) --units $(EXAMPLE)/units.csv --year $(YEAR) $(DEMO_OPTIONS_$(YEAR)) -o $(OUT)/$(notdir $(EXAMPLE)).xlsx"
	@$(BIN) merge $(EXAMPLE) --units $(EXAMPLE)/units.csv --year $(YEAR) $(DEMO_OPTIONS_$(YEAR)) -o $(OUT)/$(notdir $(EXAMPLE)).xlsx; \
	  status=$$?; if [ $$status -gt 1 ]; then exit $$status; fi
	@echo "工作簿（workbook）: $(abspath $(OUT)/$(notdir $(EXAMPLE)).xlsx)"

test: test-deps build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Re-record the golden files, then show what changed; recording fails the tests on purpose.
golden: test-deps build
	-NIANBAO_RECORD=1 $(SWIFT) test
	git status --porcelain -- Tests/*/Golden

# libFuzzer on the CSV reader and the form recogniser, FUZZ_SECONDS each, one after the
# other (FUZZ_TARGETS=csv-reader for one). The targets are a separate package under Fuzz/,
# outside the normal build. Seeds: Fuzz/Corpus/<target>/; inputs found on the way go to
# .build-fuzz/corpus/<target>/; a crash, hang (> 10 s) or memory blow-up (> 2 GB) is
# written to Fuzz/Crashes/ and fails the run: make it a regression test, then fix it.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv-reader form-recognizer
FUZZ_PRODUCT_csv-reader = FuzzCSVReader
FUZZ_PRODUCT_form-recognizer = FuzzFormRecognizer
# Larger than every seed (the example forms are up to 19 KB).
FUZZ_MAX_LEN_csv-reader = 4096
FUZZ_MAX_LEN_form-recognizer = 24576
FUZZ_BUILD = $(SWIFT) build -c release --package-path Fuzz --scratch-path .build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz:
	@mkdir -p Fuzz/Crashes
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    csv-reader) p=$(FUZZ_PRODUCT_csv-reader); len=$(FUZZ_MAX_LEN_csv-reader);; \
	    form-recognizer) p=$(FUZZ_PRODUCT_form-recognizer); len=$(FUZZ_MAX_LEN_form-recognizer);; \
	    *) echo "没有这个模糊测试目标（no fuzz target）: $$t"; exit 2;; \
	  esac; \
	  $(FUZZ_BUILD) --product $$p || exit 2; \
	done
	@status=0; for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    csv-reader) p=$(FUZZ_PRODUCT_csv-reader); len=$(FUZZ_MAX_LEN_csv-reader);; \
	    form-recognizer) p=$(FUZZ_PRODUCT_form-recognizer); len=$(FUZZ_MAX_LEN_form-recognizer);; \
	  esac; \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "模糊测试（fuzzing）$$t，$(FUZZ_SECONDS) 秒"; \
	  SWIFT_BACKTRACE=enable=no .build-fuzz/release/$$p -max_total_time=$(FUZZ_SECONDS) -max_len=$$len \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=Fuzz/Crashes/$$t- \
	    .build-fuzz/corpus/$$t Fuzz/Corpus/$$t || status=1; \
	done; \
	if [ $$status -ne 0 ]; then echo "发现崩溃，见 Fuzz/Crashes/（crash found）"; fi; exit $$status

# Release build against the C floor (libxlsxwriter directly) and Python XlsxWriter, on
# seeded inputs under .build-bench/ (BENCH_QUICK=1 for a fast look, BENCH_RUNS=N runs).
# Installs what is missing first, with the Python readers the outputs are checked with.
bench: test-deps
	@Benchmarks/bench.sh

clean:
	rm -rf .build $(OUT)
