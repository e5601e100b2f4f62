// Command gotypes is the reference side of scripts/bench/typecheck.sh: it type-checks
// the named standard-library packages and, once each, all their dependencies from
// source with go/types, and prints how many packages it checked with its peak
// resident set size and CPU time.
//
// With -mode=bodies (the default) every package is parsed and checked in full by a
// small source importer over go/build, the same work gotool does. With
// -mode=srcimporter the named packages are checked in full but their dependencies
// come from go/importer.ForCompiler(fset, "source", nil), which skips function
// bodies of imported packages.
//
// Usage: gotypes [-mode bodies|srcimporter] importpath...
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// sourceImporter checks each package once, in full, dependencies first.
type sourceImporter struct {
	fset   *token.FileSet
	ctxt   build.Context
	pkgs   map[string]*types.Package
	errors int
}

func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, "", 0)
}

func (s *sourceImporter) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := s.ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if p := s.pkgs[bp.ImportPath]; p != nil {
		return p, nil
	}
	files, err := parseFiles(s.fset, bp)
	if err != nil {
		return nil, err
	}
	conf := types.Config{
		Importer: s,
		Sizes:    types.SizesFor("gc", s.ctxt.GOARCH),
		Error:    func(error) { s.errors++ },
	}
	pkg, _ := conf.Check(bp.ImportPath, s.fset, files, nil)
	s.pkgs[bp.ImportPath] = pkg
	return pkg, nil
}

func parseFiles(fset *token.FileSet, bp *build.Package) ([]*ast.File, error) {
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// checkWithSrcImporter checks the named packages in full, importing dependencies
// with the standard source importer.
func checkWithSrcImporter(ctxt build.Context, paths []string) (int, int, error) {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	errors := 0
	for _, path := range paths {
		bp, err := ctxt.Import(path, "", 0)
		if err != nil {
			return 0, 0, err
		}
		files, err := parseFiles(fset, bp)
		if err != nil {
			return 0, 0, err
		}
		conf := types.Config{Importer: imp, Sizes: types.SizesFor("gc", ctxt.GOARCH),
			Error: func(error) { errors++ }}
		conf.Check(bp.ImportPath, fset, files, nil)
	}
	return len(paths), errors, nil
}

func main() {
	mode := flag.String("mode", "bodies", "bodies or srcimporter")
	flag.Parse()
	ctxt := build.Default
	ctxt.CgoEnabled = false
	start := time.Now()
	var n, errors int
	switch *mode {
	case "bodies":
		s := &sourceImporter{fset: token.NewFileSet(), ctxt: ctxt, pkgs: map[string]*types.Package{}}
		for _, path := range flag.Args() {
			if _, err := s.Import(path); err != nil {
				fmt.Fprintln(os.Stderr, "gotypes:", err)
				os.Exit(1)
			}
		}
		n, errors = len(s.pkgs), s.errors
	case "srcimporter":
		var err error
		if n, errors, err = checkWithSrcImporter(ctxt, flag.Args()); err != nil {
			fmt.Fprintln(os.Stderr, "gotypes:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "gotypes: unknown -mode", *mode)
		os.Exit(2)
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Printf("checked %d packages (%d errors), wall %.3f s, peak RSS %d KB, cpu %.3f s\n",
		n, errors, time.Since(start).Seconds(), ru.Maxrss, cpu.Seconds())
}
