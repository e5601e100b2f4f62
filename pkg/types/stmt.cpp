// Statements: function bodies, unused variables, simple statements, blocks, if,
// for, returns and branches (go/types' stmt.go).
#include <algorithm>

#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::FuncBody(DeclInfo* decl, std::string_view name, Signature* sig,
                       syntax::BlockStmt* body, bool has_iota, constant::Value iota) {
  (void)name;
  sig->scope->pos = body->Lbrace;
  sig->scope->end = syntax::NodeEnd(body);
  Environment saved = env_;
  env_ = Environment{};
  env_.decl = decl;
  env_.scope = sig->scope;
  env_.has_iota = has_iota;
  env_.iota = std::move(iota);
  env_.sig = sig;
  StmtList(0, body->List);
  if (env_.has_label) Labels(body);
  if (sig->results->size() > 0 && !IsTerminating(body, "")) Error(body->Rbrace, "missing return");
  Usage(sig->scope);
  env_ = std::move(saved);
}

void Checker::Usage(Scope* scope) {
  std::vector<Var*> unused;
  for (Object* obj : scope->order) {
    if (Var* v = obj->TryAs<Var>(); v && !v->used) unused.push_back(v);
  }
  std::sort(unused.begin(), unused.end(), [](Var* a, Var* b) { return a->pos < b->pos; });
  for (Var* v : unused) SoftErrorf(v->pos, "{} declared but not used", v->name);
  for (Scope* child : scope->children) {
    if (!child->is_func) Usage(child);
  }
}

void Checker::OpenScope(syntax::Node* n, std::string_view comment) {
  Scope* s = ctx_->NewScope(env_.scope, syntax::NodePos(n), syntax::NodeEnd(n), comment);
  RecordScope(n, s);
  env_.scope = s;
}

void Checker::StmtList(unsigned ctxt, syntax::List<syntax::Stmt> list) {
  bool ok = (ctxt & kFallthroughOk) != 0;
  unsigned inner = ctxt & ~unsigned(kFallthroughOk);
  size_t n = list.size;
  // Trailing empty statements are "invisible" to fallthrough analysis.
  while (n > 0 && list[n - 1]->kind == syntax::NodeKind::EmptyStmt) n--;
  for (size_t i = 0; i < list.size; i++) {
    unsigned c = inner;
    if (ok && i + 1 == n) c |= kFallthroughOk;
    Stmt(c, list[i]);
  }
}

void Checker::SimpleStmt(syntax::Stmt* s) {
  if (s != nullptr) Stmt(0, s);
}

void Checker::SuspendedCall(const char* keyword, syntax::CallExpr* call) {
  Operand x;
  std::string msg;
  switch (RawExpr(&x, call, nullptr, false)) {
    case ExprKind::kConversion: msg = "requires function call, not conversion"; break;
    case ExprKind::kExpression: msg = "discards result of"; break;
    case ExprKind::kStatement: break;
  }
  if (!msg.empty()) Errorf(x.Pos(), "{} {} {}", keyword, msg, S(x));
}

namespace {

syntax::Token AssignOp(syntax::Token t) {
  switch (t) {
    case syntax::Token::ADD_ASSIGN: return syntax::Token::ADD;
    case syntax::Token::SUB_ASSIGN: return syntax::Token::SUB;
    case syntax::Token::MUL_ASSIGN: return syntax::Token::MUL;
    case syntax::Token::QUO_ASSIGN: return syntax::Token::QUO;
    case syntax::Token::REM_ASSIGN: return syntax::Token::REM;
    case syntax::Token::AND_ASSIGN: return syntax::Token::AND;
    case syntax::Token::OR_ASSIGN: return syntax::Token::OR;
    case syntax::Token::XOR_ASSIGN: return syntax::Token::XOR;
    case syntax::Token::SHL_ASSIGN: return syntax::Token::SHL;
    case syntax::Token::SHR_ASSIGN: return syntax::Token::SHR;
    case syntax::Token::AND_NOT_ASSIGN: return syntax::Token::AND_NOT;
    default: return syntax::Token::ILLEGAL;
  }
}

}  // namespace

// ExprStmt checks an expression in statement context.
static void ExprStmtCheck(Checker* check, syntax::ExprStmt* s) {
  Operand x;
  Checker::ExprKind kind = check->RawExpr(&x, s->X, nullptr, false);
  const char* msg = nullptr;
  switch (x.mode) {
    case OperandMode::kBuiltin: msg = "must be called"; break;
    case OperandMode::kTypexpr: msg = "is not an expression"; break;
    default:
      if (kind == Checker::ExprKind::kStatement) return;
      msg = "is not used";
  }
  check->Errorf(x.Pos(), "{} {}", check->S(x), msg);
}

void Checker::AssignStmt(syntax::AssignStmt* s) {
  if (s->Tok == syntax::Token::ASSIGN || s->Tok == syntax::Token::DEFINE) {
    if (s->Lhs.empty()) return;
    if (s->Tok == syntax::Token::DEFINE) {
      ShortVarDecl(s->TokPos, s->Lhs, s->Rhs);
    } else {
      AssignVars(s->Lhs, s->Rhs);
    }
    return;
  }
  if (s->Lhs.size != 1 || s->Rhs.size != 1) {
    Errorf(s->TokPos, "assignment operation {} requires single-valued expressions", TokenString(s->Tok));
    return;
  }
  syntax::Token op = AssignOp(s->Tok);
  Operand x;
  Binary(&x, nullptr, s->Lhs[0], s->Rhs[0], op, s->TokPos);
  if (x.invalid()) return;
  AssignVar(s->Lhs[0], &x);
}

void Checker::ReturnStmt(syntax::ReturnStmt* s) {
  Tuple* res = env_.sig->results;
  if (s->Results.empty() && res->size() > 0 && !res->vars[0]->name.empty()) {
    for (Var* obj : res->vars) {
      Object* alt = env_.scope->LookupParent(obj->name, env_.pos, nullptr);
      if (alt != nullptr && alt != obj) {
        Errorf(s->Return, "result parameter {} not in scope at return", obj->name);
        Errorf(alt->pos, "\tinner declaration of {}", S(obj));
      }
    }
  } else if (!s->Results.empty() || res->size() > 0) {
    InitVars(res->vars, s->Results, s);
  }
}

void Checker::BranchStmt(unsigned ctxt, syntax::BranchStmt* s) {
  if (s->Label != nullptr) {
    env_.has_label = true;
    return;
  }
  switch (s->Tok) {
    case syntax::Token::BREAK:
      if ((ctxt & kBreakOk) == 0) Error(s->TokPos, "break is not in a loop, switch, or select");
      break;
    case syntax::Token::CONTINUE:
      if ((ctxt & kContinueOk) == 0) Error(s->TokPos, "continue is not in a loop");
      break;
    case syntax::Token::FALLTHROUGH:
      if ((ctxt & kFallthroughOk) == 0) {
        const char* msg = "fallthrough statement out of place";
        if (ctxt & kFinalSwitchCase) {
          msg = "cannot fallthrough final case in switch";
        } else if (ctxt & kInTypeSwitch) {
          msg = "cannot fallthrough in type switch";
        }
        Error(s->TokPos, msg);
      }
      break;
    default: break;
  }
}

void Checker::IfStmt(unsigned ctxt, syntax::IfStmt* s) {
  OpenScope(s, "if");
  SimpleStmt(s->Init);
  Operand x;
  Expr(&x, s->Cond);
  if (!x.invalid() && !IsBoolean(x.type)) Error(At(s->Cond), "non-boolean condition in if statement");
  Stmt(ctxt, s->Body);
  if (s->Else != nullptr && (s->Else->kind == syntax::NodeKind::IfStmt ||
                             s->Else->kind == syntax::NodeKind::BlockStmt)) {
    Stmt(ctxt, s->Else);
  }
  CloseScope();
}

void Checker::ForStmt(unsigned ctxt, syntax::ForStmt* s) {
  OpenScope(s, "for");
  SimpleStmt(s->Init);
  if (s->Cond != nullptr) {
    Operand x;
    Expr(&x, s->Cond);
    if (!x.invalid() && !IsBoolean(x.type)) Error(At(s->Cond), "non-boolean condition in for statement");
  }
  SimpleStmt(s->Post);
  if (auto* a = syntax::DynCast<syntax::AssignStmt>(s->Post); a && a->Tok == syntax::Token::DEFINE) {
    SoftErrorf(At(a), "cannot declare in post statement");
    Use(a->Lhs);
  }
  Stmt(ctxt, s->Body);
  CloseScope();
}

void Checker::Stmt(unsigned ctxt, syntax::Stmt* s) {
  size_t top = delayed_.size();
  unsigned inner = ctxt & ~unsigned(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);
  switch (s->kind) {
    case syntax::NodeKind::BadStmt: case syntax::NodeKind::EmptyStmt: break;
    case syntax::NodeKind::DeclStmt:
      if (auto* d = syntax::DynCast<syntax::GenDecl>(s->As<syntax::DeclStmt>()->Decl)) DeclStmt(d);
      break;
    case syntax::NodeKind::LabeledStmt:
      env_.has_label = true;
      Stmt(ctxt, s->As<syntax::LabeledStmt>()->Stmt);
      break;
    case syntax::NodeKind::ExprStmt: ExprStmtCheck(this, s->As<syntax::ExprStmt>()); break;
    case syntax::NodeKind::SendStmt: {
      auto* ss = s->As<syntax::SendStmt>();
      Operand ch, val;
      Expr(&ch, ss->Chan);
      Expr(&val, ss->Value);
      if (ch.invalid() || val.invalid()) break;
      Chan* uch = CoreUnder(ch.type)->TryAs<Chan>();
      if (uch == nullptr && IsTypeParam(ch.type) && CoreType(ch.type) == nullptr) {
        Errorf(ss->Arrow, "invalid operation: cannot send to {}: no core type", S(ch));
      } else if (uch == nullptr) {
        Errorf(ss->Arrow, "invalid operation: cannot send to non-channel {}", S(ch));
      } else if (uch->dir == ChanDir::kRecvOnly) {
        Errorf(ss->Arrow, "invalid operation: cannot send to receive-only channel {}", S(ch));
      } else {
        Assignment(&val, uch->elem, "send");
      }
      break;
    }
    case syntax::NodeKind::IncDecStmt: {
      auto* is = s->As<syntax::IncDecStmt>();
      Operand x;
      Expr(&x, is->X);
      if (x.invalid()) break;
      if (!IsNumeric(x.type)) {
        Errorf(At(is->X), "invalid operation: {}{} (non-numeric type {})", S(is->X),
               TokenString(is->Tok), S(x.type));
        break;
      }
      // x++ is x += 1 with an implicit 1 at x's position, which go/types records in
      // Info.Types; it lives as long as the Info when types are recorded.
      syntax::BasicLit local;
      syntax::BasicLit* one = RecordsTypes() ? ctx_->NewNode<syntax::BasicLit>() : &local;
      one->kind = syntax::NodeKind::BasicLit;
      one->ValuePos = At(is->X);
      one->Kind = syntax::Token::INT;
      one->Value = "1";
      syntax::Token op = is->Tok == syntax::Token::INC ? syntax::Token::ADD : syntax::Token::SUB;
      Binary(&x, nullptr, is->X, one, op, is->TokPos);
      if (one == &local) ForgetExpr(one);
      if (x.invalid()) break;
      AssignVar(is->X, &x);
      break;
    }
    case syntax::NodeKind::AssignStmt: AssignStmt(s->As<syntax::AssignStmt>()); break;
    case syntax::NodeKind::GoStmt: SuspendedCall("go", s->As<syntax::GoStmt>()->Call); break;
    case syntax::NodeKind::DeferStmt: SuspendedCall("defer", s->As<syntax::DeferStmt>()->Call); break;
    case syntax::NodeKind::ReturnStmt: ReturnStmt(s->As<syntax::ReturnStmt>()); break;
    case syntax::NodeKind::BranchStmt: BranchStmt(ctxt, s->As<syntax::BranchStmt>()); break;
    case syntax::NodeKind::BlockStmt:
      OpenScope(s, "block");
      StmtList(inner, s->As<syntax::BlockStmt>()->List);
      CloseScope();
      break;
    case syntax::NodeKind::IfStmt: IfStmt(inner, s->As<syntax::IfStmt>()); break;
    case syntax::NodeKind::SwitchStmt: SwitchStmt(inner | kBreakOk, s->As<syntax::SwitchStmt>()); break;
    case syntax::NodeKind::TypeSwitchStmt:
      TypeSwitchStmt(inner | kBreakOk | kInTypeSwitch, s->As<syntax::TypeSwitchStmt>());
      break;
    case syntax::NodeKind::SelectStmt: SelectStmt(inner | kBreakOk, s->As<syntax::SelectStmt>()); break;
    case syntax::NodeKind::ForStmt:
      ForStmt(inner | kBreakOk | kContinueOk, s->As<syntax::ForStmt>());
      break;
    case syntax::NodeKind::RangeStmt:
      RangeStmt(inner | kBreakOk | kContinueOk, s->As<syntax::RangeStmt>());
      break;
    default: Error(At(s), "invalid statement"); break;
  }
  ProcessDelayed(top);
}

}  // namespace gotool::types
