// `gotool debug fmt`: gofmt many files in one process, one output file each, for
// scripts/conformance/fmt.sh.
//
//   gotool debug fmt [-s] [-e] [-stdin] [-j N] -o OUTDIR [-list FILE] [files...]
//
// For the i-th file (0-based, -list entries first) it writes what `gotool fmt [-s] [-e]
// FILE` would print: the formatted source to OUTDIR/i.out, or the error text to
// OUTDIR/i.err. With -stdin each file is formatted as if read from standard input
// (program fragments allowed, named "<standard input>" in errors).
#include <fmt/core.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "fmt/run.h"
#include "pkg/base/atomic_file.h"
#include "pkg/cfg/goflags.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: gotool debug fmt [-s] [-e] [-stdin] [-j N] -o OUTDIR [-list FILE] [files...]\n";

const cfg::FlagSpec kFlags[] = {
    {"s", cfg::FlagKind::kBool}, {"e", cfg::FlagKind::kBool},   {"stdin", cfg::FlagKind::kBool},
    {"j", cfg::FlagKind::kInt},  {"o", cfg::FlagKind::kString}, {"list", cfg::FlagKind::kString},
};

bool ReadAll(const std::string& name, std::string* out) {
  std::FILE* f = std::fopen(name.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

bool WriteAll(const std::string& name, std::string_view data) {
  std::FILE* f = std::fopen(name.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

// FormatOne formats one file as the flags say.
gofmt::FileResult FormatOne(const gofmt::Flags& flags, const std::string& path, bool as_stdin) {
  if (!as_stdin) return gofmt::ProcessFile(flags, path);
  std::string src;
  if (!ReadAll(path, &src)) {
    return {"", "open " + path + ": " + base::ErrnoText(errno) + "\n", true};
  }
  return gofmt::ProcessSource(flags, "<standard input>", src, true);
}

}  // namespace

// RunDebugFmt implements `gotool debug fmt`.
int RunDebugFmt(const std::vector<std::string>& args) {
  cfg::FlagParse parse = cfg::ParseGoFlags(kFlags, args);
  if (!parse.error.empty() || parse.help) {
    if (!parse.error.empty()) fmt::print(stderr, "{}\n", parse.error);
    fmt::print(stderr, "{}", kUsage);
    return 2;
  }
  gofmt::Flags flags;
  bool as_stdin = false;
  int jobs = 1;
  std::string out_dir, list;
  for (const cfg::ParsedFlag& f : parse.flags) {
    if (f.name == "s") flags.simplify = f.value == "true";
    if (f.name == "e") flags.all_errors = f.value == "true";
    if (f.name == "stdin") as_stdin = f.value == "true";
    if (f.name == "j") jobs = std::max(1, std::atoi(f.value.c_str()));
    if (f.name == "o") out_dir = f.value;
    if (f.name == "list") list = f.value;
  }
  if (out_dir.empty()) {
    fmt::print(stderr, "{}", kUsage);
    return 2;
  }
  std::vector<std::string> files;
  if (!list.empty()) {
    std::string text;
    if (!ReadAll(list, &text)) {
      fmt::print(stderr, "gotool debug fmt: open {}: {}\n", list, base::ErrnoText(errno));
      return 1;
    }
    for (size_t pos = 0, nl; pos < text.size(); pos = nl + 1) {
      nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      if (nl > pos) files.push_back(text.substr(pos, nl - pos));
    }
  }
  files.insert(files.end(), parse.args.begin(), parse.args.end());
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      gofmt::FileResult r = FormatOne(flags, files[i], as_stdin);
      std::string base = fmt::format("{}/{}", out_dir, i);
      bool ok = r.failed ? WriteAll(base + ".err", r.err) : WriteAll(base + ".out", r.out);
      if (!ok) failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; t++) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (failed) {
    fmt::print(stderr, "gotool debug fmt: cannot write to {}\n", out_dir);
    return 1;
  }
  return 0;
}

}  // namespace gotool::cli
