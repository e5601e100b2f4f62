// Parsing a rewrite rule: splitting it at "->" and parsing each side as go/parser's
// ParseExpr does.
#include <string>
#include <vector>

#include "fmt/rewrite.h"
#include "pkg/syntax/parser.h"

namespace gotool::gofmt {
namespace {

// ParseExpr parses text (kept alive in *storage) into arena as go/parser's ParseExpr:
// file name "", default mode. On errors it returns null and sets *error to the
// ErrorList's summary, as gofmt prints it.
syntax::Expr* ParseExpr(std::string_view text, base::FileSet& fset, base::Arena& arena,
                        std::string* storage, std::string* error) {
  *storage = std::string(text);
  syntax::ParseExprResult r = syntax::ParseExprFrom(fset, "", *storage, arena, 0);
  if (!r.errors.empty()) {
    *error = r.errors.Error();
    return nullptr;
  }
  return r.expr;
}

// Split splits s around each sep, as Go's strings.Split.
std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i; (i = s.find(sep, start)) != std::string_view::npos; start = i + sep.size()) {
    parts.push_back(s.substr(start, i - start));
  }
  parts.push_back(s.substr(start));
  return parts;
}

}  // namespace

std::unique_ptr<RewriteRule> ParseRewriteRule(std::string_view rule, std::string* error) {
  std::vector<std::string_view> f = Split(rule, "->");
  if (f.size() != 2) {
    *error = "rewrite rule must be of the form 'pattern -> replacement'";
    return nullptr;
  }
  auto r = std::make_unique<RewriteRule>();
  std::string err;
  r->pattern_ = ParseExpr(f[0], *r->fset_, r->arena_, &r->pattern_src_, &err);
  if (!r->pattern_) {
    *error = "parsing pattern " + std::string(f[0]) + " at " + err;
    return nullptr;
  }
  r->replacement_ = ParseExpr(f[1], *r->fset_, r->arena_, &r->replacement_src_, &err);
  if (!r->replacement_) {
    *error = "parsing replacement " + std::string(f[1]) + " at " + err;
    return nullptr;
  }
  return r;
}

}  // namespace gotool::gofmt
