// cmd/compile's compiler directives (//go:...) in kCompilerErrors mode: which
// declaration a directive applies to, and the errors of misplaced ones (its noder's
// pragma handling, checked here while parsing).
#include <string>
#include <vector>

#include "pkg/base/strconv.h"

#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {
namespace {

// PragmaFlag returns the flag bits of a directive verb (cmd/compile's pragmaFlag);
// 0 for a directive it does not know (which it ignores).
unsigned PragmaFlag(std::string_view verb) {
  struct Entry {
    std::string_view verb;
    unsigned flag;
  };
  static constexpr Entry kFlags[] = {
      {"go:build", kPragmaGoBuild},
      {"go:noescape", 1u << 1},
      {"go:norace", 1u << 2},
      {"go:nosplit", (1u << 3) | (1u << 5)},  // implies nocheckptr
      {"go:noinline", 1u << 4},
      {"go:nocheckptr", 1u << 5},
      {"go:systemstack", 1u << 6},
      {"go:nowritebarrier", 1u << 7},
      {"go:nowritebarrierrec", (1u << 8) | (1u << 7)},
      {"go:yeswritebarrierrec", 1u << 9},
      {"go:cgo_unsafe_args", (1u << 10) | (1u << 5)},
      {"go:uintptrkeepalive", 1u << 11},
      {"go:uintptrescapes", (1u << 12) | (1u << 11)},
      {"go:registerparams", 1u << 13},
      {"go:notinheap", kPragmaNotInHeap},
  };
  for (const Entry& e : kFlags) {
    if (e.verb == verb) return e.flag;
  }
  return 0;
}

// Flags of the directives cmd/compile allows only in the runtime, and of
// go:uintptrkeepalive, allowed only in the standard library.
constexpr unsigned kRuntimePragmas = (1u << 6) | (1u << 7) | (1u << 8) | (1u << 9);
constexpr unsigned kPragmaUintptrKeepAlive = 1u << 11;

// PragmaFields splits a directive into fields at blanks, as cmd/compile's
// pragmaFields: a double-quoted part is a field of its own, quotes included, blanks
// and all (an unclosed one is dropped).
std::vector<std::string_view> PragmaFields(std::string_view s) {
  std::vector<std::string_view> a;
  bool in_quote = false;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c == '"') {
      if (in_quote) {
        a.push_back(s.substr(start, i + 1 - start));
        start = std::string_view::npos;
      } else if (start != std::string_view::npos) {
        a.push_back(s.substr(start, i - start));
      }
      if (!in_quote) start = i;
      in_quote = !in_quote;
    } else if (!in_quote && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (start != std::string_view::npos) a.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = i;
    }
  }
  if (!in_quote && start != std::string_view::npos) a.push_back(s.substr(start));
  return a;
}

bool IsQuoted(std::string_view s) { return s.size() >= 2 && s.front() == '"' && s.back() == '"'; }

// SafeArg reports whether a library name cannot be taken for a linker option
// (cmd/compile's safeArg).
bool SafeArg(std::string_view name) {
  if (name.empty()) return false;
  unsigned char c = static_cast<unsigned char>(name[0]);
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '_' || c == '/' || c >= 0x80;
}

// OnLineByItself reports whether only blanks precede offset on its line.
bool OnLineByItself(std::string_view src, size_t offset) {
  while (offset > 0) {
    char c = src[--offset];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

// OnDirective records the //go: directive comment text at pos.
void Parser::OnDirective(base::Pos pos, std::string_view text) {
  std::string_view directive = text.substr(2);  // after "//"
  bool by_itself = OnLineByItself(src_, size_t(file_->Offset(pos)));
  pos = pos + 2;  // cmd/compile's position of a directive
  if (!by_itself) {
    DirectiveError(pos, "misplaced compiler directive");
    return;
  }
  std::string_view verb = directive.substr(0, directive.find_first_of(" \t"));
  if (verb == "go:embed") {
    pragma_.embeds.push_back(pos);
    return;
  }
  if (directive.starts_with("go:linkname ")) {
    LinknameDirective(pos, directive);
    return;
  }
  if (verb.starts_with("go:cgo_") && !CgoDirective(pos, directive)) return;
  // (cmd/compile's checks of the remaining directives only apply to the package
  // compiled; the standard library's verbs are not checked here.)
  unsigned flag = PragmaFlag(verb);
  if (!(mode_ & kCompilingRuntime) && (flag & kRuntimePragmas) != 0) {
    DirectiveError(pos, "//" + std::string(verb) + " only allowed in runtime");
  }
  if (flag == kPragmaUintptrKeepAlive && !(mode_ & kCompilingStd)) {
    DirectiveError(pos, "//" + std::string(verb) + " is only allowed in the standard library");
  }
  pragma_.flags |= flag;
  pragma_.uses.push_back({flag, pos});
}

// LinknameDirective records "//go:linkname localname [linkname]" for the checks
// after type checking (cmd/compile's noder; the link name itself is the linker's).
void Parser::LinknameDirective(base::Pos pos, std::string_view text) {
  std::vector<std::string_view> f = PragmaFields(text);
  if (f.size() < 2 || f.size() > 3) {
    DirectiveError(pos, "usage: //go:linkname localname [linkname]");
    return;
  }
  linknames_.push_back(Linkname{file_->PositionFor(pos, true), std::string(f[1])});
}

std::vector<Linkname> Parser::TakeLinknames() {
  if (!linknames_.empty() && !ImportsPackage("\"unsafe\"")) {
    for (const Linkname& l : linknames_) {
      decl_errors_.Add(l.pos, "//go:linkname only allowed in Go files that import \"unsafe\"");
    }
    linknames_.clear();
  }
  return std::move(linknames_);
}

// CgoDirective checks a //go:cgo_* directive as cmd/compile does: only cgo's
// generated files (_cgo_*) and the standard library may use them (but for a
// cgo_import_dynamic of a library), each with its arguments. It reports whether the
// directive also goes on as an ordinary one (go:cgo_unsafe_args has a flag).
bool Parser::CgoDirective(base::Pos pos, std::string_view text) {
  std::string_view name = file_->name();
  name = name.substr(name.find_last_of('/') + 1);
  bool cgo_file = name.starts_with("_cgo_");
  std::vector<std::string_view> f = PragmaFields(text);
  if (text.starts_with("go:cgo_import_dynamic ") && f.size() >= 4) {
    std::string_view lib = f[3];
    while (!lib.empty() && lib.front() == '"') lib.remove_prefix(1);
    while (!lib.empty() && lib.back() == '"') lib.remove_suffix(1);
    if (!lib.empty() && !SafeArg(lib) && !cgo_file) {
      DirectiveError(
          pos, "invalid library name " + base::Quote(lib) + " in cgo_import_dynamic directive");
    }
    CgoDirectiveUsage(pos, text);
    return false;
  }
  if (!cgo_file && !(mode_ & kCompilingStd)) {
    DirectiveError(pos, "//" + std::string(text) + " only allowed in cgo-generated code");
  }
  CgoDirectiveUsage(pos, text);
  return true;
}

// CgoDirectiveUsage reports a cgo directive whose arguments do not fit its verb
// (cmd/compile's pragcgo).
void Parser::CgoDirectiveUsage(base::Pos pos, std::string_view text) {
  std::vector<std::string_view> f = PragmaFields(text);
  std::string_view verb = f[0].substr(3);  // after "go:"
  size_t n = f.size();
  auto q = [&f](size_t i) { return IsQuoted(f[i]); };
  const char* usage = nullptr;
  if (verb == "cgo_export_static" || verb == "cgo_export_dynamic") {
    if (!((n == 2 && !q(1)) || (n == 3 && !q(1) && !q(2)))) {
      DirectiveError(pos, "usage: //go:" + std::string(verb) + " local [remote]");
    }
    return;
  }
  if (verb == "cgo_import_dynamic") {
    bool ok = (n == 2 && !q(1)) || (n == 3 && !q(1) && !q(2)) || (n == 4 && !q(1) && !q(2) && q(3));
    if (!ok) usage = "usage: //go:cgo_import_dynamic local [remote [\"library\"]]";
  } else if (verb == "cgo_import_static") {
    if (!(n == 2 && !q(1))) usage = "usage: //go:cgo_import_static local";
  } else if (verb == "cgo_dynamic_linker") {
    if (!(n == 2 && q(1))) usage = "usage: //go:cgo_dynamic_linker \"path\"";
  } else if (verb == "cgo_ldflag") {
    if (!(n == 2 && q(1))) usage = "usage: //go:cgo_ldflag \"arg\"";
  }
  if (usage != nullptr) DirectiveError(pos, usage);
}

bool Parser::ImportsPackage(std::string_view quoted_path) const {
  for (const ImportSpec* s : imports_) {
    if (s->Path && s->Path->Value == quoted_path) return true;
  }
  return false;
}

void Parser::DirectiveError(base::Pos pos, std::string_view msg) {
  size_t n = errors_.size();
  PlainError(pos, msg);
  directive_errors_ += errors_.size() - n;
}

// DeclDirectiveError records an error about the directives a declaration took:
// cmd/compile checks them after type checking, so reports them only when there is
// no other error.
void Parser::DeclDirectiveError(base::Pos pos, std::string_view msg) {
  decl_errors_.Add(file_->PositionFor(pos, true), std::string(msg));
}

// ClearPragma reports the pending directives, which apply to nothing (cmd/compile's
// clearPragma).
void Parser::ClearPragma() {
  for (const PragmaUse& u : pragma_.uses) {
    if (u.flag & pragma_.flags) DirectiveError(u.pos, "misplaced compiler directive");
  }
  for (base::Pos e : pragma_.embeds) DirectiveError(e, "misplaced go:embed directive");
  pragma_ = {};
}

// TakePragma returns the pending directives, for the declaration that starts.
Parser::Pragmas Parser::TakePragma() {
  Pragmas p = std::move(pragma_);
  pragma_ = {};
  return p;
}

// CheckPragma checks the directives p of a declaration that allows the flags allowed
// (and go:embed if it is a variable spec, var): the others are misplaced.
void Parser::CheckPragma(const Pragmas& p, unsigned allowed, const ValueSpec* var) {
  if (!compiler()) return;
  for (const PragmaUse& u : p.uses) {
    if (u.flag & (p.flags & ~allowed)) DeclDirectiveError(u.pos, "misplaced compiler directive");
  }
  if (p.embeds.empty()) return;
  if (var == nullptr) {
    for (base::Pos e : p.embeds) DeclDirectiveError(e, "misplaced go:embed directive");
    return;
  }
  if (const char* err = EmbedError(var)) DeclDirectiveError(p.embeds[0], err);
}

// EmbedError returns why go:embed cannot apply to the variable spec var (or null).
const char* Parser::EmbedError(const ValueSpec* var) const {
  if (!ImportsPackage("\"embed\""))
    return "go:embed only allowed in Go files that import \"embed\"";
  if (var->Names.size > 1) return "go:embed cannot apply to multiple vars";
  if (!var->Values.empty()) return "go:embed cannot apply to var with initializer";
  if (!var->Type) return "go:embed cannot apply to var without type";
  if (func_depth_ > 0) return "go:embed cannot apply to var inside func";
  return nullptr;
}

}  // namespace gotool::syntax::internal
