// The node → token layer for statements: statement lists, blocks, control clauses
// and every statement node.
#include "pkg/syntax/walk.h"
#include "fmt/printer_impl.h"

namespace gotool::gofmt::internal {
namespace {

using syntax::NodeEnd;
using syntax::NodeKind;
using syntax::NodePos;

bool IsTypeName(const syntax::Expr* x) {
  while (true) {
    if (x->Is<syntax::Ident>()) return true;
    const auto* s = syntax::DynCast<syntax::SelectorExpr>(x);
    if (!s) return false;
    x = s->X;
  }
}

// HasUnparenthesizedTypedLit reports whether n contains, outside parentheses and
// other composite literals, a composite literal whose type is a type name: T{...}
// would read as a block if the enclosing parentheses of a control clause went.
bool HasUnparenthesizedTypedLit(const syntax::Node* n) {
  bool found = false;
  // syntax::Inspect hands out mutable nodes; this walk only reads them.
  syntax::Inspect(const_cast<syntax::Node*>(n), [&](syntax::Node* m) {
    if (m == nullptr) return false;  // end of a node's children
    if (m->Is<syntax::ParenExpr>()) return false;
    if (const auto* c = syntax::DynCast<syntax::CompositeLit>(m)) {
      if (c->Type && IsTypeName(c->Type)) found = true;
      return false;
    }
    return true;
  });
  return found;
}

const syntax::Expr* StripParens(const syntax::Expr* x) {
  while (const auto* px = syntax::DynCast<syntax::ParenExpr>(x)) {
    // Keep the parentheses if stripping would expose a T{...} literal.
    if (HasUnparenthesizedTypedLit(px->X)) break;
    x = px->X;
  }
  return x;
}

}  // namespace

void Printer::StmtList(syntax::List<syntax::Stmt> list, int nindent, bool next_is_rbrace) {
  if (nindent > 0) Print(Ws::kIndent);
  int line = 0;
  size_t i = 0;
  for (const syntax::Stmt* s : list) {
    // Empty statements are dropped (issue 3466).
    if (s->Is<syntax::EmptyStmt>()) continue;
    // Case clauses (nindent == 0) each start a new section.
    if (!output_.empty()) {
      Linebreak(LineFor(NodePos(s)), 1, Ws::kIgnore, i == 0 || nindent == 0 || LinesFrom(line) > 0);
    }
    RecordLine(&line);
    Stmt(s, next_is_rbrace && i == list.size - 1);
    // Labels go on their own lines: count them so that line is the statement's.
    for (const syntax::Stmt* t = s; t->Is<syntax::LabeledStmt>();
         t = t->As<syntax::LabeledStmt>()->Stmt) {
      line++;
    }
    i++;
  }
  if (nindent > 0) Print(Ws::kUnindent);
}

void Printer::Block(const syntax::BlockStmt* b, int nindent) {
  Print(b->Lbrace, Token::LBRACE);
  StmtList(b->List, nindent, true);
  Linebreak(LineFor(b->Rbrace), 1, Ws::kIgnore, true);
  Print(b->Rbrace, Token::RBRACE);
}

void Printer::ControlClause(bool is_for, const syntax::Stmt* init, const syntax::Expr* expr,
                            const syntax::Stmt* post) {
  Print(Ws::kBlank);
  bool needs_blank = false;
  if (init == nullptr && post == nullptr) {
    // No semicolons needed.
    if (expr) {
      Expr(StripParens(expr));
      needs_blank = true;
    }
  } else {
    // All semicolons needed: they are not separators here.
    if (init) Stmt(init, false);
    Print(Token::SEMICOLON, Ws::kBlank);
    if (expr) {
      Expr(StripParens(expr));
      needs_blank = true;
    }
    if (is_for) {
      Print(Token::SEMICOLON, Ws::kBlank);
      needs_blank = false;
      if (post) {
        Stmt(post, false);
        needs_blank = true;
      }
    }
  }
  if (needs_blank) Print(Ws::kBlank);
}

// IndentList reports whether a multi-line expression list looks better indented as
// a whole: some element starts on a later line than the previous one ends, or more
// than one element spans lines.
bool Printer::IndentList(syntax::List<syntax::Expr> list) {
  if (list.size < 2) return false;
  int b = LineFor(NodePos(list[0]));
  int e = LineFor(NodeEnd(list.back()));
  if (!(0 < b && b < e)) return false;
  int n = 0;
  int line = b;
  for (const syntax::Expr* x : list) {
    int xb = LineFor(NodePos(x));
    int xe = LineFor(NodeEnd(x));
    if (line < xb) return true;
    if (xb < xe) n++;
    line = xe;
  }
  return n > 1;
}

void Printer::Stmt(const syntax::Stmt* stmt, bool next_is_rbrace) {
  Print(NodePos(stmt));
  switch (stmt->kind) {
    case NodeKind::BadStmt:
      Print("BadStmt");
      break;
    case NodeKind::DeclStmt:
      Decl(stmt->As<syntax::DeclStmt>()->Decl);
      break;
    case NodeKind::EmptyStmt:
      break;
    case NodeKind::LabeledStmt: {
      const auto* s = stmt->As<syntax::LabeledStmt>();
      // The "correcting" unindent right after a line break is applied before it
      // when no comment intervenes (see WriteWhitespace).
      Print(Ws::kUnindent);
      Expr(s->Label);
      Print(s->Colon, Token::COLON, Ws::kIndent);
      if (const auto* e = syntax::DynCast<syntax::EmptyStmt>(s->Stmt)) {
        if (!next_is_rbrace) {
          Print(Ws::kNewline, NodePos(e), Token::SEMICOLON);
          break;
        }
      } else {
        Linebreak(LineFor(NodePos(s->Stmt)), 1, Ws::kIgnore, true);
      }
      Stmt(s->Stmt, next_is_rbrace);
      break;
    }
    case NodeKind::ExprStmt:
      Expr0(stmt->As<syntax::ExprStmt>()->X, 1);
      break;
    case NodeKind::SendStmt: {
      const auto* s = stmt->As<syntax::SendStmt>();
      Expr0(s->Chan, 1);
      Print(Ws::kBlank, s->Arrow, Token::ARROW, Ws::kBlank);
      Expr0(s->Value, 1);
      break;
    }
    case NodeKind::IncDecStmt: {
      const auto* s = stmt->As<syntax::IncDecStmt>();
      Expr0(s->X, 2);
      Print(s->TokPos, s->Tok);
      break;
    }
    case NodeKind::AssignStmt: {
      const auto* s = stmt->As<syntax::AssignStmt>();
      int depth = s->Lhs.size > 1 && s->Rhs.size > 1 ? 2 : 1;
      ExprList(NodePos(s), Exprs(s->Lhs), depth, ExprListMode::kNone, s->TokPos);
      Print(Ws::kBlank, s->TokPos, s->Tok, Ws::kBlank);
      ExprList(s->TokPos, Exprs(s->Rhs), depth, ExprListMode::kNone, base::NoPos);
      break;
    }
    case NodeKind::GoStmt:
      Print(Token::GO, Ws::kBlank);
      Expr(stmt->As<syntax::GoStmt>()->Call);
      break;
    case NodeKind::DeferStmt:
      Print(Token::DEFER, Ws::kBlank);
      Expr(stmt->As<syntax::DeferStmt>()->Call);
      break;
    case NodeKind::ReturnStmt: {
      const auto* s = stmt->As<syntax::ReturnStmt>();
      Print(Token::RETURN);
      if (!s->Results.empty()) {
        Print(Ws::kBlank);
        // Indenting the whole list makes corner cases look better (issue 1207);
        // NoPos keeps a newline from going before the results (issue 32854).
        if (IndentList(s->Results)) {
          Print(Ws::kIndent);
          ExprList(base::NoPos, Exprs(s->Results), 1, ExprListMode::kNoIndent, base::NoPos);
          Print(Ws::kUnindent);
        } else {
          ExprList(base::NoPos, Exprs(s->Results), 1, ExprListMode::kNone, base::NoPos);
        }
      }
      break;
    }
    case NodeKind::BranchStmt: {
      const auto* s = stmt->As<syntax::BranchStmt>();
      Print(s->Tok);
      if (s->Label) {
        Print(Ws::kBlank);
        Expr(s->Label);
      }
      break;
    }
    case NodeKind::BlockStmt:
      Block(stmt->As<syntax::BlockStmt>(), 1);
      break;
    case NodeKind::IfStmt: {
      const auto* s = stmt->As<syntax::IfStmt>();
      Print(Token::IF);
      ControlClause(false, s->Init, s->Cond, nullptr);
      Block(s->Body, 1);
      if (s->Else) {
        Print(Ws::kBlank, Token::ELSE, Ws::kBlank);
        if (s->Else->Is<syntax::BlockStmt>() || s->Else->Is<syntax::IfStmt>()) {
          Stmt(s->Else, next_is_rbrace);
        } else {
          // Only in hand-made trees: print something that parses.
          Print(Token::LBRACE, Ws::kIndent, Ws::kFormfeed);
          Stmt(s->Else, true);
          Print(Ws::kUnindent, Ws::kFormfeed, Token::RBRACE);
        }
      }
      break;
    }
    case NodeKind::CaseClause: {
      const auto* s = stmt->As<syntax::CaseClause>();
      if (!s->List.empty()) {
        Print(Token::CASE, Ws::kBlank);
        ExprList(NodePos(s), Exprs(s->List), 1, ExprListMode::kNone, s->Colon);
      } else {
        Print(Token::DEFAULT);
      }
      Print(s->Colon, Token::COLON);
      StmtList(s->Body, 1, next_is_rbrace);
      break;
    }
    case NodeKind::SwitchStmt: {
      const auto* s = stmt->As<syntax::SwitchStmt>();
      Print(Token::SWITCH);
      ControlClause(false, s->Init, s->Tag, nullptr);
      Block(s->Body, 0);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      const auto* s = stmt->As<syntax::TypeSwitchStmt>();
      Print(Token::SWITCH);
      if (s->Init) {
        Print(Ws::kBlank);
        Stmt(s->Init, false);
        Print(Token::SEMICOLON);
      }
      Print(Ws::kBlank);
      Stmt(s->Assign, false);
      Print(Ws::kBlank);
      Block(s->Body, 0);
      break;
    }
    case NodeKind::CommClause: {
      const auto* s = stmt->As<syntax::CommClause>();
      if (s->Comm) {
        Print(Token::CASE, Ws::kBlank);
        Stmt(s->Comm, false);
      } else {
        Print(Token::DEFAULT);
      }
      Print(s->Colon, Token::COLON);
      StmtList(s->Body, 1, next_is_rbrace);
      break;
    }
    case NodeKind::SelectStmt: {
      const auto* s = stmt->As<syntax::SelectStmt>();
      Print(Token::SELECT, Ws::kBlank);
      const syntax::BlockStmt* body = s->Body;
      if (body->List.empty() && !CommentBefore(PosFor(body->Rbrace))) {
        // An empty select without comments stays on one line.
        Print(body->Lbrace, Token::LBRACE, body->Rbrace, Token::RBRACE);
      } else {
        Block(body, 0);
      }
      break;
    }
    case NodeKind::ForStmt: {
      const auto* s = stmt->As<syntax::ForStmt>();
      Print(Token::FOR);
      ControlClause(true, s->Init, s->Cond, s->Post);
      Block(s->Body, 1);
      break;
    }
    case NodeKind::RangeStmt: {
      const auto* s = stmt->As<syntax::RangeStmt>();
      Print(Token::FOR, Ws::kBlank);
      if (s->Key) {
        Expr(s->Key);
        if (s->Value) {
          // The value's position places comments before the comma correctly.
          Print(NodePos(s->Value), Token::COMMA, Ws::kBlank);
          Expr(s->Value);
        }
        Print(Ws::kBlank, s->TokPos, s->Tok, Ws::kBlank);
      }
      Print(Token::RANGE, Ws::kBlank);
      Expr(StripParens(s->X));
      Print(Ws::kBlank);
      Block(s->Body, 1);
      break;
    }
    default:
      break;
  }
}

}  // namespace gotool::gofmt::internal
