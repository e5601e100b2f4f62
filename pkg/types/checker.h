// The Checker: internal state and methods of one package check, split over files by
// concern as go/types (resolver, decl, typexpr, expr, call, stmt, ...).
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pkg/types/api.h"
#include "pkg/types/generics.h"
#include "pkg/types/lookup.h"
#include "pkg/types/predicates.h"
#include "pkg/types/universe.h"

namespace gotool::types {

// ExprString returns the short source form of an expression, as go/types' ExprString;
// with compiler set, as cmd/compile's syntax.String (literals as "T{…}").
std::string ExprString(const syntax::Expr* e, bool compiler = false);

// Operand is the result of evaluating an expression (go/types' operand).
struct Operand {
  OperandMode mode = OperandMode::kInvalid;
  syntax::Expr* expr = nullptr;
  Type* type = nullptr;
  constant::Value val;
  BuiltinId id = BuiltinId::kAppend;  // for kBuiltin
  // Pos returns the position of the operand's expression.
  base::Pos Pos() const { return expr ? syntax::NodePos(expr) : base::NoPos; }
  bool invalid() const { return mode == OperandMode::kInvalid; }
  void SetInvalid() { mode = OperandMode::kInvalid; }
};

// DeclInfo describes a package-level const, type, var or func declaration.
struct DeclInfo {
  Scope* file = nullptr;             // file scope of the declaration
  std::vector<Object*> lhs;          // lhs of n:1 variable declarations, or empty
  syntax::Expr* vtyp = nullptr;      // type, or nil
  syntax::Expr* init = nullptr;      // init/orig expression, or nil
  bool inherited = false;            // init expression inherited from a previous const spec
  syntax::TypeSpec* tdecl = nullptr;
  syntax::FuncDecl* fdecl = nullptr;
  int64_t iota = -1;                 // iota of a constant declaration
  std::vector<Object*> deps;         // package-level objects this one depends on
  std::unordered_set<Object*> dep_set;
  // AddDep records a dependency on obj.
  void AddDep(Object* obj) {
    if (dep_set.insert(obj).second) deps.push_back(obj);
  }
};

// ExprInfo is the pending type information of an untyped expression.
struct ExprInfo {
  bool is_lhs = false;  // expression is lhs operand of a shift with delayed type-check
  OperandMode mode = OperandMode::kInvalid;
  Basic* type = nullptr;
  constant::Value val;
};

// Environment is the context of the declaration or statement being checked.
struct Environment {
  DeclInfo* decl = nullptr;
  Scope* scope = nullptr;
  base::Pos pos;                 // if valid, identifiers are looked up as if at pos
  bool has_iota = false;
  constant::Value iota;
  base::Pos errpos;                // if valid, overrides error positions (constant inits)
  Signature* sig = nullptr;        // function signature if inside a function
  bool has_label = false;
  bool has_call_or_recv = false;
  bool in_tparam_list = false;  // a type-parameter list's constraints are being checked
};

// StmtContext is the set of statement contexts (go/types' stmtContext).
enum StmtContext : unsigned {
  kBreakOk = 1 << 0,
  kContinueOk = 1 << 1,
  kFallthroughOk = 1 << 2,
  kFinalSwitchCase = 1 << 3,
  kInTypeSwitch = 1 << 4,
};

class Checker;

// MonoGraph is the graph of type parameters and their instantiations in which
// instantiation cycles are found (go/types' monoGraph, see mono.cpp).
struct MonoGraph {
  struct Vertex {
    int weight = 0;  // weight of the heaviest known path to this vertex
    int pre = -1;    // last edge of that path
    int len = 0;     // length of that path
    TypeName* obj = nullptr;
  };
  struct Edge {
    int dst = 0, src = 0, weight = 0;
    base::Pos pos;
    Type* typ = nullptr;
  };
  std::vector<Vertex> vertices;
  std::vector<Edge> edges;
  std::unordered_map<TypeParam*, TypeParam*> canon;  // method receiver's → type's parameter
  std::unordered_map<TypeName*, int> name_idx;       // vertex of a type parameter or local type
};

// CheckerQualifier qualifies packages as go/types' Checker.qualifier does.
class CheckerQualifier : public Qualifier {
 public:
  explicit CheckerQualifier(Checker* check) : check_(check) {}
  std::string Qualify(const Package* pkg) const override;

 private:
  Checker* check_;
};

// Checker holds the state of one package check.
class Checker {
 public:
  Checker(const Config& cfg, Context* ctx, Package* pkg, const base::FileSet& fset, Info* info,
          base::ErrorList* errors);
  // CheckFiles checks the package's files (check.go).
  void CheckFiles(std::span<syntax::File* const> files);

  // ---- errors.cpp ----
  void Error(base::Pos pos, std::string msg, bool soft = false);
  // VersionError reports a feature the language version does not allow: go/types'
  // types_msg, or with compiler_errors types2's "<feature> requires <version> or later
  // (-lang was set to V; check go.mod)".
  void VersionError(base::Pos pos, std::string_view types_msg, std::string_view feature,
                    std::string_view version);
  template <class... Args>
  void Errorf(base::Pos pos, fmt::format_string<Args...> f, Args&&... args) {
    Error(pos, fmt::format(f, std::forward<Args>(args)...));
  }
  template <class... Args>
  void SoftErrorf(base::Pos pos, fmt::format_string<Args...> f, Args&&... args) {
    Error(pos, fmt::format(f, std::forward<Args>(args)...), true);
  }
  void InvalidOp(const Operand& x, std::string msg);
  std::string S(Type* t);
  std::string S(Object* obj);
  std::string S(const Operand& x);
  std::string S(const syntax::Expr* e) { return ExprString(e, compiler_errors_); }
  std::string FuncString(Func* f);
  base::Pos At(const syntax::Node* n) const;
  std::string MissingMethodReason(Type* V, Type* T, Func* m, Func* alt);

  // ---- record (check.cpp) ----
  void RememberUntyped(syntax::Expr* e, bool lhs, OperandMode mode, Basic* typ, constant::Value val);
  void RecordTypeAndValue(syntax::Expr* e, OperandMode mode, Type* typ, const constant::Value& val);
  void RecordBuiltinType(syntax::Expr* e, Signature* sig);
  // RecordsTypes reports whether expression types are recorded (Info.types).
  bool RecordsTypes() const { return info_ != nullptr && info_->record_types; }
  void RecordCommaOkTypes(syntax::Expr* e, Type* t0, Type* t1);
  void RecordDef(syntax::Ident* id, Object* obj);
  void RecordUse(syntax::Ident* id, Object* obj);
  void RecordImplicit(syntax::Node* n, Object* obj);
  void RecordSelection(syntax::SelectorExpr* e, SelectionKind kind, Type* recv, Object* obj,
                       std::vector<int> index, bool indirect);
  void RecordScope(syntax::Node* n, Scope* s);
  void RecordUntyped();
  void ForgetExpr(syntax::Expr* e) {
    untyped_.erase(e);
    if (info_ != nullptr) info_->types.erase(e);
  }
  void FlushErrors();
  void Later(std::function<void()> f) { delayed_.push_back(std::move(f)); }
  void ProcessDelayed(size_t top);

  // ---- resolver.cpp ----
  void CollectObjects(std::span<syntax::File* const> files);
  void PackageObjects();
  void UnusedImports();
  void Declare(Scope* scope, syntax::Ident* id, Object* obj, base::Pos scope_pos);
  Package* ImportPackage(const syntax::ImportSpec* s, std::string_view path);
  TypeName* ResolveBaseTypeName(syntax::Expr* typ, bool* is_ptr);
  void DeclarePkgObj(syntax::Ident* ident, Object* obj, DeclInfo* d);
  void ArityMatch(syntax::ValueSpec* s, syntax::ValueSpec* init);
  void AddDeclDep(Object* to);

  // ---- decl.cpp ----
  void ObjDecl(Object* obj, Named* def);
  bool ValidCycle(Object* obj);
  void CycleError(const std::vector<Object*>& cycle);
  void ConstDecl(Const* obj, syntax::Expr* typ, syntax::Expr* init, bool inherited);
  void VarDecl(Var* obj, const std::vector<Object*>& lhs, syntax::Expr* typ, syntax::Expr* init);
  void VarDeclInit(Var* obj, const std::vector<Object*>& lhs, syntax::Expr* typ,
                   syntax::Expr* init);
  void TypeDecl(TypeName* obj, syntax::TypeSpec* tdecl, Named* def);
  void GenericTypeDecl(TypeName* obj, syntax::TypeSpec* tdecl, Named* def);
  bool ResolveUnderlying(Named* named);
  void CollectMethods(TypeName* obj);
  void FuncDecl(Func* obj, DeclInfo* decl);
  void DeclStmt(syntax::GenDecl* d);
  void ResolveMethod(Func* f);

  // ---- validtype.cpp ----
  void ValidType(Named* t);
  bool ValidType0(Type* t, const std::vector<Named*>& nest, const std::vector<Named*>& path);
  bool ValidNamed(Named* t, const std::vector<Named*>& nest, const std::vector<Named*>& path);
  Object* CycleObject(Named* t);

  // ---- mono.cpp ----
  void RecordMonoInstance(base::Pos pos, const std::vector<TypeParam*>& tparams,
                          const std::vector<Type*>& targs, const std::vector<syntax::Expr*>& xlist);
  void RecordMonoCanon(TypeParam* mpar, TypeParam* tpar);
  void Monomorph();
  int MonoTypeParamVertex(TypeParam* tpar);
  int MonoLocalNamedVertex(Named* named);
  void MonoAddEdge(int dst, int src, int weight, base::Pos pos, Type* typ);
  void MonoAssign(base::Pos pos, TypeParam* tpar, Type* targ);
  void ReportInstanceLoop(int v);

  // ---- typexpr.cpp ----
  void Ident(Operand* x, syntax::Ident* e, Named* def, bool want_type);
  Type* TypExpr(syntax::Expr* e);
  Type* VarType(syntax::Expr* e);
  Type* DefinedType(syntax::Expr* e, Named* def);
  Type* TypInternal(syntax::Expr* e, Named* def);
  int64_t ArrayLength(syntax::Expr* e);
  void FuncType(Signature* sig, syntax::FieldList* recv, syntax::FuncType* ftype);
  Tuple* CollectParams(Scope* scope, syntax::FieldList* list, bool variadic_ok, bool* variadic);
  void StructType(Struct* s, syntax::StructType* e);
  void InterfaceType(Interface* ityp, syntax::InterfaceType* iface, Named* def);
  void ComputeInterface(Interface* t, base::Pos pos);
  Type* TypeOrNil(syntax::Expr* e);
  void ValidVarType(syntax::Expr* e, Type* typ);

  // ---- typeparams.cpp ----
  TypeParam* DeclareTypeParam(syntax::Ident* name, int index);
  void CollectTypeParams(std::vector<TypeParam*>* out, syntax::FieldList* list);
  Type* Bound(syntax::Expr* e);
  Type* UnionType(syntax::Expr* e);
  void CheckUnionTerms(Union* u, const std::vector<syntax::Expr*>& exprs);
  Type* GenericType(syntax::Expr* e, std::string* reason);
  std::vector<Type*> TypeList(const std::vector<syntax::Expr*>& list, bool* ok);
  bool ValidateTArgLen(base::Pos pos, size_t ntparams, size_t ntargs);
  Type* InstantiatedType(syntax::Expr* e, Named* def);
  void RecordInstance(syntax::Expr* e, const std::vector<Type*>& targs, Type* typ);
  int Verify(const std::vector<TypeParam*>& tparams, const std::vector<Type*>& targs,
             std::string* err);
  bool Implements(Type* V, Type* T, std::string* err);
  std::string TermListString(const std::vector<Term>& terms);

  // ---- infer.cpp ----
  void CollectRecvTypeParams(Signature* sig, syntax::FieldList* recv);
  bool FuncInst(Operand* x, syntax::Expr* e);
  std::vector<Type*> Infer(syntax::Node* pos_node, const std::vector<TypeParam*>& tparams,
                           std::vector<Type*> targs, Tuple* params, std::vector<Operand>* args,
                           bool report);
  // ConstraintInference infers parameters from the core terms of their constraints
  // while that makes progress; false (reported if report) when a known argument does
  // not match its core term.
  bool ConstraintInference(syntax::Node* pos_node, const std::vector<TypeParam*>& tparams,
                           Unifier* u, bool report);
  Signature* InstantiateFunc(syntax::Node* at, Signature* sig, const std::vector<Type*>& targs,
                             const std::vector<syntax::Expr*>& index_exprs);
  // ---- infercycles.cpp ----
  bool RenameRecursiveTypeParams(std::vector<TypeParam*>* tparams, const std::vector<Type*>& targs,
                                 Tuple** params, const std::vector<Operand>* args);
  void NonGeneric(Operand* x);

  // ---- operand.cpp ----
  bool AssignableTo(Operand* x, Type* T, std::string* reason);
  bool AssignableTypeParam(Operand* x, Type* T, std::string* reason);
  bool ImplementsIface(Type* V, Type* T, std::string* reason);
  bool IsNilOperand(const Operand& x) const;
  bool ConvertibleTo(Operand* x, Type* T, std::string* cause);
  bool ConvertibleTypeParam(Operand* x, Type* T, std::string* cause);
  // LangCompat reports numeric literal syntax newer than the language version.
  void LangCompat(syntax::BasicLit* lit);

  // ---- expr.cpp ----
  enum class ExprKind { kConversion, kExpression, kStatement };
  ExprKind RawExpr(Operand* x, syntax::Expr* e, Type* hint, bool allow_generic);
  ExprKind ExprInternal(Operand* x, syntax::Expr* e, Type* hint);
  void Expr(Operand* x, syntax::Expr* e);
  void ExprWithHint(Operand* x, syntax::Expr* e, Type* hint);
  void ExprOrType(Operand* x, syntax::Expr* e, bool allow_generic);
  void MultiExpr(Operand* x, syntax::Expr* e);
  std::vector<Operand> ExprList(syntax::List<syntax::Expr> elist, bool allow_comma_ok,
                                bool* comma_ok);
  void SingleValue(Operand* x);
  void Unary(Operand* x, syntax::UnaryExpr* e);
  void Binary(Operand* x, syntax::Expr* e, syntax::Expr* lhs, syntax::Expr* rhs, syntax::Token op,
              base::Pos op_pos);
  void Shift(Operand* x, Operand* y, syntax::Expr* e, syntax::Token op);
  void Comparison(Operand* x, Operand* y, syntax::Token op, bool switch_case);
  bool Op(int which, Operand* x, syntax::Token op);
  void MatchTypes(Operand* x, Operand* y);
  void Overflow(Operand* x, base::Pos op_pos);
  void Representable(Operand* x, Basic* typ);
  bool RepresentableValue(Operand* x, Basic* typ, constant::Value* rounded,
                          constant::ConversionError* err);
  void InvalidConversion(Operand* x, Type* target, constant::ConversionError err);
  void ConvertUntyped(Operand* x, Type* target);
  bool ImplicitTypeAndValue(Operand* x, Type* target, Type** out, constant::Value* val,
                            int* code);
  // UpdateExprType's parent is e's enclosing expression (types2 names it in a
  // compiler-mode error), or null at the root.
  void UpdateExprType(syntax::Expr* e, Type* typ, bool final, syntax::Expr* parent = nullptr);
  void UpdateExprVal(syntax::Expr* e, const constant::Value& val);
  void TypeAssertion(syntax::Expr* e, Operand* x, Interface* xtyp, Type* T, bool type_switch);
  void Use(syntax::List<syntax::Expr> args);
  void UseExprs(std::span<syntax::Expr* const> args);
  void UseLHS(syntax::List<syntax::Expr> args);
  void UseOne(syntax::Expr* e, bool lhs);
  bool IsValidIndex(Operand* x, const char* what, bool allow_negative);
  void AssignmentOrConvert(Operand* x, Type* T, const char* context);

  // ---- compositelit.cpp / index.cpp ----
  void CompositeLit(Operand* x, syntax::CompositeLit* e, Type* hint);
  int64_t IndexedElts(syntax::List<syntax::Expr> elts, Type* typ, int64_t length);
  bool IndexExpr(Operand* x, syntax::IndexExpr* e);
  bool IndexTypeParam(Operand* x, syntax::IndexExpr* e);
  void SliceExpr(Operand* x, syntax::SliceExpr* e);
  // Index checks an index; *out is its constant value (else -1) and, with typ, *typ
  // its type (nullptr when invalid).
  bool Index(syntax::Expr* index, int64_t max, int64_t* out, Type** typ = nullptr);

  // ---- call.cpp ----
  ExprKind CallExpr(Operand* x, syntax::CallExpr* call);
  void Arguments(syntax::CallExpr* call, Signature* sig, std::vector<Operand>& args,
                 bool comma_ok_args);
  void Selector(Operand* x, syntax::SelectorExpr* e, Named* def, bool want_type);
  Signature* InferCall(syntax::CallExpr* call, Signature* sig, const std::vector<Type*>& targs,
                       const std::vector<syntax::Expr*>& xlist, std::vector<Operand>* args,
                       bool* check_args);
  void Conversion(Operand* x, Type* T);

  // ---- builtins.cpp ----
  bool BuiltinCall(Operand* x, syntax::CallExpr* call, BuiltinId id);

  // ---- assignments.cpp ----
  void Assignment(Operand* x, Type* T, const std::string& context);
  void InitConst(Const* lhs, Operand* x);
  Type* InitVar(Var* lhs, Operand* x, const std::string& context);
  Type* AssignVar(syntax::Expr* lhs, Operand* x, const char* context = "assignment");
  Type* LhsVar(syntax::Expr* lhs);
  void InitVars(const std::vector<Var*>& lhs, syntax::List<syntax::Expr> orig_rhs,
                syntax::Node* return_stmt);
  void AssignVars(syntax::List<syntax::Expr> lhs, syntax::List<syntax::Expr> orig_rhs);
  void MarkLHSUsed(syntax::List<syntax::Expr> lhs);
  void ShortVarDecl(base::Pos pos, syntax::List<syntax::Expr> lhs, syntax::List<syntax::Expr> rhs);
  void AssignError(syntax::List<syntax::Expr> rhs, size_t nvars, size_t nvals);

  // ---- stmt.cpp / stmt2.cpp ----
  void FuncBody(DeclInfo* decl, std::string_view name, Signature* sig, syntax::BlockStmt* body,
                bool has_iota = false, constant::Value iota = {});
  void Usage(Scope* s);
  void StmtList(unsigned ctxt, syntax::List<syntax::Stmt> list);
  void Stmt(unsigned ctxt, syntax::Stmt* s);
  void OpenScope(syntax::Node* n, std::string_view comment);
  void CloseScope() { env_.scope = env_.scope->parent; }
  void SimpleStmt(syntax::Stmt* s);
  void SwitchStmt(unsigned ctxt, syntax::SwitchStmt* s);
  void TypeSwitchStmt(unsigned ctxt, syntax::TypeSwitchStmt* s);
  void SelectStmt(unsigned ctxt, syntax::SelectStmt* s);
  void RangeStmt(unsigned ctxt, syntax::RangeStmt* s);
  // RangeKinds is what a range clause over a type yields (stmt_range.cpp): the key
  // and value types (nullptr: no such variable), or !ok with a cause.
  struct RangeKinds {
    Type* key = nullptr;
    Type* val = nullptr;
    std::string cause;       // why the range is invalid, if known
    bool new_style = false;  // the cause follows ": " (Go 1.23), not " (...)" (Go 1.19)
    bool ok = false;
    bool is_chan = false;
    bool is_func = false;   // a range-over-func iterator
    bool over_int = false;  // a range over an integer
  };
  RangeKinds RangeKeyVal(Type* typ);
  void ForStmt(unsigned ctxt, syntax::ForStmt* s);
  void IfStmt(unsigned ctxt, syntax::IfStmt* s);
  void AssignStmt(syntax::AssignStmt* s);
  void ReturnStmt(syntax::ReturnStmt* s);
  void BranchStmt(unsigned ctxt, syntax::BranchStmt* s);
  struct SeenValue {
    std::string key;
    base::Pos pos;
    Type* type;
  };
  void CaseValues(Operand* x, syntax::List<syntax::Expr> values, std::vector<SeenValue>* seen);
  Type* CaseTypes(Operand* x, Interface* xtyp, syntax::List<syntax::Expr> types,
                  std::vector<std::pair<Type*, syntax::Expr*>>* seen);
  void MultipleDefaults(syntax::List<syntax::Stmt> list);
  void SuspendedCall(const char* keyword, syntax::CallExpr* call);

  // ---- labels.cpp / return.cpp ----
  void Labels(syntax::BlockStmt* body);
  bool IsTerminating(syntax::Stmt* s, std::string_view label);

  // ---- initorder.cpp ----
  void InitOrder();

  // Context accessors.
  Context* ctx() const { return ctx_; }
  Package* pkg() const { return pkg_; }
  const Config& conf() const { return cfg_; }
  const base::FileSet& fset() const { return fset_; }
  const CheckerQualifier& qualifier() const { return qualifier_; }

  // Package-level state.
  std::unordered_map<Object*, DeclInfo*> obj_map_;
  std::vector<Object*> obj_list_;  // package-level objects in source order
  std::unordered_map<TypeName*, std::vector<Func*>> methods_;  // base type → methods
  std::unordered_map<Func*, DeclInfo*> method_decls_;
  std::vector<PkgName*> imports_;  // file-level package names, for unused checks
  std::vector<Scope*> file_scopes_;
  std::unordered_map<std::string, Package*> imp_map_;
  std::unordered_map<syntax::Expr*, ExprInfo> untyped_;
  std::vector<Object*> obj_path_;  // declaration path for cycle detection
  std::vector<std::function<void()>> delayed_;
  std::unordered_map<Scope*, std::unordered_map<Object*, PkgName*>> dot_import_map_;
  std::unordered_set<Named*> valid_types_;
  // Aliases whose type is not determined yet (go/types' brokenAliases): a use of one
  // while its declaration is checked is a recursive type the alias cannot express.
  std::unordered_set<TypeName*> broken_aliases_;
  // Struct, array, slice and map types of declarations whose components are being
  // checked (go/types leaves those nil until known).
  std::unordered_set<Type*> incomplete_types_;
  MonoGraph mono_;
  std::unordered_set<syntax::CallExpr*> is_panic_;
  std::vector<Var*> usage_vars_;
  Environment env_;
  // While a generic method's receiver type is evaluated: its type parameters.
  const std::vector<TypeParam*>* recv_tparams_ = nullptr;
  bool first_err_ = false;
  bool compiler_errors_ = false;
  int lang_minor_ = 1000;  // minor version of Config::go_version ("go1.N"); 1000 = newest
  // AllowVersion reports whether the language version is at least go1.minor.
  bool AllowVersion(int minor) const { return lang_minor_ >= minor; }
  std::unordered_map<syntax::Node*, Scope*> node_scopes_;  // always recorded (labels, etc.)

 private:
  DeclInfo* NewDecl() {
    decls_.push_back(std::make_unique<DeclInfo>());
    return decls_.back().get();
  }
  friend class Resolver;

 public:
  DeclInfo* MakeDecl() { return NewDecl(); }

 private:
  const Config& cfg_;
  Context* ctx_;
  Package* pkg_;
  const base::FileSet& fset_;
  Info* info_;
  base::ErrorList* errors_;
  CheckerQualifier qualifier_;
  std::vector<std::unique_ptr<DeclInfo>> decls_;
  std::vector<base::Diagnostic> pending_;  // errors, flushed in order at the end
};

// Unparen strips parentheses from e.
syntax::Expr* Unparen(syntax::Expr* e);

// IndexList returns the indices of an IndexExpr or IndexListExpr, and its X in *x
// (nullptr for other expressions).
std::vector<syntax::Expr*> IndexList(syntax::Expr* e, syntax::Expr** x);
// LbrackOf returns the position of the [ of an index expression (NoPos otherwise).
base::Pos LbrackOf(syntax::Expr* e);

}  // namespace gotool::types
