# Partnership Maturity: build, run and test on a Debian machine with Go.
# `make run` opens the app; `make test` runs every check CI runs.

GO      ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
TAGS    := migrated_fynedo
BIN     := bin
OUT     := out
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: to build the window (cgo, OpenGL, X11), and for tests.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS  := $(BUILD_PKGS) poppler-utils

.PHONY: run build test bench deps-build deps-test demo screenshots clean

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
	$(GO) build -tags $(TAGS) -o $(BIN)/maturity ./cmd/maturity
	CGO_ENABLED=0 $(GO) build -o $(BIN)/maturityctl ./cmd/maturityctl

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

## test: install what tests need, vet, staticcheck, and run every test with
## the race detector and Fyne's headless test driver.
test: deps-test
	$(GO) vet -tags ci,$(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags ci,$(TAGS) ./...
	$(GO) test -race -tags ci,$(TAGS) ./...

## bench: the benchmarks the issues set targets for.
bench:
	$(GO) test -tags ci,$(TAGS) -run '^$$' -bench . -benchmem ./...

deps-build:
	@./scripts/apt-ensure $(BUILD_PKGS)

deps-test:
	@./scripts/apt-ensure $(TEST_PKGS)

clean:
	rm -rf $(BIN) $(OUT)
