// Type parameters without a Checker: substitution, instantiation of generic types
// and signatures (subst.cpp), type sets and core types (typeset.cpp), unification
// for inference (unify.cpp), as go/types' subst.go, instantiate.go, typeset.go,
// under.go and unify.go.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pkg/types/object.h"
#include "pkg/types/type.h"

namespace gotool::types {

// SubstMap maps type parameters to types (from[i] -> to[i]).
struct SubstMap {
  std::vector<TypeParam*> from;
  std::vector<Type*> to;
  // Lookup returns what p maps to, or nullptr.
  Type* Lookup(const TypeParam* p) const;
  bool empty() const { return from.empty(); }
};

// Subst returns t with the type parameters of m replaced; parts that do not change
// are shared, so t itself comes back when nothing is replaced. New instances are
// said to be written at pos (when they have no position yet).
Type* Subst(Context* ctx, Type* t, const SubstMap& m, base::Pos pos = base::NoPos);

// Instantiate returns orig[args]; identical arguments give the same instance.
Named* Instantiate(Context* ctx, Named* orig, const std::vector<Type*>& args);

// InstantiateSignature returns sig with its type parameters replaced by args and
// without type parameters (a generic function's instance).
Signature* InstantiateSignature(Context* ctx, Signature* sig, const std::vector<Type*>& args);

// KillInferenceCycles clears the inferred types (types[i] for tparams[i]) that
// refer to their own type parameter through the others (infercycles.cpp).
void KillInferenceCycles(const std::vector<TypeParam*>& tparams, std::vector<Type*>* types);

// ExpandNamed computes the underlying type of an instance (nullptr while the
// generic type's own declaration is unresolved).
Type* ExpandNamed(Named* inst);

// InstanceMethod returns the i-th method of instance inst (orig's i-th method with
// the receiver's type parameters replaced). Its type is nullptr while the generic
// method's signature is unresolved; FillInstanceMethod completes it later.
Func* InstanceMethod(Named* inst, size_t i);
// FillInstanceMethod substitutes f's signature once its origin's is known.
void FillInstanceMethod(Func* f);

// IsGenericType reports whether t is a generic (uninstantiated) named type.
inline bool IsGenericType(Type* t) {
  Named* n = t ? t->TryAs<Named>() : nullptr;
  return n != nullptr && n->orig == nullptr && !n->type_params.empty();
}
// IsGenericSignature reports whether t is a generic function's signature.
inline bool IsGenericSignature(Type* t) {
  Signature* s = t ? t->TryAs<Signature>() : nullptr;
  return s != nullptr && !s->type_params.empty();
}
// IsTypeParam reports whether t is a type parameter.
inline bool IsTypeParam(Type* t) { return t != nullptr && t->kind() == TypeKind::kTypeParam; }

// ConstraintInterface returns the interface of a type parameter's constraint (the
// invalid type's empty interface for an invalid constraint).
Interface* ConstraintInterface(TypeParam* p);

// ComputeTypeSet fills t's tset_* fields (once): the intersection of its embedded
// elements' term lists.
void ComputeTypeSet(Interface* t);

// kMaxUnionTerms is go/types' limit on the terms of a union's type set, against
// quadratic term-list operations.
inline constexpr size_t kMaxUnionTerms = 100;

// UnionTooLong reports whether u's type set has more than kMaxUnionTerms terms (an
// error; the union is then ignored in type sets).
bool UnionTooLong(Union* u);

// EmptyTypeSet reports whether t, an interface or a type parameter, has an empty
// type set (interface{ int; string }).
bool EmptyTypeSet(Type* t);

// ForEachTerm calls f with each term of t's type set (for a type parameter, of its
// constraint) and returns false as soon as f does; a type that is not a type
// parameter is its own single term. A set without specific types (all types, or
// the empty set) is one term whose type is null; all is set when the set is
// unrestricted.
bool ForEachTerm(Type* t, const std::function<bool(const Term&)>& f, bool* all = nullptr);

// UnderIs calls f with the underlying type of each term of t's type set (of t itself
// when t is no type parameter; null for a set without specific types) and returns
// false as soon as f does (go/types' underIs).
inline bool UnderIs(Type* t, const std::function<bool(Type*)>& f) {
  return ForEachTerm(t, [&f](const Term& term) {
    return f(term.type != nullptr ? Underlying(term.type) : nullptr);
  });
}

// CoreType returns the single underlying type of all types in t's type set (t's
// underlying type when t is no type parameter), or nullptr when there is none.
Type* CoreType(Type* t);

// CoreUnder is CoreType for a type parameter with a core type and Underlying
// otherwise: the type that operations on an operand of type t work on.
Type* CoreUnder(Type* t);

// CoreString is CoreType, except that a type set of only byte slices and strings
// gives string (go/types' coreString).
Type* CoreString(Type* t);

// AllTermsBasic reports whether every type in t's type set is a basic type with an
// info bit of mask (for t not a type parameter: IsBasicInfo).
bool AllTermsBasic(Type* t, uint32_t mask);

// TermIncludes reports whether term includes type x.
bool TermIncludes(const Term& term, Type* x);

// Unifier records inferred types for a list of type parameters.
class Unifier {
 public:
  explicit Unifier(const std::vector<TypeParam*>& params)
      : params_(params), inferred_(params.size()) {}
  // Unify reports whether x and y can be made identical by inferring the type
  // parameters appearing in x (y may contain unrelated type parameters).
  bool Unify(Type* x, Type* y);
  // At returns the type inferred for params[i], or nullptr.
  Type* At(size_t i) const { return inferred_[i]; }
  void Set(size_t i, Type* t) { inferred_[i] = t; }
  // IndexOf returns the index of p among the parameters, or -1.
  int IndexOf(Type* p) const;

 private:
  bool UnifyImpl(Type* x, Type* y, int depth);
  const std::vector<TypeParam*>& params_;
  std::vector<Type*> inferred_;
};

// IsParameterized reports whether t mentions one of tparams.
bool IsParameterized(const std::vector<TypeParam*>& tparams, Type* t);

// WriteTypeParamList appends "[P, Q C1, R C2]" (parameters with the same constraint
// grouped) to *out.
void WriteTypeParamList(std::string* out, const std::vector<TypeParam*>& params,
                        const Qualifier* q);

}  // namespace gotool::types
