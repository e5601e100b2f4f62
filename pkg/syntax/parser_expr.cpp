// Parsing of expressions: operands, primary expressions, unary and binary
// expressions, composite literals, and the expression/type checks of go/parser.
#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {

// ExpressionList = Expression { "," Expression } .
List<Expr> Parser::ParseExprList() {
  size_t mark = Mark();
  Push(CheckExpr(ParseExpr()));
  while (tok_ == Token::COMMA) {
    Next();
    Push(CheckExpr(ParseExpr()));
  }
  return Finish<Expr>(mark);
}

// ParseList parses an expression list; in_rhs makes '=' read as '==' in it.
List<Expr> Parser::ParseList(bool in_rhs) {
  bool old = in_rhs_;
  in_rhs_ = in_rhs;
  List<Expr> list = ParseExprList();
  in_rhs_ = old;
  return list;
}

// FunctionLit = "func" Signature FunctionBody ; or just a function type.
Expr* Parser::ParseFuncTypeOrLit() {
  ScopeGuard scope(this, 1);
  FuncType* typ = ParseFuncType();
  if (tok_ != Token::LBRACE) return typ;
  expr_lev_++;
  BlockStmt* body = ParseBody();
  expr_lev_--;
  FuncLit* f = New<FuncLit>();
  f->Type = typ;
  f->Body = body;
  return f;
}

// Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
// May return a type, even a raw one such as [...]T: callers check.
Expr* Parser::ParseOperand() {
  switch (tok_) {
    case Token::IDENT: return ParseIdent();
    case Token::INT:
    case Token::FLOAT:
    case Token::IMAG:
    case Token::CHAR:
    case Token::STRING: {
      if (tok_bad_ && compiler()) {
        // cmd/compile marks the literal bad: the type checker skips it silently.
        BadExpr* bad = NewBadExpr(pos_, pos_ + int64_t(lit_.size()));
        Next();
        return bad;
      }
      BasicLit* x = New<BasicLit>();
      x->ValuePos = pos_;
      x->Kind = tok_;
      x->Value = lit_;
      Next();
      return x;
    }
    case Token::LPAREN: {
      ParenExpr* x = New<ParenExpr>();
      x->Lparen = pos_;
      Next();
      expr_lev_++;
      x->X = ParseRhsOrType();  // types may be parenthesized: (some type)
      expr_lev_--;
      x->Rparen = Expect(Token::RPAREN);
      return x;
    }
    case Token::FUNC: return ParseFuncTypeOrLit();
    default: break;
  }
  if (Expr* typ = TryIdentOrType()) return typ;  // a composite literal or conversion type
  base::Pos pos = pos_;
  ErrorExpected(pos, "operand");
  if (compiler()) {
    // cmd/compile keeps the closing bracket that probably ends the expression.
    AdvanceTo({Token::RPAREN, Token::RBRACK, Token::RBRACE});
    return NewBadExpr(pos, pos);
  }
  Advance(kStmtStart);
  return NewBadExpr(pos, pos_);
}

// Selector = "." identifier .
Expr* Parser::ParseSelector(Expr* x) {
  SelectorExpr* s = New<SelectorExpr>();
  s->X = x;
  s->Sel = ParseIdent();
  return s;
}

// TypeAssertion = "." "(" Type ")" ; or ".(type)" in a type switch (Type == null).
Expr* Parser::ParseTypeAssertion(Expr* x) {
  TypeAssertExpr* t = New<TypeAssertExpr>();
  t->X = x;
  t->Lparen = Expect(Token::LPAREN);
  if (tok_ == Token::TYPE) {
    Next();
  } else {
    t->Type = ParseType();
  }
  t->Rparen = Expect(Token::RPAREN);
  return t;
}

// Index = "[" Expression "]" ; Slice = "[" [ Expr ] ":" [ Expr ] [ ":" Expr ] "]" ;
// TypeArgs = "[" TypeList [ "," ] "]" .
Expr* Parser::ParseIndexOrSliceOrInstance(Expr* x) {
  base::Pos lbrack = Expect(Token::LBRACK);
  if (tok_ == Token::RBRACK) {
    // Empty index: accepted for tolerance, with a complaint.
    ErrorExpected(pos_, "operand");
    base::Pos rbrack = pos_;
    Next();
    IndexExpr* e = New<IndexExpr>();
    e->X = x;
    e->Lbrack = lbrack;
    e->Index = NewBadExpr(rbrack, rbrack);
    e->Rbrack = rbrack;
    return e;
  }
  expr_lev_++;
  Expr* index[3] = {nullptr, nullptr, nullptr};
  base::Pos colons[2];
  int ncolons = 0;
  size_t mark = Mark();
  // Index or instance: even a named type here is not parsed in type context.
  if (tok_ != Token::COLON) index[0] = ParseRhsOrType();
  if (tok_ == Token::COLON) {
    while (tok_ == Token::COLON && ncolons < 2) {
      colons[ncolons++] = pos_;
      Next();
      if (tok_ != Token::COLON && tok_ != Token::RBRACK && tok_ != Token::EOF_) {
        index[ncolons] = ParseRhs();
      }
    }
  } else if (tok_ == Token::COMMA) {
    Push(index[0]);  // an instance
    while (tok_ == Token::COMMA) {
      Next();
      if (tok_ != Token::RBRACK && tok_ != Token::EOF_) Push(ParseType());
    }
  }
  expr_lev_--;
  List<Expr> args = Finish<Expr>(mark);
  base::Pos rbrack = Expect(Token::RBRACK);

  if (ncolons > 0) {
    SliceExpr* s = New<SliceExpr>();
    if (ncolons == 2) {
      s->Slice3 = true;
      // Checked here rather than by the type checker so that gofmt rejects it.
      if (compiler()) {
        CheckCompilerSlice3(index, colons, rbrack);
      } else if (!index[1]) {
        Error(colons[0], "2nd index required in 3-index slice");
        index[1] = NewBadExpr(colons[0] + 1, colons[1]);
      }
      if (!index[2]) {
        Error(colons[1], "3rd index required in 3-index slice");
        index[2] = NewBadExpr(colons[1] + 1, rbrack);
      }
    }
    s->X = x;
    s->Lbrack = lbrack;
    s->Low = index[0];
    s->High = index[1];
    s->Max = index[2];
    s->Rbrack = rbrack;
    return s;
  }
  if (args.empty()) {
    IndexExpr* e = New<IndexExpr>();
    e->X = x;
    e->Lbrack = lbrack;
    e->Index = index[0];
    e->Rbrack = rbrack;
    return e;
  }
  return PackIndexExpr(x, lbrack, args, rbrack);
}

// Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" .
CallExpr* Parser::ParseCallOrConversion(Expr* fun) {
  CallExpr* call = New<CallExpr>();
  call->Fun = fun;
  call->Lparen = Expect(Token::LPAREN);
  expr_lev_++;
  size_t mark = Mark();
  while (tok_ != Token::RPAREN && tok_ != Token::EOF_ && !call->Ellipsis.IsValid()) {
    Push(ParseRhsOrType());  // builtins may take a type: make(T, n)
    if (tok_ == Token::ELLIPSIS) {
      call->Ellipsis = pos_;
      Next();
    }
    if (!AtComma("argument list", Token::RPAREN)) break;
    Next();
  }
  expr_lev_--;
  call->Args = Finish<Expr>(mark);
  call->Rparen = ExpectClosing(Token::RPAREN, "argument list");
  return call;
}

// Element = Expression | LiteralValue .
Expr* Parser::ParseValue() {
  if (tok_ == Token::LBRACE) return ParseLiteralValue(nullptr);
  return CheckExpr(ParseExpr());
}

// KeyedElement = [ Key ":" ] Element .
Expr* Parser::ParseElement() {
  Expr* x = ParseValue();
  if (tok_ != Token::COLON) return x;
  KeyValueExpr* kv = New<KeyValueExpr>();
  kv->Key = x;
  kv->Colon = pos_;
  Next();
  kv->Value = ParseValue();
  return kv;
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
Expr* Parser::ParseLiteralValue(Expr* type) {
  CompositeLit* lit = New<CompositeLit>();
  lit->Type = type;
  lit->Lbrace = Expect(Token::LBRACE);
  expr_lev_++;
  size_t mark = Mark();
  while (tok_ != Token::RBRACE && tok_ != Token::EOF_) {
    Push(ParseElement());
    if (!AtComma("composite literal", Token::RBRACE)) break;
    Next();
  }
  expr_lev_--;
  lit->Elts = Finish<Expr>(mark);
  lit->Rbrace = ExpectClosing(Token::RBRACE, "composite literal");
  return lit;
}

// CheckExpr checks that x is an expression and not a type.
Expr* Parser::CheckExpr(Expr* x) {
  if (compiler()) return x;  // cmd/compile leaves it to the type checker
  switch (Unparen(x)->kind) {
    case NodeKind::BadExpr:
    case NodeKind::Ident:
    case NodeKind::BasicLit:
    case NodeKind::FuncLit:
    case NodeKind::CompositeLit:
    case NodeKind::SelectorExpr:
    case NodeKind::IndexExpr:
    case NodeKind::IndexListExpr:
    case NodeKind::SliceExpr:
    case NodeKind::TypeAssertExpr:  // x.(type) is left to the type checker
    case NodeKind::CallExpr:
    case NodeKind::StarExpr:
    case NodeKind::UnaryExpr:
    case NodeKind::BinaryExpr:
      return x;
    default: {
      base::Pos pos = NodePos(x);
      ErrorExpected(pos, "expression");
      return NewBadExpr(pos, SafePos(NodeEnd(x)));
    }
  }
}

// CheckExprOrType checks that x is an expression or a type, not a raw [...]T.
Expr* Parser::CheckExprOrType(Expr* x) {
  if (ArrayType* t = DynCast<ArrayType>(Unparen(x))) {
    // cmd/compile leaves a misplaced [...]T to the type checker.
    if (t->Len && t->Len->kind == NodeKind::Ellipsis && !compiler()) {
      Error(NodePos(t->Len), "expected array length, found '...'");
      return NewBadExpr(NodePos(x), SafePos(NodeEnd(x)));
    }
  }
  return x;
}

// PrimaryExpr = Operand | Conversion | PrimaryExpr ( Selector | Index | Slice |
// TypeAssertion | Arguments ) | CompositeLit .
Expr* Parser::ParsePrimaryExpr(Expr* x) {
  if (!x) x = ParseOperand();
  // Each suffix counts as one nesting level (the tree grows one deeper).
  int n = 0;
  for (bool done = false; !done;) {
    n++;
    IncNestLev();
    switch (tok_) {
      case Token::PERIOD:
        Next();
        if (tok_ == Token::IDENT) {
          x = ParseSelector(CheckExprOrType(x));
        } else if (tok_ == Token::LPAREN) {
          x = ParseTypeAssertion(CheckExpr(x));
        } else {
          base::Pos pos = pos_;
          if (compiler()) {
            SyntaxError("expecting name or (");
            AdvanceTo({Token::SEMICOLON, Token::RPAREN});
          } else {
            ErrorExpected(pos, "selector or type assertion");
            if (tok_ != Token::RBRACE) Next();  // make progress
          }
          SelectorExpr* s = New<SelectorExpr>();
          s->X = x;
          s->Sel = NewIdent(pos, "_");
          x = s;
        }
        break;
      case Token::LBRACK: x = ParseIndexOrSliceOrInstance(CheckExpr(x)); break;
      case Token::LPAREN: x = ParseCallOrConversion(CheckExprOrType(x)); break;
      case Token::LBRACE: {
        // A composite literal, or the block of an if/for/switch header?
        Expr* t = Unparen(x);
        switch (t->kind) {
          case NodeKind::BadExpr:
          case NodeKind::Ident:
          case NodeKind::SelectorExpr:
          case NodeKind::IndexExpr:
          case NodeKind::IndexListExpr:
            if (expr_lev_ < 0) done = true;
            break;
          case NodeKind::ArrayType:
          case NodeKind::StructType:
          case NodeKind::MapType:
            break;
          default:
            done = true;
        }
        if (done) break;
        // cmd/compile reports it at the '{'.
        if (t != x) Error(compiler() ? pos_ : NodePos(t), "cannot parenthesize type in composite literal");
        x = ParseLiteralValue(x);
        break;
      }
      default: done = true;
    }
  }
  nest_lev_ -= n;
  return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
Expr* Parser::ParseUnaryExpr() {
  NestGuard guard(this);
  switch (tok_) {
    case Token::ADD:
    case Token::SUB:
    case Token::NOT:
    case Token::XOR:
    case Token::AND:
    case Token::TILDE: {
      UnaryExpr* u = New<UnaryExpr>();
      u->OpPos = pos_;
      u->Op = tok_;
      Next();
      u->X = CheckExpr(ParseUnaryExpr());
      return u;
    }
    case Token::ARROW: {
      // A receive, or a channel type: "<-chan T" is only known after parsing it.
      base::Pos arrow = pos_;
      Next();
      Expr* x = ParseUnaryExpr();
      if (ChanType* typ = DynCast<ChanType>(x)) {
        // (<-type): re-associate the arrow with the channel types parsed:
        // <-(chan T) => (<-chan T); <-(chan<- T) => (<-chan (<-T)).
        uint8_t dir = kChanSend;
        Expr* elem = x;
        while (typ && dir == kChanSend) {
          if (typ->Dir == kChanRecv) {  // <-(<-chan T)
            // cmd/compile reports at the token after the type.
            if (compiler()) {
              SyntaxError(pos_, "unexpected <-, expecting chan");
            } else {
              ErrorExpected(typ->Arrow, "'chan'");
            }
          }
          base::Pos next_arrow = typ->Arrow;
          typ->Begin = arrow;
          typ->Arrow = arrow;
          arrow = next_arrow;
          dir = typ->Dir;
          typ->Dir = kChanRecv;
          elem = typ->Value;
          typ = DynCast<ChanType>(typ->Value);
        }
        if (dir == kChanSend && compiler()) {  // <-chan<- E, E not a channel type
          SyntaxError(pos_, "unexpected " + CompilerExprString(elem) + ", expecting chan");
        } else if (dir == kChanSend) {
          ErrorExpected(arrow, "channel type");
        }
        return x;
      }
      UnaryExpr* u = New<UnaryExpr>();
      u->OpPos = arrow;
      u->Op = Token::ARROW;
      u->X = CheckExpr(x);
      return u;
    }
    case Token::MUL: {
      // A pointer type or an indirection.
      StarExpr* s = New<StarExpr>();
      s->Star = pos_;
      Next();
      s->X = CheckExprOrType(ParseUnaryExpr());
      return s;
    }
    default: return ParsePrimaryExpr(nullptr);
  }
}

// Expression = UnaryExpr | Expression binary_op Expression . x, if not null, is the
// already parsed left operand; check verifies the operands are expressions.
Expr* Parser::ParseBinaryExpr(Expr* x, int prec1, bool check) {
  if (!x) x = ParseUnaryExpr();
  int n = 0;
  for (;;) {
    n++;
    IncNestLev();
    Token op = tok_;
    if (in_rhs_ && op == Token::ASSIGN) op = Token::EQL;  // '=' for '==' is an error
    int oprec = Precedence(op);
    if (oprec < prec1) break;
    BinaryExpr* b = New<BinaryExpr>();
    b->OpPos = Expect(op);
    b->Op = op;
    Expr* y = ParseBinaryExpr(nullptr, oprec + 1, check);
    if (check) {
      x = CheckExpr(x);
      y = CheckExpr(y);
    }
    b->X = x;
    b->Y = y;
    x = b;
  }
  nest_lev_ -= n;
  return x;
}

Expr* Parser::ParseExpr() { return ParseBinaryExpr(nullptr, kLowestPrec + 1, true); }

// ParseRhs parses a right-hand side expression (which must not be a type).
Expr* Parser::ParseRhs() {
  bool old = in_rhs_;
  in_rhs_ = true;
  Expr* x = CheckExpr(ParseExpr());
  in_rhs_ = old;
  return x;
}

// ParseRhsOrType parses a right-hand side expression or a type.
Expr* Parser::ParseRhsOrType() {
  bool old = in_rhs_;
  in_rhs_ = true;
  Expr* x = CheckExprOrType(ParseExpr());
  in_rhs_ = old;
  return x;
}

Expr* Parser::ParseExprOnly() {
  Expr* x = ParseRhsOrType();
  if (bailed_) return nullptr;  // go/parser panicked before returning x
  // An automatic semicolon may end the expression; anything else is an error.
  if (tok_ == Token::SEMICOLON && lit_ == "\n") Next();
  Expect(Token::EOF_);
  return x;
}

}  // namespace gotool::syntax::internal
