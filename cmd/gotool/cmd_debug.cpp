// `gotool debug`: internal tools for conformance testing and benchmarks.
//
//   gotool debug parse [-dump] [-j N] [-o OUTDIR] [-index FILE] [-list FILE] [-start K] files...
//
// parse parses each file (with comments, as go/parser.ParseComments). With -dump it
// produces the canonical dump of pkg/syntax/dump.h per file (or the first error line):
// to OUTDIR/i.txt for the i-th file (0-based, -list entries first) with -o, as a line
// "i <TAB> fnv1a64 <TAB> quoted head" in the -index file (the format of
// scripts/conformance/goast), or in order on standard output. -start K skips the first
// K files, keeping their numbers, and appends to the -index file. Without -dump it only parses,
// dropping each tree, and reports the count, the peak RSS and the CPU time, for
// scripts/bench/parse.sh.
#include "cmd/gotool/cmd_debug.h"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/base/strconv.h"
#include "pkg/syntax/dump.h"
#include "pkg/syntax/parser.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kParseUsage =
    "usage: gotool debug parse [-dump] [-j N] [-o OUTDIR] [-index FILE] [-list FILE] "
    "[-start K] [files...]\n";

// ParseOptions are the flags of `gotool debug parse`.
struct ParseOptions {
  bool dump = false;
  int jobs = 1;
  int start = 0;
  std::string out_dir;
  std::string index;
  std::string list;
  std::vector<std::string> files;
};

// ReadFile reads a whole file into *out; false if it cannot be read.
bool ReadFile(const std::string& name, std::string* out) {
  std::FILE* f = std::fopen(name.c_str(), "rb");
  if (f == nullptr) return false;
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

bool WriteFile(const std::string& name, std::string_view data) {
  std::FILE* f = std::fopen(name.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

// Fnv1a64 hashes data as Go's hash/fnv New64a does.
uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// ParseOne parses one file and returns its canonical dump (or error line) when dump
// is set; *rejected tells whether the parser reported errors.
std::string ParseOne(const std::string& name, bool dump, bool* rejected) {
  std::string src;
  if (!ReadFile(name, &src)) {
    *rejected = true;
    return fmt::format("error: open {}: {}\n", name, std::strerror(errno));
  }
  base::FileSet fset;
  base::Arena arena;
  syntax::ParseResult r = syntax::ParseFile(fset, name, src, arena, syntax::kParseComments);
  *rejected = !r.errors.empty();
  if (!dump) return {};
  if (*rejected) return syntax::DumpError(r.errors[0], name);
  return syntax::DumpFile(fset, r.file);
}

// IndexLine formats the -index line of the i-th file's output.
std::string IndexLine(size_t i, std::string_view out) {
  std::string head = base::QuoteToASCII(out.starts_with("File\n") ? "File" : out);
  return fmt::format("{}\t{:016x}\t{}\n", i, Fnv1a64(out), head);
}

bool ReadList(const std::string& name, std::vector<std::string>* files) {
  std::string text;
  if (!ReadFile(name, &text)) return false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) files->emplace_back(line);
    pos = nl + 1;
  }
  return true;
}

// ParseFlags parses Go-style flags (-x, -x=v, -x v, --x); false on a usage error.
bool ParseFlags(const std::vector<std::string>& args, ParseOptions* opts) {
  for (size_t i = 0; i < args.size(); i++) {
    std::string a = args[i];
    if (a == "--") {
      opts->files.insert(opts->files.end(), args.begin() + long(i) + 1, args.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      opts->files.push_back(a);
      continue;
    }
    a.erase(0, a[1] == '-' ? 2 : 1);
    std::string value;
    bool has_value = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      value = a.substr(eq + 1);
      a.resize(eq);
      has_value = true;
    }
    if (a == "dump") {
      opts->dump = has_value ? value == "true" || value == "1" : true;
      continue;
    }
    if (a != "j" && a != "start" && a != "o" && a != "index" && a != "list") {
      fmt::print(stderr, "flag provided but not defined: -{}\n", a);
      return false;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        fmt::print(stderr, "flag needs an argument: -{}\n", a);
        return false;
      }
      value = args[++i];
    }
    if (a == "j" || a == "start") {
      int v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || end != value.data() + value.size() || v < 0) {
        fmt::print(stderr, "invalid value {:?} for flag -{}\n", value, a);
        return false;
      }
      if (a == "j") {
        opts->jobs = std::max(1, v);
      } else {
        opts->start = v;
      }
    } else if (a == "o") {
      opts->out_dir = value;
    } else if (a == "index") {
      opts->index = value;
    } else {
      opts->list = value;
    }
  }
  return true;
}

// RunParse implements `gotool debug parse`.
int RunParse(const std::vector<std::string>& args) {
  ParseOptions opts;
  if (!ParseFlags(args, &opts)) {
    fmt::print(stderr, "{}", kParseUsage);
    return 2;
  }
  std::vector<std::string> files;
  if (!opts.list.empty() && !ReadList(opts.list, &files)) {
    fmt::print(stderr, "gotool debug parse: cannot read {}: {}\n", opts.list, std::strerror(errno));
    return 1;
  }
  files.insert(files.end(), opts.files.begin(), opts.files.end());
  bool to_stdout = opts.dump && opts.out_dir.empty() && opts.index.empty();
  int jobs = to_stdout ? 1 : opts.jobs;

  if (!opts.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(opts.out_dir, ec);
    if (ec) {
      fmt::print(stderr, "gotool debug parse: {}: {}\n", opts.out_dir, ec.message());
      return 1;
    }
  }
  std::FILE* index = nullptr;
  if (!opts.index.empty()) {
    index = std::fopen(opts.index.c_str(), opts.start > 0 ? "ab" : "wb");
    if (index == nullptr) {
      fmt::print(stderr, "gotool debug parse: {}: {}\n", opts.index, std::strerror(errno));
      return 1;
    }
  }
  std::atomic<size_t> next{size_t(opts.start)};
  std::atomic<int> rejected{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      bool bad = false;
      std::string out = ParseOne(files[i], opts.dump, &bad);
      if (bad) rejected++;
      if (to_stdout) std::fwrite(out.data(), 1, out.size(), stdout);
      if (!opts.out_dir.empty() && !WriteFile(fmt::format("{}/{}.txt", opts.out_dir, i), out)) {
        failed = true;
      }
      if (index != nullptr) {
        std::string line = IndexLine(i, out);
        std::lock_guard<std::mutex> lock(mu);
        std::fwrite(line.data(), 1, line.size(), index);
        std::fflush(index);  // a crash must not lose the lines of finished files
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; t++) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (index != nullptr) std::fclose(index);
  if (failed) {
    fmt::print(stderr, "gotool debug parse: cannot write to {}\n", opts.out_dir);
    return 1;
  }
  if (!opts.dump) {
    size_t n = files.size() > size_t(opts.start) ? files.size() - size_t(opts.start) : 0;
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    double cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    fmt::print("parsed {} files ({} with errors), {} workers, peak RSS {} KB, cpu {:.3f} s\n", n,
               rejected.load(), jobs, usage.ru_maxrss, cpu);
  }
  return 0;
}

}  // namespace

// RunDebugFmt implements `gotool debug fmt` (debug_fmt.cpp).
int RunDebugFmt(const std::vector<std::string>& args);
// RunDebugTypes implements `gotool debug types` (debug_types.cpp).
int RunDebugTypes(const std::vector<std::string>& args);
int RunDebugErrorcheck(const std::vector<std::string>& args);  // debug_errorcheck.cpp
int RunDebugCheck(const std::vector<std::string>& args);       // debug_check.cpp
int RunDebugTypesinfo(const std::vector<std::string>& args);   // debug_typesinfo.cpp

int RunDebug(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "parse") {
    return RunParse(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "fmt") {
    return RunDebugFmt(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "types") {
    return RunDebugTypes(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "check") {
    return RunDebugCheck(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "typesinfo") {
    return RunDebugTypesinfo(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "errorcheck") {
    return RunDebugErrorcheck(std::vector<std::string>(args.begin() + 1, args.end()));
  }
  fmt::print(stderr, "usage: gotool debug <tool> [arguments]\n\nThe tools are:\n\n");
  fmt::print(stderr, "\tparse       parse Go files; dump their syntax trees (-dump)\n");
  fmt::print(stderr, "\tfmt         gofmt files in one process, one output file each\n");
  fmt::print(stderr, "\ttypes       type-check Go files as one package; print the errors\n");
  fmt::print(stderr, "\tcheck       type-check packages by import path; errors per package\n");
  fmt::print(stderr, "\ttypesinfo   type-check packages; dump every expression's type\n");
  return 2;
}

}  // namespace gotool::cli
