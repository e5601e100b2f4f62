// The node → token layer for declarations and files, and node sizes: specs, grouped
// declarations with their type column, one-line function bodies, the file.
#include <string>
#include <vector>

#include "fmt/printer_impl.h"
#include "fmt/strconv.h"
#include "pkg/base/utf8.h"

namespace gotool::gofmt::internal {
namespace {

using syntax::NodeEnd;
using syntax::NodeKind;
using syntax::NodePos;

// KeepTypeColumn reports, for each spec of a const/var group, whether its type
// column must be kept: a run of specs with values keeps it if any has a type;
// otherwise the values may move into the type column.
std::vector<bool> KeepTypeColumn(syntax::List<syntax::Spec> specs) {
  std::vector<bool> m(specs.size, false);
  auto populate = [&](size_t i, size_t j, bool keep) {
    if (keep) {
      for (; i < j; i++) m[i] = true;
    }
  };
  long i0 = -1;  // start of the current run of specs with values, or -1
  bool keep_type = false;
  for (size_t i = 0; i < specs.size; i++) {
    const auto* t = specs[i]->As<syntax::ValueSpec>();
    if (!t->Values.empty()) {
      if (i0 < 0) {
        i0 = long(i);
        keep_type = false;
      }
    } else if (i0 >= 0) {
      populate(size_t(i0), i, keep_type);
      i0 = -1;
    }
    if (t->Type) keep_type = true;
  }
  if (i0 >= 0) populate(size_t(i0), specs.size, keep_type);
  return m;
}

// SanitizedImportPath returns the canonical double-quoted form of an import path
// literal, or the literal itself when it is not a valid path.
std::string SanitizedImportPath(const syntax::BasicLit* lit) {
  std::string lit_value(lit->Value);
  if (lit->Kind != Token::STRING) return lit_value;
  std::string s;
  if (!Unquote(lit->Value, &s) || s.empty()) return lit_value;
  constexpr std::string_view kIllegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
  for (size_t i = 0; i < s.size();) {
    base::DecodedRune r = base::DecodeRune(std::string_view(s).substr(i));
    // Graphic and not a space means printable and not ' '; U+FFFD is illegal.
    if (!base::IsPrint(r.rune) || r.rune == ' ' || r.rune == base::kRuneError ||
        (r.rune < 0x80 && kIllegal.find(char(r.rune)) != std::string_view::npos)) {
      return lit_value;
    }
    i += size_t(r.width);
  }
  return "\"" + s + "\"";
}

}  // namespace

void Printer::ValueSpec(const syntax::ValueSpec* s, bool keep_type) {
  SetComment(s->Doc);
  IdentList(s->Names, false);
  int extra_tabs = 3;
  if (s->Type || keep_type) {
    Print(Ws::kVtab);
    extra_tabs--;
  }
  if (s->Type) Expr(s->Type);
  if (!s->Values.empty()) {
    Print(Ws::kVtab, Token::ASSIGN, Ws::kBlank);
    ExprList(base::NoPos, Exprs(s->Values), 1, ExprListMode::kNone, base::NoPos);
    extra_tabs--;
  }
  if (s->Comment) {
    for (; extra_tabs > 0; extra_tabs--) Print(Ws::kVtab);
    SetComment(s->Comment);
  }
}

void Printer::Spec(const syntax::Spec* spec, int n, bool do_indent) {
  switch (spec->kind) {
    case NodeKind::ImportSpec: {
      const auto* s = spec->As<syntax::ImportSpec>();
      SetComment(s->Doc);
      if (s->Name) {
        Expr(s->Name);
        Print(Ws::kBlank);
      }
      Print(NodePos(s->Path));
      PrintLit(SanitizedImportPath(s->Path), s->Path->Kind);
      SetComment(s->Comment);
      Print(s->EndPos);
      break;
    }
    case NodeKind::ValueSpec: {
      const auto* s = spec->As<syntax::ValueSpec>();
      SetComment(s->Doc);
      IdentList(s->Names, do_indent);
      if (s->Type) {
        Print(Ws::kBlank);
        Expr(s->Type);
      }
      if (!s->Values.empty()) {
        Print(Ws::kBlank, Token::ASSIGN, Ws::kBlank);
        ExprList(base::NoPos, Exprs(s->Values), 1, ExprListMode::kNone, base::NoPos);
      }
      SetComment(s->Comment);
      break;
    }
    case NodeKind::TypeSpec: {
      const auto* s = spec->As<syntax::TypeSpec>();
      SetComment(s->Doc);
      Expr(s->Name);
      if (s->TypeParams) Parameters(s->TypeParams, ParamMode::kTypeTParam);
      Print(n == 1 ? Ws::kBlank : Ws::kVtab);
      if (s->Assign.IsValid()) Print(Token::ASSIGN, Ws::kBlank);
      Expr(s->Type);
      SetComment(s->Comment);
      break;
    }
    default:
      break;
  }
}

void Printer::GenDecl(const syntax::GenDecl* d) {
  SetComment(d->Doc);
  Print(NodePos(d), d->Tok, Ws::kBlank);
  if (d->Lparen.IsValid() || d->Specs.size > 1) {
    // A parenthesized group.
    Print(d->Lparen, Token::LPAREN);
    if (size_t n = d->Specs.size; n > 0) {
      Print(Ws::kIndent, Ws::kFormfeed);
      int line = 0;
      if (n > 1 && (d->Tok == Token::CONST || d->Tok == Token::VAR)) {
        std::vector<bool> keep_type = KeepTypeColumn(d->Specs);
        for (size_t i = 0; i < n; i++) {
          const syntax::Spec* s = d->Specs[i];
          if (i > 0) Linebreak(LineFor(NodePos(s)), 1, Ws::kIgnore, LinesFrom(line) > 0);
          RecordLine(&line);
          ValueSpec(s->As<syntax::ValueSpec>(), keep_type[i]);
        }
      } else {
        for (size_t i = 0; i < n; i++) {
          const syntax::Spec* s = d->Specs[i];
          if (i > 0) Linebreak(LineFor(NodePos(s)), 1, Ws::kIgnore, LinesFrom(line) > 0);
          RecordLine(&line);
          Spec(s, int(n), false);
        }
      }
      Print(Ws::kUnindent, Ws::kFormfeed);
    }
    Print(d->Rparen, Token::RPAREN);
  } else if (!d->Specs.empty()) {
    Spec(d->Specs[0], 1, true);
  }
}

// NodeSize returns the size of n formatted on one line, or more than max_size if it
// does not fit or needs several lines. It prints n with a raw-format printer, so the
// decision does not depend on the surrounding style; results are memoised.
int Printer::NodeSize(const syntax::Node* n, int max_size) {
  // An identifier, or a literal on one line, prints as its text (in a printer that
  // keeps number literals as written); keys of composite literals are mostly these.
  std::string_view text;
  if (const auto* id = syntax::DynCast<syntax::Ident>(n)) {
    text = id->Name;
  } else if (const auto* lit = syntax::DynCast<syntax::BasicLit>(n)) {
    text = lit->Value;
    if (text.find_first_of("\n\f\xff") != std::string_view::npos) text = {};
  }
  if (!text.empty()) return int(text.size()) <= max_size ? int(text.size()) : max_size + 1;
  if (auto it = node_sizes_->find(n); it != node_sizes_->end()) return it->second;
  int size = max_size + 1;  // assume n does not fit
  (*node_sizes_)[n] = size;
  Printer p(src_, node_sizes_, false);
  p.PrintNode(n);
  p.Finish();
  int one_line_size = TrimmedOneLineSize(p.output());
  if (one_line_size >= 0 && one_line_size <= max_size) {
    size = one_line_size;
    (*node_sizes_)[n] = size;
  }
  return size;
}

int Printer::NumLines(const syntax::Node* n) {
  base::Pos from = NodePos(n);
  base::Pos to = NodeEnd(n);
  if (from.IsValid() && to.IsValid()) return LineFor(to) - LineFor(from) + 1;
  return kInfinity;
}

int Printer::BodySize(const syntax::BlockStmt* b, int max_size) {
  base::Pos pos1 = NodePos(b), pos2 = b->Rbrace;
  // Braces on different lines, or too many statements: not a one-liner.
  if (pos1.IsValid() && pos2.IsValid() && LineFor(pos1) != LineFor(pos2)) return max_size + 1;
  if (b->List.size > 5) return max_size + 1;
  int body_size = CommentSizeBefore(PosFor(pos2));
  for (size_t i = 0; i < b->List.size; i++) {
    if (body_size > max_size) break;
    if (i > 0) body_size += 2;  // "; "
    body_size += NodeSize(b->List[i], max_size);
  }
  return body_size;
}

// FuncBody prints a function body after a header of header_size columns: on the
// header's line if both are small and simple enough (separated by sep), else as a
// block.
void Printer::FuncBody(int header_size, Ws sep, const syntax::BlockStmt* b) {
  if (b == nullptr) return;
  int saved_level = level_;
  level_ = 0;
  constexpr int kMaxSize = 100;
  if (header_size + BodySize(b, kMaxSize) <= kMaxSize) {
    Print(sep, b->Lbrace, Token::LBRACE);
    if (!b->List.empty()) {
      Print(Ws::kBlank);
      for (size_t i = 0; i < b->List.size; i++) {
        if (i > 0) Print(Token::SEMICOLON, Ws::kBlank);
        Stmt(b->List[i], i == b->List.size - 1);
      }
      Print(Ws::kBlank);
    }
    Print(PMode::kNoExtraLinebreak, b->Rbrace, Token::RBRACE, PMode::kNoExtraLinebreak);
  } else {
    if (sep != Ws::kIgnore) Print(Ws::kBlank);
    Block(b, 1);
  }
  level_ = saved_level;
}

int Printer::DistanceFrom(base::Pos start_pos, int start_out_col) {
  if (start_pos.IsValid() && pos_.IsValid() && PosFor(start_pos).line == pos_.line) {
    return out_.column - start_out_col;
  }
  return kInfinity;
}

void Printer::FuncDecl(const syntax::FuncDecl* d) {
  SetComment(d->Doc);
  Print(NodePos(d), Token::FUNC, Ws::kBlank);
  // The start column is taken after FUNC: whitespace before it is only written then.
  int start_col = out_.column - 5;  // len("func ")
  if (d->Recv) {
    Parameters(d->Recv, ParamMode::kFuncParam);
    Print(Ws::kBlank);
  }
  Expr(d->Name);
  Signature(d->Type);
  FuncBody(DistanceFrom(NodePos(d), start_col), Ws::kVtab, d->Body);
}

void Printer::Decl(const syntax::Decl* decl) {
  switch (decl->kind) {
    case NodeKind::BadDecl:
      Print(NodePos(decl), "BadDecl");
      break;
    case NodeKind::GenDecl:
      GenDecl(decl->As<syntax::GenDecl>());
      break;
    case NodeKind::FuncDecl:
      FuncDecl(decl->As<syntax::FuncDecl>());
      break;
    default:
      break;
  }
}

void Printer::DeclList(syntax::List<syntax::Decl> list) {
  Token tok = Token::ILLEGAL;
  for (const syntax::Decl* d : list) {
    Token prev = tok;
    const syntax::CommentGroup* doc = nullptr;
    if (const auto* g = syntax::DynCast<syntax::GenDecl>(d)) {
      tok = g->Tok;
      doc = g->Doc;
    } else if (const auto* f = syntax::DynCast<syntax::FuncDecl>(d)) {
      tok = Token::FUNC;
      doc = f->Doc;
    } else {
      tok = Token::ILLEGAL;
    }
    if (!output_.empty()) {
      // An empty line between declarations of different kinds or before a
      // documented one; a multi-line function starts a new section (issue 19544).
      int min = prev != tok || doc != nullptr ? 2 : 1;
      Linebreak(LineFor(NodePos(d)), min, Ws::kIgnore, tok == Token::FUNC && NumLines(d) > 1);
    }
    Decl(d);
  }
}

void Printer::File(const syntax::File* src) {
  SetComment(src->Doc);
  Print(src->Package, Token::PACKAGE, Ws::kBlank);
  Expr(src->Name);
  DeclList(src->Decls);
  Print(Ws::kNewline);
}

}  // namespace gotool::gofmt::internal
