// libFuzzer target: gofmt's pipeline (FormatSource) on arbitrary bytes.
//
// Properties checked, for input x:
//  - FormatSource(x) never crashes, with or without -s, as a file or as a fragment;
//  - if x parses, its output y parses, FormatSource(y) == y (idempotence), and y's
//    tree equals x's after import sorting, compared as structure-only dumps
//    (positions, comments, parentheses and empty statements aside: see dump.h).
//    Where Go 1.19's gofmt fails these, gotool does as Go does, so the check allows
//    what Go does: for a source with comments, and for an empty label after an empty
//    statement (see Tree), y may change once more, but only in its comments and
//    white space (OnlyCommentLayoutChanged), or in its imports if it has duplicate
//    ones and comments (then twice), and must then be a fixed point; for a
//    goto without a label or an odd build constraint (see Tree), only the absence
//    of crashes is checked;
//  - with -s, the same, y's tree being compared with x's after import sorting and
//    Simplify (with "for _ = range" made "for range" as the parser would see it).
// A violated property prints what differs and traps, so libFuzzer keeps the input.
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fmt/gofmt.h"
#include "fmt/lines.h"
#include "fmt/simplify.h"
#include "fmt/sortimports.h"
#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/dump.h"
#include "pkg/syntax/parser.h"
#include "pkg/syntax/scanner.h"
#include "pkg/syntax/walk.h"

namespace {

using namespace gotool;

constexpr std::string_view kFilename = "fuzz.go";

// Fail prints a violated property, the texts it involves, and traps.
[[noreturn]] void Fail(std::string_view what, std::string_view a, std::string_view b) {
  std::fprintf(stderr, "fuzz_fmt: %.*s\n--- first:\n%.*s\n--- second:\n%.*s\n---\n",
               int(what.size()), what.data(), int(a.size()), a.data(), int(b.size()), b.data());
  __builtin_trap();
}

// FirstDiff returns the lines around the first line where dumps a and b differ.
std::string FirstDiff(std::string_view a, std::string_view b) {
  size_t i = 0, line_start = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    if (a[i] == '\n') line_start = i + 1;
    i++;
  }
  size_t from = line_start;  // six lines back, where both dumps still agree
  for (int n = 0; n < 6 && from > 0; n++) {
    size_t nl = from < 2 ? std::string_view::npos : a.rfind('\n', from - 2);
    from = nl == std::string_view::npos ? 0 : nl + 1;
  }
  auto around = [&](std::string_view s) {
    size_t end = line_start;
    for (int n = 0; n < 3 && end < s.size(); n++) {
      size_t nl = s.find('\n', end);
      end = nl == std::string_view::npos ? s.size() : nl + 1;
    }
    return std::string(s.substr(from, end - from));
  };
  return "source tree:\n" + around(a) + "output tree:\n" + around(b);
}

// EndsWithEmptyLabel reports whether a statement list's last statement that is not an
// EmptyStmt is a (chain of) labeled empty statement(s), and the list has EmptyStmts.
bool EndsWithEmptyLabel(const syntax::List<syntax::Stmt>& list) {
  const syntax::Stmt* last = nullptr;
  bool has_empty = false;
  for (const syntax::Stmt* s : list) {
    if (s->kind == syntax::NodeKind::EmptyStmt) {
      has_empty = true;
    } else {
      last = s;
    }
  }
  while (last != nullptr && last->kind == syntax::NodeKind::LabeledStmt) {
    last = last->As<syntax::LabeledStmt>()->Stmt;
  }
  return has_empty && last != nullptr && last->kind == syntax::NodeKind::EmptyStmt;
}

// Tokens returns the tokens of src other than comments, with their literals, without
// automatic semicolons.
std::vector<std::pair<syntax::Token, std::string_view>> Tokens(std::string_view src) {
  base::FileSet fset;
  base::File* file = fset.AddFile(std::string(kFilename), int(src.size()));
  syntax::Scanner scanner(file, src, nullptr, {}, syntax::kScanComments | syntax::kDontInsertSemis);
  std::vector<std::pair<syntax::Token, std::string_view>> out;
  for (;;) {
    syntax::TokenInfo t = scanner.Scan();
    if (t.tok != syntax::Token::COMMENT) out.emplace_back(t.tok, t.lit);
    if (t.tok == syntax::Token::EOF_) return out;
  }
}

// OnlyCommentLayoutChanged reports whether formatting y again changed it to z only
// in comments and white space. Go 1.19's gofmt does that to many sources with
// comments, which gotool formats as it does: it reformats a top-level doc comment
// only if the next token follows the newline ending it at once, which it computes
// from the comment's text, from which the scanner drops '\r's ("//x\n package p"
// becomes "//x\npackage p" and then "// x\npackage p"; "//\r\npackage p" becomes
// "//\npackage p" and then "package p"); it treats "//line " but not "//line" as a
// directive; it moves comments before declarations ("var b int\n/*c*/var d int"
// becomes "var b int\n\n/*c*/ var d int" and then "...\n/*c*/\nvar d int"); it
// rewrites indented "// +build" lines only once they are in the header; it drops
// the final newline when it moves a //go:build line ("package p//go:build"), and
// leaves the line break of a comment it drops ("package\n//\np" becomes
// "package\np" and then "package p").
bool OnlyCommentLayoutChanged(std::string_view y, std::string_view z) {
  return Tokens(y) == Tokens(z);
}

// Tree is what Parse finds out about a source.
struct Tree {
  std::string structure;  // the structure-only dump, after import sorting
  // Go 1.19's gofmt is not idempotent on a statement list that has EmptyStmts and
  // ends with an empty labeled statement: go/printer's stmtList skips EmptyStmts but
  // compares its count of the others with the list's length to tell the last
  // statement, so "{ ; L: }" gets a "L:\n;" that the next run makes "L:".
  bool empty_label_after_empty_stmt = false;
  // go/parser accepts "goto" without a label, which gofmt prints without its ";",
  // so that "goto; g" becomes "goto\ng", which does not parse.
  bool goto_without_label = false;
  // gofmt's rewriting of build constraints breaks a "+build" or "go:build" comment
  // in a file with form feeds in comments ("//+build\f&\npackage p" becomes "//go:build ignore\n
  // // +build ignore\n\n&\fpackage p") or follows a token on its line (it takes
  // "const (a = 1 //go:build\nb)" out with the line's newline): the output does
  // not parse.
  bool odd_build_constraint = false;
  bool has_comments = false;  // see OnlyCommentLayoutChanged
  // Go 1.19's gofmt removes a duplicate import only if it has no comment, and may
  // move the comment in doing so: "import (_ "a" /*b*/\n_ "a" /*\n*/\n)" keeps both
  // on its first run, removes one on its next and realigns the comments on the third.
  bool duplicate_import = false;
};

// FindGoQuirks sets the flags of tree for file. gotool prints these cases as Go does.
void FindGoQuirks(syntax::File* file, Tree* tree) {
  syntax::Inspect(file, [&](syntax::Node* n) {
    if (n == nullptr) return false;
    bool& label = tree->empty_label_after_empty_stmt;
    if (auto* b = n->TryAs<syntax::BlockStmt>()) label |= EndsWithEmptyLabel(b->List);
    if (auto* c = n->TryAs<syntax::CaseClause>()) label |= EndsWithEmptyLabel(c->Body);
    if (auto* c = n->TryAs<syntax::CommClause>()) label |= EndsWithEmptyLabel(c->Body);
    if (auto* b = n->TryAs<syntax::BranchStmt>()) {
      tree->goto_without_label |= b->Tok == syntax::Token::GOTO && b->Label == nullptr;
    }
    return true;
  });
}

// ReparseRanges gives the range clauses that Simplify left without a key the Tok and
// TokPos that the parser gives "for range x".
void ReparseRanges(syntax::File* file) {
  syntax::Inspect(file, [](syntax::Node* n) {
    if (n == nullptr) return false;
    if (auto* r = n->TryAs<syntax::RangeStmt>(); r != nullptr && r->Key == nullptr) {
      r->Tok = syntax::Token::ILLEGAL;
      r->TokPos = base::Pos();
    }
    return true;
  });
}

// Parse parses src as FormatSource does, sorts its imports and, with simplify,
// simplifies it as it does, or returns nothing if src does not parse.
std::optional<Tree> Parse(std::string_view src, bool simplify = false) {
  base::FileSet fset;
  base::Arena arena;
  unsigned mode = syntax::kParseComments | syntax::kSkipObjectResolution;
  syntax::ParseResult r = syntax::ParseFile(fset, std::string(kFilename), src, arena, mode);
  if (!r.errors.empty()) return std::nullopt;
  gofmt::LineTable lines(fset.FileFor(r.file->Package), src);
  Tree tree;
  for (const syntax::Decl* d : r.file->Decls) {
    auto* g = d->TryAs<syntax::GenDecl>();
    if (g == nullptr || g->Tok != syntax::Token::IMPORT) continue;
    for (uint32_t i = 0; i < g->Specs.size; i++) {
      for (uint32_t j = 0; j < i; j++) {
        tree.duplicate_import |= g->Specs[i]->As<syntax::ImportSpec>()->Path->Value ==
                                 g->Specs[j]->As<syntax::ImportSpec>()->Path->Value;
      }
    }
  }
  gofmt::SortImports(r.file, &arena, &lines);
  if (simplify) {
    gofmt::Simplify(r.file, &arena);
    ReparseRanges(r.file);
  }
  FindGoQuirks(r.file, &tree);
  tree.has_comments = !r.file->Comments.empty();
  const base::File* f = fset.FileFor(r.file->Package);
  bool build = false, form_feed = false;
  for (const syntax::CommentGroup* g : r.file->Comments) {
    for (const syntax::Comment* c : g->List) {
      std::string_view text = c->Text;
      form_feed |= text.find('\f') != text.npos;
      if (text.find("+build") == text.npos && text.find("go:build") == text.npos) continue;
      build = true;
      std::string_view before = src.substr(0, size_t(f->Offset(c->Slash)));
      before = before.substr(before.rfind('\n') + 1);  // npos + 1 == 0
      tree.odd_build_constraint |= before.find_first_not_of(" \t\r") != before.npos;
    }
  }
  tree.odd_build_constraint |= build && form_feed;
  return tree;
}

// Check formats src with or without -s and checks the properties above.
void Check(std::string_view src, bool simplify) {
  gofmt::SourceOptions options{.simplify = simplify};
  gofmt::SourceResult first = gofmt::FormatSource(std::string(kFilename), src, options);
  if (!first.errors.empty()) {
    options.fragment_ok = true;
    (void)gofmt::FormatSource(std::string(kFilename), src, options);
    return;
  }
  std::optional<Tree> want = Parse(src, simplify);
  if (!want) Fail("source formats but does not parse", src, first.output);
  if (want->goto_without_label || want->odd_build_constraint) return;
  std::string out = first.output;
  for (int pass = 0;; pass++) {
    gofmt::SourceResult next = gofmt::FormatSource(std::string(kFilename), out, options);
    if (!next.errors.empty()) Fail("output does not parse", src, next.errors.Error() + "\n" + out);
    if (next.output == out) break;
    if (pass > (want->duplicate_import ? 1 : 0) ||
        !(want->empty_label_after_empty_stmt || (want->has_comments && want->duplicate_import) ||
          (want->has_comments && OnlyCommentLayoutChanged(out, next.output)))) {
      Fail("formatting is not idempotent", out, next.output);
    }
    out = std::move(next.output);
  }
  std::optional<Tree> got = Parse(out);
  if (want->structure != got->structure) {
    Fail(simplify ? "-s output's tree differs from the simplified source's"
                  : "output's tree differs from the source's",
         src, out + FirstDiff(want->structure, got->structure));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  // libFuzzer's buffer is exactly size bytes long, so ASan catches any over-read.
  std::string_view src(reinterpret_cast<const char*>(data), size);
  Check(src, /*simplify=*/false);
  Check(src, /*simplify=*/true);
  return 0;
}
