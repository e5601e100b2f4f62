// Objects, scopes, packages and contexts: lookup, insertion, ids and ObjectString.
#include "pkg/types/object.h"

#include <algorithm>

#include "pkg/types/universe.h"

namespace gotool::types {

bool Object::Exported() const {
  if (name.empty()) return false;
  unsigned char c = static_cast<unsigned char>(name[0]);
  // Non-ASCII upper-case letters are not recognised (no Unicode case tables yet).
  return c >= 'A' && c <= 'Z';
}

std::string Object::Id() const {
  if (Exported() || pkg == nullptr) return std::string(name);
  std::string id(pkg->path);
  id += '.';
  id += name;
  return id;
}

bool Object::SameId(const Package* other_pkg, std::string_view other_name) const {
  if (name != other_name) return false;
  if (Exported()) return true;
  if (pkg == nullptr || other_pkg == nullptr) return pkg == other_pkg;
  return pkg == other_pkg || pkg->path == other_pkg->path;
}

bool TypeName::IsAlias() const {
  Type* t = type;
  if (t == nullptr) return false;
  if (Named* n = t->TryAs<Named>()) return n->obj != this;
  if (TypeParam* p = t->TryAs<TypeParam>()) return p->obj != this;
  if (Basic* b = t->TryAs<Basic>()) {
    // byte and rune are aliases; unsafe.Pointer and the predeclared types are not.
    const Universe& u = GetUniverse();
    if (pkg == u.unsafe) return false;
    return pkg != nullptr || b->name != name || b == u.byte_type || b == u.rune_type;
  }
  return true;
}

std::string Func::FullName() const {
  std::string out;
  Signature* sig = type ? type->TryAs<Signature>() : nullptr;
  if (sig != nullptr && sig->recv != nullptr) {
    out += '(';
    WriteType(&out, sig->recv->type, nullptr);
    out += ").";
  } else if (pkg != nullptr) {
    out += pkg->path;
    out += '.';
  }
  out += name;
  return out;
}

Object* Scope::Lookup(std::string_view name) const {
  auto it = elems.find(name);
  return it == elems.end() ? nullptr : it->second;
}

Object* Scope::LookupParent(std::string_view name, base::Pos p, Scope** where) const {
  for (const Scope* s = this; s != nullptr; s = s->parent) {
    Object* obj = s->Lookup(name);
    if (obj != nullptr && (!p.IsValid() || !obj->scope_pos.IsValid() || obj->scope_pos <= p)) {
      if (where) *where = const_cast<Scope*>(s);
      return obj;
    }
  }
  if (where) *where = nullptr;
  return nullptr;
}

Object* Scope::Insert(Object* obj) {
  auto [it, inserted] = elems.emplace(obj->name, obj);
  if (!inserted) return it->second;
  order.push_back(obj);
  if (obj->parent == nullptr) obj->parent = this;
  return nullptr;
}

std::vector<std::string_view> Scope::Names() const {
  std::vector<std::string_view> names;
  names.reserve(elems.size());
  for (auto& [name, obj] : elems) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

Scope* Context::NewScope(Scope* parent, base::Pos pos, base::Pos end, std::string_view comment) {
  Scope* s = &scopes_.emplace_back(parent, pos, end, comment);
  // Package scopes are not recorded as children of the universe.
  if (parent != nullptr && parent->parent != nullptr) parent->children.push_back(s);
  return s;
}

Package* Context::NewPackage(std::string_view path, std::string_view name) {
  Scope* scope = NewScope(GetUniverse().scope, base::NoPos, base::NoPos, "");
  return &packages_.emplace_back(Intern(path), Intern(name), scope);
}

Context* DefaultContext() {
  static Context* ctx = new Context();  // intentionally never destroyed
  return ctx;
}

namespace {

// WritePackagePrefix writes "q." for pkg unless the qualifier is empty.
void WritePackagePrefix(std::string* out, const Package* pkg, const Qualifier* q) {
  if (pkg == nullptr) return;
  std::string s = q ? q->Qualify(pkg) : std::string(pkg->path);
  if (s.empty()) return;
  *out += s;
  *out += '.';
}

// WriteFuncName writes a function's name, with receiver or package prefix.
void WriteFuncName(std::string* out, Func* f, const Qualifier* q) {
  Signature* sig = f->type ? f->type->TryAs<Signature>() : nullptr;
  if (sig != nullptr && sig->recv != nullptr) {
    *out += '(';
    WriteType(out, sig->recv->type, q);
    *out += ").";
  } else {
    WritePackagePrefix(out, f->pkg, q);
  }
  *out += f->name;
}

}  // namespace

std::string ObjectString(Object* obj, const Qualifier* q) {
  std::string out;
  Type* typ = obj->type;
  TypeName* tname = nullptr;
  switch (obj->kind()) {
    case ObjectKind::kPkgName: {
      PkgName* p = obj->As<PkgName>();
      out = "package " + std::string(p->name);
      if (p->imported && p->imported->name != p->name) {
        out += " (\"" + std::string(p->imported->path) + "\")";
      }
      return out;
    }
    case ObjectKind::kConst: out = "const"; break;
    case ObjectKind::kTypeName:
      tname = obj->As<TypeName>();
      out = "type";
      break;
    case ObjectKind::kVar: out = obj->As<Var>()->is_field ? "field" : "var"; break;
    case ObjectKind::kFunc:
      out = "func ";
      WriteFuncName(&out, obj->As<Func>(), q);
      if (typ != nullptr) WriteSignature(&out, typ->As<Signature>(), q);
      return out;
    case ObjectKind::kLabel: out = "label"; typ = nullptr; break;
    case ObjectKind::kBuiltin: out = "builtin"; typ = nullptr; break;
    case ObjectKind::kNil: return "nil";
  }
  out += ' ';
  if (obj->pkg != nullptr && obj->pkg->scope->Lookup(obj->name) == obj) {
    WritePackagePrefix(&out, obj->pkg, q);
  }
  out += obj->name;
  if (typ == nullptr) return out;
  if (tname != nullptr) {
    if (typ->kind() == TypeKind::kBasic) return out;
    if (tname->IsAlias()) {
      out += " =";
    } else {
      typ = Underlying(typ);
    }
  }
  // As go/types: "type any = interface{}", not "type any = any".
  if (obj == GetUniverse().scope->Lookup("any")) return out + " interface{}";
  out += ' ';
  WriteType(&out, typ, q);
  return out;
}

}  // namespace gotool::types
