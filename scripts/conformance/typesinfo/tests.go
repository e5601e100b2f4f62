// The test packages of the dump (typesinfo dump -test).
package main

import (
	"fmt"
	"go/types"
)

// dumpTests dumps, after the packages themselves, each named package's test
// packages: "P@test", the package with its _test.go files (when it has any), and
// "P_test", its external test package importing P@test. They are checked as go vet
// checks them, except that the packages they import that import P are not re-checked
// against P@test: a test whose types cross that boundary gets go/types errors and is
// skipped.
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
			imp := &xtestImporter{d: d, path: bp.ImportPath, ptest: ptest}
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

// xtestImporter imports the package under test as its test variant.
type xtestImporter struct {
	d     *dumper
	path  string
	ptest *types.Package
}

func (x *xtestImporter) Import(path string) (*types.Package, error) {
	return x.ImportFrom(path, "", 0)
}

func (x *xtestImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path == x.path && x.ptest != nil {
		return x.ptest, nil
	}
	return x.d.ImportFrom(path, dir, mode)
}
