// Terminating statements and break detection for "missing return" (go/types' return.go).
#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

bool HasBreak(syntax::Stmt* s, std::string_view label, bool implicit);

bool HasBreakList(syntax::List<syntax::Stmt> list, std::string_view label, bool implicit) {
  for (syntax::Stmt* s : list) {
    if (HasBreak(s, label, implicit)) return true;
  }
  return false;
}

bool HasBreak(syntax::Stmt* s, std::string_view label, bool implicit) {
  using syntax::NodeKind;
  switch (s->kind) {
    case NodeKind::LabeledStmt: return HasBreak(s->As<syntax::LabeledStmt>()->Stmt, label, implicit);
    case NodeKind::BranchStmt: {
      auto* b = s->As<syntax::BranchStmt>();
      if (b->Tok != syntax::Token::BREAK) return false;
      if (b->Label == nullptr) return implicit;
      return b->Label->Name == label;
    }
    case NodeKind::BlockStmt: return HasBreakList(s->As<syntax::BlockStmt>()->List, label, implicit);
    case NodeKind::IfStmt: {
      auto* i = s->As<syntax::IfStmt>();
      return HasBreak(i->Body, label, implicit) || (i->Else && HasBreak(i->Else, label, implicit));
    }
    case NodeKind::CaseClause: return HasBreakList(s->As<syntax::CaseClause>()->Body, label, implicit);
    case NodeKind::CommClause: return HasBreakList(s->As<syntax::CommClause>()->Body, label, implicit);
    case NodeKind::SwitchStmt:
      return !label.empty() && HasBreak(s->As<syntax::SwitchStmt>()->Body, label, false);
    case NodeKind::TypeSwitchStmt:
      return !label.empty() && HasBreak(s->As<syntax::TypeSwitchStmt>()->Body, label, false);
    case NodeKind::SelectStmt:
      return !label.empty() && HasBreak(s->As<syntax::SelectStmt>()->Body, label, false);
    case NodeKind::ForStmt:
      return !label.empty() && HasBreak(s->As<syntax::ForStmt>()->Body, label, false);
    case NodeKind::RangeStmt:
      return !label.empty() && HasBreak(s->As<syntax::RangeStmt>()->Body, label, false);
    default: return false;
  }
}

}  // namespace

// IsTerminatingList reports whether the last non-empty statement of list terminates.
static bool IsTerminatingList(Checker* check, syntax::List<syntax::Stmt> list, std::string_view label) {
  for (size_t i = list.size; i > 0; i--) {
    if (list[i - 1]->kind != syntax::NodeKind::EmptyStmt) return check->IsTerminating(list[i - 1], label);
  }
  return false;
}

static bool IsTerminatingSwitch(Checker* check, syntax::BlockStmt* body, std::string_view label) {
  bool has_default = false;
  for (syntax::Stmt* s : body->List) {
    auto* cc = s->As<syntax::CaseClause>();
    if (cc->List.empty()) has_default = true;
    if (!IsTerminatingList(check, cc->Body, "") || HasBreakList(cc->Body, label, true)) return false;
  }
  return has_default;
}

bool Checker::IsTerminating(syntax::Stmt* s, std::string_view label) {
  using syntax::NodeKind;
  switch (s->kind) {
    case NodeKind::LabeledStmt: {
      auto* l = s->As<syntax::LabeledStmt>();
      return IsTerminating(l->Stmt, l->Label->Name);
    }
    case NodeKind::ExprStmt: {
      auto* call = syntax::DynCast<syntax::CallExpr>(Unparen(s->As<syntax::ExprStmt>()->X));
      return call != nullptr && is_panic_.count(call) > 0;
    }
    case NodeKind::ReturnStmt: return true;
    case NodeKind::BranchStmt: {
      syntax::Token t = s->As<syntax::BranchStmt>()->Tok;
      return t == syntax::Token::GOTO || t == syntax::Token::FALLTHROUGH;
    }
    case NodeKind::BlockStmt: return IsTerminatingList(this, s->As<syntax::BlockStmt>()->List, "");
    case NodeKind::IfStmt: {
      auto* i = s->As<syntax::IfStmt>();
      return i->Else != nullptr && IsTerminating(i->Body, "") && IsTerminating(i->Else, "");
    }
    case NodeKind::SwitchStmt: return IsTerminatingSwitch(this, s->As<syntax::SwitchStmt>()->Body, label);
    case NodeKind::TypeSwitchStmt:
      return IsTerminatingSwitch(this, s->As<syntax::TypeSwitchStmt>()->Body, label);
    case NodeKind::SelectStmt:
      for (syntax::Stmt* c : s->As<syntax::SelectStmt>()->Body->List) {
        auto* cc = c->As<syntax::CommClause>();
        if (!IsTerminatingList(this, cc->Body, "") || HasBreakList(cc->Body, label, true)) return false;
      }
      return true;
    case NodeKind::ForStmt: {
      auto* f = s->As<syntax::ForStmt>();
      return f->Cond == nullptr && !HasBreak(f->Body, label, true);
    }
    default: return false;
  }
}

}  // namespace gotool::types
