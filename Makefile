# Partnership Maturity: build, run and test on a Debian machine with Go.
# `make run` opens the app; `make test` runs every check CI runs.

GO      ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
TAGS    := migrated_fynedo
BIN     := bin
OUT     := out
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# A development build names its commit after FyneApp.toml's version
# (--version, Help > About); the packages are release builds and do not.
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null)$(shell git status --porcelain 2>/dev/null | grep -q . && echo -modified)
LDFLAGS := -X github.com/partnership-maturity/maturity/internal/about.commit=$(COMMIT)

# Debian packages: to build the window (cgo, OpenGL, X11), and for tests.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS  := $(BUILD_PKGS) poppler-utils minisign chromium

.PHONY: run build test bench reliability deps-build deps-test demo screenshots clean \
	package package-windows package-linux package-check package-check-ctl

## run: install build packages if missing, build, and open the app (with no
## display, write the demo data and its export instead and say where).
run: deps-build build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		./$(BIN)/maturity; \
	else \
		echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."; \
		echo "Writing the demo data and its PDF report instead."; \
		$(MAKE) --no-print-directory demo; \
	fi

## build: the desktop app (cgo) and the command line (no cgo).
build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/maturity ./cmd/maturity
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/maturityctl ./cmd/maturityctl

## demo: the demo partnership in $(OUT)/demo.db and its latest assessment
## exported beside it: the PDF report and action plan, and the JSON bundle.
demo:
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	CGO_ENABLED=0 $(GO) build -o $(BIN)/maturityctl ./cmd/maturityctl
	./$(BIN)/maturityctl --db $(OUT)/demo.db demo
	@id=$$(./$(BIN)/maturityctl --db $(OUT)/demo.db list --latest); \
	./$(BIN)/maturityctl --db $(OUT)/demo.db export --format pdf --assessment $$id -o $(OUT)/Northshire-2025-26-action-plan.pdf && \
	./$(BIN)/maturityctl --db $(OUT)/demo.db export --format json --assessment $$id -o $(OUT)/Northshire-2025-26-bundle.json && \
	echo && echo "Demo database: $(CURDIR)/$(OUT)/demo.db" && \
	echo "PDF report:    $(CURDIR)/$(OUT)/Northshire-2025-26-action-plan.pdf" && \
	echo "JSON bundle:   $(CURDIR)/$(OUT)/Northshire-2025-26-bundle.json" && \
	echo "To open the app on it: MATURITY_DB=$(OUT)/demo.db make run"

## screenshots: PNGs of each main screen, from the real app under Xvfb.
screenshots:
	./scripts/screenshots $(OUT)/screenshots

## test: install what tests need, vet, staticcheck, run every test with the
## race detector and Fyne's headless test driver, then each fuzz target for 10 s.
test: deps-test
	$(GO) vet -tags ci,$(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags ci,$(TAGS) ./...
	$(GO) test -race -tags ci,$(TAGS) ./...
	$(MAKE) --no-print-directory fuzz-short

## reliability: the crash-consistency test at full length: 200 times a
## writer is killed with SIGKILL at a random point and every edit it reported
## saved must be there, with the database healthy. (make test runs 5.)
reliability:
	MATURITY_CRASH_TRIALS=200 $(GO) test -tags ci,$(TAGS) -count=1 -run '^TestCrashConsistency$$' -v ./internal/store/

## bench: the benchmarks the issues set targets for.
bench:
	$(GO) test -tags ci,$(TAGS) -run '^$$' -bench . -benchmem ./...

## package-windows: dist/partnership-maturity-VERSION-windows-amd64.zip, both
## programs cross-compiled with mingw-w64 (scripts/package-windows).
package-windows:
	./scripts/package-windows

## package-linux: dist/partnership-maturity-VERSION-linux-amd64.tar.xz (the
## Fyne tool's) and dist/partnership-maturity_VERSION_amd64.deb.
package-linux:
	./scripts/package-linux

package: package-windows package-linux

## package-check: run the packages: maturityctl.exe and the desktop app under
## Wine, the .deb installed, run and purged (scripts/package-check).
package-check:
	./scripts/package-check

## package-check-ctl: only maturityctl.exe under Wine, against the Linux build.
package-check-ctl:
	./scripts/package-check ctl

deps-build:
	@./scripts/apt-ensure $(BUILD_PKGS)

deps-test:
	@./scripts/apt-ensure $(TEST_PKGS)

clean:
	rm -rf $(BIN) $(OUT) dist

# Fuzz targets, as package:Target. `make fuzz-short` (run by `make test`)
# gives each 10 seconds, `make fuzz` 10 minutes; a failing input is saved
# under the package's testdata/fuzz and fails the run.
FUZZ_TARGETS := internal/questionnaire:FuzzParse internal/bundle:FuzzDecode \
	internal/assessment:FuzzValidatePeriod internal/assessment:FuzzTextCheck \
	internal/report:FuzzNeutraliseCell cmd/maturityctl:FuzzEscaper internal/ui:FuzzCheckDate
FUZZTIME ?= 10m

.PHONY: fuzz fuzz-short

## fuzz: every fuzz target for $(FUZZTIME) (10 minutes) each.
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzzing $${t#*:} in $${t%%:*} for $(FUZZTIME)"; \
		$(GO) test -tags ci,$(TAGS) -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) ./$${t%%:*}/ || exit 1; \
	done

## fuzz-short: every fuzz target for 10 seconds each.
fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=10s
