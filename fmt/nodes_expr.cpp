// The node → token layer for expressions: binary-expression spacing by precedence
// and depth, and every expression and type node.
#include <string>

#include "fmt/printer_impl.h"

namespace gotool::gofmt::internal {
namespace {

using syntax::NodeKind;
using syntax::NodePos;
using syntax::Precedence;

struct BinaryInfo {
  bool has4 = false, has5 = false;
  int max_problem = 0;
};

// WalkBinary collects the precedence levels used in e (not inside parentheses) and
// the worst operator clash with a unary right operand ("/ *", "& &", "+ +").
BinaryInfo WalkBinary(const syntax::BinaryExpr* e) {
  BinaryInfo r;
  int prec = Precedence(e->Op);
  if (prec == 4) r.has4 = true;
  if (prec == 5) r.has5 = true;
  auto merge = [&](const BinaryInfo& h) {
    r.has4 = r.has4 || h.has4;
    r.has5 = r.has5 || h.has5;
    if (r.max_problem < h.max_problem) r.max_problem = h.max_problem;
  };
  if (const auto* l = syntax::DynCast<syntax::BinaryExpr>(e->X)) {
    // A lower-precedence operand gets parentheses: treat it as a ParenExpr.
    if (Precedence(l->Op) >= prec) merge(WalkBinary(l));
  }
  if (const auto* rb = syntax::DynCast<syntax::BinaryExpr>(e->Y)) {
    if (Precedence(rb->Op) > prec) merge(WalkBinary(rb));
  } else if (e->Y->Is<syntax::StarExpr>()) {
    if (e->Op == Token::QUO) r.max_problem = 5;  // "*/"
  } else if (const auto* u = syntax::DynCast<syntax::UnaryExpr>(e->Y)) {
    // Operator pairs that would scan differently without a blank: "/*", "&&", "&^"
    // must never touch; "++" and "--" only need blanks in compact mode.
    Token op = e->Op, un = u->Op;
    if ((op == Token::QUO && un == Token::MUL) ||
        (op == Token::AND && (un == Token::AND || un == Token::XOR))) {
      r.max_problem = 5;
    } else if ((op == Token::ADD && un == Token::ADD) || (op == Token::SUB && un == Token::SUB)) {
      if (r.max_problem < 4) r.max_problem = 4;
    }
  }
  return r;
}

// Cutoff returns the precedence below which binary operators get blanks around
// them: normal mode (depth 1) separates levels 4 and 5 when both occur; compact mode
// (nested) drops blanks down to level 4.
int Cutoff(const syntax::BinaryExpr* e, int depth) {
  BinaryInfo info = WalkBinary(e);
  if (info.max_problem > 0) return info.max_problem + 1;
  if (info.has4 && info.has5) return depth == 1 ? 5 : 4;
  return depth == 1 ? 6 : 4;
}

int DiffPrec(const syntax::Expr* expr, int prec) {
  const auto* x = syntax::DynCast<syntax::BinaryExpr>(expr);
  if (!x || prec != Precedence(x->Op)) return 1;
  return 0;
}

int ReduceDepth(int depth) { return depth - 1 < 1 ? 1 : depth - 1; }

// NormalizedNumber lower-cases a number literal's base prefix and exponent and
// drops leading zeros of integer imaginary literals; hex digits stay as they are.
std::string NormalizedNumber(std::string_view x) {
  std::string s(x);
  std::string_view prefix = x.substr(0, 2);
  auto lower_last = [&](char upper) {
    if (size_t i = s.rfind(upper); i != std::string::npos) s[i] = char(upper + ('a' - 'A'));
  };
  if (prefix == "0X") {
    s[1] = 'x';
    lower_last('P');
  } else if (prefix == "0x") {
    lower_last('P');
  } else if (prefix == "0O") {
    s[1] = 'o';
  } else if (prefix == "0B") {
    s[1] = 'b';
  } else if (prefix != "0o" && prefix != "0b") {
    // Octal with a 0 prefix, decimal, or float, possibly imaginary.
    if (size_t i = s.rfind('E'); i != std::string::npos) {
      s[i] = 'e';
    } else if (s.back() == 'i' && s.find_first_of(".e") == std::string::npos) {
      size_t k = s.find_first_not_of("0_");
      s.erase(0, k);
      if (s == "i") s = "0i";
    }
  }
  return s;
}

}  // namespace

void Printer::BinaryExpr(const syntax::BinaryExpr* x, int prec1, int cutoff, int depth) {
  int prec = Precedence(x->Op);
  if (prec < prec1) {
    // Only for trees not made by the parser (which inserts a ParenExpr).
    Print(Token::LPAREN);
    Expr0(x, ReduceDepth(depth));
    Print(Token::RPAREN);
    return;
  }
  bool print_blank = prec < cutoff;
  Ws ws = Ws::kIndent;
  Expr1(x->X, prec, depth + DiffPrec(x->X, prec));
  if (print_blank) Print(Ws::kBlank);
  int xline = pos_.line;  // before the operator, which may be on the next line
  int yline = LineFor(NodePos(x->Y));
  Print(x->OpPos, x->Op);
  if (xline != yline && xline > 0 && yline > 0) {
    // At least one line break, but keep an empty line from the source.
    if (Linebreak(yline, 1, ws, true) > 0) {
      ws = Ws::kIgnore;
      print_blank = false;
    }
  }
  if (print_blank) Print(Ws::kBlank);
  Expr1(x->Y, prec + 1, depth + 1);
  if (ws == Ws::kIgnore) Print(Ws::kUnindent);
}

bool Printer::PossibleSelectorExpr(const syntax::Expr* expr, int prec1, int depth) {
  if (const auto* x = syntax::DynCast<syntax::SelectorExpr>(expr)) {
    return SelectorExpr(x, depth, true);
  }
  Expr1(expr, prec1, depth);
  return false;
}

// SelectorExpr prints x.Sel and reports whether it broke the line before Sel.
bool Printer::SelectorExpr(const syntax::SelectorExpr* x, int depth, bool is_method) {
  Expr1(x->X, syntax::kHighestPrec, depth);
  Print(Token::PERIOD);
  if (int line = LineFor(NodePos(x->Sel)); pos_.IsValid() && pos_.line < line) {
    Print(Ws::kIndent, Ws::kNewline, NodePos(x->Sel), x->Sel);
    if (!is_method) Print(Ws::kUnindent);
    return true;
  }
  Print(NodePos(x->Sel), x->Sel);
  return false;
}

void Printer::Expr1(const syntax::Expr* expr, int prec1, int depth) {
  Print(NodePos(expr));
  switch (expr->kind) {
    case NodeKind::BadExpr:
      Print("BadExpr");
      break;
    case NodeKind::Ident:
      Print(expr->As<syntax::Ident>());
      break;
    case NodeKind::BinaryExpr: {
      const auto* x = expr->As<syntax::BinaryExpr>();
      if (depth < 1) depth = 1;
      BinaryExpr(x, prec1, Cutoff(x, depth), depth);
      break;
    }
    case NodeKind::KeyValueExpr: {
      const auto* x = expr->As<syntax::KeyValueExpr>();
      Expr(x->Key);
      Print(x->Colon, Token::COLON, Ws::kBlank);
      Expr(x->Value);
      break;
    }
    case NodeKind::StarExpr: {
      const auto* x = expr->As<syntax::StarExpr>();
      bool parens = syntax::kUnaryPrec < prec1;
      if (parens) Print(Token::LPAREN);
      Print(Token::MUL);
      Expr(x->X);
      if (parens) Print(Token::RPAREN);
      break;
    }
    case NodeKind::UnaryExpr: {
      const auto* x = expr->As<syntax::UnaryExpr>();
      if (syntax::kUnaryPrec < prec1) {
        Print(Token::LPAREN);
        Expr(x);
        Print(Token::RPAREN);
      } else {
        Print(x->Op);
        if (x->Op == Token::RANGE) Print(Ws::kBlank);
        Expr1(x->X, syntax::kUnaryPrec, depth);
      }
      break;
    }
    case NodeKind::BasicLit: {
      const auto* x = expr->As<syntax::BasicLit>();
      bool number = x->Kind == Token::INT || x->Kind == Token::FLOAT || x->Kind == Token::IMAG;
      if (normalize_numbers_ && number && x->Value.size() >= 2) {
        PrintLit(NormalizedNumber(x->Value), x->Kind);
      } else {
        PrintLit(x->Value, x->Kind);
      }
      break;
    }
    case NodeKind::FuncLit: {
      const auto* x = expr->As<syntax::FuncLit>();
      Print(NodePos(x->Type), Token::FUNC);
      // See FuncDecl for how the header size is computed.
      int start_col = out_.column - 4;  // len("func")
      Signature(x->Type);
      FuncBody(DistanceFrom(NodePos(x->Type), start_col), Ws::kBlank, x->Body);
      break;
    }
    case NodeKind::ParenExpr: {
      const auto* x = expr->As<syntax::ParenExpr>();
      if (x->X->Is<syntax::ParenExpr>()) {
        // No parentheses around an already parenthesized expression.
        Expr0(x->X, depth);
      } else {
        Print(Token::LPAREN);
        Expr0(x->X, ReduceDepth(depth));  // parentheses undo one level of depth
        Print(x->Rparen, Token::RPAREN);
      }
      break;
    }
    case NodeKind::SelectorExpr:
      SelectorExpr(expr->As<syntax::SelectorExpr>(), depth, false);
      break;
    case NodeKind::TypeAssertExpr: {
      const auto* x = expr->As<syntax::TypeAssertExpr>();
      Expr1(x->X, syntax::kHighestPrec, depth);
      Print(Token::PERIOD, x->Lparen, Token::LPAREN);
      if (x->Type) {
        Expr(x->Type);
      } else {
        Print(Token::TYPE);
      }
      Print(x->Rparen, Token::RPAREN);
      break;
    }
    case NodeKind::IndexExpr: {
      const auto* x = expr->As<syntax::IndexExpr>();
      Expr1(x->X, syntax::kHighestPrec, 1);
      Print(x->Lbrack, Token::LBRACK);
      Expr0(x->Index, depth + 1);
      Print(x->Rbrack, Token::RBRACK);
      break;
    }
    case NodeKind::IndexListExpr: {
      const auto* x = expr->As<syntax::IndexListExpr>();
      Expr1(x->X, syntax::kHighestPrec, 1);
      Print(x->Lbrack, Token::LBRACK);
      ExprList(x->Lbrack, Exprs(x->Indices), depth + 1, ExprListMode::kCommaTerm, x->Rbrack);
      Print(x->Rbrack, Token::RBRACK);
      break;
    }
    case NodeKind::SliceExpr: {
      const auto* x = expr->As<syntax::SliceExpr>();
      Expr1(x->X, syntax::kHighestPrec, 1);
      Print(x->Lbrack, Token::LBRACK);
      const syntax::Expr* indices[3] = {x->Low, x->High, x->Max};
      size_t n = x->Max ? 3 : 2;
      // Blanks around ':' when there are several indices, one of them binary.
      bool needs_blanks = false;
      if (depth <= 1) {
        int index_count = 0;
        bool has_binaries = false;
        for (size_t i = 0; i < n; i++) {
          if (indices[i]) {
            index_count++;
            if (indices[i]->Is<syntax::BinaryExpr>()) has_binaries = true;
          }
        }
        needs_blanks = index_count > 1 && has_binaries;
      }
      for (size_t i = 0; i < n; i++) {
        if (i > 0) {
          if (indices[i - 1] && needs_blanks) Print(Ws::kBlank);
          Print(Token::COLON);
          if (indices[i] && needs_blanks) Print(Ws::kBlank);
        }
        if (indices[i]) Expr0(indices[i], depth + 1);
      }
      Print(x->Rbrack, Token::RBRACK);
      break;
    }
    case NodeKind::CallExpr: {
      const auto* x = expr->As<syntax::CallExpr>();
      if (x->Args.size > 1) depth++;
      bool was_indented;
      if (x->Fun->Is<syntax::FuncType>()) {
        // Conversions to function types need parentheses around the type.
        Print(Token::LPAREN);
        was_indented = PossibleSelectorExpr(x->Fun, syntax::kHighestPrec, depth);
        Print(Token::RPAREN);
      } else {
        was_indented = PossibleSelectorExpr(x->Fun, syntax::kHighestPrec, depth);
      }
      Print(x->Lparen, Token::LPAREN);
      if (x->Ellipsis.IsValid()) {
        ExprList(x->Lparen, Exprs(x->Args), depth, ExprListMode::kNone, x->Ellipsis);
        Print(x->Ellipsis, Token::ELLIPSIS);
        if (x->Rparen.IsValid() && LineFor(x->Ellipsis) < LineFor(x->Rparen)) {
          Print(Token::COMMA, Ws::kFormfeed);
        }
      } else {
        ExprList(x->Lparen, Exprs(x->Args), depth, ExprListMode::kCommaTerm, x->Rparen);
      }
      Print(x->Rparen, Token::RPAREN);
      if (was_indented) Print(Ws::kUnindent);
      break;
    }
    case NodeKind::CompositeLit: {
      const auto* x = expr->As<syntax::CompositeLit>();
      // Elements that are composite literals may omit the type.
      if (x->Type) Expr1(x->Type, syntax::kHighestPrec, depth);
      level_++;
      Print(x->Lbrace, Token::LBRACE);
      ExprList(x->Lbrace, Exprs(x->Elts), 1, ExprListMode::kCommaTerm, x->Rbrace);
      // No extra line break after a /*-style comment before the closing } (it could
      // break code without a trailing comma), and no extra blank unless empty.
      PMode mode = PMode::kNoExtraLinebreak;
      if (!x->Elts.empty()) mode = mode | PMode::kNoExtraBlank;
      // The indent lets lone comments print at the proper indentation.
      Print(Ws::kIndent, Ws::kUnindent, mode, x->Rbrace, Token::RBRACE, mode);
      level_--;
      break;
    }
    case NodeKind::Ellipsis: {
      const auto* x = expr->As<syntax::Ellipsis>();
      Print(Token::ELLIPSIS);
      if (x->Elt) Expr(x->Elt);
      break;
    }
    case NodeKind::ArrayType: {
      const auto* x = expr->As<syntax::ArrayType>();
      Print(Token::LBRACK);
      if (x->Len) Expr(x->Len);
      Print(Token::RBRACK);
      Expr(x->Elt);
      break;
    }
    case NodeKind::StructType:
      Print(Token::STRUCT);
      FieldList(expr->As<syntax::StructType>()->Fields, true);
      break;
    case NodeKind::FuncType:
      Print(Token::FUNC);
      Signature(expr->As<syntax::FuncType>());
      break;
    case NodeKind::InterfaceType:
      Print(Token::INTERFACE);
      FieldList(expr->As<syntax::InterfaceType>()->Methods, false);
      break;
    case NodeKind::MapType: {
      const auto* x = expr->As<syntax::MapType>();
      Print(Token::MAP, Token::LBRACK);
      Expr(x->Key);
      Print(Token::RBRACK);
      Expr(x->Value);
      break;
    }
    case NodeKind::ChanType: {
      const auto* x = expr->As<syntax::ChanType>();
      if (x->Dir == (syntax::kChanSend | syntax::kChanRecv)) {
        Print(Token::CHAN);
      } else if (x->Dir == syntax::kChanRecv) {
        Print(Token::ARROW, Token::CHAN);
      } else {
        Print(Token::CHAN, x->Arrow, Token::ARROW);
      }
      Print(Ws::kBlank);
      Expr(x->Value);
      break;
    }
    default:
      break;
  }
}

}  // namespace gotool::gofmt::internal
