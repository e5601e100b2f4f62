// Compiler mode's back-end checks: errors cmd/compile reports after type checking,
// while it converts the checked package into its own IR (types.CalcSize's limits on
// type sizes), which it prints only when nothing else failed.
#include "pkg/types/compiler_checks.h"

#include <fmt/core.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "pkg/syntax/walk.h"
#include "pkg/types/checker.h"
#include "pkg/types/type.h"

namespace gotool::types {
namespace {

// kMaxWidth is gc's limit on the size of a type on amd64 (types.MaxWidth).
constexpr int64_t kMaxWidth = int64_t(1) << 50;
// kMaxChanElem bounds the size of a channel's element type (types.CalcSize).
constexpr int64_t kMaxChanElem = int64_t(1) << 16;

// SizeChecker computes the size of every type the package's declarations and
// expressions use, once per type object, in the order cmd/compile's irgen converts
// them, and reports the types it cannot lay out at the position irgen is at then:
// a declared name, or an expression (a call at its '(').
class SizeChecker {
 public:
  SizeChecker(const Info& info, base::ErrorList* late, const base::FileSet& fset)
      : info_(info), late_(late), fset_(fset) {}

  void Visit(syntax::Node* n);

 private:
  void Def(syntax::Ident* id);
  void CheckType(Type* t, base::Pos pos);
  void Report(base::Pos pos, std::string msg) {
    late_->Add(fset_, base::Diagnostic{pos, std::move(msg)});
  }

  const Info& info_;
  base::ErrorList* late_;
  const base::FileSet& fset_;
  std::unordered_set<Type*> done_;
};

// ExprPos is where cmd/compile's syntax tree puts an expression that a size error
// names: a call at its '(' (its other expressions are not reported here first).
base::Pos ExprPos(const syntax::Expr* e) {
  if (auto* call = syntax::DynCast<syntax::CallExpr>(e)) return call->Lparen;
  if (auto* lit = syntax::DynCast<syntax::CompositeLit>(e)) return lit->Lbrace;
  return syntax::NodePos(e);
}

void SizeChecker::CheckType(Type* t, base::Pos pos) {
  if (t == nullptr || !done_.insert(t).second) return;
  switch (t->kind()) {
    case TypeKind::kNamed:
      CheckType(Underlying(t), pos);
      break;
    case TypeKind::kPointer:
      CheckType(t->As<Pointer>()->elem, pos);
      break;
    case TypeKind::kSlice:
      CheckType(t->As<Slice>()->elem, pos);
      break;
    case TypeKind::kMap:
      CheckType(t->As<Map>()->key, pos);
      CheckType(t->As<Map>()->elem, pos);
      break;
    case TypeKind::kStruct:
      for (Var* f : t->As<Struct>()->fields) CheckType(f->type, pos);
      break;
    case TypeKind::kTuple:
      for (Var* v : t->As<Tuple>()->vars) CheckType(v->type, pos);
      break;
    case TypeKind::kSignature:
      CheckType(t->As<Signature>()->params, pos);
      CheckType(t->As<Signature>()->results, pos);
      break;
    case TypeKind::kArray: {
      Array* a = t->As<Array>();
      CheckType(a->elem, pos);
      int64_t elem = Sizeof(a->elem);
      if (elem != 0 && a->len > (kMaxWidth - 1) / elem) {
        Report(pos, fmt::format("type {} larger than address space", TypeString(t)));
      }
      break;
    }
    case TypeKind::kChan: {
      Type* elem = t->As<Chan>()->elem;
      CheckType(elem, pos);
      if (Sizeof(elem) >= kMaxChanElem) Report(pos, "channel element type too large (>64kB)");
      break;
    }
    default:
      break;  // basic types, interfaces, type parameters
  }
}

// Def checks the type of the object id declares, at id.
void SizeChecker::Def(syntax::Ident* id) {
  auto it = info_.defs.find(id);
  if (it == info_.defs.end() || it->second == nullptr) return;
  Object* obj = it->second;
  if (obj->kind() == ObjectKind::kVar || obj->kind() == ObjectKind::kTypeName ||
      obj->kind() == ObjectKind::kFunc) {
    CheckType(obj->type, id->NamePos);
  }
}

void SizeChecker::Visit(syntax::Node* n) {
  if (n == nullptr) return;
  switch (n->kind) {
    case syntax::NodeKind::ValueSpec: {  // names first, then values (irgen's varDecl)
      auto* s = n->As<syntax::ValueSpec>();
      for (syntax::Ident* id : s->Names) Def(id);
      for (syntax::Expr* v : s->Values) Visit(v);
      return;
    }
    case syntax::NodeKind::TypeSpec:
      Def(n->As<syntax::TypeSpec>()->Name);
      return;
    case syntax::NodeKind::FuncDecl: {
      auto* d = n->As<syntax::FuncDecl>();
      Def(d->Name);
      Visit(d->Body);
      return;
    }
    case syntax::NodeKind::AssignStmt: {  // the right-hand side first (irgen's)
      auto* s = n->As<syntax::AssignStmt>();
      for (syntax::Expr* e : s->Rhs) Visit(e);
      for (syntax::Expr* e : s->Lhs) Visit(e);
      return;
    }
    case syntax::NodeKind::Ident:
      Def(n->As<syntax::Ident>());
      return;
    default:
      break;
  }
  if (syntax::CategoryOf(n->kind) == syntax::NodeCategory::kExpr) {
    auto it = info_.types.find(static_cast<syntax::Expr*>(n));
    if (it != info_.types.end()) {
      if (it->second.mode == OperandMode::kTypexpr) return;  // not converted as such
      CheckType(it->second.type, ExprPos(static_cast<syntax::Expr*>(n)));
    }
  }
  syntax::ForEachChild(n, [this](syntax::Node* c) { Visit(c); });
}

// IsGenericFunc reports whether d declares a function with type parameters or a
// method of a generic type (cmd/compile's irgen topFuncIsGeneric).
bool IsGenericFunc(const syntax::FuncDecl* d) {
  if (d->Type->TypeParams != nullptr && d->Type->TypeParams->List.size > 0) return true;
  if (d->Recv == nullptr || d->Recv->List.size == 0) return false;
  syntax::Expr* t = d->Recv->List[0]->Type;
  while (true) {
    if (auto* p = syntax::DynCast<syntax::ParenExpr>(t)) {
      t = p->X;
    } else if (auto* s = syntax::DynCast<syntax::StarExpr>(t)) {
      t = s->X;
    } else {
      break;
    }
  }
  return t->kind == syntax::NodeKind::IndexExpr || t->kind == syntax::NodeKind::IndexListExpr;
}

// CheckLocalTypesInGenericFuncs reports the type declarations in the bodies of
// generic functions (closures included), which cmd/compile 1.19 cannot compile.
void CheckLocalTypesInGenericFuncs(const base::FileSet& fset, syntax::File* f,
                                   base::ErrorList* late) {
  for (syntax::Decl* decl : f->Decls) {
    auto* d = syntax::DynCast<syntax::FuncDecl>(decl);
    if (d == nullptr || d->Body == nullptr || !IsGenericFunc(d)) continue;
    syntax::Inspect(d->Body, [&](syntax::Node* n) {
      auto* ds = syntax::DynCast<syntax::DeclStmt>(n);
      auto* g = ds ? syntax::DynCast<syntax::GenDecl>(ds->Decl) : nullptr;
      if (g != nullptr && g->Tok == syntax::Token::TYPE) {
        late->Add(fset,
                  base::Diagnostic{
                      g->TokPos,
                      "type declarations inside generic functions are not currently supported"});
      }
      return true;
    });
  }
}

// CleanPath returns the shortest slash-separated path equivalent to p, as Go's
// path.Clean: no empty or "." elements, ".." elements resolved where they can be.
std::string CleanPath(std::string_view p) {
  if (p.empty()) return ".";
  bool rooted = p[0] == '/';
  std::vector<std::string_view> elems;
  size_t dotdots = 0;  // leading ".." elements kept in a relative path
  for (size_t i = 0; i <= p.size();) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view e = p.substr(i, j - i);
    i = j + 1;
    if (e.empty() || e == ".") continue;
    if (e != "..") {
      elems.push_back(e);
    } else if (elems.size() > dotdots) {
      elems.pop_back();
    } else if (!rooted) {
      elems.push_back(e);
      dotdots++;
    }
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < elems.size(); i++) {
    if (i > 0) out += '/';
    out += elems[i];
  }
  return out.empty() ? "." : out;
}

}  // namespace

std::string CompilerImportPathError(std::string_view path) {
  if (path == "main") return "cannot import \"main\"";
  if (path.starts_with('/')) return "import path cannot be absolute path";
  bool local = path == "." || path == ".." || path.starts_with("./") || path.starts_with("../");
  if (local) return "";  // relative to the compiler's directory: left to the importer
  if (std::string clean = CleanPath(path); clean != path) {
    return fmt::format("non-canonical import path \"{}\" (should be \"{}\")", path, clean);
  }
  return "";
}

void CompilerLinknameChecks(const Package& pkg, std::span<const syntax::Linkname> linknames,
                            std::string_view go_version, base::ErrorList* late) {
  int minor = 1 << 30;  // the newest
  if (go_version.starts_with("go1.")) {
    minor = 0;
    for (char c : go_version.substr(4)) {
      if (c < '0' || c > '9') break;
      minor = minor * 10 + (c - '0');
    }
  }
  std::unordered_set<std::string_view> linked;
  for (const syntax::Linkname& l : linknames) {
    Object* obj = pkg.scope->Lookup(l.local);
    if (obj == nullptr || (obj->kind() != ObjectKind::kVar && obj->kind() != ObjectKind::kFunc)) {
      if (minor >= 18)
        late->Add(l.pos, "//go:linkname must refer to declared function or variable");
      continue;
    }
    if (!linked.insert(l.local).second) {
      late->Add(l.pos, fmt::format("duplicate //go:linkname for {}", l.local));
    }
  }
}

void CompilerBranchChecks(const base::FileSet& fset, std::span<syntax::File* const> files,
                          const base::ErrorList& parse_errors, base::ErrorList* errors) {
  Config cfg;
  cfg.compiler_errors = true;
  Context ctx;
  Package* pkg = ctx.NewPackage("main", "main");
  Checker check(cfg, &ctx, pkg, fset, nullptr, errors);
  // Whether a parse error lies in [from, to].
  auto has_error = [&](base::Pos from, base::Pos to) {
    base::Position a = fset.PositionFor(from), b = fset.PositionFor(to);
    for (const base::PositionedError& e : parse_errors) {
      if (e.pos.filename != a.filename) continue;
      bool after = e.pos.line > a.line || (e.pos.line == a.line && e.pos.column >= a.column);
      bool before = e.pos.line < b.line || (e.pos.line == b.line && e.pos.column <= b.column);
      if (after && before) return true;
    }
    return false;
  };
  for (syntax::File* f : files) {
    if (f == nullptr) continue;
    syntax::Inspect(f, [&](syntax::Node* n) {
      syntax::BlockStmt* body = nullptr;
      if (auto* d = syntax::DynCast<syntax::FuncDecl>(n)) body = d->Body;
      if (auto* lit = syntax::DynCast<syntax::FuncLit>(n)) body = lit->Body;
      if (body != nullptr && !has_error(body->Lbrace, body->Rbrace)) check.Labels(body);
      return true;
    });
  }
  check.FlushErrors();
}

void CompilerLateChecks(const base::FileSet& fset, std::span<syntax::File* const> files,
                        const Info& info, base::ErrorList* late) {
  SizeChecker sizes(info, late, fset);
  for (syntax::File* f : files) {
    if (f == nullptr) continue;
    for (syntax::Decl* d : f->Decls) sizes.Visit(d);
    CheckLocalTypesInGenericFuncs(fset, f, late);
  }
}

}  // namespace gotool::types
