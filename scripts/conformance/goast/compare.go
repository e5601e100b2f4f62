// goast compare: checks gotool's parse results against go/parser's.
//
// It reads the index files both dumpers wrote (see main.go) and counts three
// agreements: the verdict (both accept or both reject), the first error line for
// files both reject, and the whole dump (by hash) for files both accept. A file
// passes when the verdict agrees and, if accepted, the dump is identical; first-error
// mismatches are counted separately. The summary ends with "N passed, M failed".
//
// Dumps are compared by hash, so that no run has to store gigabytes of them. To show
// where dumps differ, the script runs compare twice: with -prepare it writes
// DIR/dumps.list, an even sample of the files whose dumps differ; the script has both
// dumpers write those in full to DIR/want/k.txt and DIR/got/k.txt; the second run
// groups the mismatches by the node field where they first differ and writes
// DIR/<kind>/<i>.txt (both outputs around the first difference) and DIR/report.txt.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Kinds of mismatch, also the names of the report's subdirectories.
const (
	kindRejectsValid   = "rejects-valid"   // go/parser accepts, gotool reports an error
	kindAcceptsInvalid = "accepts-invalid" // go/parser rejects, gotool accepts
	kindNoOutput       = "no-output"       // gotool wrote nothing or crashed
	kindError          = "first-error"     // both reject, first error differs
	kindDump           = "dump"            // both accept, dumps differ
)

type mismatch struct {
	index    int
	file     string
	kind     string
	key      string // grouping key: node field of the first difference, or a message
	want     []byte // the full outputs when known, else the index heads
	got      []byte
	firstRow int  // first differing line (0-based)
	detailed bool // want and got are full dumps
	sampleK  int  // when detailed: the dumps are DIR/want/k.txt and DIR/got/k.txt
}

type stats struct {
	total, accepted, rejected          int
	verdictAgree, errorAgree, dumpSame int
	passed                             int
	mismatches                         []*mismatch
}

// entry is one line of an index file.
type entry struct {
	hash string
	head string
}

func readIndex(name string, n int) ([]*entry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries := make([]*entry, n)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 {
			continue
		}
		i, err := strconv.Atoi(parts[0])
		if err != nil || i < 0 || i >= n {
			continue
		}
		head, err := strconv.Unquote(parts[2])
		if err != nil {
			head = parts[2]
		}
		entries[i] = &entry{hash: parts[1], head: head}
	}
	return entries, sc.Err()
}

func runCompare(args []string) int {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	list := fs.String("list", "", "the file list both dumpers read")
	verbose := fs.Bool("v", false, "list every mismatching file with a short diff")
	dir := fs.String("mismatch", "", "mismatch reports go under `dir`")
	prepare := fs.Bool("prepare", false, "only write the -mismatch dir's dumps.list")
	sample := fs.Int("sample", 400, "at most `n` dump mismatches are examined in full")
	floors := fs.String("floors", "", "fail below these percentages: `verdict,error,dump`")
	fs.Parse(args)
	if *list == "" || fs.NArg() != 2 || (*prepare && *dir == "") {
		usage()
	}
	files, err := readList(*list)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goast:", err)
		return 2
	}
	want, err := readIndex(fs.Arg(0), len(files))
	if err != nil {
		fmt.Fprintln(os.Stderr, "goast:", err)
		return 2
	}
	got, err := readIndex(fs.Arg(1), len(files))
	if err != nil {
		fmt.Fprintln(os.Stderr, "goast:", err)
		return 2
	}
	st := compareAll(files, want, got)
	if *prepare {
		if err := st.writeSample(*dir, *sample); err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			return 2
		}
		return 0
	}
	if *dir != "" {
		st.loadDetails(*dir)
	}
	st.printSummary(*dir)
	if *verbose {
		for _, m := range st.mismatches {
			fmt.Printf("--- %s: %s\n%s", m.kind, m.file, m.shortDiff(6))
		}
	}
	if *dir != "" {
		if err := st.writeReports(*dir); err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
		}
	}
	ok := true
	if *floors != "" {
		ok = st.checkFloors(*floors)
	}
	fmt.Printf("%d passed, %d failed\n", st.passed, st.total-st.passed)
	if !ok {
		return 1
	}
	return 0
}

func verdict(head string) string {
	switch {
	case strings.HasPrefix(head, "error: "):
		return "error"
	case head == "File":
		return "ok"
	}
	return "other"
}

func compareAll(files []string, want, got []*entry) *stats {
	st := &stats{total: len(files)}
	for i, file := range files {
		w, g := want[i], got[i]
		if w == nil {
			w = &entry{head: "goast: no output"}
		}
		if g == nil {
			g = &entry{head: "(no output: gotool crashed or hung before this file)"}
		}
		m := &mismatch{index: i, file: file, want: []byte(w.head), got: []byte(g.head)}
		wv, gv := verdict(w.head), verdict(g.head)
		if wv == "error" {
			st.rejected++
		} else {
			st.accepted++
		}
		switch {
		case gv == "other":
			m.kind, m.key = kindNoOutput, firstLine(m.got)
		case wv != gv && gv == "error":
			m.kind, m.key = kindRejectsValid, stripPos(firstLine(m.got))
		case wv != gv:
			m.kind, m.key = kindAcceptsInvalid, stripPos(firstLine(m.want))
		case wv == "error":
			st.verdictAgree++
			st.passed++
			if w.head == g.head {
				st.errorAgree++
				continue
			}
			m.kind, m.key = kindError, errorKey(firstLine(m.want), firstLine(m.got))
		default:
			st.verdictAgree++
			if w.hash == g.hash {
				st.dumpSame++
				st.passed++
				continue
			}
			m.kind, m.key = kindDump, "(not examined: beyond the -sample)"
		}
		st.mismatches = append(st.mismatches, m)
	}
	return st
}

// dumpSample returns an even sample of at most n dump mismatches.
func (st *stats) dumpSample(n int) []*mismatch {
	var all []*mismatch
	for _, m := range st.mismatches {
		if m.kind == kindDump {
			all = append(all, m)
		}
	}
	if len(all) <= n {
		return all
	}
	sample := make([]*mismatch, 0, n)
	for k := 0; k < n; k++ {
		sample = append(sample, all[k*len(all)/n])
	}
	return sample
}

func (st *stats) writeSample(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	for _, m := range st.dumpSample(n) {
		fmt.Fprintf(&b, "%s\n", m.file)
	}
	return os.WriteFile(filepath.Join(dir, "dumps.list"), b.Bytes(), 0o644)
}

// loadDetails reads the full dumps of the sample that -prepare chose.
func (st *stats) loadDetails(dir string) {
	sampled, err := readList(filepath.Join(dir, "dumps.list"))
	if err != nil {
		return
	}
	byFile := map[string]int{}
	for k, f := range sampled {
		byFile[f] = k
	}
	for _, m := range st.mismatches {
		k, ok := byFile[m.file]
		if m.kind != kindDump || !ok {
			continue
		}
		name := strconv.Itoa(k) + ".txt"
		want, err1 := os.ReadFile(filepath.Join(dir, "want", name))
		got, err2 := os.ReadFile(filepath.Join(dir, "got", name))
		if err1 != nil || err2 != nil {
			continue
		}
		m.want, m.got, m.detailed, m.sampleK = want, got, true, k
		m.firstRow, m.key = firstDifference(want, got)
	}
}

func firstLine(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if len(b) == 0 {
		return "(empty)"
	}
	return string(b)
}

// stripPos turns "error: 3:4: msg" into "msg" for grouping.
func stripPos(line string) string {
	parts := strings.SplitN(line, ": ", 3)
	if len(parts) == 3 {
		return parts[2]
	}
	return line
}

func errorKey(want, got string) string {
	wp := strings.SplitN(want, ": ", 3)
	gp := strings.SplitN(got, ": ", 3)
	if len(wp) == 3 && len(gp) == 3 {
		switch {
		case wp[2] == gp[2]:
			return "position differs: " + wp[2]
		case wp[1] == gp[1]:
			return "message differs: want " + strconv.Quote(wp[2])
		}
	}
	return "both differ: want " + strconv.Quote(stripPos(want))
}

func pct(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(n)/float64(d))
}

func (st *stats) count(kind string) int {
	n := 0
	for _, m := range st.mismatches {
		if m.kind == kind {
			n++
		}
	}
	return n
}

func (st *stats) printSummary(mismatchDir string) {
	fmt.Printf("parse conformance: %d files (go/parser accepts %d, rejects %d)\n",
		st.total, st.accepted, st.rejected)
	fmt.Printf("  verdict agrees:     %d/%d (%s); gotool rejects %d valid, accepts %d invalid, %d without output\n",
		st.verdictAgree, st.total, pct(st.verdictAgree, st.total),
		st.count(kindRejectsValid), st.count(kindAcceptsInvalid), st.count(kindNoOutput))
	fmt.Printf("  first error agrees: %d/%d rejected (%s)\n",
		st.errorAgree, st.rejected, pct(st.errorAgree, st.rejected))
	fmt.Printf("  dump identical:     %d/%d accepted (%s)\n",
		st.dumpSame, st.accepted, pct(st.dumpSame, st.accepted))
	for _, kind := range []string{kindNoOutput, kindRejectsValid, kindAcceptsInvalid, kindDump, kindError} {
		st.printGroups(kind, mismatchDir)
	}
}

// printGroups prints the most frequent grouping keys of one kind of mismatch, with
// one example file each.
func (st *stats) printGroups(kind, mismatchDir string) {
	groups := map[string][]*mismatch{}
	var keys []string
	for _, m := range st.mismatches {
		if m.kind != kind {
			continue
		}
		if groups[m.key] == nil {
			keys = append(keys, m.key)
		}
		groups[m.key] = append(groups[m.key], m)
	}
	if len(keys) == 0 {
		return
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(groups[keys[i]]) > len(groups[keys[j]]) })
	fmt.Printf("%s: %d files, by %s:\n", kind, st.count(kind), groupedBy(kind))
	for n, key := range keys {
		if n == 10 {
			fmt.Printf("  ... %d more groups\n", len(keys)-n)
			break
		}
		m := groups[key][0]
		for _, g := range groups[key] {
			if g.detailed {
				m = g
				break
			}
		}
		where := m.file
		if mismatchDir != "" {
			where = filepath.Join(mismatchDir, m.kind, strconv.Itoa(m.index)+".txt")
		}
		fmt.Printf("  %5d  %s\n         e.g. %s\n", len(groups[key]), key, where)
		if m.detailed {
			want, got := splitLines(m.want), splitLines(m.got)
			fmt.Printf("         at %s: go/parser %q, gotool %q\n", nodePath(want, m.firstRow),
				lineAt(want, m.firstRow), lineAt(got, m.firstRow))
		} else if kind == kindError {
			fmt.Printf("         go/parser %q\n         gotool    %q\n", firstLine(m.want), firstLine(m.got))
		}
	}
}

func groupedBy(kind string) string {
	switch kind {
	case kindDump:
		return "node field of the first difference"
	case kindError:
		return "difference"
	case kindRejectsValid:
		return "gotool's message"
	case kindAcceptsInvalid:
		return "go/parser's message"
	}
	return "output"
}

func (st *stats) checkFloors(spec string) bool {
	parts := strings.Split(spec, ",")
	if len(parts) != 3 {
		fmt.Fprintln(os.Stderr, "goast: -floors wants verdict,error,dump percentages")
		return false
	}
	names := []string{"verdict agrees", "first error agrees", "dump identical"}
	got := []float64{
		100 * float64(st.verdictAgree) / float64(max(st.total, 1)),
		100 * float64(st.errorAgree) / float64(max(st.rejected, 1)),
		100 * float64(st.dumpSame) / float64(max(st.accepted, 1)),
	}
	ok := true
	for i, p := range parts {
		floor, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "goast: bad floor", p)
			return false
		}
		if got[i] < floor {
			fmt.Printf("FAIL: %s %.2f%% is below the floor %.2f%%\n", names[i], got[i], floor)
			ok = false
		}
	}
	return ok
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return strings.TrimSpace(lines[i])
	}
	return "(end of dump)"
}

func (st *stats) writeReports(dir string) error {
	for _, kind := range []string{kindRejectsValid, kindAcceptsInvalid, kindNoOutput, kindError, kindDump} {
		if err := os.RemoveAll(filepath.Join(dir, kind)); err != nil {
			return err
		}
	}
	var report bytes.Buffer
	for _, m := range st.mismatches {
		sub := filepath.Join(dir, m.kind)
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "source: %s\nkind:   %s\nkey:    %s\n", m.file, m.kind, m.key)
		if m.detailed {
			fmt.Fprintf(&b, "dumps:  %s %s\n", filepath.Join(dir, "want", strconv.Itoa(m.sampleK)+".txt"),
				filepath.Join(dir, "got", strconv.Itoa(m.sampleK)+".txt"))
		}
		b.WriteString(m.shortDiff(40))
		if err := os.WriteFile(filepath.Join(sub, strconv.Itoa(m.index)+".txt"), b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&report, "%s\t%d\t%s\t%s\n", m.kind, m.index, m.file, m.key)
	}
	return os.WriteFile(filepath.Join(dir, "report.txt"), report.Bytes(), 0o644)
}

// shortDiff shows where the outputs part: the node path of the first differing line,
// then up to n lines of each side from a little before it.
func (m *mismatch) shortDiff(n int) string {
	want, got := splitLines(m.want), splitLines(m.got)
	row := m.firstRow
	var b strings.Builder
	if m.kind == kindDump && !m.detailed {
		return "  dumps differ (not examined: beyond the -sample)\n"
	}
	if m.kind == kindDump {
		fmt.Fprintf(&b, "at %s (line %d)\n", nodePath(want, row), row+1)
	}
	from := row - 2
	if from < 0 {
		from = 0
	}
	for _, side := range []struct {
		name  string
		lines []string
	}{{"go/parser", want}, {"gotool", got}} {
		fmt.Fprintf(&b, "%s:\n", side.name)
		for i := from; i < from+n && i < len(side.lines); i++ {
			mark := "   "
			if i == row {
				mark = ">> "
			}
			fmt.Fprintf(&b, "  %s%s\n", mark, side.lines[i])
		}
		if len(side.lines) <= row {
			fmt.Fprintf(&b, "  >> (output ends after %d lines)\n", len(side.lines))
		}
	}
	return b.String()
}

func splitLines(b []byte) []string {
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func depthOf(line string) int {
	return (len(line) - len(strings.TrimLeft(line, " "))) / 2
}

// firstDifference returns the first differing line of two dumps and a grouping key:
// "Node.Field" of that line (the field whose value or subtree differs).
func firstDifference(want, got []byte) (int, string) {
	wl, gl := splitLines(want), splitLines(got)
	row := 0
	for row < len(wl) && row < len(gl) && wl[row] == gl[row] {
		row++
	}
	lines := wl
	if row >= len(wl) {
		lines = gl
	}
	if bytes.Equal(want, got) {
		return row, "(identical when dumped again: nondeterministic?)"
	}
	if row >= len(lines) {
		return row, "(trailing newline)"
	}
	return row, fieldKey(lines, row)
}

// fieldKey names the line at row as "Node.Field", or "Node.Field[]" for an element.
func fieldKey(lines []string, row int) string {
	line := strings.TrimSpace(lines[row])
	d := depthOf(lines[row])
	field := line
	if i := strings.Index(line, ": "); i >= 0 {
		field = line[:i]
	}
	owner := "?"
	for i := row - 1; i >= 0; i-- {
		if depthOf(lines[i]) < d {
			owner = strings.TrimSpace(lines[i])
			if j := strings.Index(owner, ": "); j >= 0 {
				owner = owner[j+2:]
			}
			if strings.HasPrefix(owner, "[") { // an element: the slice's field name
				return fieldKey(lines, i) + "[]"
			}
			break
		}
	}
	return owner + "." + field
}

// nodePath renders the ancestors of the line at row, e.g.
// File.Decls[2]FuncDecl.Body:BlockStmt.List[0]ReturnStmt.Results.
func nodePath(lines []string, row int) string {
	if row >= len(lines) {
		row = len(lines) - 1
	}
	if row < 0 {
		return "(start)"
	}
	var parts []string
	d := depthOf(lines[row]) + 1
	for i := row; i >= 0; i-- {
		if depthOf(lines[i]) >= d {
			continue
		}
		d = depthOf(lines[i])
		line := strings.TrimSpace(lines[i])
		name, val, found := strings.Cut(line, ": ")
		switch {
		case !found:
			parts = append(parts, name)
		case name[0] >= '0' && name[0] <= '9':
			parts = append(parts, "["+name+"]"+val)
		case strings.HasPrefix(val, "["):
			parts = append(parts, "."+name)
		case i == row:
			parts = append(parts, "."+name)
		default:
			parts = append(parts, "."+name+":"+val)
		}
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, "")
}
