// The gofmt command as a library: arguments to files, flags, output order, exit code.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::gofmt {

// Flags are gofmt's command-line flags, plus the number of files formatted at once.
struct Flags {
  bool list = false;        // -l: list files whose formatting differs from gofmt's
  bool write = false;       // -w: write the result to the source file instead of stdout
  bool diff = false;        // -d: print unified diffs instead of the formatted source
  bool all_errors = false;  // -e: report all parse errors, not just the first 10
  bool simplify = false;    // -s: simplify code
  std::string rewrite;      // -r: rewrite rule, e.g. 'a[b:len(a)] -> a[b:]'
  int jobs = 2;             // files formatted concurrently; output order stays fixed
};

// Streams are where a run reads standard input and writes its output.
struct Streams {
  std::function<void(std::string_view)> out;  // standard output
  std::function<void(std::string_view)> err;  // standard error
  // read_stdin reads all of standard input into *src; it returns "" or an error text.
  std::function<std::string(std::string* src)> read_stdin;
};

// StdStreams returns the process's standard input, output and error. Its read_stdin
// expects the process to format just that input: a large one (64 KB or more) first
// readies the heap with base::ReserveHugePageHeap.
Streams StdStreams();

// Task is one unit of a run, in output order: a file to format, or an error to report
// at that point of the output (a missing argument, an unreadable directory).
struct Task {
  std::string path;   // file to format; empty for an error task
  std::string error;  // error text without the final newline; empty for a file task
};

// ExpandArgs turns gofmt's arguments into tasks, as gofmt does: a file is formatted
// whatever its name; a directory is walked recursively, in lexical order, for
// non-directories named *.go not starting with '.'; a missing path is an error. In
// addition, an argument containing "..." that names no file is a package pattern, as
// `go fmt` takes them: it selects the *.go files (not starting with '_' or '.') of
// every matching directory, skipping testdata, vendor, '_' and '.' directories and
// nested modules; a directory's files come first, then its subdirectories in lexical
// order (the go command's walk order). Warnings (a pattern matching nothing) go to
// *warnings.
std::vector<Task> ExpandArgs(const std::vector<std::string>& args,
                             std::vector<std::string>* warnings);

// FileResult is what formatting one file writes and whether it failed.
struct FileResult {
  std::string out;      // standard output: the listed name, the diff or the source
  std::string err;      // standard error: parse errors or I/O errors, newline-terminated
  bool failed = false;  // an error was reported: the run exits with status 2
};

// ProcessSource formats src as gofmt processes one file named filename (standard input
// when is_stdin: program fragments are accepted) under flags, and with -w writes it
// back to filename atomically, keeping its permissions.
FileResult ProcessSource(const Flags& flags, const std::string& filename, std::string_view src,
                         bool is_stdin);

// ProcessFile reads the file path and formats it with ProcessSource.
FileResult ProcessFile(const Flags& flags, const std::string& path);

// RunTasks processes tasks with up to jobs worker threads and hands each result to emit
// in task order, as soon as it and all earlier ones are done; few results wait at once.
void RunTasks(const Flags& flags, const std::vector<Task>& tasks, int jobs,
              const std::function<void(size_t index, FileResult& result)>& emit);

// Run is gofmt with flags and the non-flag arguments args: no arguments formats
// standard input. It returns the exit code: 0, or 2 when any error was reported.
int Run(const Flags& flags, const std::vector<std::string>& args, const Streams& io);

}  // namespace gotool::gofmt
