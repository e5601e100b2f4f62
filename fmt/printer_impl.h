// The printer's internal state shared by printer*.cpp (token and whitespace output,
// comment interleaving) and nodes*.cpp (the node → token layer); internal to fmt/.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fmt/lines.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"
#include "pkg/syntax/token.h"

namespace gotool::gofmt::internal {

using gofmt::Position;
using syntax::Token;

// Ws is a unit of abstract whitespace buffered before the next token.
enum class Ws : char {
  kIgnore = 0,
  kBlank = ' ',
  kVtab = '\v',
  kNewline = '\n',
  kFormfeed = '\f',
  kIndent = '>',
  kUnindent = '<',
};

// PMode bits toggle printer behaviour around a token (XOR-ed in when printed).
enum class PMode : unsigned {
  kNone = 0,
  kNoExtraBlank = 1,      // no extra blank after a /*-style comment
  kNoExtraLinebreak = 2,  // no extra line break after a /*-style comment
};
inline PMode operator|(PMode a, PMode b) { return PMode(unsigned(a) | unsigned(b)); }

inline constexpr int kMaxNewlines = 2;
inline constexpr int kInfinity = 1 << 30;

// CommentRef is one comment as printed (original or reformatted doc comment).
struct CommentRef {
  base::Pos slash;
  std::string_view text;
};

// NodeSizes caches nodeSize results across nested printers.
using NodeSizes = std::unordered_map<const syntax::Node*, int>;

// ExprListMode: kCommaTerm lists may end in a comma before a closing token on a
// later line; kNoIndent lists get no extra indentation when they span lines.
enum class ExprListMode : unsigned { kNone = 0, kCommaTerm = 1, kNoIndent = 2 };
inline bool Has(ExprListMode m, ExprListMode bit) { return unsigned(m) & unsigned(bit); }

// ParamMode says whether a parameter list is ( ) parameters or [ ] type parameters
// of a function or of a type declaration.
enum class ParamMode { kFuncParam, kFuncTParam, kTypeTParam };

// Printer turns nodes into tokens and whitespace (nodes*.cpp) and tokens into text
// with comments interleaved by position (printer*.cpp), producing tabwriter input.
class Printer {
 public:
  Printer(const LineTable* src, NodeSizes* sizes, bool normalize_numbers, int base_indent = 0);

  // PrintFile prints a whole file, its comments interleaved.
  void PrintFile(const syntax::File* file);
  // PrintNode prints a node on its own, with only the comments attached to it.
  void PrintNode(const syntax::Node* node);
  // Finish flushes outstanding comments and whitespace and fixes build lines; the
  // result is in output().
  void Finish();
  const std::string& output() const { return output_; }
  // ReserveOutput makes room for n bytes of output at once: growing a large buffer
  // step by step copies it each time into fresh memory, and on a virtual machine the
  // page faults of that memory cost more than the copying.
  void ReserveOutput(size_t n) { output_.reserve(n); }

  // ---- printer.cpp: the token and whitespace stream ----
  // Print prints a sequence of items, as go/printer's print: whitespace is
  // buffered, positions set the estimated position of the next token, modes
  // toggle, and tokens, identifiers and literals flush comments and whitespace
  // before them.
  template <class... Args>
  void Print(Args&&... args) {
    (PrintArg(args), ...);
  }
  void PrintArg(PMode m) {
    mode_ = PMode(unsigned(mode_) ^ unsigned(m));
    RecordPrevOpen();
  }
  void PrintArg(Ws w);
  void PrintArg(Token t);
  void PrintArg(base::Pos p);
  void PrintArg(const syntax::Ident* x);
  void PrintArg(std::string_view error_text);  // text of a broken tree
  void PrintArg(const char* error_text) { PrintArg(std::string_view(error_text)); }
  void PrintLit(std::string_view value, Token kind);

  Position PosFor(base::Pos p) const { return src_->PositionFor(p); }
  int LineFor(base::Pos p);
  bool CommentBefore(const Position& next) const {
    return comment_offset_ < next.offset && (!implied_semi_ || !comment_newline_);
  }
  int CommentSizeBefore(const Position& next);
  void RecordLine(int* line_ptr) { line_ptr_ = line_ptr; }
  int LinesFrom(int line) const { return out_.line - line; }
  void SetComment(const syntax::CommentGroup* g);
  std::pair<bool, bool> Flush(const Position& next, Token tok);

  // ---- nodes*.cpp: the node → token layer ----
  int Linebreak(int line, int min, Ws ws, bool new_section);
  void IdentList(syntax::List<syntax::Ident> list, bool indent);
  void ExprList(base::Pos prev0, std::span<const syntax::Expr* const> list, int depth,
                ExprListMode mode, base::Pos next0);
  void Parameters(const syntax::FieldList* fields, ParamMode mode);
  void Signature(const syntax::FuncType* sig);
  void FieldList(const syntax::FieldList* fields, bool is_struct);
  bool IsOneLineFieldList(const syntax::FieldList* fields);
  void BinaryExpr(const syntax::BinaryExpr* x, int prec1, int cutoff, int depth);
  void Expr1(const syntax::Expr* expr, int prec1, int depth);
  void Expr0(const syntax::Expr* x, int depth) { Expr1(x, syntax::kLowestPrec, depth); }
  void Expr(const syntax::Expr* x) { Expr1(x, syntax::kLowestPrec, 1); }
  bool PossibleSelectorExpr(const syntax::Expr* expr, int prec1, int depth);
  bool SelectorExpr(const syntax::SelectorExpr* x, int depth, bool is_method);
  void StmtList(syntax::List<syntax::Stmt> list, int nindent, bool next_is_rbrace);
  void Block(const syntax::BlockStmt* b, int nindent);
  void ControlClause(bool is_for, const syntax::Stmt* init, const syntax::Expr* expr,
                     const syntax::Stmt* post);
  bool IndentList(syntax::List<syntax::Expr> list);
  void Stmt(const syntax::Stmt* stmt, bool next_is_rbrace);
  void ValueSpec(const syntax::ValueSpec* s, bool keep_type);
  void Spec(const syntax::Spec* spec, int n, bool do_indent);
  void GenDecl(const syntax::GenDecl* d);
  int NodeSize(const syntax::Node* n, int max_size);
  int NumLines(const syntax::Node* n);
  int BodySize(const syntax::BlockStmt* b, int max_size);
  void FuncBody(int header_size, Ws sep, const syntax::BlockStmt* b);
  int DistanceFrom(base::Pos start_pos, int start_out_col);
  void FuncDecl(const syntax::FuncDecl* d);
  void Decl(const syntax::Decl* decl);
  void DeclList(syntax::List<syntax::Decl> list);
  void File(const syntax::File* src);

 private:
  struct CommentInfo {
    size_t cindex = 0;
    const syntax::CommentGroup* comment = nullptr;
    int comment_offset = kInfinity;
    bool comment_newline = false;
  };

  void RecordPrevOpen();
  void EmitToken(std::string_view data, bool is_lit, bool implied_semi);
  void NextComment();
  bool CommentsHaveNewline(syntax::List<syntax::Comment> list);
  void WriteIndent();
  void WriteByte(char ch, int n);
  void WriteString(const Position& pos, std::string_view s, bool is_lit);
  void WriteCommentPrefix(const Position& pos, const Position& next, const CommentRef* prev,
                          Token tok);
  void WriteComment(const CommentRef& comment);
  std::pair<bool, bool> WriteCommentSuffix(bool needs_linebreak);
  bool ContainsLinebreak() const;
  std::pair<bool, bool> IntersperseComments(const Position& next, Token tok);
  void WriteWhitespace(size_t n);
  void FixGoBuildLines();

  const LineTable* src_;
  NodeSizes* node_sizes_;
  bool normalize_numbers_;
  int base_indent_;  // Config.Indent: added to every line's indentation

  std::string output_;
  int indent_ = 0;
  int level_ = 0;
  PMode mode_ = PMode::kNone;
  bool end_alignment_ = false;
  bool implied_semi_ = false;
  Token last_tok_ = Token::ILLEGAL;
  Token prev_open_ = Token::ILLEGAL;
  std::vector<Ws> wsbuf_;
  std::vector<size_t> go_build_;
  std::vector<size_t> plus_build_;

  Position pos_{0, 1, 1};
  Position out_{0, 1, 1};
  Position last_;
  int* line_ptr_ = nullptr;

  // Comments: the file's groups, or one node comment set by SetComment.
  const syntax::CommentGroup* const* comments_ = nullptr;
  size_t ncomments_ = 0;
  const syntax::CommentGroup* node_comment_[1] = {nullptr};
  bool use_node_comments_ = false;
  size_t cindex_ = 0;
  const syntax::CommentGroup* comment_ = nullptr;
  int comment_offset_ = kInfinity;
  bool comment_newline_ = false;

  base::Pos cached_pos_{0xFFFFFFFFu};
  int cached_line_ = 0;
};

// Exprs views an AST expression list as a span.
inline std::span<const syntax::Expr* const> Exprs(syntax::List<syntax::Expr> list) {
  return {list.data, list.size};
}

// Trim removes tabwriter escapes and trailing blanks from printer output and turns
// '\f' into '\n' and '\v' into '\t', appending to out (go/printer's trimmer).
void Trim(std::string_view data, std::string* out);
// TrimGeneral is Trim's byte-by-byte form, which Trim uses when data has vertical
// tabs; for any data both produce the same.
void TrimGeneral(std::string_view data, std::string* out);
// TrimmedOneLineSize returns the length of Trim's result for data, or -1 when that
// result would contain a line break; NodeSize needs no more, so nothing is copied.
int TrimmedOneLineSize(std::string_view data);

}  // namespace gotool::gofmt::internal
