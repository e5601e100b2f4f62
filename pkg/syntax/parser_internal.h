// The parser's private state and productions, shared by parser*.cpp (not a public API).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"
#include "pkg/syntax/parser.h"
#include "pkg/syntax/scanner.h"

namespace gotool::syntax::internal {

// TokenSet is a set of tokens (for error recovery's synchronisation points).
struct TokenSet {
  uint64_t bits[2] = {0, 0};
  constexpr TokenSet(std::initializer_list<Token> toks) {
    for (Token t : toks) bits[unsigned(t) / 64] |= uint64_t(1) << (unsigned(t) % 64);
  }
  constexpr bool Has(Token t) const { return bits[unsigned(t) / 64] >> (unsigned(t) % 64) & 1; }
};

// Synchronisation sets of error recovery (go/parser's stmtStart, declStart, exprEnd).
inline constexpr TokenSet kStmtStart = {
    Token::BREAK, Token::CONST, Token::CONTINUE, Token::DEFER,  Token::FALLTHROUGH,
    Token::FOR,   Token::GO,    Token::GOTO,     Token::IF,     Token::RETURN,
    Token::SELECT, Token::SWITCH, Token::TYPE,   Token::VAR};
inline constexpr TokenSet kDeclStart = {Token::CONST, Token::TYPE, Token::VAR};
inline constexpr TokenSet kExprEnd = {Token::COMMA,  Token::COLON,  Token::SEMICOLON,
                                      Token::RPAREN, Token::RBRACK, Token::RBRACE};

// Compiler directive flags with a role in placement checks (the others are bits
// 1..13 of parser_pragma.cpp's table, all allowed on functions only).
inline constexpr unsigned kPragmaGoBuild = 1u << 0;
inline constexpr unsigned kPragmaNotInHeap = 1u << 14;
inline constexpr unsigned kPragmaFuncFlags = ((1u << 14) - 1) & ~kPragmaGoBuild;

// Parser holds the state of one parse: the scanner, one token of look-ahead, the
// comments seen so far, the errors, and scratch stacks from which lists are copied
// into the arena once complete.
class Parser {
 public:
  Parser(base::File* file, std::string_view src, base::Arena& arena, unsigned mode);

  // ParseFile parses the whole file. It returns nullptr where go/parser's parseFile
  // returns nil or bails out.
  File* ParseFile();
  // ParseExprOnly parses the source as one expression (go/parser.ParseExprFrom).
  Expr* ParseExprOnly();

  base::ErrorList& errors() { return errors_; }
  // decl_errors are the errors about directives that declarations took, which
  // cmd/compile reports only when there is no other error.
  base::ErrorList& decl_errors() { return decl_errors_; }
  // TakeLinknames returns the file's //go:linkname directives once it is parsed,
  // reporting them (as decl_errors) if the file does not import "unsafe".
  std::vector<Linkname> TakeLinknames();
  // NeedBigStack reports that parsing stopped because the thread's stack ran low.
  bool need_big_stack() const { return need_big_stack_; }

 private:
  friend class NestGuard;
  friend class SemiListGuard;
  friend class ScopeGuard;

  // ---- tokens, comments and errors (parser.cpp) ----
  void Next0();
  void Next();
  Comment* ConsumeComment(int* endline);
  CommentGroup* ConsumeCommentGroup(int n, int* endline);
  int Line(base::Pos p);
  void Error(base::Pos pos, std::string_view msg);
  // PlainError is Error for what cmd/compile reports without "syntax error: ".
  void PlainError(base::Pos pos, std::string_view msg);
  void ErrorExpected(base::Pos pos, std::string_view what);
  base::Pos Expect(Token tok);
  base::Pos Expect2(Token tok);
  base::Pos ExpectClosing(Token tok, std::string_view context);
  void ExpectSemi();
  bool AtComma(std::string_view context, Token follow);
  void Advance(const TokenSet& to);
  void Bailout();
  bool IncNestLev();

  // ---- cmd/compile's syntax errors (parser_gc.cpp), used with kCompilerErrors ----
  bool compiler() const { return (mode_ & kCompilerErrors) != 0; }
  // SyntaxError reports msg as cmd/compile's syntaxErrorAt does: a message starting
  // with "expecting ", "in ", "at " or "after " names the current token first.
  void SyntaxError(base::Pos pos, std::string_view msg);
  void SyntaxError(std::string_view msg) { SyntaxError(pos_, msg); }
  // AddCompilerError records a cmd/compile error, filtered as base.ErrorfAt does.
  void AddCompilerError(base::Pos pos, std::string msg);
  std::string CompilerTokenString() const;
  base::Pos CompilerNewlinePos(base::Pos semi) const;
  void CompilerExpected(base::Pos pos, std::string_view what);
  void CompilerExpectSemi();
  void AdvanceTo(const TokenSet& followset);

  // ---- cmd/compile's compiler directives (parser_pragma.cpp) ----
  struct PragmaUse {
    unsigned flag;
    base::Pos pos;
  };
  struct Pragmas {
    std::vector<PragmaUse> uses;
    unsigned flags = 0;
    std::vector<base::Pos> embeds;
  };
  void OnDirective(base::Pos pos, std::string_view text);
  bool CgoDirective(base::Pos pos, std::string_view text);
  void CgoDirectiveUsage(base::Pos pos, std::string_view text);
  void LinknameDirective(base::Pos pos, std::string_view text);
  bool ImportsPackage(std::string_view quoted_path) const;
  void DirectiveError(base::Pos pos, std::string_view msg);
  void DeclDirectiveError(base::Pos pos, std::string_view msg);
  // ParserErrorSeen reports an error of the parser or scanner (cmd/compile's
  // p.first), not counting directive errors, which its noder reports.
  bool ParserErrorSeen() const { return errors_.size() > directive_errors_; }
  void ClearPragma();
  Pragmas TakePragma();
  void CheckPragma(const Pragmas& p, unsigned allowed, const ValueSpec* var = nullptr);
  const char* EmbedError(const ValueSpec* var) const;
  void CompilerCheckRecv(FuncDecl* d);
  void CompilerBadImportPath();
  void CompilerListError(std::string_view context, Token close);
  static std::string CompilerScanMessage(std::string_view msg);
  void DecNestLev() { nest_lev_--; }
  base::Pos SafePos(base::Pos p) const;

  // ---- lists ----
  size_t Mark() const { return scratch_.size(); }
  void Push(Node* n) { scratch_.push_back(n); }
  template <class T>
  List<T> Finish(size_t mark) {
    List<T> list;
    size_t n = scratch_.size() - mark;
    if (n == 0) return list;
    T** data = static_cast<T**>(arena_.Allocate(n * sizeof(T*), alignof(T*)));
    for (size_t i = 0; i < n; i++) data[i] = static_cast<T*>(scratch_[mark + i]);
    scratch_.resize(mark);
    list.data = data;
    list.size = uint32_t(n);
    return list;
  }
  template <class T>
  List<T> One(T* x) {
    T** data = static_cast<T**>(arena_.Allocate(sizeof(T*), alignof(T*)));
    data[0] = x;
    return List<T>{data, 1};
  }
  template <class T>
  T* New() {
    return NewNode<T>(arena_);
  }
  BadExpr* NewBadExpr(base::Pos from, base::Pos to);
  Ident* NewIdent(base::Pos pos, std::string_view name);

  // ---- types (parser_type.cpp) ----
  Ident* ParseIdent();
  List<Ident> ParseIdentList();
  Expr* ParseType();
  Expr* ParseTypeOr(std::string_view msg);
  Expr* ParseQualifiedIdent(Ident* ident);
  Expr* ParseTypeName(Ident* ident);
  ArrayType* ParseArrayType(base::Pos lbrack, Expr* len);
  void ParseArrayFieldOrTypeInstance(Ident* x, Ident** name, Expr** type);
  Field* ParseFieldDecl();
  Expr* ParseCompilerEmbeddedType();
  StructType* ParseStructType();
  StarExpr* ParsePointerType();
  Ellipsis* ParseDotsType();
  void ParseParamDecl(Ident* name, bool type_sets_ok, Ident** out_name, Expr** out_type);
  List<Field> ParseParameterList(Ident* name0, Expr* typ0, Token closing);
  void ParseParameters(bool accept_tparams, FieldList** tparams, FieldList** params);
  FieldList* ParseResult();
  FuncType* ParseFuncType();
  Field* ParseMethodSpec();
  Expr* EmbeddedElem(Expr* x);
  Expr* EmbeddedTerm();
  InterfaceType* ParseInterfaceType();
  MapType* ParseMapType();
  ChanType* ParseChanType();
  Expr* ParseTypeInstance(Expr* typ);
  Expr* TryIdentOrType();
  Expr* PackIndexExpr(Expr* x, base::Pos lbrack, List<Expr> args, base::Pos rbrack);

  // ---- expressions (parser_expr.cpp) ----
  List<Expr> ParseExprList();
  List<Expr> ParseList(bool in_rhs);
  Expr* ParseFuncTypeOrLit();
  Expr* ParseOperand();
  Expr* ParseSelector(Expr* x);
  Expr* ParseTypeAssertion(Expr* x);
  Expr* ParseIndexOrSliceOrInstance(Expr* x);
  CallExpr* ParseCallOrConversion(Expr* fun);
  Expr* ParseValue();
  Expr* ParseElement();
  Expr* ParseLiteralValue(Expr* type);
  Expr* CheckExpr(Expr* x);
  Expr* CheckExprOrType(Expr* x);
  Expr* ParsePrimaryExpr(Expr* x);
  Expr* ParseUnaryExpr();
  Expr* ParseBinaryExpr(Expr* x, int prec1, bool check);
  Expr* ParseExpr();
  Expr* ParseRhs();
  Expr* ParseRhsOrType();

  // ---- statements (parser_stmt.cpp) ----
  enum SimpleStmtMode { kBasic, kLabelOk, kRangeOk };
  List<Stmt> ParseStmtList();
  // context names the clause a block belongs to ("if clause"), for cmd/compile's
  // error about a missing '{'.
  BlockStmt* ParseBody(std::string_view context = {});
  BlockStmt* ParseBlockStmt(std::string_view context = {});
  void ParseCompilerForClause(Stmt** cond, Stmt** post);
  base::Pos ExpectClauseBody(std::string_view msg);
  void CompilerHeaderBrace();
  Stmt* ParseSimpleStmt(SimpleStmtMode mode, bool* is_range);
  void CheckAssignStmt(AssignStmt* as);
  CallExpr* ParseCallExpr(std::string_view call_type);
  CallExpr* CheckCompilerCall(Expr* x, std::string_view call_type);
  void CheckCompilerSlice3(Expr** index, const base::Pos* colons, base::Pos rbrack);
  Stmt* ParseGoStmt();
  Stmt* ParseDeferStmt();
  ReturnStmt* ParseReturnStmt();
  BranchStmt* ParseBranchStmt(Token tok);
  Expr* MakeExpr(Stmt* s, std::string_view want);
  void ParseIfHeader(Stmt** init, Expr** cond);
  IfStmt* ParseIfStmt();
  List<Expr> ParseTypeList();
  CaseClause* ParseCaseClause(bool type_switch);
  bool IsTypeSwitchGuard(Stmt* s);
  Stmt* ParseSwitchStmt();
  CommClause* ParseCommClause();
  SelectStmt* ParseSelectStmt();
  Stmt* ParseForStmt();
  Stmt* ParseStmt();

  // ---- identifier resolution's scope limit (parser_resolve.cpp) ----
  bool ExceedsScopeDepth(File* f, base::Pos* pos);

  // ---- declarations (parser_decl.cpp) ----
  enum class SpecKind { kImport, kValue, kType };
  Spec* ParseImportSpec(CommentGroup* doc);
  Spec* ParseValueSpec(CommentGroup* doc, Token keyword, int iota);
  void ParseGenericType(TypeSpec* spec, base::Pos open, Ident* name0, Expr* typ0);
  Spec* ParseTypeSpec(CommentGroup* doc);
  Expr* ParseCompilerTypeDeclType();
  GenDecl* ParseGenDecl(Token keyword, SpecKind kind);
  FuncDecl* ParseFuncDecl();
  Decl* ParseDecl(const TokenSet& sync);

  base::File* file_;
  std::string_view src_;
  base::Arena& arena_;
  unsigned mode_;
  base::ErrorList errors_;
  Scanner scanner_;

  // Comments.
  std::vector<CommentGroup*> comments_;
  std::vector<Comment*> comment_scratch_;
  CommentGroup* lead_comment_ = nullptr;
  CommentGroup* line_comment_ = nullptr;
  bool line_directive_seen_ = false;
  // Line cache: the (unadjusted) line of offset line_cache_offset_.
  int line_cache_offset_ = 0;
  int line_cache_line_ = 1;

  // Current token.
  base::Pos pos_;
  Token tok_ = Token::ILLEGAL;
  std::string_view lit_;
  bool tok_bad_ = false;  // the scanner reported an error in the current token

  // Error recovery.
  base::Pos sync_pos_;
  int sync_cnt_ = 0;
  bool bailed_ = false;
  bool need_big_stack_ = false;
  // cmd/compile's error state: the line of the last syntax error and the last other
  // error (with its message), function nesting (its fnest) and whether the specs of
  // a parenthesized declaration group are being parsed.
  int last_syntax_line_ = 0;
  int last_other_line_ = 0;
  std::string last_other_msg_;
  int func_depth_ = 0;
  // The list whose elements end with ';' (cmd/compile's list context, e.g. "struct
  // type", and its closing token); empty in statement lists and at top level.
  std::string_view semi_list_;
  Token semi_close_ = Token::ILLEGAL;
  bool list_aborted_ = false;
  Pragmas pragma_;  // directives not yet given to a declaration
  size_t directive_errors_ = 0;
  std::vector<Linkname> linknames_;
  base::ErrorList decl_errors_;  // see DeclDirectiveError  // a list ended at an error, before its closing token

  // Non-syntactic parser control.
  int expr_lev_ = 0;  // < 0: in control clause, >= 0: in expression
  bool in_rhs_ = false;
  int nest_lev_ = 0;
  // An upper bound of the scope depth go/parser's resolver reaches (the nesting of
  // scope-opening constructs), to skip its depth check on ordinary files.
  int scope_depth_ = 0;
  int max_scope_depth_ = 0;
  uintptr_t stack_limit_ = 0;

  std::vector<ImportSpec*> imports_;
  std::vector<Node*> scratch_;
  struct ParamScratch {
    Ident* name;
    Expr* type;
  };
  std::vector<ParamScratch> params_scratch_;
};

// NestGuard increments the parser's nesting level for its lifetime.
class NestGuard {
 public:
  explicit NestGuard(Parser* p) : p_(p) { p_->IncNestLev(); }
  ~NestGuard() { p_->DecNestLev(); }
  NestGuard(const NestGuard&) = delete;
  NestGuard& operator=(const NestGuard&) = delete;

 private:
  Parser* p_;
};

// SemiListGuard sets the parser's semicolon-separated list context (semi_list_) for
// its lifetime.
class SemiListGuard {
 public:
  SemiListGuard(Parser* p, std::string_view context, Token close)
      : p_(p), context_(p->semi_list_), close_(p->semi_close_) {
    p_->semi_list_ = context;
    p_->semi_close_ = close;
  }
  ~SemiListGuard() {
    p_->semi_list_ = context_;
    p_->semi_close_ = close_;
  }
  SemiListGuard(const SemiListGuard&) = delete;
  SemiListGuard& operator=(const SemiListGuard&) = delete;

 private:
  Parser* p_;
  std::string_view context_;
  Token close_;
};

// ScopeGuard counts n scope-opening constructs for its lifetime (see scope_depth_).
class ScopeGuard {
 public:
  ScopeGuard(Parser* p, int n) : p_(p), n_(n) {
    p_->scope_depth_ += n;
    if (p_->scope_depth_ > p_->max_scope_depth_) p_->max_scope_depth_ = p_->scope_depth_;
  }
  ~ScopeGuard() { p_->scope_depth_ -= n_; }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  Parser* p_;
  int n_;
};

// CompilerStmtString and CompilerStmtPos give the short form and position of a
// simple statement as cmd/compile's errors show them (parser_gc_print.cpp).
std::string CompilerStmtString(const Stmt* s);
std::string CompilerExprString(const Expr* x);
base::Pos CompilerStmtPos(const Stmt* s);
// CompilerExprPos returns the position cmd/compile's syntax tree gives x: its
// operator, '(', '[', '{' or '.', or its start.
base::Pos CompilerExprPos(const Expr* x);

// Unparen strips any parentheses around x.
Expr* Unparen(Expr* x);

}  // namespace gotool::syntax::internal
