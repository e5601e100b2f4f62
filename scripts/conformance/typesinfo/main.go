// Command typesinfo is the reference side of scripts/conformance/types_agree.sh: it
// type-checks standard-library packages from source with go/types and dumps, for
// each, every entry of types.Info.Types in the canonical text form that
// `gotool debug typesinfo` (pkg/types/infodump.h) also prints. Its compare
// subcommand (compare.go) matches the two dumps entry by entry.
//
// Usage:
//
//	typesinfo dump [-test] importpath...      (GOROOT from the environment)
//	typesinfo compare [-n N] [-v K] [-diffs FILE] want.txt got.txt
//
// The dump, one block per named package, in the order the packages are checked
// (dependencies first):
//
//	package PATH [generic]
//	FILE:LINE:COL-LINE:COL<TAB>EXPR<TAB>MODE<TAB>TYPE[<TAB>VALUE]
//	...
//	skip PATH: REASON                 (instead, when the package cannot be dumped)
//
// FILE is the base name of the expression's file and the two positions are the
// expression's start and end (go/ast's Pos and End, without //line adjustment).
// EXPR is types.ExprString quoted by strconv.QuoteToASCII; MODE the operand mode's
// name in go/types (novalue, builtin, typexpr, constant, variable, mapindex, value,
// commaok, commaerr, cgofunc); TYPE is types.TypeString qualified by package path;
// VALUE, for constants only, is constant.Value.ExactString. EXPR and VALUE are
// clipped when longer than 120 bytes (see clip). Entries are sorted by
// file name, start offset, end offset (outer expression first), then text. A package
// is "generic" when it declares type parameters or instantiates a generic type or
// function (non-empty Info.Instances).
//
// Packages are loaded by go/build in GOROOT mode for linux/amd64 with cgo off, parsed
// by go/parser and checked by go/types with gc's amd64 sizes; every package is checked
// once, dependencies first, and dependencies that are not named are checked without
// function bodies. A named package that go/build cannot load or that go/types
// reports errors for is skipped. With -test, each named package's test packages
// follow (tests.go).
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "dump":
		os.Exit(dumpMain(os.Args[2:]))
	case "compare":
		os.Exit(compareMain(os.Args[2:]))
	}
	usage()
}

func usage() {
	fmt.Fprintf(os.Stderr, "usage: typesinfo dump [-test] importpath...\n"+
		"       typesinfo compare [-n N] [-v K] [-diffs FILE] want.txt got.txt\n")
	os.Exit(2)
}

func dumpMain(paths []string) int {
	tests := len(paths) > 0 && (paths[0] == "-test" || paths[0] == "--test")
	if tests {
		paths = paths[1:]
	}
	ctxt := build.Default
	ctxt.GOOS, ctxt.GOARCH, ctxt.CgoEnabled = "linux", "amd64", false
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	d := &dumper{
		fset:  token.NewFileSet(),
		ctxt:  ctxt,
		pkgs:  make(map[string]*types.Package),
		named: make(map[string]bool),
		done:  make(map[string]bool),
		out:   out,
	}
	for _, p := range paths {
		d.named[p] = true
	}
	for _, p := range paths {
		_, err := d.load(p, "")
		if d.done[p] {
			continue
		}
		if err == nil {
			err = fmt.Errorf("not checked")
		}
		fmt.Fprintf(out, "skip %s: %s\n", p, oneLine(err))
	}
	if tests {
		d.dumpTests(paths)
	}
	return 0
}

// dumper checks each package once, dependencies first, and dumps the named ones.
type dumper struct {
	fset  *token.FileSet
	ctxt  build.Context
	pkgs  map[string]*types.Package
	named map[string]bool
	done  map[string]bool // named packages already reported
	out   *bufio.Writer
}

func (d *dumper) Import(path string) (*types.Package, error) {
	return d.ImportFrom(path, "", 0)
}

func (d *dumper) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	return d.load(path, dir)
}

// load returns the checked package for path imported from dir (dumping it when it
// is named).
func (d *dumper) load(path, dir string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := d.ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if len(bp.GoFiles) == 0 { // only test files (go/build accepts that)
		return nil, fmt.Errorf("no non-test Go files in %s", bp.Dir)
	}
	if p, ok := d.pkgs[bp.ImportPath]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle or errors in %s", bp.ImportPath)
		}
		return p, nil
	}
	d.pkgs[bp.ImportPath] = nil // a cycle yields nil
	files, err := d.parseFiles(bp.Dir, bp.GoFiles)
	if err != nil {
		return nil, err
	}
	named := d.named[bp.ImportPath]
	pkg, info, errs := d.check(bp.ImportPath, files, d, named)
	d.pkgs[bp.ImportPath] = pkg
	if named {
		d.report(bp.ImportPath, files, info, errs)
	}
	return pkg, nil
}

func (d *dumper) parseFiles(dir string, names []string) ([]*ast.File, error) {
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(d.fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// check type-checks files as package path; with record, in full and recording the
// types (and instances) in the returned Info, else without function bodies.
func (d *dumper) check(path string, files []*ast.File, imp types.Importer, record bool) (*types.Package, *types.Info, []error) {
	var errs []error
	conf := types.Config{
		Importer:         imp,
		Sizes:            types.SizesFor("gc", d.ctxt.GOARCH),
		IgnoreFuncBodies: !record,
		Error:            func(err error) { errs = append(errs, err) },
	}
	var info *types.Info
	if record {
		info = &types.Info{
			Types:     make(map[ast.Expr]types.TypeAndValue),
			Instances: make(map[*ast.Ident]types.Instance),
		}
	}
	pkg, _ := conf.Check(path, d.fset, files, info)
	return pkg, info, errs
}

func (d *dumper) report(path string, files []*ast.File, info *types.Info, errs []error) {
	d.done[path] = true
	if len(errs) > 0 {
		fmt.Fprintf(d.out, "skip %s: go/types: %d errors: %s\n", path, len(errs), oneLine(errs[0]))
		return
	}
	tag := ""
	if len(info.Instances) > 0 || declaresTypeParams(files) {
		tag = " generic"
	}
	fmt.Fprintf(d.out, "package %s%s\n", path, tag)
	for _, line := range d.entries(info) {
		d.out.WriteString(line)
		d.out.WriteByte('\n')
	}
}

// oneLine returns err's text on one line (go/types' errors may span several).
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// declaresTypeParams reports whether a function or type of files has type parameters.
func declaresTypeParams(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncType:
				found = found || n.TypeParams != nil
			case *ast.TypeSpec:
				found = found || n.TypeParams != nil
			}
			return !found
		})
	}
	return found
}

// entry is one Info.Types entry with its sort key.
type entry struct {
	file       string
	start, end int
	line       string
}

func (d *dumper) entries(info *types.Info) []string {
	list := make([]entry, 0, len(info.Types))
	for e, tv := range info.Types {
		start := d.fset.PositionFor(e.Pos(), false)
		end := d.fset.PositionFor(e.End(), false)
		file := filepath.Base(start.Filename)
		line := fmt.Sprintf("%s:%d:%d-%d:%d\t%s\t%s\t%s", file, start.Line, start.Column,
			end.Line, end.Column, clip(strconv.QuoteToASCII(types.ExprString(e))), modeName(tv),
			types.TypeString(tv.Type, nil))
		if tv.Value != nil {
			line += "\t" + clip(tv.Value.ExactString())
		}
		list = append(list, entry{file, start.Offset, end.Offset, line})
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.line < b.line
	})
	lines := make([]string, len(list))
	for i, e := range list {
		lines[i] = e.line
	}
	return lines
}

// clip shortens a text longer than 120 bytes to its first 80 bytes, "...#" and the
// FNV-1a 64-bit hash of the whole text in 16 hex digits: the huge string constants
// of some packages (time/tzdata's) would otherwise make the dump quadratic in size.
func clip(s string) string {
	if len(s) <= 120 {
		return s
	}
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%s...#%016x", s[:80], h.Sum64())
}

// modeNames are go/types' operand modes (operand.go), in their order.
var modeNames = []string{"invalid", "novalue", "builtin", "typexpr", "constant", "variable",
	"mapindex", "value", "commaok", "commaerr", "cgofunc"}

// modeName returns the name of tv's operand mode. The mode is unexported; reflection
// reads it because the exported predicates cannot tell every mode apart.
func modeName(tv types.TypeAndValue) string {
	m := reflect.ValueOf(tv).FieldByName("mode").Uint()
	if m < uint64(len(modeNames)) {
		return modeNames[m]
	}
	return fmt.Sprintf("mode%d", m)
}
