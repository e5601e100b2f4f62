// Type strings as go/types' TypeString and WriteSignature, and the gc amd64 sizes.
#include <string>

#include "pkg/base/strconv.h"
#include "pkg/types/generics.h"
#include "pkg/types/object.h"
#include "pkg/types/type.h"
#include "pkg/types/universe.h"

namespace gotool::types {

Type* Underlying(Type* t) {
  if (t == nullptr) return nullptr;
  // Follow chains of defined types (type T U) to the first non-Named type; the
  // chain is bounded because declaration cycles are broken by the checker.
  for (int i = 0; i < 1000; i++) {
    Named* n = t->TryAs<Named>();
    if (n == nullptr) break;
    // An instance of a generic type found invalid (a cycle) is invalid too.
    if (n->orig != nullptr && n->orig->underlying == InvalidType()) return InvalidType();
    if (n->orig != nullptr && n->underlying == nullptr) {
      Type* u = ExpandNamed(n);
      if (u == nullptr) return InvalidType();
      t = u;
      continue;
    }
    if (n->underlying == nullptr || n->underlying == n) return InvalidType();
    t = n->underlying;
  }
  if (t->kind() == TypeKind::kNamed) return InvalidType();
  if (TypeParam* p = t->TryAs<TypeParam>()) {
    return p->constraint ? Underlying(p->constraint) : InvalidType();
  }
  return t;
}

std::string Qualifier::Qualify(const Package* pkg) const { return std::string(pkg->path); }

namespace {

void WriteTypeName(std::string* out, TypeName* obj, const Qualifier* q) {
  if (obj->pkg != nullptr) {
    std::string s = q ? q->Qualify(obj->pkg) : std::string(obj->pkg->path);
    if (!s.empty()) {
      *out += s;
      *out += '.';
    }
  }
  *out += obj->name;
}

void WriteTuple(std::string* out, Tuple* t, bool variadic, const Qualifier* q) {
  *out += '(';
  if (t != nullptr) {
    for (size_t i = 0; i < t->vars.size(); i++) {
      Var* v = t->vars[i];
      if (i > 0) *out += ", ";
      if (!v->name.empty()) {
        *out += v->name;
        *out += ' ';
      }
      Type* typ = v->type;
      if (variadic && i + 1 == t->vars.size()) {
        if (Slice* s = typ->TryAs<Slice>()) {
          *out += "...";
          typ = s->elem;
        } else {
          WriteType(out, typ, q);
          *out += "...";
          continue;
        }
      }
      WriteType(out, typ, q);
    }
  }
  *out += ')';
}

void WriteStruct(std::string* out, Struct* s, const Qualifier* q) {
  *out += "struct{";
  for (size_t i = 0; i < s->fields.size(); i++) {
    Var* f = s->fields[i];
    if (i > 0) *out += "; ";
    if (!f->embedded) {
      *out += f->name;
      *out += ' ';
    }
    WriteType(out, f->type, q);
    if (i < s->tags.size() && !s->tags[i].empty()) {
      *out += ' ';
      *out += base::Quote(s->tags[i]);
    }
  }
  *out += '}';
}

void WriteInterface(std::string* out, Interface* t, const Qualifier* q) {
  const Universe& u = GetUniverse();
  if (t == u.any_type) {
    *out += "any";
    return;
  }
  if (u.comparable_type && t == Underlying(u.comparable_type)) {
    *out += "interface{comparable}";
    return;
  }
  if (t->implicit && t->methods.empty() && t->embeddeds.size() == 1) {
    WriteType(out, t->embeddeds[0], q);
    return;
  }
  *out += "interface{";
  bool first = true;
  for (Func* m : t->methods) {
    if (!first) *out += "; ";
    first = false;
    *out += m->name;
    WriteSignature(out, m->type->As<Signature>(), q);
  }
  for (Type* e : t->embeddeds) {
    if (!first) *out += "; ";
    first = false;
    WriteType(out, e, q);
  }
  *out += '}';
}

void WriteChan(std::string* out, Chan* c, const Qualifier* q) {
  bool parens = false;
  switch (c->dir) {
    case ChanDir::kSendRecv:
      *out += "chan ";
      if (Chan* e = c->elem->TryAs<Chan>(); e && e->dir == ChanDir::kRecvOnly) parens = true;
      break;
    case ChanDir::kSendOnly: *out += "chan<- "; break;
    case ChanDir::kRecvOnly: *out += "<-chan "; break;
  }
  if (parens) *out += '(';
  WriteType(out, c->elem, q);
  if (parens) *out += ')';
}

}  // namespace

void WriteTypeParamList(std::string* out, const std::vector<TypeParam*>& params,
                        const Qualifier* q) {
  *out += '[';
  for (size_t i = 0; i < params.size(); i++) {
    if (i > 0) *out += ", ";
    *out += params[i]->obj->name;
    // Parameters with the same constraint share it: [P, Q any].
    bool same_next = i + 1 < params.size() && params[i + 1]->constraint == params[i]->constraint;
    if (!same_next) {
      *out += ' ';
      WriteType(out, params[i]->constraint, q);
    }
  }
  *out += ']';
}

void WriteSignature(std::string* out, Signature* sig, const Qualifier* q) {
  if (!sig->type_params.empty()) WriteTypeParamList(out, sig->type_params, q);
  WriteTuple(out, sig->params, sig->variadic, q);
  size_t n = sig->results ? sig->results->size() : 0;
  if (n == 0) return;
  *out += ' ';
  if (n == 1 && sig->results->vars[0]->name.empty()) {
    WriteType(out, sig->results->vars[0]->type, q);
    return;
  }
  WriteTuple(out, sig->results, false, q);
}

void WriteType(std::string* out, Type* t, const Qualifier* q) {
  if (t == nullptr) {
    *out += "<nil>";
    return;
  }
  switch (t->kind()) {
    case TypeKind::kBasic: {
      Basic* b = t->As<Basic>();
      if (b->basic_kind == BasicKind::kUnsafePointer) {
        WriteTypeName(out, GetUniverse().unsafe->scope->Lookup("Pointer")->As<TypeName>(), q);
      } else {
        *out += b->name;
      }
      return;
    }
    case TypeKind::kPointer:
      *out += '*';
      WriteType(out, t->As<Pointer>()->elem, q);
      return;
    case TypeKind::kArray:
      *out += '[' + std::to_string(t->As<Array>()->len) + ']';
      WriteType(out, t->As<Array>()->elem, q);
      return;
    case TypeKind::kSlice:
      *out += "[]";
      WriteType(out, t->As<Slice>()->elem, q);
      return;
    case TypeKind::kStruct: WriteStruct(out, t->As<Struct>(), q); return;
    case TypeKind::kTuple: WriteTuple(out, t->As<Tuple>(), false, q); return;
    case TypeKind::kSignature:
      *out += "func";
      WriteSignature(out, t->As<Signature>(), q);
      return;
    case TypeKind::kInterface: WriteInterface(out, t->As<Interface>(), q); return;
    case TypeKind::kMap:
      *out += "map[";
      WriteType(out, t->As<Map>()->key, q);
      *out += ']';
      WriteType(out, t->As<Map>()->elem, q);
      return;
    case TypeKind::kChan: WriteChan(out, t->As<Chan>(), q); return;
    case TypeKind::kNamed: {
      Named* n = t->As<Named>();
      WriteTypeName(out, n->obj, q);
      if (n->orig != nullptr) {
        *out += '[';
        for (size_t i = 0; i < n->type_args.size(); i++) {
          if (i > 0) *out += ", ";
          WriteType(out, n->type_args[i], q);
        }
        *out += ']';
      } else if (!n->type_params.empty()) {
        WriteTypeParamList(out, n->type_params, q);
      }
      return;
    }
    case TypeKind::kTypeParam: *out += t->As<TypeParam>()->obj->name; return;
    case TypeKind::kUnion: {
      const std::vector<Term>& terms = t->As<Union>()->terms;
      for (size_t i = 0; i < terms.size(); i++) {
        if (i > 0) *out += '|';  // as go/types writes unions (term lists use " | ")
        if (terms[i].tilde) *out += '~';
        WriteType(out, terms[i].type, q);
      }
      return;
    }
  }
}

std::string TypeString(Type* t, const Qualifier* q) {
  std::string out;
  WriteType(&out, t, q);
  return out;
}

namespace {

int64_t AlignUp(int64_t x, int64_t a) { return (x + a - 1) / a * a; }

int64_t BasicSize(BasicKind k) {
  switch (k) {
    case BasicKind::kBool: case BasicKind::kInt8: case BasicKind::kUint8: return 1;
    case BasicKind::kInt16: case BasicKind::kUint16: return 2;
    case BasicKind::kInt32: case BasicKind::kUint32: case BasicKind::kFloat32: return 4;
    case BasicKind::kComplex128: case BasicKind::kString: return 16;
    default: return 8;
  }
}

}  // namespace

// DepthGuard bounds the recursion of Sizeof and Alignof: a generic type that
// contains itself (type T[P any] struct{ T[P] }) may be measured before its
// declaration cycle is reported.
// Once too deep, everything up to the outermost call gives up at once (the
// recursion through struct fields would otherwise be exponential).
class DepthGuard {
 public:
  DepthGuard() {
    depth_++;
    if (depth_ > 200) exceeded_ = true;
  }
  ~DepthGuard() {
    if (--depth_ == 0) exceeded_ = false;
  }
  bool TooDeep() const { return exceeded_; }

 private:
  static thread_local int depth_;
  static thread_local bool exceeded_;
};
thread_local int DepthGuard::depth_ = 0;
thread_local bool DepthGuard::exceeded_ = false;

int64_t Alignof(Type* t) {
  DepthGuard guard;
  if (guard.TooDeep()) return 1;
  Type* u = Underlying(t);
  switch (u->kind()) {
    case TypeKind::kArray: return Alignof(u->As<Array>()->elem);
    case TypeKind::kStruct: {
      int64_t a = 1;
      for (Var* f : u->As<Struct>()->fields) a = std::max(a, Alignof(f->type));
      return a;
    }
    case TypeKind::kBasic: {
      BasicKind k = u->As<Basic>()->basic_kind;
      if (k == BasicKind::kString) return 8;
      if (k == BasicKind::kComplex64) return 4;
      if (k == BasicKind::kComplex128) return 8;
      return std::min<int64_t>(8, std::max<int64_t>(1, BasicSize(k)));
    }
    default: return 8;
  }
}

std::vector<int64_t> Offsetsof(Struct* s, bool gc_rules) {
  std::vector<int64_t> offs;
  int64_t o = 0;
  for (Var* f : s->fields) {
    o = AlignUp(o, Alignof(f->type));
    offs.push_back(o);
    o += Sizeof(f->type, gc_rules);
  }
  return offs;
}

int64_t Sizeof(Type* t, bool gc_rules) {
  DepthGuard guard;
  if (guard.TooDeep()) return 0;
  Type* u = Underlying(t);
  switch (u->kind()) {
    case TypeKind::kBasic: return BasicSize(u->As<Basic>()->basic_kind);
    case TypeKind::kArray: {
      Array* a = u->As<Array>();
      if (a->len <= 0) return 0;
      int64_t elem = Sizeof(a->elem, gc_rules);
      return AlignUp(elem, Alignof(a->elem)) * (a->len - 1) + elem;
    }
    case TypeKind::kSlice: return 24;
    case TypeKind::kStruct: {
      Struct* s = u->As<Struct>();
      if (s->fields.empty()) return 0;
      std::vector<int64_t> offs = Offsetsof(s, gc_rules);
      int64_t last = Sizeof(s->fields.back()->type, gc_rules);
      int64_t size = offs.back() + last;
      if (!gc_rules) return size;
      if (last == 0 && size > 0) size++;  // gc pads a trailing zero-size field
      return AlignUp(size, Alignof(s));
    }
    case TypeKind::kInterface: return 16;
    default: return 8;
  }
}

}  // namespace gotool::types
