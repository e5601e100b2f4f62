// The node → token layer, common parts: line breaks, expression and identifier
// lists, parameter lists, signatures and struct/interface field lists.
#include <vector>

#include "fmt/gomath.h"
#include "fmt/printer_impl.h"
#include "pkg/base/utf8.h"

namespace gotool::gofmt::internal {

using syntax::NodeEnd;
using syntax::NodePos;

// Linebreak prints as many newlines as needed (at least min) to reach line, ws
// before the first; with new_section the first is a formfeed. It returns 0 for no
// break, 1 for one newline, more for a formfeed or several newlines.
int Printer::Linebreak(int line, int min, Ws ws, bool new_section) {
  int n = line - pos_.line;
  if (n > kMaxNewlines) n = kMaxNewlines;
  if (n < min) n = min;
  int nbreaks = 0;
  if (n > 0) {
    Print(ws);
    if (new_section) {
      Print(Ws::kFormfeed);
      n--;
      nbreaks = 2;
    }
    nbreaks += n;
    for (; n > 0; n--) Print(Ws::kNewline);
  }
  return nbreaks;
}

void Printer::IdentList(syntax::List<syntax::Ident> list, bool indent) {
  std::vector<const syntax::Expr*> xlist(list.begin(), list.end());
  ExprList(base::NoPos, xlist, 1, indent ? ExprListMode::kNone : ExprListMode::kNoIndent,
           base::NoPos);
}

// ExprList prints a list of expressions. A list spanning several source lines keeps
// its line breaks; key:value pairs on their own lines are aligned in columns unless
// their key sizes differ too much.
void Printer::ExprList(base::Pos prev0, std::span<const syntax::Expr* const> list, int depth,
                       ExprListMode mode, base::Pos next0) {
  if (list.empty()) return;
  Position prev = PosFor(prev0);
  Position next = PosFor(next0);
  int line = LineFor(NodePos(list[0]));
  int end_line = LineFor(NodeEnd(list.back()));

  if (prev.IsValid() && prev.line == line && line == end_line) {
    // All on one line.
    for (size_t i = 0; i < list.size(); i++) {
      // The position of the element after the comma places comments correctly.
      if (i > 0) Print(NodePos(list[i]), Token::COMMA, Ws::kBlank);
      Expr0(list[i], depth);
    }
    return;
  }

  // Several lines: source line breaks guide the output. With kNoIndent, pretend
  // the first line is already indented.
  Ws ws = Has(mode, ExprListMode::kNoIndent) ? Ws::kIgnore : Ws::kIndent;
  // The first break is a formfeed: this section must not depend on earlier
  // formatting.
  int prev_break = -1;  // index of the last element followed by a line break
  if (prev.IsValid() && prev.line < line && Linebreak(line, 0, ws, true) > 0) {
    ws = Ws::kIgnore;
    prev_break = 0;
  }

  int size = 0;  // element (or key) size; 0 if it does not fit on one line
  // Alignment breaks when an element's size differs too much from the geometric
  // mean of the previous sizes (kept as a sum of logarithms). Go's own Log and Exp
  // keep threshold cases identical to gofmt's.
  double lnsum = 0;
  int count = 0;
  int prev_line = prev.line;
  for (size_t i = 0; i < list.size(); i++) {
    const syntax::Expr* x = list[i];
    line = LineFor(NodePos(x));

    bool use_ff = true;
    int prev_size = size;
    constexpr int kLineInfinity = 1000000;  // larger than any source line
    size = NodeSize(x, kLineInfinity);
    const auto* pair = syntax::DynCast<syntax::KeyValueExpr>(x);
    if (size <= kLineInfinity && prev.IsValid() && next.IsValid()) {
      if (pair) size = NodeSize(pair->Key, kLineInfinity);
    } else {
      size = 0;  // too large, or no layout information
    }
    if (prev_size > 0 && size > 0) {
      constexpr int kSmallSize = 40;
      if (count == 0 || (prev_size <= kSmallSize && size <= kSmallSize)) {
        use_ff = false;
      } else {
        constexpr double kRatio = 2.5;
        double geomean = GoExp(lnsum / double(count));
        double ratio = double(size) / geomean;
        use_ff = kRatio * ratio <= 1 || kRatio <= ratio;
      }
    }

    bool needs_linebreak = 0 < prev_line && prev_line < line;
    if (i > 0) {
      // The comma takes the position of the next element only on the same line.
      if (!needs_linebreak) Print(NodePos(x));
      Print(Token::COMMA);
      bool needs_blank = true;
      if (needs_linebreak) {
        // Newlines keep comments aligned; formfeeds when the size ratio says so or
        // several elements shared the previous line.
        int nbreaks = Linebreak(line, 0, ws, use_ff || prev_break + 1 < int(i));
        if (nbreaks > 0) {
          ws = Ws::kIgnore;
          prev_break = int(i);
          needs_blank = false;
        }
        // A new section (or blank line) also restarts the size statistics.
        if (nbreaks > 1) {
          lnsum = 0;
          count = 0;
        }
      }
      if (needs_blank) Print(Ws::kBlank);
    }

    if (list.size() > 1 && pair && size > 0 && needs_linebreak) {
      // A one-line key: value on its own line: the key gets a column.
      Expr(pair->Key);
      Print(pair->Colon, Token::COLON, Ws::kVtab);
      Expr(pair->Value);
    } else {
      Expr0(x, depth);
    }
    if (size > 0) {
      lnsum += GoLog(double(size));
      count++;
    }
    prev_line = line;
  }

  if (Has(mode, ExprListMode::kCommaTerm) && next.IsValid() && pos_.line < next.line) {
    // A terminating comma when the closing token is on a later line.
    Print(Token::COMMA);
    if (ws == Ws::kIgnore && !Has(mode, ExprListMode::kNoIndent)) Print(Ws::kUnindent);
    Print(Ws::kFormfeed);
    return;
  }
  if (ws == Ws::kIgnore && !Has(mode, ExprListMode::kNoIndent)) Print(Ws::kUnindent);
}

namespace {

// IsTypeElem reports whether x is certainly a type element (not a value).
bool IsTypeElem(const syntax::Expr* x) {
  switch (x->kind) {
    case syntax::NodeKind::ArrayType:
    case syntax::NodeKind::StructType:
    case syntax::NodeKind::FuncType:
    case syntax::NodeKind::InterfaceType:
    case syntax::NodeKind::MapType:
    case syntax::NodeKind::ChanType:
      return true;
    case syntax::NodeKind::UnaryExpr:
      return x->As<syntax::UnaryExpr>()->Op == Token::TILDE;
    case syntax::NodeKind::BinaryExpr: {
      const auto* b = x->As<syntax::BinaryExpr>();
      return IsTypeElem(b->X) || IsTypeElem(b->Y);
    }
    case syntax::NodeKind::ParenExpr:
      return IsTypeElem(x->As<syntax::ParenExpr>()->X);
    default:
      return false;
  }
}

// CombinesWithName reports whether "name x" would read as an expression (name*T).
bool CombinesWithName(const syntax::Expr* x) {
  if (const auto* s = syntax::DynCast<syntax::StarExpr>(x)) return !IsTypeElem(s->X);
  if (const auto* b = syntax::DynCast<syntax::BinaryExpr>(x)) {
    return CombinesWithName(b->X) && !IsTypeElem(b->Y);
  }
  return false;
}

const syntax::Expr* StripParensAlways(const syntax::Expr* x) {
  while (const auto* p = syntax::DynCast<syntax::ParenExpr>(x)) x = p->X;
  return x;
}

int NumFields(const syntax::FieldList* f) {
  if (f == nullptr) return 0;
  int n = 0;
  for (const syntax::Field* g : f->List) n += g->Names.empty() ? 1 : int(g->Names.size);
  return n;
}

}  // namespace

void Printer::Parameters(const syntax::FieldList* fields, ParamMode mode) {
  Token open = Token::LPAREN, close = Token::RPAREN;
  if (mode != ParamMode::kFuncParam) open = Token::LBRACK, close = Token::RBRACK;
  Print(fields->Opening, open);
  if (!fields->List.empty()) {
    int prev_line = LineFor(fields->Opening);
    Ws ws = Ws::kIndent;
    for (size_t i = 0; i < fields->List.size; i++) {
      const syntax::Field* par = fields->List[i];
      int beg = LineFor(NodePos(par));
      int end = LineFor(NodeEnd(par));
      bool needs_linebreak = 0 < prev_line && prev_line < beg;
      if (i > 0) {
        if (!needs_linebreak) Print(NodePos(par));
        Print(Token::COMMA);
      }
      if (needs_linebreak && Linebreak(beg, 0, ws, true) > 0) {
        ws = Ws::kIgnore;
      } else if (i > 0) {
        Print(Ws::kBlank);
      }
      if (!par->Names.empty()) {
        // Indented already (ws == ignore): the identList won't indent again.
        IdentList(par->Names, ws == Ws::kIndent);
        Print(Ws::kBlank);
      }
      Expr(StripParensAlways(par->Type));
      prev_line = end;
    }
    int closing = LineFor(fields->Closing);
    if (0 < prev_line && prev_line < closing) {
      Print(Token::COMMA);
      Linebreak(closing, 0, Ws::kIgnore, true);
    } else if (mode == ParamMode::kTypeTParam && NumFields(fields) == 1 &&
               CombinesWithName(fields->List[0]->Type)) {
      // [P *T,]: without the comma it would parse as an array length P*T.
      Print(Token::COMMA);
    }
    if (ws == Ws::kIgnore) Print(Ws::kUnindent);
  }
  Print(fields->Closing, close);
}

void Printer::Signature(const syntax::FuncType* sig) {
  if (sig->TypeParams) Parameters(sig->TypeParams, ParamMode::kFuncTParam);
  if (sig->Params) {
    Parameters(sig->Params, ParamMode::kFuncParam);
  } else {
    Print(Token::LPAREN, Token::RPAREN);
  }
  const syntax::FieldList* res = sig->Results;
  int n = NumFields(res);
  if (n > 0) {
    Print(Ws::kBlank);
    if (n == 1 && res->List[0]->Names.empty()) {
      // A single unnamed result needs no parentheses.
      Expr(StripParensAlways(res->List[0]->Type));
      return;
    }
    Parameters(res, ParamMode::kFuncParam);
  }
}

bool Printer::IsOneLineFieldList(const syntax::FieldList* fields) {
  if (fields->List.size != 1) return false;
  const syntax::Field* f = fields->List[0];
  if (f->Tag || f->Comment) return false;
  constexpr int kMaxSize = 30;
  int names_size = 0;
  for (size_t i = 0; i < f->Names.size; i++) {
    if (i > 0) names_size += 2;  // ", "
    names_size += base::RuneCount(f->Names[i]->Name);
    if (names_size >= kMaxSize) break;
  }
  if (names_size > 0) names_size = 1;  // the blank between names and type
  int type_size = NodeSize(f->Type, kMaxSize);
  return names_size + type_size <= kMaxSize;
}

void Printer::FieldList(const syntax::FieldList* fields, bool is_struct) {
  base::Pos lbrace = fields->Opening, rbrace = fields->Closing;
  syntax::List<syntax::Field> list = fields->List;
  bool has_comments = CommentBefore(PosFor(rbrace));
  bool src_is_one_line = lbrace.IsValid() && rbrace.IsValid() && LineFor(lbrace) == LineFor(rbrace);

  if (!has_comments && src_is_one_line) {
    if (list.empty()) {
      Print(lbrace, Token::LBRACE, rbrace, Token::RBRACE);
      return;
    }
    if (IsOneLineFieldList(fields)) {
      // Small enough for one line; source line breaks are ignored.
      Print(lbrace, Token::LBRACE, Ws::kBlank);
      const syntax::Field* f = list[0];
      if (is_struct) {
        for (size_t i = 0; i < f->Names.size; i++) {
          if (i > 0) Print(Token::COMMA, Ws::kBlank);
          Expr(f->Names[i]);
        }
        if (!f->Names.empty()) Print(Ws::kBlank);
        Expr(f->Type);
      } else if (!f->Names.empty()) {
        Expr(f->Names[0]);  // a method: name and signature without "func"
        Signature(f->Type->As<syntax::FuncType>());
      } else {
        Expr(f->Type);  // an embedded interface
      }
      Print(Ws::kBlank, rbrace, Token::RBRACE);
      return;
    }
  }

  Print(Ws::kBlank, lbrace, Token::LBRACE, Ws::kIndent);
  if (has_comments || !list.empty()) Print(Ws::kFormfeed);

  int line = 0;
  if (is_struct) {
    Ws sep = list.size == 1 ? Ws::kBlank : Ws::kVtab;
    for (size_t i = 0; i < list.size; i++) {
      const syntax::Field* f = list[i];
      if (i > 0) Linebreak(LineFor(NodePos(f)), 1, Ws::kIgnore, LinesFrom(line) > 0);
      int extra_tabs = 0;
      SetComment(f->Doc);
      RecordLine(&line);
      if (!f->Names.empty()) {
        IdentList(f->Names, false);
        Print(sep);
        Expr(f->Type);
        extra_tabs = 1;
      } else {
        Expr(f->Type);  // an embedded field
        extra_tabs = 2;
      }
      if (f->Tag) {
        if (!f->Names.empty() && sep == Ws::kVtab) Print(sep);
        Print(sep);
        Expr(f->Tag);
        extra_tabs = 0;
      }
      if (f->Comment) {
        for (; extra_tabs > 0; extra_tabs--) Print(sep);
        SetComment(f->Comment);
      }
    }
  } else {
    for (size_t i = 0; i < list.size; i++) {
      const syntax::Field* f = list[i];
      if (i > 0) Linebreak(LineFor(NodePos(f)), 1, Ws::kIgnore, LinesFrom(line) > 0);
      SetComment(f->Doc);
      RecordLine(&line);
      if (!f->Names.empty()) {
        Expr(f->Names[0]);
        Signature(f->Type->As<syntax::FuncType>());
      } else {
        Expr(f->Type);
      }
      SetComment(f->Comment);
    }
  }
  Print(Ws::kUnindent, Ws::kFormfeed, rbrace, Token::RBRACE);
}

}  // namespace gotool::gofmt::internal
