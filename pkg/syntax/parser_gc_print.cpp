// The short source form cmd/compile's syntax errors quote ("cannot use a := 10 as
// value"): expressions and simple statements, with bodies and long parts elided.
#include <string>

#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {
namespace {

void PrintExpr(std::string* out, const Expr* x);

void PrintList(std::string* out, List<Expr> list) {
  for (uint32_t i = 0; i < list.size; i++) {
    if (i > 0) *out += ", ";
    PrintExpr(out, list[i]);
  }
}

// PrintBinary prints x's operands with a space around the operator, as
// cmd/compile's printer does for the short form.
void PrintBinary(std::string* out, const BinaryExpr* b) {
  PrintExpr(out, b->X);
  *out += " ";
  *out += TokenString(b->Op);
  *out += " ";
  PrintExpr(out, b->Y);
}

void PrintExpr(std::string* out, const Expr* x) {
  if (x == nullptr) return;
  switch (x->kind) {
    case NodeKind::Ident:
      *out += x->As<Ident>()->Name;
      break;
    case NodeKind::BasicLit:
      *out += x->As<BasicLit>()->Value;
      break;
    case NodeKind::ParenExpr:
      *out += "(";
      PrintExpr(out, x->As<ParenExpr>()->X);
      *out += ")";
      break;
    case NodeKind::SelectorExpr:
      PrintExpr(out, x->As<SelectorExpr>()->X);
      *out += ".";
      *out += x->As<SelectorExpr>()->Sel->Name;
      break;
    case NodeKind::IndexExpr:
      PrintExpr(out, x->As<IndexExpr>()->X);
      *out += "[";
      PrintExpr(out, x->As<IndexExpr>()->Index);
      *out += "]";
      break;
    case NodeKind::TypeAssertExpr: {
      const TypeAssertExpr* a = x->As<TypeAssertExpr>();
      PrintExpr(out, a->X);
      *out += ".(";
      if (a->Type) {
        PrintExpr(out, a->Type);
      } else {
        *out += "type";
      }
      *out += ")";
      break;
    }
    case NodeKind::CallExpr: {
      const CallExpr* c = x->As<CallExpr>();
      PrintExpr(out, c->Fun);
      *out += "(";
      PrintList(out, c->Args);
      if (c->Ellipsis.IsValid()) *out += "...";
      *out += ")";
      break;
    }
    case NodeKind::StarExpr:
      *out += "*";
      PrintExpr(out, x->As<StarExpr>()->X);
      break;
    case NodeKind::UnaryExpr:
      *out += TokenString(x->As<UnaryExpr>()->Op);
      PrintExpr(out, x->As<UnaryExpr>()->X);
      break;
    case NodeKind::BinaryExpr:
      PrintBinary(out, x->As<BinaryExpr>());
      break;
    case NodeKind::InterfaceType: {
      const InterfaceType* t = x->As<InterfaceType>();
      *out += t->Methods && t->Methods->List.size > 0 ? "interface{…}" : "interface{}";
      break;
    }
    case NodeKind::CompositeLit:
      PrintExpr(out, x->As<CompositeLit>()->Type);
      *out += x->As<CompositeLit>()->Elts.size > 0 ? "{…}" : "{}";
      break;
    case NodeKind::FuncLit:
      *out += "func(…) {…}";
      break;
    default:
      *out += "…";
      break;
  }
}

}  // namespace

// CompilerExprString returns the short form of x, as cmd/compile's syntax.String.
std::string CompilerExprString(const Expr* x) {
  std::string out;
  PrintExpr(&out, x);
  return out;
}

// CompilerStmtString returns the short form of the simple statement s that
// cmd/compile quotes when s is used as a value.
std::string CompilerStmtString(const Stmt* s) {
  std::string out;
  if (const AssignStmt* as = DynCast<AssignStmt>(s)) {
    if (as->Tok == Token::ASSIGN) {
      // Parenthesized sides stress the '=' that was probably meant as '=='.
      out = "assignment (";
      PrintList(&out, as->Lhs);
      out += ") = (";
      PrintList(&out, as->Rhs);
      out += ")";
      return out;
    }
    PrintList(&out, as->Lhs);
    out += " ";
    out += TokenString(as->Tok);
    out += " ";
    PrintList(&out, as->Rhs);
  } else if (const SendStmt* send = DynCast<SendStmt>(s)) {
    PrintExpr(&out, send->Chan);
    out += " <- ";
    PrintExpr(&out, send->Value);
  } else if (const IncDecStmt* inc = DynCast<IncDecStmt>(s)) {
    PrintExpr(&out, inc->X);
    out += TokenString(inc->Tok);
  } else if (const ExprStmt* es = DynCast<ExprStmt>(s)) {
    PrintExpr(&out, es->X);
  }
  return out;
}

// CompilerStmtPos returns where cmd/compile places the simple statement s: at its
// operator, except for an expression statement.
base::Pos CompilerStmtPos(const Stmt* s) {
  if (const AssignStmt* as = DynCast<AssignStmt>(s)) return as->TokPos;
  if (const SendStmt* send = DynCast<SendStmt>(s)) return send->Arrow;
  if (const IncDecStmt* inc = DynCast<IncDecStmt>(s)) return inc->TokPos;
  return NodePos(s);
}

base::Pos CompilerExprPos(const Expr* x) {
  switch (x->kind) {
    case NodeKind::BinaryExpr:
      return x->As<BinaryExpr>()->OpPos;
    case NodeKind::UnaryExpr:
      return x->As<UnaryExpr>()->OpPos;
    case NodeKind::StarExpr:
      return x->As<StarExpr>()->Star;
    case NodeKind::ParenExpr:
      return x->As<ParenExpr>()->Lparen;
    case NodeKind::CallExpr:
      return x->As<CallExpr>()->Lparen;
    case NodeKind::IndexExpr:
      return x->As<IndexExpr>()->Lbrack;
    case NodeKind::SliceExpr:
      return x->As<SliceExpr>()->Lbrack;
    case NodeKind::CompositeLit:
      return x->As<CompositeLit>()->Lbrace;
    case NodeKind::SelectorExpr:
      return x->As<SelectorExpr>()->Sel->NamePos + (-1);
    case NodeKind::TypeAssertExpr:
      return x->As<TypeAssertExpr>()->Lparen + (-1);
    default:
      return NodePos(x);
  }
}

}  // namespace gotool::syntax::internal
