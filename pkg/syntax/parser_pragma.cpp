// cmd/compile's compiler directives (//go:...) in kCompilerErrors mode: which
// declaration a directive applies to, and the errors of misplaced ones (its noder's
// pragma handling, checked here while parsing).
#include <string>

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
  if (verb == "go:linkname" || verb.starts_with("go:cgo_")) return;  // not checked here
  unsigned flag = PragmaFlag(verb);
  pragma_.flags |= flag;
  pragma_.uses.push_back({flag, pos});
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
  bool have_embed = false;
  for (const ImportSpec* s : imports_) {
    if (s->Path && s->Path->Value == "\"embed\"") have_embed = true;
  }
  if (!have_embed) return "go:embed only allowed in Go files that import \"embed\"";
  if (var->Names.size > 1) return "go:embed cannot apply to multiple vars";
  if (!var->Values.empty()) return "go:embed cannot apply to var with initializer";
  if (!var->Type) return "go:embed cannot apply to var without type";
  if (func_depth_ > 0) return "go:embed cannot apply to var inside func";
  return nullptr;
}

}  // namespace gotool::syntax::internal
