// Command goast is the reference side of scripts/conformance/parse.sh: it parses Go
// files with go/parser and writes the canonical dump (see dump.go), and it compares
// the results with those of `gotool debug parse -dump` (see compare.go).
//
// Usage:
//
//	goast dump [-j N] [-o OUTDIR] [-index FILE] [-list FILE] [files...]
//	goast compare [flags] -list FILE WANT.idx GOT.idx
//
// dump writes the i-th file's dump (0-based, listed files first) to OUTDIR/i.txt,
// and/or one index line per file to the -index file:
//
//	i <TAB> FNV-1a-64 of the dump, 16 hex digits <TAB> head, quoted (QuoteToASCII)
//
// where head is the whole output for a rejected file ("error: ..."), else "File".
// Index lines come in completion order. Without -o and -index the dumps go to
// standard output in order.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "dump":
		os.Exit(runDump(os.Args[2:]))
	case "compare":
		os.Exit(runCompare(os.Args[2:]))
	}
	usage()
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: goast dump [-j N] [-o OUTDIR] [-index FILE] [-list FILE] [files...]")
	fmt.Fprintln(os.Stderr, "       goast compare [flags] -list FILE WANT.idx GOT.idx")
	os.Exit(2)
}

// readList returns the non-empty lines of a list file.
func readList(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		if line := strings.TrimRight(sc.Text(), "\r"); line != "" {
			files = append(files, line)
		}
	}
	return files, sc.Err()
}

// indexLine formats one -index line for the i-th file's output.
func indexLine(i int, out []byte) string {
	h := fnv.New64a()
	h.Write(out)
	head := "File"
	if !strings.HasPrefix(string(out), "File\n") {
		head = string(out)
	}
	return fmt.Sprintf("%d\t%016x\t%s\n", i, h.Sum64(), strconv.QuoteToASCII(head))
}

func runDump(args []string) int {
	fs := flag.NewFlagSet("dump", flag.ExitOnError)
	jobs := fs.Int("j", runtime.NumCPU(), "parallel workers")
	outDir := fs.String("o", "", "write the i-th file's dump to `dir`/i.txt")
	index := fs.String("index", "", "write one index line per file to `file`")
	list := fs.String("list", "", "read file names, one a line, from `file`")
	fs.Parse(args)
	var files []string
	if *list != "" {
		var err error
		if files, err = readList(*list); err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			return 1
		}
	}
	files = append(files, fs.Args()...)
	if *outDir == "" && *index == "" {
		for _, name := range files {
			os.Stdout.Write(dumpFile(name))
		}
		return 0
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			return 1
		}
	}
	var idx *bufio.Writer
	if *index != "" {
		f, err := os.Create(*index)
		if err != nil {
			fmt.Fprintln(os.Stderr, "goast:", err)
			return 1
		}
		defer f.Close()
		idx = bufio.NewWriter(f)
		defer idx.Flush()
	}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed bool
		next   = make(chan int)
	)
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out := dumpFile(files[i])
				var err error
				if *outDir != "" {
					err = os.WriteFile(filepath.Join(*outDir, strconv.Itoa(i)+".txt"), out, 0o644)
				}
				mu.Lock()
				if idx != nil {
					idx.WriteString(indexLine(i, out))
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, "goast:", err)
					failed = true
				}
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if failed {
		return 1
	}
	return 0
}

func dumpFile(name string) []byte {
	src, err := os.ReadFile(name)
	if err != nil {
		return []byte("error: " + err.Error() + "\n")
	}
	return parseAndDump(name, src)
}
