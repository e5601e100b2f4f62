// gofmt -r: rewrite rules "pattern -> replacement" over expressions.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"

namespace gotool::gofmt {

// RewriteRule is a parsed rule: two expressions, in which identifiers of a single
// lower-case letter are wildcards.
class RewriteRule {
 public:
  RewriteRule();
  ~RewriteRule();
  RewriteRule(const RewriteRule&) = delete;
  RewriteRule& operator=(const RewriteRule&) = delete;

  const syntax::Expr* pattern() const { return pattern_; }
  const syntax::Expr* replacement() const { return replacement_; }

 private:
  friend std::unique_ptr<RewriteRule> ParseRewriteRule(std::string_view rule, std::string* error);

  std::unique_ptr<base::FileSet> fset_;
  base::Arena arena_;
  std::string pattern_src_, replacement_src_;  // the texts the trees view
  syntax::Expr* pattern_ = nullptr;
  syntax::Expr* replacement_ = nullptr;
};

// ParseRewriteRule parses rule as gofmt's -r flag: the text must split at "->" into
// exactly two parts, each parsed as go/parser's ParseExpr parses an expression. On
// failure it returns null and sets *error to gofmt's message (without a newline):
// "rewrite rule must be of the form 'pattern -> replacement'" or "parsing pattern
// TEXT at POS: MSG" (gofmt then exits with status 2).
std::unique_ptr<RewriteRule> ParseRewriteRule(std::string_view rule, std::string* error);

// IsWildcard reports whether name is a wildcard of a rule: a single lower-case letter.
bool IsWildcard(std::string_view name);

// RewriteFile applies rule to file as gofmt -r does: bottom-up, every expression that
// matches the pattern (wildcards matching any expression, repeated ones equal
// expressions) is replaced by a copy of the replacement with the wildcards' matches
// substituted, the tokens of the replacement taking the position of the replaced
// expression. A replacement is dropped where go/ast's field type could not hold it.
// File.Comments is rebuilt from a CommentMap, dropping the comments of replaced
// nodes. New nodes are allocated in arena; fset holds file's positions.
void RewriteFile(const RewriteRule& rule, const base::FileSet& fset, syntax::File* file,
                 base::Arena& arena);

}  // namespace gotool::gofmt
