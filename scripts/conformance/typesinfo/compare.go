// typesinfo compare: matches gotool's Info.Types dump against go/types' entry by entry.
//
// The packages compared are those of the reference dump (want.txt) that go/types
// checked without errors, non-generic ones first, each group sorted by import path;
// -n N keeps the first N. A package gotool did not dump (a "skip" line: it reported
// errors, e.g. "not supported yet" for type parameters) is listed as skipped, so it
// joins the comparison by itself once gotool checks it.
//
// Entries are matched by their position key (file, start and end); a key present on
// one side only is "missing" (go/types records it, gotool does not) or "extra"; a key
// on both sides agrees when the whole line is identical, and otherwise counts under
// the fields that differ (expr, mode, type, value). The expressions compared are the
// union of both sides' keys. A package passes when all of its entries agree. The
// packages the reference skipped are listed first, as not compared.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// pkgDump is one package's block of a dump.
type pkgDump struct {
	path    string
	generic bool
	skip    string   // the reason, for a skipped package
	lines   []string // entries, as dumped
}

// readDump parses a dump file into its packages by import path.
func readDump(name string) (map[string]*pkgDump, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pkgs := make(map[string]*pkgDump)
	var cur *pkgDump
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "package "):
			fields := strings.Fields(line)
			cur = &pkgDump{path: fields[1], generic: len(fields) > 2 && fields[2] == "generic"}
			pkgs[cur.path] = cur
		case strings.HasPrefix(line, "skip "):
			path, reason, _ := strings.Cut(strings.TrimPrefix(line, "skip "), ": ")
			pkgs[path] = &pkgDump{path: path, skip: reason}
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		default:
			return nil, fmt.Errorf("%s: entry outside a package: %q", name, line)
		}
	}
	return pkgs, sc.Err()
}

// keyed maps each entry's position key to its line; a repeated key gets a "#k" suffix.
func keyed(lines []string) (map[string]string, []string) {
	m := make(map[string]string, len(lines))
	var order []string
	for _, l := range lines {
		k, _, _ := strings.Cut(l, "\t")
		for i := 2; m[k] != ""; i++ {
			k = fmt.Sprintf("%s#%d", strings.SplitN(k, "#", 2)[0], i)
		}
		m[k] = l
		order = append(order, k)
	}
	return m, order
}

// diffKind names the fields in which two lines with the same key differ.
func diffKind(want, got string) string {
	names := []string{"key", "expr", "mode", "type", "value"}
	w, g := strings.Split(want, "\t"), strings.Split(got, "\t")
	var kinds []string
	for i := 1; i < len(names); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			kinds = append(kinds, names[i])
		}
	}
	if len(kinds) == 0 {
		return "other"
	}
	return strings.Join(kinds, "+")
}

// pkgResult is the comparison of one package.
type pkgResult struct {
	compared, agree int
	kinds           map[string]int
	diffs           []string // "- want" / "+ got" pairs, in source order
}

func comparePkg(want, got *pkgDump) pkgResult {
	r := pkgResult{kinds: make(map[string]int)}
	wm, worder := keyed(want.lines)
	gm, gorder := keyed(got.lines)
	for _, k := range worder {
		r.compared++
		w, g := wm[k], gm[k]
		switch {
		case g == "":
			r.kinds["missing"]++
			r.diffs = append(r.diffs, "missing\n- "+w)
		case g == w:
			r.agree++
		default:
			kind := diffKind(w, g)
			r.kinds[kind]++
			r.diffs = append(r.diffs, kind+"\n- "+w+"\n+ "+g)
		}
	}
	for _, k := range gorder {
		if _, ok := wm[k]; !ok {
			r.compared++
			r.kinds["extra"]++
			r.diffs = append(r.diffs, "extra\n+ "+gm[k])
		}
	}
	return r
}

// selectPackages returns the reference's error-free packages, non-generic first.
func selectPackages(want map[string]*pkgDump, n int) []*pkgDump {
	var list []*pkgDump
	for _, p := range want {
		if p.skip == "" {
			list = append(list, p)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].generic != list[j].generic {
			return !list[i].generic
		}
		return list[i].path < list[j].path
	})
	if n > 0 && n < len(list) {
		list = list[:n]
	}
	return list
}

func formatKinds(kinds map[string]int) string {
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if kinds[names[i]] != kinds[names[j]] {
			return kinds[names[i]] > kinds[names[j]]
		}
		return names[i] < names[j]
	})
	var parts []string
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%s %d", k, kinds[k]))
	}
	return strings.Join(parts, ", ")
}

func compareMain(args []string) int {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	n := fs.Int("n", 0, "compare only the first `N` selected packages (0: all)")
	verbose := fs.Int("v", 0, "print the first `K` disagreements of each failing package")
	diffsFile := fs.String("diffs", "", "write every disagreement to `FILE`")
	fs.Parse(args)
	if fs.NArg() != 2 {
		usage()
	}
	want, err := readDump(fs.Arg(0))
	if err == nil {
		var got map[string]*pkgDump
		if got, err = readDump(fs.Arg(1)); err == nil {
			var diffs io.Writer = io.Discard
			if *diffsFile != "" {
				f, err := os.Create(*diffsFile)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					return 1
				}
				defer f.Close()
				bw := bufio.NewWriter(f)
				defer bw.Flush()
				diffs = bw
			}
			reportReferenceSkips(os.Stdout, want)
			report(os.Stdout, diffs, selectPackages(want, *n), got, *verbose)
			return 0
		}
	}
	fmt.Fprintln(os.Stderr, "typesinfo compare:", err)
	return 1
}

// reportReferenceSkips lists the packages the reference could not dump (not compared).
func reportReferenceSkips(w io.Writer, want map[string]*pkgDump) {
	var lines []string
	for _, p := range want {
		if p.skip != "" {
			lines = append(lines, fmt.Sprintf("  %s: %s", p.path, p.skip))
		}
	}
	sort.Strings(lines)
	fmt.Fprintf(w, "not compared (the reference skips them): %d\n", len(lines))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// report compares the selected packages and prints the per-package lines and totals.
func report(w, diffs io.Writer, selected []*pkgDump, got map[string]*pkgDump, verbose int) {
	var passed, failed, generic, exprs, agree int
	kinds := make(map[string]int)
	var skipped []string
	for _, p := range selected {
		tag := ""
		if p.generic {
			tag = " (generic)"
			generic++
		}
		g := got[p.path]
		if g == nil || g.skip != "" {
			reason := "not in gotool's dump"
			if g != nil {
				reason = g.skip
			}
			skipped = append(skipped, fmt.Sprintf("skip %s%s: %s", p.path, tag, reason))
			continue
		}
		r := comparePkg(p, g)
		exprs += r.compared
		agree += r.agree
		for k, v := range r.kinds {
			kinds[k] += v
		}
		if r.agree == r.compared {
			passed++
			fmt.Fprintf(w, "ok %s%s: %d expressions\n", p.path, tag, r.compared)
			continue
		}
		failed++
		fmt.Fprintf(w, "FAIL %s%s: %d of %d agree (%s)\n", p.path, tag, r.agree, r.compared,
			formatKinds(r.kinds))
		for i, d := range r.diffs {
			fmt.Fprintf(diffs, "%s: %s\n", p.path, d)
			if i < verbose {
				fmt.Fprintf(w, "\t%s\n", strings.ReplaceAll(d, "\n", "\n\t"))
			}
		}
	}
	for _, s := range skipped {
		fmt.Fprintln(w, s)
	}
	pct := 100.0
	if exprs > 0 {
		pct = 100 * float64(agree) / float64(exprs)
	}
	fmt.Fprintf(w, "packages: %d selected (%d generic), %d compared, %d skipped (gotool errors)\n",
		len(selected), generic, passed+failed, len(skipped))
	fmt.Fprintf(w, "expressions: %d compared, %d agree (%.3f%%)\n", exprs, agree, pct)
	if len(kinds) > 0 {
		fmt.Fprintf(w, "disagreements: %s\n", formatKinds(kinds))
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
}
