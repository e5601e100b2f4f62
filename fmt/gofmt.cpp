// The gofmt pipeline for one source file, including gofmt's handling of source
// fragments (declaration or statement lists) read from standard input.
#include "fmt/gofmt.h"

#include <memory>

#include "fmt/doccomment_text.h"
#include "fmt/printer.h"
#include "fmt/rewrite.h"
#include "fmt/simplify.h"
#include "fmt/sortimports.h"
#include "pkg/base/utf8.h"
#include "pkg/syntax/parser.h"

namespace gotool::gofmt {
namespace {

enum class Fragment { kNone, kDecls, kStmts };

constexpr std::string_view kDeclsPrefix = "package p;";
constexpr std::string_view kStmtsPrefix = "package p; func _() {";

bool IsSpace(char b) { return b == ' ' || b == '\t' || b == '\n' || b == '\r'; }

bool Mentions(const base::ErrorList& errors, std::string_view text) {
  return errors.Error().find(text) != std::string::npos;
}

// StripWrapper removes what the printer printed for the wrapper around a fragment.
std::string_view StripWrapper(std::string_view out, Fragment kind, int indent) {
  size_t skip;
  size_t tail = 0;
  if (kind == Fragment::kDecls) {
    skip = size_t(indent) + std::string_view("package p\n").size();
  } else {
    if (indent < 0) indent = 0;
    skip = 2 * size_t(indent) + std::string_view("package p\n\nfunc _() {").size();
    tail = std::string_view("}\n").size();
  }
  if (skip + tail > out.size()) return {};
  out = out.substr(skip, out.size() - skip - tail);
  return base::TrimSpace(out);
}

}  // namespace

SourceResult FormatSource(std::string filename, std::string_view src,
                          const SourceOptions& options) {
  SourceResult result;
  std::unique_ptr<RewriteRule> rule;
  if (!options.rewrite_rule.empty()) {
    std::string err;
    rule = ParseRewriteRule(options.rewrite_rule, &err);
    if (!rule) {
      result.errors.Add(base::Position{}, err);
      return result;
    }
  }
  base::FileSet fset;
  base::Arena arena;
  // Passes, in cmd/gofmt's order:
  // 1. parse with comments (object resolution, which can fail on deep nesting, only
  //    for -r); a fragment is parsed inside a package clause, or else inside a
  //    function body;
  unsigned mode = syntax::kParseComments;
  if (!rule) mode |= syntax::kSkipObjectResolution;
  if (options.all_errors) mode |= syntax::kAllErrors;
  std::string wrapped;
  std::string_view parsed_src = src;
  Fragment kind = Fragment::kNone;
  syntax::ParseResult parsed = syntax::ParseFile(fset, filename, src, arena, mode);
  if (!parsed.errors.empty() && options.fragment_ok &&
      Mentions(parsed.errors, "expected 'package'")) {
    wrapped = std::string(kDeclsPrefix) + std::string(src);
    parsed = syntax::ParseFile(fset, filename, wrapped, arena, mode);
    kind = Fragment::kDecls;
    if (!parsed.errors.empty() && Mentions(parsed.errors, "expected declaration")) {
      wrapped = std::string(kStmtsPrefix) + std::string(src) + "\n\n}";
      parsed = syntax::ParseFile(fset, filename, wrapped, arena, mode);
      kind = Fragment::kStmts;
    }
    parsed_src = wrapped;
  }
  if (!parsed.errors.empty()) {
    result.errors = std::move(parsed.errors);
    return result;
  }
  // 2. with -r, rewrite a whole file (not a fragment);
  if (rule) {
    if (kind == Fragment::kNone) {
      RewriteFile(*rule, fset, parsed.file, arena);
    } else {
      result.warning = "warning: rewrite ignored for incomplete programs\n";
    }
  }
  // 3. sort and deduplicate imports, merging the lines of removed specs;
  LineTable lines(fset.FileFor(parsed.file->Package), parsed_src);
  SortImports(parsed.file, &arena, &lines);
  // 4. with -s, simplify;
  if (options.simplify) Simplify(parsed.file, &arena);
  // 5. print through the tabwriter and trimmer; a fragment keeps the source's
  //    leading space, the indentation of its first line, and its trailing space.
  FormatOptions format;
  if (kind == Fragment::kNone) {
    result.output = Format(*parsed.file, lines, format).output;
    return result;
  }
  size_t i = 0, j = 0;
  while (j < src.size() && IsSpace(src[j])) {
    if (src[j] == '\n') i = j + 1;  // start of the last line of leading space
    j++;
  }
  std::string res(src.substr(0, i));
  int indent = 0;
  bool has_space = false;
  for (char b : src.substr(i, j - i)) {
    if (b == ' ') has_space = true;
    if (b == '\t') indent++;
  }
  if (indent == 0 && has_space) indent = 1;
  res.append(size_t(indent), '\t');
  format.indent = indent + (kind == Fragment::kStmts ? -1 : 0);
  std::string printed = Format(*parsed.file, lines, format).output;
  std::string_view out = StripWrapper(printed, kind, format.indent);
  if (out.empty()) {
    result.output = std::string(src);
    return result;
  }
  res.append(out);
  size_t k = src.size();
  while (k > 0 && IsSpace(src[k - 1])) k--;
  res.append(src.substr(k));
  result.output = std::move(res);
  return result;
}

std::string CheckRewriteRule(std::string_view rule) {
  std::string err;
  if (!rule.empty()) ParseRewriteRule(rule, &err);
  return err;
}

}  // namespace gotool::gofmt
