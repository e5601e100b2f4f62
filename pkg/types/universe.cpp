// The universe scope: predeclared types, constants, nil, builtins and package unsafe.
#include "pkg/types/universe.h"

namespace gotool::types {

namespace {

struct BasicDef {
  BasicKind kind;
  uint32_t info;
  const char* name;
};

constexpr BasicDef kBasics[] = {
    {BasicKind::kInvalid, 0, "invalid type"},
    {BasicKind::kBool, kIsBoolean, "bool"},
    {BasicKind::kInt, kIsInteger, "int"},
    {BasicKind::kInt8, kIsInteger, "int8"},
    {BasicKind::kInt16, kIsInteger, "int16"},
    {BasicKind::kInt32, kIsInteger, "int32"},
    {BasicKind::kInt64, kIsInteger, "int64"},
    {BasicKind::kUint, kIsInteger | kIsUnsigned, "uint"},
    {BasicKind::kUint8, kIsInteger | kIsUnsigned, "uint8"},
    {BasicKind::kUint16, kIsInteger | kIsUnsigned, "uint16"},
    {BasicKind::kUint32, kIsInteger | kIsUnsigned, "uint32"},
    {BasicKind::kUint64, kIsInteger | kIsUnsigned, "uint64"},
    {BasicKind::kUintptr, kIsInteger | kIsUnsigned, "uintptr"},
    {BasicKind::kFloat32, kIsFloat, "float32"},
    {BasicKind::kFloat64, kIsFloat, "float64"},
    {BasicKind::kComplex64, kIsComplex, "complex64"},
    {BasicKind::kComplex128, kIsComplex, "complex128"},
    {BasicKind::kString, kIsString, "string"},
    {BasicKind::kUnsafePointer, 0, "Pointer"},
    {BasicKind::kUntypedBool, kIsBoolean | kIsUntyped, "untyped bool"},
    {BasicKind::kUntypedInt, kIsInteger | kIsUntyped, "untyped int"},
    {BasicKind::kUntypedRune, kIsInteger | kIsUntyped, "untyped rune"},
    {BasicKind::kUntypedFloat, kIsFloat | kIsUntyped, "untyped float"},
    {BasicKind::kUntypedComplex, kIsComplex | kIsUntyped, "untyped complex"},
    {BasicKind::kUntypedString, kIsString | kIsUntyped, "untyped string"},
    {BasicKind::kUntypedNil, kIsUntyped, "untyped nil"},
};

struct BuiltinDef {
  const char* name;
  BuiltinId id;
  bool unsafe;
};

constexpr BuiltinDef kBuiltins[] = {
    {"append", BuiltinId::kAppend, false},   {"cap", BuiltinId::kCap, false},
    {"clear", BuiltinId::kClear, false},     {"close", BuiltinId::kClose, false},
    {"complex", BuiltinId::kComplex, false}, {"copy", BuiltinId::kCopy, false},
    {"delete", BuiltinId::kDelete, false},   {"imag", BuiltinId::kImag, false},
    {"len", BuiltinId::kLen, false},         {"make", BuiltinId::kMake, false},
    {"max", BuiltinId::kMax, false},         {"min", BuiltinId::kMin, false},
    {"new", BuiltinId::kNew, false},         {"panic", BuiltinId::kPanic, false},
    {"print", BuiltinId::kPrint, false},     {"println", BuiltinId::kPrintln, false},
    {"real", BuiltinId::kReal, false},       {"recover", BuiltinId::kRecover, false},
    {"Add", BuiltinId::kAdd, true},          {"Alignof", BuiltinId::kAlignof, true},
    {"Offsetof", BuiltinId::kOffsetof, true}, {"Sizeof", BuiltinId::kSizeof, true},
    {"Slice", BuiltinId::kSlice, true},      {"String", BuiltinId::kString, true},
    {"StringData", BuiltinId::kStringData, true}, {"SliceData", BuiltinId::kSliceData, true},
};

void DefineTypes(Context* ctx, Universe* u) {
  for (const BasicDef& d : kBasics) {
    Basic* b = ctx->NewType<Basic>(d.kind, d.info, d.name);
    u->typ[int(d.kind)] = b;
    if (d.kind == BasicKind::kInvalid || (d.info & kIsUntyped) ||
        d.kind == BasicKind::kUnsafePointer) {
      continue;
    }
    u->scope->Insert(ctx->NewObject<TypeName>(base::NoPos, nullptr, d.name, b));
  }
  u->byte_type = ctx->NewType<Basic>(BasicKind::kUint8, kIsInteger | kIsUnsigned, "byte");
  u->rune_type = ctx->NewType<Basic>(BasicKind::kInt32, kIsInteger, "rune");
  u->scope->Insert(ctx->NewObject<TypeName>(base::NoPos, nullptr, "byte", u->byte_type));
  u->scope->Insert(ctx->NewObject<TypeName>(base::NoPos, nullptr, "rune", u->rune_type));
}

void DefineInterfaces(Context* ctx, Universe* u) {
  Interface* any = ctx->NewType<Interface>();
  any->complete = true;
  u->any_type = any;
  u->scope->Insert(ctx->NewObject<TypeName>(base::NoPos, nullptr, "any", any));

  // type error interface{ Error() string }
  TypeName* err_obj = ctx->NewObject<TypeName>(base::NoPos, nullptr, "error", nullptr);
  Named* err = ctx->NewType<Named>(err_obj);
  err_obj->type = err;
  Signature* sig = ctx->NewType<Signature>();
  sig->recv = ctx->NewObject<Var>(base::NoPos, nullptr, "", err);
  sig->params = ctx->NewType<Tuple>();
  sig->results = ctx->NewType<Tuple>();
  sig->results->vars.push_back(
      ctx->NewObject<Var>(base::NoPos, nullptr, "", u->typ[int(BasicKind::kString)]));
  Func* m = ctx->NewObject<Func>(base::NoPos, nullptr, "Error", sig);
  Interface* iface = ctx->NewType<Interface>();
  iface->methods.push_back(m);
  iface->all_methods.push_back(m);
  iface->complete = true;
  err->underlying = iface;
  u->error_type = err;
  u->error_method = m;
  u->scope->Insert(err_obj);

  // type comparable interface{ /* comparable */ }
  TypeName* cmp_obj = ctx->NewObject<TypeName>(base::NoPos, nullptr, "comparable", nullptr);
  Named* cmp = ctx->NewType<Named>(cmp_obj);
  cmp_obj->type = cmp;
  Interface* cmp_iface = ctx->NewType<Interface>();
  cmp_iface->complete = true;
  cmp_iface->is_comparable = true;
  cmp->underlying = cmp_iface;
  u->comparable_type = cmp;
  u->scope->Insert(cmp_obj);
}

void DefineObjects(Context* ctx, Universe* u) {
  Basic* ubool = u->typ[int(BasicKind::kUntypedBool)];
  u->scope->Insert(ctx->NewObject<Const>(base::NoPos, nullptr, "true", ubool, constant::MakeBool(true)));
  u->scope->Insert(ctx->NewObject<Const>(base::NoPos, nullptr, "false", ubool, constant::MakeBool(false)));
  u->iota = ctx->NewObject<Const>(base::NoPos, nullptr, "iota", u->typ[int(BasicKind::kUntypedInt)],
                                  constant::MakeInt64(0));
  u->scope->Insert(u->iota);
  u->nil = ctx->NewObject<Nil>(u->typ[int(BasicKind::kUntypedNil)]);
  u->scope->Insert(u->nil);
  for (const BuiltinDef& d : kBuiltins) {
    Builtin* b = ctx->NewObject<Builtin>(d.name, d.id, u->typ[0]);
    if (d.unsafe) {
      b->pkg = u->unsafe;
      u->unsafe->scope->Insert(b);
    } else {
      u->scope->Insert(b);
    }
  }
  u->test_scope = ctx->NewScope(nullptr, base::NoPos, base::NoPos, "test builtins");
  u->test_scope->Insert(ctx->NewObject<Builtin>("assert", BuiltinId::kAssert, u->typ[0]));
  u->test_scope->Insert(ctx->NewObject<Builtin>("trace", BuiltinId::kTrace, u->typ[0]));
  TypeName* ptr = ctx->NewObject<TypeName>(base::NoPos, u->unsafe, "Pointer",
                                           u->typ[int(BasicKind::kUnsafePointer)]);
  u->unsafe->scope->Insert(ptr);
}

Universe* Build() {
  Context* ctx = UniverseContext();
  Universe* u = new Universe();
  u->scope = ctx->NewScope(nullptr, base::NoPos, base::NoPos, "universe");
  DefineTypes(ctx, u);
  DefineInterfaces(ctx, u);
  Scope* unsafe_scope = ctx->NewScope(u->scope, base::NoPos, base::NoPos, "package unsafe");
  static Package unsafe_pkg("unsafe", "unsafe", unsafe_scope);
  unsafe_pkg.complete = true;
  u->unsafe = &unsafe_pkg;
  DefineObjects(ctx, u);
  return u;
}

}  // namespace

Context* UniverseContext() {
  static Context* ctx = new Context();  // intentionally never destroyed
  return ctx;
}

const Universe& GetUniverse() {
  static const Universe* u = Build();
  return *u;
}

}  // namespace gotool::types
