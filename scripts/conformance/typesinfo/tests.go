// The test packages of the dump (typesinfo dump -test).
package main

import (
	"fmt"
	"go/build"
	"go/types"
)

// dumpTests dumps, after the packages themselves, each named package's test
// packages: "P@test", the package with its _test.go files (when it has any), and
// "P_test", its external test package, which imports P@test, and the packages it
// imports that depend on P re-checked against P@test (without function bodies), as
// go vet checks them. (P@test's own imports are not re-checked: a test whose types
// cross that boundary would get go/types errors and be skipped.)
func (d *dumper) dumpTests(paths []string) {
	for _, p := range paths {
		bp, err := d.ctxt.Import(p, "", 0)
		if err != nil {
			continue // reported with the package
		}
		ptest := d.pkgs[bp.ImportPath]
		if len(bp.TestGoFiles) > 0 {
			names := append(append([]string{}, bp.GoFiles...), bp.TestGoFiles...)
			ptest = d.checkTest(p+"@test", bp.ImportPath, bp.Dir, names, d)
		}
		if len(bp.XTestGoFiles) > 0 {
			imp := &xtestImporter{d: d, path: bp.ImportPath, ptest: ptest,
				pkgs: make(map[string]*types.Package), deps: make(map[string]bool)}
			d.checkTest(p+"_test", bp.ImportPath+"_test", bp.Dir, bp.XTestGoFiles, imp)
		}
	}
}

// checkTest parses, checks and reports one test package under the name id.
func (d *dumper) checkTest(id, path, dir string, names []string, imp types.Importer) *types.Package {
	files, err := d.parseFiles(dir, names)
	if err != nil {
		fmt.Fprintf(d.out, "skip %s: %s\n", id, oneLine(err))
		return nil
	}
	pkg, info, errs := d.check(path, files, imp, true)
	d.report(id, files, info, errs)
	return pkg
}

// xtestImporter imports the package under test as its test variant, and the
// packages that depend on it as re-checked against that variant.
type xtestImporter struct {
	d     *dumper
	path  string
	ptest *types.Package
	pkgs  map[string]*types.Package // re-checked packages
	deps  map[string]bool           // whether a package depends on path
}

func (x *xtestImporter) Import(path string) (*types.Package, error) {
	return x.ImportFrom(path, "", 0)
}

func (x *xtestImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path == "unsafe" || x.ptest == nil {
		return x.d.ImportFrom(path, dir, mode)
	}
	bp, err := x.d.ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if bp.ImportPath == x.path {
		return x.ptest, nil
	}
	if !x.dependsOn(bp) {
		return x.d.ImportFrom(path, dir, mode)
	}
	if p, ok := x.pkgs[bp.ImportPath]; ok {
		return p, nil
	}
	x.pkgs[bp.ImportPath] = nil // cycles are impossible among buildable packages
	files, err := x.d.parseFiles(bp.Dir, bp.GoFiles)
	if err != nil {
		return nil, err
	}
	pkg, _, _ := x.d.check(bp.ImportPath, files, x, false)
	x.pkgs[bp.ImportPath] = pkg
	return pkg, nil
}

// dependsOn reports whether bp imports the package under test, directly or not.
func (x *xtestImporter) dependsOn(bp *build.Package) bool {
	if v, ok := x.deps[bp.ImportPath]; ok {
		return v
	}
	x.deps[bp.ImportPath] = false
	found := false
	for _, imp := range bp.Imports {
		if imp == "unsafe" || imp == "C" {
			continue
		}
		dep, err := x.d.ctxt.Import(imp, bp.Dir, 0)
		if err == nil && (dep.ImportPath == x.path || x.dependsOn(dep)) {
			found = true
			break
		}
	}
	x.deps[bp.ImportPath] = found
	return found
}
