// Labels: declaration, use and the validity of break, continue and goto targets
// (go/types' labels.go).
#include <unordered_map>

#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

// LabelBlock tracks label declarations in a block and its enclosing blocks.
struct LabelBlock {
  LabelBlock* parent;
  syntax::LabeledStmt* lstmt;  // labeled statement this block belongs to, or nullptr
  base::Pos start;             // start of the block (for compiler-style messages)
  std::unordered_map<std::string_view, syntax::LabeledStmt*> labels;

  syntax::LabeledStmt* GotoTarget(std::string_view name) {
    for (LabelBlock* b = this; b != nullptr; b = b->parent) {
      auto it = b->labels.find(name);
      if (it != b->labels.end()) return it->second;
    }
    return nullptr;
  }
  syntax::LabeledStmt* EnclosingTarget(std::string_view name) {
    for (LabelBlock* b = this; b != nullptr; b = b->parent) {
      if (b->lstmt != nullptr && b->lstmt->Label->Name == name) return b->lstmt;
    }
    return nullptr;
  }
};

// BranchWalker implements blockBranches for one function body.
class BranchWalker {
 public:
  BranchWalker(Checker* check, Scope* all) : check_(check), all_(all) {}

  std::vector<syntax::BranchStmt*> Block(LabelBlock* parent, syntax::LabeledStmt* lstmt,
                                         base::Pos start, syntax::List<syntax::Stmt> list) {
    State st{LabelBlock{parent, lstmt, start, {}}, {}, {}, base::NoPos, {}};
    for (syntax::Stmt* s : list) StmtBranches(&st, s, lstmt);
    return st.fwd;
  }

 private:
  struct State {
    LabelBlock b;
    std::vector<syntax::BranchStmt*> fwd, bad;
    base::Pos var_decl_pos;
    std::string var_name;
  };

  void RecordVarDecl(State* st, base::Pos pos, std::string name) {
    st->var_decl_pos = pos;
    st->var_name = std::move(name);
    st->bad = st->fwd;
  }

  bool JumpsOverVarDecl(State* st, syntax::BranchStmt* jmp) {
    if (!st->var_decl_pos.IsValid()) return false;
    for (syntax::BranchStmt* b : st->bad) {
      if (b == jmp) return true;
    }
    return false;
  }

  void Nested(State* st, syntax::LabeledStmt* lstmt, base::Pos start, syntax::List<syntax::Stmt> list) {
    std::vector<syntax::BranchStmt*> f = Block(&st->b, lstmt, start, list);
    st->fwd.insert(st->fwd.end(), f.begin(), f.end());
  }

  void Labeled(State* st, syntax::LabeledStmt* s, syntax::LabeledStmt*& lstmt) {
    std::string_view name = s->Label->Name;
    if (name == "_") return;
    Label* lbl = check_->ctx()->NewObject<Label>(s->Label->NamePos, check_->pkg(), name);
    if (Object* alt = all_->Insert(lbl)) {
      if (check_->compiler_errors_) {
        check_->Errorf(lbl->pos, "label {} already defined at {}", name,
                       check_->fset().PositionFor(alt->pos).String());
      } else {
        check_->SoftErrorf(lbl->pos, "label {} already declared", name);
        check_->Errorf(alt->pos, "\tother declaration of {}", name);
      }
    } else {
      st->b.labels[name] = s;
      block_start_[name] = st->b.start;
      check_->RecordDef(s->Label, lbl);
    }
    size_t i = 0;
    for (syntax::BranchStmt* jmp : st->fwd) {
      if (jmp->Label->Name == name) {
        lbl->used = true;
        check_->RecordUse(jmp->Label, lbl);
        if (JumpsOverVarDecl(st, jmp) && check_->compiler_errors_) {
          check_->Errorf(jmp->Label->NamePos, "goto {} jumps over declaration of {} at {}", name,
                         st->var_name, check_->fset().PositionFor(st->var_decl_pos).String());
        } else if (JumpsOverVarDecl(st, jmp)) {
          check_->SoftErrorf(jmp->Label->NamePos, "goto {} jumps over variable declaration at line {}",
                             name, check_->fset().PositionFor(st->var_decl_pos).line);
        }
      } else {
        st->fwd[i++] = jmp;
      }
    }
    st->fwd.resize(i);
    lstmt = s;
  }

  void Branch(State* st, syntax::BranchStmt* s) {
    if (s->Label == nullptr) return;
    std::string_view name = s->Label->Name;
    if (s->Tok == syntax::Token::BREAK || s->Tok == syntax::Token::CONTINUE) {
      bool is_break = s->Tok == syntax::Token::BREAK;
      bool valid = false;
      if (syntax::LabeledStmt* t = st->b.EnclosingTarget(name)) {
        syntax::NodeKind k = t->Stmt->kind;
        valid = k == syntax::NodeKind::ForStmt || k == syntax::NodeKind::RangeStmt;
        if (is_break) {
          valid |= k == syntax::NodeKind::SwitchStmt || k == syntax::NodeKind::TypeSwitchStmt ||
                   k == syntax::NodeKind::SelectStmt;
        }
      }
      if (!valid) {
        const char* what = is_break ? "break" : "continue";
        // cmd/compile counts any reference as a use of the label.
        if (Object* obj = all_->Lookup(name); obj && check_->compiler_errors_) obj->As<Label>()->used = true;
        if (check_->compiler_errors_ && all_->Lookup(name) == nullptr) {
          check_->Errorf(s->Label->NamePos, "{} label not defined: {}", what, name);
        } else {
          check_->Errorf(s->Label->NamePos, "invalid {} label {}", what, name);
        }
        return;
      }
    } else if (s->Tok == syntax::Token::GOTO) {
      if (st->b.GotoTarget(name) == nullptr) {
        st->fwd.push_back(s);
        return;
      }
    } else {
      return;
    }
    if (Object* obj = all_->Lookup(name)) {
      obj->As<Label>()->used = true;
      check_->RecordUse(s->Label, obj);
    }
  }

  void StmtBranches(State* st, syntax::Stmt* s, syntax::LabeledStmt*& lstmt) {
    switch (s->kind) {
      case syntax::NodeKind::DeclStmt: {
        auto* d = syntax::DynCast<syntax::GenDecl>(s->As<syntax::DeclStmt>()->Decl);
        if (d != nullptr && d->Tok == syntax::Token::VAR && !d->Specs.empty()) {
          auto* vs = d->Specs[0]->As<syntax::ValueSpec>();
          RecordVarDecl(st, vs->Names[0]->NamePos, std::string(vs->Names[0]->Name));
        }
        break;
      }
      case syntax::NodeKind::LabeledStmt: {
        auto* ls = s->As<syntax::LabeledStmt>();
        Labeled(st, ls, lstmt);
        StmtBranches(st, ls->Stmt, lstmt);
        break;
      }
      case syntax::NodeKind::BranchStmt: Branch(st, s->As<syntax::BranchStmt>()); break;
      case syntax::NodeKind::AssignStmt:
        if (s->As<syntax::AssignStmt>()->Tok == syntax::Token::DEFINE) {
          auto* as = s->As<syntax::AssignStmt>();
          std::string names;
          for (size_t i = 0; i < as->Lhs.size; i++) {
            if (i > 0) names += ", ";
            names += check_->S(as->Lhs[i]);
          }
          RecordVarDecl(st, as->TokPos, names);
        }
        break;
      case syntax::NodeKind::BlockStmt:
        Nested(st, lstmt, s->As<syntax::BlockStmt>()->Lbrace, s->As<syntax::BlockStmt>()->List);
        break;
      case syntax::NodeKind::IfStmt: {
        auto* is = s->As<syntax::IfStmt>();
        StmtBranches(st, is->Body, lstmt);
        if (is->Else != nullptr) StmtBranches(st, is->Else, lstmt);
        break;
      }
      case syntax::NodeKind::CaseClause:
        Nested(st, nullptr, s->As<syntax::CaseClause>()->Case, s->As<syntax::CaseClause>()->Body);
        break;
      case syntax::NodeKind::CommClause:
        Nested(st, nullptr, s->As<syntax::CommClause>()->Case, s->As<syntax::CommClause>()->Body);
        break;
      case syntax::NodeKind::SwitchStmt: StmtBranches(st, s->As<syntax::SwitchStmt>()->Body, lstmt); break;
      case syntax::NodeKind::TypeSwitchStmt:
        StmtBranches(st, s->As<syntax::TypeSwitchStmt>()->Body, lstmt);
        break;
      case syntax::NodeKind::SelectStmt: StmtBranches(st, s->As<syntax::SelectStmt>()->Body, lstmt); break;
      case syntax::NodeKind::ForStmt: StmtBranches(st, s->As<syntax::ForStmt>()->Body, lstmt); break;
      case syntax::NodeKind::RangeStmt: StmtBranches(st, s->As<syntax::RangeStmt>()->Body, lstmt); break;
      default: break;
    }
  }

  Checker* check_;
  Scope* all_;

 public:
  std::unordered_map<std::string_view, base::Pos> block_start_;  // label → its block's start
};

}  // namespace

void Checker::Labels(syntax::BlockStmt* body) {
  Scope all(nullptr, body->Lbrace, syntax::NodeEnd(body), "label");
  BranchWalker w(this, &all);
  std::vector<syntax::BranchStmt*> fwd = w.Block(nullptr, nullptr, body->Lbrace, body->List);
  for (syntax::BranchStmt* jmp : fwd) {
    std::string_view name = jmp->Label->Name;
    if (Object* alt = all.Lookup(name)) {
      alt->As<Label>()->used = true;
      if (compiler_errors_) {
        Errorf(jmp->Label->NamePos, "goto {} jumps into block starting at {}", name,
               fset_.PositionFor(w.block_start_[name]).String());
      } else {
        Errorf(jmp->Label->NamePos, "goto {} jumps into block", name);
      }
    } else if (compiler_errors_) {
      Errorf(jmp->Label->NamePos, "label {} not defined", name);
    } else {
      Errorf(jmp->Label->NamePos, "label {} not declared", name);
    }
  }
  for (Object* obj : all.order) {
    Label* lbl = obj->As<Label>();
    if (lbl->used) continue;
    if (compiler_errors_) {
      Errorf(lbl->pos, "label {} defined and not used", lbl->name);
    } else {
      SoftErrorf(lbl->pos, "label {} declared but not used", lbl->name);
    }
  }
}

}  // namespace gotool::types
