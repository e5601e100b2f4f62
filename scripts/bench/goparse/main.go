// Command goparse is the reference side of scripts/bench/parse.sh: it parses every
// listed file with go/parser (mode ParseComments, plus SkipObjectResolution with
// -skip-resolve) on N workers, drops each tree, and prints how many files it parsed
// with its peak resident set size and CPU time.
//
// Usage: goparse [-j N] [-skip-resolve] -list FILE
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	jobs := flag.Int("j", 1, "parallel workers")
	skipResolve := flag.Bool("skip-resolve", false, "add parser.SkipObjectResolution")
	list := flag.String("list", "", "read file names, one a line, from `file`")
	flag.Parse()
	files, err := readList(*list)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goparse:", err)
		os.Exit(2)
	}
	mode := parser.ParseComments
	if *skipResolve {
		mode |= parser.SkipObjectResolution
	}
	var next, rejected atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err == nil {
					_, err = parser.ParseFile(token.NewFileSet(), files[i], src, mode)
				}
				if err != nil {
					rejected.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	cpu := time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
	fmt.Printf("parsed %d files (%d with errors), %d workers, peak RSS %d KB, cpu %.3f s\n",
		len(files), rejected.Load(), *jobs, usage.Maxrss, cpu.Seconds())
}

func readList(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			files = append(files, sc.Text())
		}
	}
	return files, sc.Err()
}
