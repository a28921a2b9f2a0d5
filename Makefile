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

.PHONY: demo test build deps test-deps golden clean

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

clean:
	rm -rf .build $(OUT)
