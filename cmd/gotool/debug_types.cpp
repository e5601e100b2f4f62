// `gotool debug types`: type-check Go files as one package and print the errors (and,
// with -types, every expression's type), for conformance testing of pkg/types.
//
//   gotool debug types [-e] [-types] [-compiler] [-lang go1.N] [-fakeImportC] files...
//
// Errors are printed as "file:line:col: message" on standard error, sorted by
// position (syntax errors too; with -compiler, syntax errors stop the check as in
// cmd/compile); the exit status is 1 if there was any (syntax or type) error. Imports
// resolve as `gotool build` resolves them (pkg/load's SourceImporter).
// -compiler words errors as cmd/compile's types2 does where they differ; without it,
// go/types' test builtins assert and trace are predeclared. -lang sets the language
// version (default: the newest), e.g. go1.19 rejects range over int. -fakeImportC
// makes import "C" a fake package whose every name is accepted (go/types' test flag).
#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/atomic_file.h"
#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/cfg/goflags.h"
#include "pkg/load/check_packages.h"
#include "pkg/syntax/parser.h"
#include "pkg/types/api.h"
#include "pkg/types/checker.h"
#include "pkg/types/compiler_checks.h"

namespace gotool::cli {
namespace {

constexpr std::string_view kTypesUsage =
    "usage: gotool debug types [-e] [-types] [-compiler] [-lang go1.N] [-fakeImportC] files...\n";

const cfg::FlagSpec kTypesFlags[] = {
    {"e", cfg::FlagKind::kBool},
    {"types", cfg::FlagKind::kBool},
    {"compiler", cfg::FlagKind::kBool},
    {"lang", cfg::FlagKind::kString},
    {"fakeImportC", cfg::FlagKind::kBool},
};

bool ReadSource(const std::string& name, std::string* out) {
  std::FILE* f = std::fopen(name.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

std::string_view ModeName(types::OperandMode m) {
  switch (m) {
    case types::OperandMode::kInvalid:
      return "invalid";
    case types::OperandMode::kNoValue:
      return "novalue";
    case types::OperandMode::kBuiltin:
      return "builtin";
    case types::OperandMode::kTypexpr:
      return "type";
    case types::OperandMode::kConstant:
      return "const";
    case types::OperandMode::kVariable:
      return "var";
    case types::OperandMode::kMapIndex:
      return "mapindex";
    case types::OperandMode::kValue:
      return "value";
    case types::OperandMode::kCommaOk:
      return "commaok";
  }
  return "?";
}

// DumpTypes prints one line per recorded expression, in source order.
void DumpTypes(const base::FileSet& fset, const types::Info& info) {
  std::vector<std::pair<const syntax::Expr*, const types::TypeAndValue*>> list;
  for (auto& [e, tv] : info.types) list.emplace_back(e, &tv);
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    base::Pos pa = syntax::NodePos(a.first), pb = syntax::NodePos(b.first);
    if (pa != pb) return pa < pb;
    return syntax::NodeEnd(a.first) > syntax::NodeEnd(b.first);
  });
  for (auto& [e, tv] : list) {
    std::string line = fmt::format("{}\t{}\t{} {}", fset.PositionFor(syntax::NodePos(e)).String(),
                                   types::ExprString(e), ModeName(tv->mode),
                                   tv->type ? types::TypeString(tv->type) : "()");
    if (tv->mode == types::OperandMode::kConstant) line += " = " + tv->value.String();
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
}

}  // namespace

// RunDebugTypes implements `gotool debug types`.
int RunDebugTypes(const std::vector<std::string>& args) {
  cfg::FlagParse parse = cfg::ParseGoFlags(kTypesFlags, args);
  if (!parse.error.empty() || parse.help || parse.args.empty()) {
    if (!parse.error.empty()) fmt::print(stderr, "{}\n", parse.error);
    fmt::print(stderr, "{}", kTypesUsage);
    return 2;
  }
  bool dump = false;
  types::Config cfg;
  for (const cfg::ParsedFlag& f : parse.flags) {
    if (f.name == "types") dump = f.value == "true";
    if (f.name == "compiler") cfg.compiler_errors = f.value == "true";
    if (f.name == "lang") cfg.go_version = f.value;
    if (f.name == "fakeImportC") cfg.fake_import_c = f.value == "true";
  }
  // go/types' test predeclares assert and trace; its testdata uses them.
  cfg.test_builtins = !cfg.compiler_errors;
  base::FileSet fset;
  base::Arena arena;
  std::vector<std::unique_ptr<std::string>> sources;
  std::vector<syntax::File*> files;
  base::ErrorList errors;
  base::ErrorList late_errors;  // reported only when there is no other error
  std::vector<syntax::Linkname> linknames;
  for (const std::string& name : parse.args) {
    auto src = std::make_unique<std::string>();
    if (!ReadSource(name, src.get())) {
      fmt::print(stderr, "open {}: {}\n", name, base::ErrnoText(errno));
      return 1;
    }
    // With -compiler, syntax errors are cmd/compile's.
    unsigned mode = syntax::kParseComments | syntax::kAllErrors;
    if (cfg.compiler_errors) mode |= syntax::kCompilerErrors;
    syntax::ParseResult r = syntax::ParseFile(fset, name, *src, arena, mode);
    for (const base::PositionedError& e : r.errors) errors.Add(e.pos, e.msg);
    for (const base::PositionedError& e : r.late_errors) late_errors.Add(e.pos, e.msg);
    for (syntax::Linkname& l : r.linknames) linknames.push_back(std::move(l));
    files.push_back(r.file);
    sources.push_back(std::move(src));
  }
  // cmd/compile stops after syntax errors proper; go/types' tests check the partial
  // trees.
  if (cfg.compiler_errors && syntax::HasSyntaxError(errors)) {
    base::ErrorList parse_errors = errors;
    types::CompilerBranchChecks(fset, files, parse_errors, &errors);
    errors.Sort();
    errors.Print(stderr);
    return 1;
  }
  // Imports resolve as `gotool build` resolves them from the working directory
  // (GOROOT, the main module, the module cache); imported packages are checked
  // without function bodies.
  std::unique_ptr<load::SourceImporter> importer = load::SourceImporter::ForWorkingDirectory(cfg);
  cfg.importer = importer.get();
  types::Context ctx;
  cfg.context = &ctx;
  types::Info info;
  // go/types' tests check a package under its own name as its path (p.T in messages
  // that qualify by path); the compiler's tests keep "main".
  std::string path = "main";
  if (!cfg.compiler_errors && !files.empty() && files[0] != nullptr && files[0]->Name != nullptr) {
    path = std::string(files[0]->Name->Name);
  }
  types::Package* pkg = types::Check(cfg, path, fset, files, &info, &errors);
  if (cfg.compiler_errors) {
    types::CompilerLinknameChecks(*pkg, linknames, cfg.go_version, &late_errors);
    types::CompilerLateChecks(fset, files, info, &late_errors);
  }
  if (dump) DumpTypes(fset, info);
  if (errors.empty()) errors = std::move(late_errors);
  errors.Sort();
  errors.Print(stderr);
  return errors.empty() ? 0 : 1;
}

}  // namespace gotool::cli
