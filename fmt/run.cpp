// The gofmt command as a library: expanding arguments to files, formatting them in
// parallel while writing results in argument order, -l/-w/-d, exit status.
#include "fmt/run.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt/diff.h"
#include "fmt/gofmt.h"
#include "pkg/base/atomic_file.h"
#include "pkg/base/heap.h"

namespace gotool::gofmt {
namespace {

constexpr std::string_view kStdinName = "<standard input>";

// ReadFd appends everything readable from fd to *data; it returns 0 or an errno value.
// It reads straight into data's spare capacity (a capacity reserved for the whole
// file is used up without regrowing).
int ReadFd(int fd, std::string* data) {
  size_t len = data->size();
  for (;;) {
    if (data->capacity() == len) data->reserve(std::max(2 * len, size_t(1) << 16));
    data->resize(data->capacity());
    ssize_t n = ::read(fd, data->data() + len, data->size() - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      data->resize(len);
      return n < 0 ? errno : 0;
    }
    len += size_t(n);
  }
}

// ReadFile reads path into *data; it returns "" or Go's error text.
std::string ReadFile(const std::string& path, std::string* data) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "open " + path + ": " + base::ErrnoText(errno);
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) data->reserve(size_t(st.st_size) + 1);
  int err = ReadFd(fd, data);
  ::close(fd);
  if (err != 0) return "read " + path + ": " + base::ErrnoText(err);
  return "";
}

// Join joins a directory and a name as Go's filepath.Join does for clean inputs.
std::string Join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// Entry is one directory entry; is_dir and is_file describe the entry itself (a
// symbolic link is neither, unless follow was asked for).
struct Entry {
  std::string name;
  bool is_dir = false;
  bool is_file = false;
};

// ReadDir lists dir sorted by name, as Go's os.ReadDir; it returns "" or Go's error.
// With follow, symbolic links are described by what they point to.
std::string ReadDir(const std::string& dir, bool follow, std::vector<Entry>* entries) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return "open " + dir + ": " + base::ErrnoText(errno);
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    Entry entry{name};
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN || (follow && type == DT_LNK)) {
      struct stat st;
      std::string path = Join(dir, name);
      int rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
      if (rc == 0) type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
    }
    entry.is_dir = type == DT_DIR;
    entry.is_file = type == DT_REG;
    entries->push_back(std::move(entry));
  }
  ::closedir(d);
  std::sort(entries->begin(), entries->end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return "";
}

// IsGoFile reports whether a walked entry is formatted by gofmt: a non-directory named
// *.go that does not start with '.'.
bool IsGoFile(const Entry& e) {
  return !e.is_dir && !e.name.starts_with(".") && e.name.ends_with(".go");
}

// WalkDir appends gofmt's tasks for directory dir, in filepath.WalkDir's order. It
// returns false after an unreadable directory, which ends the walk as in gofmt.
bool WalkDir(const std::string& dir, std::vector<Task>* tasks) {
  std::vector<Entry> entries;
  if (std::string err = ReadDir(dir, false, &entries); !err.empty()) {
    tasks->push_back({"", err});
    return false;
  }
  for (const Entry& e : entries) {
    std::string path = Join(dir, e.name);
    if (e.is_dir) {
      if (!WalkDir(path, tasks)) return false;
    } else if (IsGoFile(e)) {
      tasks->push_back({path, ""});
    }
  }
  return true;
}

// MatchPattern reports whether path matches a package pattern, where "..." matches any
// string and a trailing "/..." also matches the empty string (so "./..." matches ".").
bool MatchPattern(std::string_view pattern, std::string_view path) {
  if (pattern.ends_with("/...") && path == pattern.substr(0, pattern.size() - 4)) return true;
  // Wildcard matching with backtracking to the last "...".
  size_t p = 0, s = 0, star_p = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (pattern.substr(p).starts_with("...")) {
      star_p = p += 3;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      p++;
      s++;
    } else if (star_p != std::string_view::npos) {
      p = star_p;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (pattern.substr(p).starts_with("...")) p += 3;
  return p == pattern.size();
}

// SkipPackageDir reports whether a pattern walk prunes the subdirectory name of dir, as
// the go command does for "...": hidden, '_', testdata and vendor trees and nested
// modules.
bool SkipPackageDir(const std::string& dir, const std::string& name) {
  if (name.starts_with(".") || name.starts_with("_") || name == "testdata" || name == "vendor") {
    return true;
  }
  struct stat st;
  return ::stat(Join(Join(dir, name), "go.mod").c_str(), &st) == 0;
}

// CleanDot drops leading "./" elements: the go command prints files of "./..." relative
// to the current directory.
std::string CleanDot(std::string path) {
  while (path.starts_with("./")) path.erase(0, 2);
  return path;
}

// WalkPattern appends the files of the directories under dir that match pattern; dir
// is spelled as the pattern spells it ("./a/b" for "./..."), so that they can match.
void WalkPattern(const std::string& pattern, const std::string& dir, std::vector<Task>* tasks,
                 bool* matched) {
  std::vector<Entry> entries;
  if (std::string err = ReadDir(dir, true, &entries); !err.empty()) {
    tasks->push_back({"", err});
    return;
  }
  if (MatchPattern(pattern, dir)) {
    for (const Entry& e : entries) {
      if (e.is_file && e.name.ends_with(".go") && !e.name.starts_with("_") &&
          !e.name.starts_with(".")) {
        tasks->push_back({CleanDot(Join(dir, e.name)), ""});
        *matched = true;
      }
    }
  }
  for (const Entry& e : entries) {
    if (e.is_dir && !SkipPackageDir(dir, e.name)) {
      // Symbolic links to directories are not followed, as in the go command.
      struct stat st;
      std::string sub = dir == "/" ? "/" + e.name : dir + "/" + e.name;
      if (::lstat(sub.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) continue;
      WalkPattern(pattern, sub, tasks, matched);
    }
  }
}

// ExpandPattern appends the tasks of a "..." package pattern; false if it matched none.
bool ExpandPattern(const std::string& pattern, std::vector<Task>* tasks) {
  // The walk starts at the directory part of the text before the first "...".
  std::string prefix = pattern.substr(0, pattern.find("..."));
  size_t slash = prefix.rfind('/');
  std::string root = slash == std::string::npos ? "." : slash == 0 ? "/" : prefix.substr(0, slash);
  // A relative pattern without a directory part ("foo...") is matched as "./foo...".
  std::string match = slash == std::string::npos ? "./" + pattern : pattern;
  struct stat st;
  if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  bool matched = false;
  WalkPattern(match, root, tasks, &matched);
  return matched;
}

}  // namespace

Streams StdStreams() {
  Streams io;
  io.out = [](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); };
  io.err = [](std::string_view s) {
    std::fflush(stdout);
    std::fwrite(s.data(), 1, s.size(), stderr);
  };
  io.read_stdin = [](std::string* src) -> std::string {
    // Redirected from a file (as editors often do), the input is read without regrowing.
    struct stat st;
    bool is_file = ::fstat(0, &st) == 0 && S_ISREG(st.st_mode);
    // One large input makes the whole process: its memory (some 12 bytes per input
    // byte) is faulted in as one huge page rather than hundreds of small ones.
    constexpr size_t kLargeInput = 64 << 10;
    if (is_file && size_t(st.st_size) >= kLargeInput) base::ReserveHugePageHeap();
    if (is_file) src->reserve(size_t(st.st_size) + 1);
    int err = ReadFd(0, src);
    if (!is_file && src->size() >= kLargeInput) base::ReserveHugePageHeap();
    return err == 0 ? "" : "read /dev/stdin: " + base::ErrnoText(err);
  };
  return io;
}

std::vector<Task> ExpandArgs(const std::vector<std::string>& args,
                             std::vector<std::string>* warnings) {
  std::vector<Task> tasks;
  for (const std::string& arg : args) {
    struct stat st;
    if (::stat(arg.c_str(), &st) != 0) {
      int err = errno;
      if (arg.find("...") != std::string::npos) {
        if (!ExpandPattern(arg, &tasks)) {
          warnings->push_back("gotool: warning: \"" + arg + "\" matched no packages");
        }
        continue;
      }
      tasks.push_back({"", "stat " + arg + ": " + base::ErrnoText(err)});
    } else if (!S_ISDIR(st.st_mode)) {
      tasks.push_back({arg, ""});  // a file argument is formatted whatever its name
    } else {
      // filepath.WalkDir does not follow a root that is a symbolic link.
      struct stat lst;
      if (::lstat(arg.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
        size_t slash = arg.find_last_of('/');
        Entry e{slash == std::string::npos ? arg : arg.substr(slash + 1)};
        if (IsGoFile(e)) tasks.push_back({arg, ""});
        continue;
      }
      WalkDir(arg, &tasks);
    }
  }
  return tasks;
}

FileResult ProcessSource(const Flags& flags, const std::string& filename, std::string_view src,
                         bool is_stdin) {
  FileResult r;
  SourceOptions options{flags.simplify, flags.all_errors, is_stdin, flags.rewrite};
  SourceResult formatted = FormatSource(filename, src, options);
  r.err = formatted.warning;
  if (!formatted.errors.empty()) {
    r.err += formatted.errors.String();
    r.failed = true;
    return r;
  }
  const std::string& res = formatted.output;
  if (res != src) {
    if (flags.list) r.out += filename + "\n";
    if (flags.write && !is_stdin) {
      // gofmt writes the file in place, which needs write permission on it; the atomic
      // rename would not, so ask for it explicitly.
      std::string err;
      if (::access(filename.c_str(), W_OK) != 0) {
        err = "open " + filename + ": " + base::ErrnoText(errno);
      } else {
        err = base::WriteFileAtomic(filename, res);
      }
      if (!err.empty()) {
        r.err += err + "\n";
        r.failed = true;
        return r;
      }
    }
    if (flags.diff) {
      r.out += Diff(filename + ".orig", src, filename, res);
    }
  }
  if (!flags.list && !flags.write && !flags.diff) {
    // The output is the formatted file: hand it over rather than copy it.
    if (r.out.empty()) {
      r.out = std::move(formatted.output);
    } else {
      r.out += res;
    }
  }
  return r;
}

FileResult ProcessFile(const Flags& flags, const std::string& path) {
  std::string src;
  if (std::string err = ReadFile(path, &src); !err.empty()) {
    return FileResult{"", err + "\n", true};
  }
  return ProcessSource(flags, path, src, false);
}

void RunTasks(const Flags& flags, const std::vector<Task>& tasks, int jobs,
              const std::function<void(size_t index, FileResult& result)>& emit) {
  auto process = [&](size_t i) {
    const Task& t = tasks[i];
    return t.path.empty() ? FileResult{"", t.error + "\n", true} : ProcessFile(flags, t.path);
  };
  size_t n = tasks.size();
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; i++) {
      FileResult r = process(i);
      emit(i, r);
    }
    return;
  }
  // Workers claim tasks in order but stay within a window ahead of the writer, so that
  // only a few finished results wait in memory for an earlier, slower file.
  const size_t window = size_t(jobs) * 8;
  std::vector<std::optional<FileResult>> done(n);
  std::mutex mu;
  std::condition_variable finished, room;
  size_t next = 0, emitted = 0;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return next >= n || next < emitted + window; });
        if (next >= n) return;
        i = next++;
      }
      FileResult r = process(i);
      std::lock_guard lock(mu);
      done[i] = std::move(r);
      if (i == emitted) finished.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs && size_t(t) < n; t++) threads.emplace_back(worker);
  for (size_t i = 0; i < n; i++) {
    FileResult r;
    {
      std::unique_lock lock(mu);
      finished.wait(lock, [&] { return done[i].has_value(); });
      r = std::move(*done[i]);
      done[i].reset();
      emitted = i + 1;
    }
    room.notify_all();
    emit(i, r);
  }
  for (auto& t : threads) t.join();
}

int Run(const Flags& flags, const std::vector<std::string>& args, const Streams& io) {
  if (std::string err = CheckRewriteRule(flags.rewrite); !err.empty()) {
    io.err(err + "\n");
    return 2;
  }
  if (args.empty()) {
    if (flags.write) {
      io.err("error: cannot use -w with standard input\n");
      return 2;
    }
    std::string src;
    if (std::string err = io.read_stdin(&src); !err.empty()) {
      io.err(err + "\n");
      return 2;
    }
    FileResult r = ProcessSource(flags, std::string(kStdinName), src, true);
    // gofmt warns (rewrite ignored for a fragment) before it writes the output.
    if (!r.err.empty()) io.err(r.err);
    io.out(r.out);
    return r.failed ? 2 : 0;
  }
  std::vector<std::string> warnings;
  std::vector<Task> tasks = ExpandArgs(args, &warnings);
  for (const std::string& w : warnings) io.err(w + "\n");
  bool failed = false;
  RunTasks(flags, tasks, flags.jobs, [&](size_t, FileResult& r) {
    if (!r.out.empty()) io.out(r.out);
    if (!r.err.empty()) io.err(r.err);
    failed |= r.failed;
  });
  return failed ? 2 : 0;
}

}  // namespace gotool::gofmt
