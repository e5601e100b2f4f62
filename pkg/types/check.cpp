// The check driver: Check, the Checker's passes in order, and recording into Info.
#include "pkg/types/checker.h"

namespace gotool::types {

syntax::Expr* Unparen(syntax::Expr* e) {
  while (e != nullptr && e->kind == syntax::NodeKind::ParenExpr) {
    e = e->As<syntax::ParenExpr>()->X;
  }
  return e;
}

bool TypeAndValue::IsValue() const {
  switch (mode) {
    case OperandMode::kConstant: case OperandMode::kVariable: case OperandMode::kMapIndex:
    case OperandMode::kValue: case OperandMode::kCommaOk: return true;
    default: return false;
  }
}

Type* Info::TypeOf(const syntax::Expr* e) const {
  auto it = types.find(e);
  if (it != types.end()) return it->second.type;
  if (const syntax::Ident* id = syntax::DynCast<syntax::Ident>(e)) {
    if (Object* obj = ObjectOf(id)) return obj->type;
  }
  return nullptr;
}

Object* Info::ObjectOf(const syntax::Ident* e) const {
  if (auto it = defs.find(e); it != defs.end() && it->second) return it->second;
  if (auto it = uses.find(e); it != uses.end()) return it->second;
  return nullptr;
}

Checker::Checker(const Config& cfg, Context* ctx, Package* pkg, const base::FileSet& fset,
                 Info* info, base::ErrorList* errors)
    : cfg_(cfg), ctx_(ctx), pkg_(pkg), fset_(fset), info_(info), errors_(errors), qualifier_(this) {
  compiler_errors_ = cfg.compiler_errors;
  std::string_view v = cfg.go_version;
  if (v.starts_with("go1.")) {
    int minor = 0;
    for (char c : v.substr(4)) {
      if (c < '0' || c > '9') break;
      minor = minor * 10 + (c - '0');
    }
    lang_minor_ = minor;
  }
}

void Checker::CheckFiles(std::span<syntax::File* const> all_files) {
  // Pass 1: keep the files of the package named by the first file.
  std::vector<syntax::File*> files;
  for (syntax::File* f : all_files) {
    if (f == nullptr || f->Name == nullptr) continue;
    std::string_view name = f->Name->Name;
    if (pkg_->name.empty()) {
      if (name != "_") {
        pkg_->name = ctx_->Intern(name);
      } else {
        Error(f->Name->NamePos, "invalid package name _");
      }
      files.push_back(f);
      continue;
    }
    if (name != pkg_->name) {
      Errorf(f->Package, "package {}; expected {}", name, pkg_->name);
      continue;
    }
    files.push_back(f);
  }
  // Pass 2: collect package-level objects; pass 3: type-check them.
  CollectObjects(files);
  PackageObjects();
  // Pass 4: function bodies and other delayed actions.
  ProcessDelayed(0);
  // Pass 5: initialization order, unused imports, remaining untyped expressions.
  InitOrder();
  if (!cfg_.ignore_func_bodies) UnusedImports();
  RecordUntyped();
  // Pass 6: instantiation cycles (go/types skips this after errors).
  if (!first_err_) Monomorph();
  FlushErrors();
  pkg_->complete = true;
}

void Checker::ProcessDelayed(size_t top) {
  for (size_t i = top; i < delayed_.size(); i++) {
    std::function<void()> f = std::move(delayed_[i]);
    f();
  }
  delayed_.resize(top);
}

void Checker::RememberUntyped(syntax::Expr* e, bool lhs, OperandMode mode, Basic* typ,
                              constant::Value val) {
  ExprInfo& info = untyped_[e];
  info.is_lhs = lhs;
  info.mode = mode;
  info.type = typ;
  info.val = std::move(val);
}

void Checker::RecordTypeAndValue(syntax::Expr* e, OperandMode mode, Type* typ,
                                 const constant::Value& val) {
  if (mode == OperandMode::kInvalid || info_ == nullptr || !info_->record_types) return;
  TypeAndValue& tv = info_->types[e];
  tv.mode = mode;
  tv.type = typ;
  if (mode == OperandMode::kConstant) tv.value = val;
}

void Checker::RecordBuiltinType(syntax::Expr* e, Signature* sig) {
  // Record the signature for the builtin and every enclosing parenthesized expression.
  while (true) {
    RecordTypeAndValue(e, OperandMode::kBuiltin, sig, constant::Value());
    auto* p = syntax::DynCast<syntax::ParenExpr>(e);
    if (p == nullptr) return;
    e = p->X;
  }
}

void Checker::RecordCommaOkTypes(syntax::Expr* e, Type* t0, Type* t1) {
  if (info_ == nullptr || !info_->record_types) return;
  Tuple* t = ctx_->NewType<Tuple>();
  t->vars.push_back(ctx_->NewObject<Var>(base::NoPos, pkg_, "", t0));
  t->vars.push_back(ctx_->NewObject<Var>(base::NoPos, pkg_, "", t1));
  while (true) {
    auto it = info_->types.find(e);
    if (it != info_->types.end()) it->second.type = t;
    auto* p = syntax::DynCast<syntax::ParenExpr>(e);
    if (p == nullptr) return;
    e = p->X;
  }
}

void Checker::RecordDef(syntax::Ident* id, Object* obj) {
  if (id != nullptr && info_ != nullptr && info_->record_defs) info_->defs[id] = obj;
}

void Checker::RecordUse(syntax::Ident* id, Object* obj) {
  if (info_ != nullptr && info_->record_uses) info_->uses[id] = obj;
}

void Checker::RecordImplicit(syntax::Node* n, Object* obj) {
  if (info_ != nullptr && info_->record_implicits) info_->implicits[n] = obj;
}

void Checker::RecordSelection(syntax::SelectorExpr* e, SelectionKind kind, Type* recv,
                              Object* obj, std::vector<int> index, bool indirect) {
  RecordUse(e->Sel, obj);
  if (info_ == nullptr || !info_->record_selections) return;
  info_->selections[e] = Selection{kind, recv, obj, std::move(index), indirect};
}

void Checker::RecordScope(syntax::Node* n, Scope* s) {
  if (info_ != nullptr && info_->record_scopes) info_->scopes[n] = s;
}

void Checker::RecordUntyped() {
  for (auto& [e, info] : untyped_) {
    RecordTypeAndValue(e, info.mode, info.type, info.val);
  }
}

std::string CheckerQualifier::Qualify(const Package* pkg) const {
  if (pkg == check_->pkg()) return "";
  // If the same package name was used by multiple imported packages, use the path.
  int same = 0;
  std::vector<const Package*> stack(check_->pkg()->imports.begin(), check_->pkg()->imports.end());
  std::unordered_set<const Package*> seen;
  std::unordered_set<std::string_view> paths;
  while (!stack.empty()) {
    const Package* p = stack.back();
    stack.pop_back();
    if (!seen.insert(p).second) continue;
    if (p->name == pkg->name && paths.insert(p->path).second) same++;
    for (Package* q : p->imports) stack.push_back(q);
  }
  if (same > 1) return fmt::format("\"{}\"", pkg->path);
  return std::string(pkg->name);
}

Package* Check(const Config& cfg, std::string_view path, const base::FileSet& fset,
               std::span<syntax::File* const> files, Info* info, base::ErrorList* errors) {
  Context* ctx = cfg.context ? cfg.context : DefaultContext();
  Package* pkg = ctx->NewPackage(path, "");
  Checker check(cfg, ctx, pkg, fset, info, errors);
  check.CheckFiles(files);
  return pkg;
}

}  // namespace gotool::types
