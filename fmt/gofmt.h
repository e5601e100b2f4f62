// The gofmt pipeline for one source file: parse with comments, optionally rewrite,
// sort imports, optionally simplify, print.
#pragma once

#include <string>
#include <string_view>

#include "pkg/base/diag.h"

namespace gotool::gofmt {

// SourceOptions are gofmt's flags that affect how one source is formatted.
struct SourceOptions {
  bool simplify = false;     // -s: apply the simplifications of Simplify
  bool all_errors = false;   // -e: report all parse errors, not the first 10
  bool fragment_ok = false;  // standard input: accept declaration or statement lists
  // -r: the rewrite rule "pattern -> replacement" (see rewrite.h), or empty for none.
  std::string rewrite_rule;
};

// SourceResult is formatted source, or the parse errors that prevented formatting.
struct SourceResult {
  std::string output;      // valid when errors is empty
  base::ErrorList errors;  // sorted by position, as go/parser reports them
  // warning is text for standard error that does not fail the file (a rewrite rule
  // ignored for a program fragment), newline-terminated; empty if none.
  std::string warning;
};

// FormatSource formats the Go source src (named filename in errors) as gofmt does.
// With fragment_ok, a source without a package clause is formatted as a list of
// declarations, or else of statements, keeping its leading and trailing white space
// and its indentation, as gofmt does for standard input. An invalid rewrite_rule is
// reported as a single error without position (CheckRewriteRule tells it beforehand).
SourceResult FormatSource(std::string filename, std::string_view src,
                          const SourceOptions& options = {});

// CheckRewriteRule returns "" if rule is empty or valid, or else gofmt's message for
// it (without a newline); gofmt reports it before formatting anything and exits 2.
std::string CheckRewriteRule(std::string_view rule);

}  // namespace gotool::gofmt
