// Parsing of statements: blocks, simple statements, if/switch/select/for, branches.
#include <string>

#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {

// StatementList = { Statement ";" } .
List<Stmt> Parser::ParseStmtList() {
  size_t mark = Mark();
  while (tok_ != Token::CASE && tok_ != Token::DEFAULT && tok_ != Token::RBRACE &&
         tok_ != Token::EOF_) {
    Stmt* s = ParseStmt();
    if (!s) break;  // kCompilerErrors: no statement starts here
    Push(s);
  }
  return Finish<Stmt>(mark);
}

// FunctionBody = Block . Rbrace is NoPos if the '}' is missing.
BlockStmt* Parser::ParseBody(std::string_view context) {
  BlockStmt* b = New<BlockStmt>();
  if (compiler() && tok_ != Token::LBRACE && !context.empty()) {
    // People coming from C may forget that braces are mandatory in Go.
    SyntaxError("expecting { after " + std::string(context));
    AdvanceTo({Token::IDENT, Token::RBRACE});
    if (tok_ == Token::RBRACE) {
      b->Lbrace = b->Rbrace = pos_;
      Next();
      return b;
    }
  } else {
    b->Lbrace = Expect(Token::LBRACE);
  }
  {
    SemiListGuard semis(this, {}, Token::ILLEGAL);
    func_depth_++;
    b->List = ParseStmtList();
    func_depth_--;
  }
  b->Rbrace = Expect2(Token::RBRACE);
  return b;
}

// Block = "{" StatementList "}" . Unlike a function body, a block is a scope of
// its own for go/parser's resolver (see scope_depth_).
BlockStmt* Parser::ParseBlockStmt(std::string_view context) {
  ScopeGuard scope(this, 1);
  return ParseBody(context);
}

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment |
// ShortVarDecl ; plus labeled statements (kLabelOk) and range clauses (kRangeOk,
// returned as an assignment whose single right-hand side is "range x").
Stmt* Parser::ParseSimpleStmt(SimpleStmtMode mode, bool* is_range) {
  if (is_range) *is_range = false;
  List<Expr> x = ParseList(false);
  switch (tok_) {
    case Token::DEFINE: case Token::ASSIGN: case Token::ADD_ASSIGN: case Token::SUB_ASSIGN:
    case Token::MUL_ASSIGN: case Token::QUO_ASSIGN: case Token::REM_ASSIGN:
    case Token::AND_ASSIGN: case Token::OR_ASSIGN: case Token::XOR_ASSIGN:
    case Token::SHL_ASSIGN: case Token::SHR_ASSIGN: case Token::AND_NOT_ASSIGN: {
      AssignStmt* as = New<AssignStmt>();
      as->Lhs = x;
      as->TokPos = pos_;
      as->Tok = tok_;
      Next();
      if (mode == kRangeOk && tok_ == Token::RANGE &&
          (as->Tok == Token::DEFINE || as->Tok == Token::ASSIGN)) {
        UnaryExpr* r = New<UnaryExpr>();
        r->OpPos = pos_;
        r->Op = Token::RANGE;
        Next();
        r->X = ParseRhs();
        as->Rhs = One<Expr>(r);
        if (is_range) *is_range = true;
      } else {
        as->Rhs = ParseList(true);
      }
      if (as->Tok == Token::DEFINE) CheckAssignStmt(as);
      return as;
    }
    default: break;
  }
  if (x.size > 1) ErrorExpected(NodePos(x[0]), "1 expression");  // continue with x[0]
  switch (tok_) {
    case Token::COLON: {
      base::Pos colon = pos_;
      if (!compiler()) Next();
      Ident* label = DynCast<Ident>(x[0]);
      if (compiler() && !(label && mode == kLabelOk)) {
        // cmd/compile: an expression statement, then "unexpected :" at its end.
        ExprStmt* s = New<ExprStmt>();
        s->X = x[0];
        return s;
      }
      if (label && mode == kLabelOk) {
        LabeledStmt* s = New<LabeledStmt>();
        if (compiler()) Next();
        s->Label = label;
        s->Colon = colon;
        s->Stmt = ParseStmt();
        if (!s->Stmt) {  // kCompilerErrors
          SyntaxError(colon, "missing statement after label");
          BadStmt* bad = New<BadStmt>();
          bad->From = bad->To = colon;
          s->Stmt = bad;
        }
        return s;
      }
      // Reported at the colon: the offending token may be anywhere before it.
      Error(colon, "illegal label declaration");
      BadStmt* bad = New<BadStmt>();
      bad->From = NodePos(x[0]);
      bad->To = colon + 1;
      return bad;
    }
    case Token::ARROW: {
      SendStmt* s = New<SendStmt>();
      s->Chan = x[0];
      s->Arrow = pos_;
      Next();
      s->Value = ParseRhs();
      return s;
    }
    case Token::INC:
    case Token::DEC: {
      IncDecStmt* s = New<IncDecStmt>();
      s->X = x[0];
      s->TokPos = pos_;
      s->Tok = tok_;
      Next();
      return s;
    }
    default: {
      ExprStmt* s = New<ExprStmt>();
      s->X = x[0];
      return s;
    }
  }
}

// CheckAssignStmt checks that only identifiers are on the left of ':='.
void Parser::CheckAssignStmt(AssignStmt* as) {
  if (compiler()) return;  // cmd/compile leaves it to the type checker
  for (Expr* x : as->Lhs) {
    if (x->kind != NodeKind::Ident) ErrorExpected(NodePos(x), "identifier on left side of :=");
  }
}

// ParseCallExpr parses the call of a go or defer statement (null if not a call).
CallExpr* Parser::ParseCallExpr(std::string_view call_type) {
  Expr* x = ParseRhsOrType();  // could be a conversion: (some type)(x)
  if (compiler()) return CheckCompilerCall(x, call_type);
  if (CallExpr* call = DynCast<CallExpr>(x)) return call;
  if (x->kind != NodeKind::BadExpr) {  // only report a new error
    std::string msg = "function must be invoked in ";
    msg += call_type;
    msg += " statement";
    Error(SafePos(NodeEnd(x)), msg);
  }
  return nullptr;
}

// GoStmt = "go" Expression .
Stmt* Parser::ParseGoStmt() {
  base::Pos pos = Expect(Token::GO);
  CallExpr* call = ParseCallExpr("go");
  ExpectSemi();
  if (!call) {
    BadStmt* bad = New<BadStmt>();
    bad->From = pos;
    bad->To = pos + 2;  // len("go")
    return bad;
  }
  GoStmt* s = New<GoStmt>();
  s->Go = pos;
  s->Call = call;
  return s;
}

// DeferStmt = "defer" Expression .
Stmt* Parser::ParseDeferStmt() {
  base::Pos pos = Expect(Token::DEFER);
  CallExpr* call = ParseCallExpr("defer");
  ExpectSemi();
  if (!call) {
    BadStmt* bad = New<BadStmt>();
    bad->From = pos;
    bad->To = pos + 5;  // len("defer")
    return bad;
  }
  DeferStmt* s = New<DeferStmt>();
  s->Defer = pos;
  s->Call = call;
  return s;
}

// ReturnStmt = "return" [ ExpressionList ] .
ReturnStmt* Parser::ParseReturnStmt() {
  ReturnStmt* s = New<ReturnStmt>();
  s->Return = pos_;
  Expect(Token::RETURN);
  if (tok_ != Token::SEMICOLON && tok_ != Token::RBRACE) s->Results = ParseList(true);
  ExpectSemi();
  return s;
}

// BreakStmt, ContinueStmt, GotoStmt = keyword [ Label ] ; FallthroughStmt.
BranchStmt* Parser::ParseBranchStmt(Token tok) {
  BranchStmt* s = New<BranchStmt>();
  s->TokPos = Expect(tok);
  s->Tok = tok;
  if (tok != Token::FALLTHROUGH && tok_ == Token::IDENT) s->Label = ParseIdent();
  ExpectSemi();
  return s;
}

// MakeExpr turns the statement s of a control clause into the expression it must be.
Expr* Parser::MakeExpr(Stmt* s, std::string_view want) {
  if (!s) return nullptr;
  if (ExprStmt* es = DynCast<ExprStmt>(s)) return CheckExpr(es->X);
  if (compiler()) {
    SyntaxError(CompilerStmtPos(s), "cannot use " + CompilerStmtString(s) + " as value");
    return NewBadExpr(NodePos(s), SafePos(NodeEnd(s)));
  }
  std::string msg = "expected ";
  msg += want;
  msg += s->kind == NodeKind::AssignStmt ? ", found assignment" : ", found simple statement";
  msg += " (missing parentheses around composite literal?)";
  Error(NodePos(s), msg);
  return NewBadExpr(NodePos(s), SafePos(NodeEnd(s)));
}

// IfHeader = [ SimpleStmt ";" ] Expression .
void Parser::ParseIfHeader(Stmt** init_out, Expr** cond_out) {
  Stmt* init = nullptr;
  Expr* cond = nullptr;
  if (tok_ == Token::LBRACE) {
    Error(pos_, "missing condition in if statement");
    *init_out = nullptr;
    *cond_out = NewBadExpr(pos_, pos_);
    return;
  }
  int prev_lev = expr_lev_;
  expr_lev_ = -1;
  if (tok_ != Token::SEMICOLON) {
    if (tok_ == Token::VAR) {  // accept a var declaration but complain
      Next();
      Error(pos_, compiler() ? "var declaration not allowed in if initializer"
                             : "var declaration not allowed in 'IF' initializer");
    }
    init = ParseSimpleStmt(kBasic, nullptr);
  }
  Stmt* cond_stmt = nullptr;
  base::Pos semi_pos;
  std::string_view semi_lit;
  if (tok_ != Token::LBRACE) {
    if (tok_ == Token::SEMICOLON) {
      semi_pos = pos_;
      semi_lit = lit_;
      Next();
    } else if (compiler()) {
      CompilerHeaderBrace();  // cmd/compile asks for the '{' rather than a ';'
    } else {
      Expect(Token::SEMICOLON);
    }
    if (tok_ != Token::LBRACE) cond_stmt = ParseSimpleStmt(kBasic, nullptr);
  } else {
    cond_stmt = init;
    init = nullptr;
  }
  if (cond_stmt) {
    cond = MakeExpr(cond_stmt, "boolean expression");
  } else if (semi_pos.IsValid()) {
    if (semi_lit == "\n") {
      Error(semi_pos, "unexpected newline, expecting { after if clause");
    } else {
      Error(semi_pos, "missing condition in if statement");
    }
  }
  if (!cond) cond = NewBadExpr(pos_, pos_);  // keep the tree valid
  expr_lev_ = prev_lev;
  *init_out = init;
  *cond_out = cond;
}

// ParseCompilerForClause parses "[ Condition ] ; [ PostStmt ]" of a for clause with
// cmd/compile's errors.
void Parser::ParseCompilerForClause(Stmt** cond, Stmt** post) {
  if (tok_ != Token::SEMICOLON) {
    if (tok_ == Token::LBRACE) {
      SyntaxError("expecting for loop condition");
      return;
    }
    *cond = ParseSimpleStmt(kBasic, nullptr);
  }
  Expect(Token::SEMICOLON);
  if (tok_ == Token::LBRACE) return;
  *post = ParseSimpleStmt(kBasic, nullptr);
  if (AssignStmt* as = DynCast<AssignStmt>(*post); as && as->Tok == Token::DEFINE) {
    SyntaxError(as->TokPos, "cannot declare in post statement of for loop");
  }
}

// CompilerHeaderBrace reports a header of if, switch or for that goes on after its
// init statement with neither ';' nor '{', as cmd/compile does (asking for the '{'),
// and skips to a brace.
void Parser::CompilerHeaderBrace() {
  Expect(Token::LBRACE);
  if (tok_ != Token::LBRACE) AdvanceTo({Token::LBRACE, Token::RBRACE});
}

// ExpectClauseBody expects the '{' of a switch or select body as cmd/compile does:
// when it is missing, reports msg and skips to the first clause.
base::Pos Parser::ExpectClauseBody(std::string_view msg) {
  base::Pos pos = pos_;
  if (tok_ == Token::LBRACE) {
    Next();
  } else {
    SyntaxError(msg);
    AdvanceTo({Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  return pos;
}

// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
IfStmt* Parser::ParseIfStmt() {
  ScopeGuard scope(this, 1);
  NestGuard guard(this);
  IfStmt* s = New<IfStmt>();
  s->If = Expect(Token::IF);
  ParseIfHeader(&s->Init, &s->Cond);
  s->Body = ParseBlockStmt("if clause");
  if (tok_ == Token::ELSE) {
    Next();
    switch (tok_) {
      case Token::IF: s->Else = ParseIfStmt(); break;
      case Token::LBRACE:
        s->Else = ParseBlockStmt();
        ExpectSemi();
        break;
      default: {
        if (compiler()) {
          SyntaxError("else must be followed by if or statement block");
          AdvanceTo({Token::IDENT, Token::RBRACE});
        } else {
          ErrorExpected(pos_, "if statement or block");
        }
        BadStmt* bad = New<BadStmt>();
        bad->From = pos_;
        bad->To = pos_;
        s->Else = bad;
      }
    }
  } else {
    ExpectSemi();
  }
  return s;
}

// TypeList = Type { "," Type } .
List<Expr> Parser::ParseTypeList() {
  size_t mark = Mark();
  Push(ParseType());
  while (tok_ == Token::COMMA) {
    Next();
    Push(ParseType());
  }
  return Finish<Expr>(mark);
}

// ExprCaseClause = ExprSwitchCase ":" StatementList ; TypeCaseClause likewise.
CaseClause* Parser::ParseCaseClause(bool type_switch) {
  ScopeGuard scope(this, 1);
  CaseClause* c = New<CaseClause>();
  c->Case = pos_;
  if (tok_ == Token::CASE) {
    Next();
    // cmd/compile parses a type switch's cases as expressions too (the type checker
    // reports a value: "0 is not a type").
    c->List = type_switch && !compiler() ? ParseTypeList() : ParseList(true);
  } else if (tok_ == Token::DEFAULT || !compiler()) {
    Expect(Token::DEFAULT);
  } else {
    SyntaxError("expecting case or default or }");
    AdvanceTo({Token::COLON, Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  c->Colon = Expect(Token::COLON);
  c->Body = ParseStmtList();
  return c;
}

static bool IsTypeSwitchAssert(Expr* x) {
  TypeAssertExpr* a = DynCast<TypeAssertExpr>(x);
  return a && !a->Type;
}

// IsTypeSwitchGuard reports whether s is "x.(type)" or "v := x.(type)".
bool Parser::IsTypeSwitchGuard(Stmt* s) {
  if (!s) return false;
  if (ExprStmt* es = DynCast<ExprStmt>(s)) return IsTypeSwitchAssert(es->X);
  AssignStmt* as = DynCast<AssignStmt>(s);
  if (!as || as->Lhs.size != 1 || as->Rhs.size != 1 || !IsTypeSwitchAssert(as->Rhs[0])) {
    return false;
  }
  // cmd/compile's guard declares a name; anything else is a statement used as value.
  if (compiler() && as->Lhs[0]->kind != NodeKind::Ident) return false;
  if (as->Tok == Token::ASSIGN) {
    Error(as->TokPos, "expected ':=', found '='");  // permit v = x.(type) but complain
    return true;
  }
  return as->Tok == Token::DEFINE;
}

// SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
Stmt* Parser::ParseSwitchStmt() {
  ScopeGuard scope(this, 2);
  base::Pos pos = Expect(Token::SWITCH);
  Stmt* s1 = nullptr;
  Stmt* s2 = nullptr;
  if (tok_ != Token::LBRACE) {
    int prev_lev = expr_lev_;
    expr_lev_ = -1;
    if (tok_ == Token::VAR && compiler()) {
      Next();
      SyntaxError("var declaration not allowed in switch initializer");
    }
    if (tok_ != Token::SEMICOLON) s2 = ParseSimpleStmt(kBasic, nullptr);
    if (compiler() && tok_ != Token::SEMICOLON && tok_ != Token::LBRACE) {
      CompilerHeaderBrace();  // s2 was the init statement
      s1 = s2;
      s2 = nullptr;
    }
    if (tok_ == Token::SEMICOLON) {
      Next();
      s1 = s2;
      s2 = nullptr;
      if (tok_ != Token::LBRACE) s2 = ParseSimpleStmt(kBasic, nullptr);
    }
    expr_lev_ = prev_lev;
  }
  bool type_switch = IsTypeSwitchGuard(s2);
  BlockStmt* body = New<BlockStmt>();
  size_t mark = Mark();
  if (compiler()) {
    body->Lbrace = ExpectClauseBody("missing { after switch clause");
    while (tok_ != Token::EOF_ && tok_ != Token::RBRACE) Push(ParseCaseClause(type_switch));
  } else {
    body->Lbrace = Expect(Token::LBRACE);
    while (tok_ == Token::CASE || tok_ == Token::DEFAULT) Push(ParseCaseClause(type_switch));
  }
  body->List = Finish<Stmt>(mark);
  body->Rbrace = Expect(Token::RBRACE);
  ExpectSemi();
  if (type_switch) {
    TypeSwitchStmt* ts = New<TypeSwitchStmt>();
    ts->Switch = pos;
    ts->Init = s1;
    ts->Assign = s2;
    ts->Body = body;
    return ts;
  }
  SwitchStmt* sw = New<SwitchStmt>();
  sw->Switch = pos;
  sw->Init = s1;
  sw->Tag = MakeExpr(s2, "switch expression");
  sw->Body = body;
  return sw;
}

// CommClause = CommCase ":" StatementList ; CommCase = "case" ( SendStmt | RecvStmt ) | "default" .
CommClause* Parser::ParseCommClause() {
  ScopeGuard scope(this, 1);
  CommClause* c = New<CommClause>();
  c->Case = pos_;
  if (tok_ == Token::CASE) {
    Next();
    List<Expr> lhs = ParseList(false);
    if (tok_ == Token::ARROW) {
      if (lhs.size > 1) ErrorExpected(NodePos(lhs[0]), "1 expression");
      SendStmt* s = New<SendStmt>();
      s->Chan = lhs[0];
      s->Arrow = pos_;
      Next();
      s->Value = ParseRhs();
      c->Comm = s;
    } else if (tok_ == Token::ASSIGN || tok_ == Token::DEFINE) {
      // RecvStmt with assignment.
      if (lhs.size > 2) {
        ErrorExpected(NodePos(lhs[0]), "1 or 2 expressions");
        lhs.size = 2;  // continue with the first two
      }
      AssignStmt* as = New<AssignStmt>();
      as->Lhs = lhs;
      as->TokPos = pos_;
      as->Tok = tok_;
      Next();
      as->Rhs = One(ParseRhs());
      if (as->Tok == Token::DEFINE) CheckAssignStmt(as);
      c->Comm = as;
    } else {
      // A single receive operation.
      if (lhs.size > 1) ErrorExpected(NodePos(lhs[0]), "1 expression");
      ExprStmt* s = New<ExprStmt>();
      s->X = lhs[0];
      c->Comm = s;
    }
  } else if (tok_ == Token::DEFAULT || !compiler()) {
    Expect(Token::DEFAULT);
  } else {
    SyntaxError("expecting case or default or }");
    AdvanceTo({Token::COLON, Token::CASE, Token::DEFAULT, Token::RBRACE});
  }
  c->Colon = Expect(Token::COLON);
  c->Body = ParseStmtList();
  return c;
}

// SelectStmt = "select" "{" { CommClause } "}" .
SelectStmt* Parser::ParseSelectStmt() {
  SelectStmt* s = New<SelectStmt>();
  s->Select = Expect(Token::SELECT);
  BlockStmt* body = New<BlockStmt>();
  size_t mark = Mark();
  if (compiler()) {
    body->Lbrace = ExpectClauseBody("missing { after select clause");
    while (tok_ != Token::EOF_ && tok_ != Token::RBRACE) Push(ParseCommClause());
  } else {
    body->Lbrace = Expect(Token::LBRACE);
    while (tok_ == Token::CASE || tok_ == Token::DEFAULT) Push(ParseCommClause());
  }
  body->List = Finish<Stmt>(mark);
  body->Rbrace = Expect(Token::RBRACE);
  ExpectSemi();
  s->Body = body;
  return s;
}

// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
Stmt* Parser::ParseForStmt() {
  ScopeGuard scope(this, 1);
  base::Pos pos = Expect(Token::FOR);
  Stmt* s1 = nullptr;
  Stmt* s2 = nullptr;
  Stmt* s3 = nullptr;
  bool is_range = false;
  if (tok_ != Token::LBRACE) {
    int prev_lev = expr_lev_;
    expr_lev_ = -1;
    if (tok_ == Token::VAR && compiler()) {
      Next();
      SyntaxError("var declaration not allowed in for initializer");
    }
    if (tok_ != Token::SEMICOLON) {
      if (tok_ == Token::RANGE) {
        // "for range x": an assignment without left-hand side.
        UnaryExpr* r = New<UnaryExpr>();
        r->OpPos = pos_;
        r->Op = Token::RANGE;
        Next();
        r->X = ParseRhs();
        AssignStmt* as = New<AssignStmt>();
        as->Rhs = One<Expr>(r);
        s2 = as;
        is_range = true;
      } else {
        s2 = ParseSimpleStmt(kRangeOk, &is_range);
      }
    }
    if (compiler() && !is_range && tok_ != Token::SEMICOLON && tok_ != Token::LBRACE) {
      CompilerHeaderBrace();  // s2 was the init statement
      s1 = s2;
      s2 = nullptr;
      if (tok_ == Token::LBRACE) SyntaxError("expecting for loop condition");
    }
    if (!is_range && tok_ == Token::SEMICOLON) {
      Next();
      s1 = s2;
      s2 = nullptr;
      if (compiler()) {
        ParseCompilerForClause(&s2, &s3);
      } else {
        if (tok_ != Token::SEMICOLON) s2 = ParseSimpleStmt(kBasic, nullptr);
        ExpectSemi();
        if (tok_ != Token::LBRACE) s3 = ParseSimpleStmt(kBasic, nullptr);
      }
    }
    expr_lev_ = prev_lev;
  }
  BlockStmt* body = ParseBlockStmt("for clause");
  ExpectSemi();

  if (is_range) {
    AssignStmt* as = s2->As<AssignStmt>();
    RangeStmt* r = New<RangeStmt>();
    switch (as->Lhs.size) {
      case 0: break;
      case 1: r->Key = as->Lhs[0]; break;
      case 2:
        r->Key = as->Lhs[0];
        r->Value = as->Lhs[1];
        break;
      default: {
        if (compiler()) {
          r->Key = as->Lhs[0];
          r->Value = as->Lhs[1];
          r->Extra = as->Lhs[2];
          break;
        }
        ErrorExpected(NodePos(as->Lhs.back()), "at most 2 expressions");
        BadStmt* bad = New<BadStmt>();
        bad->From = pos;
        bad->To = SafePos(NodeEnd(body));
        return bad;
      }
    }
    r->For = pos;
    r->TokPos = as->TokPos;
    r->Tok = as->Tok;
    r->X = as->Rhs[0]->As<UnaryExpr>()->X;
    r->Body = body;
    return r;
  }
  ForStmt* f = New<ForStmt>();
  f->For = pos;
  f->Init = s1;
  f->Cond = MakeExpr(s2, "boolean or range expression");
  f->Post = s3;
  f->Body = body;
  return f;
}

// Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
// BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block | IfStmt |
// SwitchStmt | SelectStmt | ForStmt | DeferStmt .
Stmt* Parser::ParseStmt() {
  // Only declarations take directives.
  if (compiler() && tok_ != Token::VAR && tok_ != Token::CONST && tok_ != Token::TYPE) {
    ClearPragma();
  }
  NestGuard guard(this);
  switch (tok_) {
    case Token::CONST:
    case Token::TYPE:
    case Token::VAR: {
      DeclStmt* s = New<DeclStmt>();
      s->Decl = ParseDecl(kStmtStart);
      return s;
    }
    // Tokens that may start an expression: operands, composite types, unary operators.
    case Token::IDENT: case Token::INT: case Token::FLOAT: case Token::IMAG:
    case Token::CHAR: case Token::STRING: case Token::FUNC: case Token::LPAREN:
    case Token::LBRACK: case Token::STRUCT: case Token::MAP: case Token::CHAN:
    case Token::INTERFACE:
    case Token::ADD: case Token::SUB: case Token::MUL: case Token::AND:
    case Token::XOR: case Token::ARROW: case Token::NOT: {
      Stmt* s = ParseSimpleStmt(kLabelOk, nullptr);
      // A labeled statement already parsed its statement (and semicolon).
      if (s->kind != NodeKind::LabeledStmt) ExpectSemi();
      return s;
    }
    case Token::GO: return ParseGoStmt();
    case Token::DEFER: return ParseDeferStmt();
    case Token::RETURN: return ParseReturnStmt();
    case Token::BREAK:
    case Token::CONTINUE:
    case Token::GOTO:
    case Token::FALLTHROUGH: return ParseBranchStmt(tok_);
    case Token::LBRACE: {
      BlockStmt* s = ParseBlockStmt();
      ExpectSemi();
      return s;
    }
    case Token::IF: return ParseIfStmt();
    case Token::SWITCH: return ParseSwitchStmt();
    case Token::SELECT: return ParseSelectStmt();
    case Token::FOR: return ParseForStmt();
    case Token::SEMICOLON: {
      EmptyStmt* s = New<EmptyStmt>();
      s->Semicolon = pos_;
      s->Implicit = lit_ == "\n";
      Next();
      return s;
    }
    case Token::RBRACE: {
      // A semicolon may be omitted before a closing "}".
      EmptyStmt* s = New<EmptyStmt>();
      s->Semicolon = pos_;
      s->Implicit = true;
      return s;
    }
    default: {
      // cmd/compile ends the statement list here; its closer reports the token.
      if (compiler()) return nullptr;
      base::Pos pos = pos_;
      ErrorExpected(pos, "statement");
      Advance(kStmtStart);
      BadStmt* s = New<BadStmt>();
      s->From = pos;
      s->To = pos_;
      return s;
    }
  }
}

}  // namespace gotool::syntax::internal
