// Parser driver and token handling: look-ahead, comment grouping, errors, recovery.
#include "pkg/syntax/parser.h"

#include <pthread.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax {
namespace internal {
namespace {

// go/parser's limit on the nesting of expressions, types and statements.
constexpr int kMaxNestLev = 100000;
// Stack kept free below the deepest parse frame; crossing it restarts the parse on a
// thread with a large stack.
constexpr uintptr_t kStackMargin = 256 * 1024;
// Nesting below this depth takes far less stack than any thread that parses has, so
// the stack is checked, and its limit looked up, only from there on: on the main
// thread the lookup reads /proc/self/maps, some 20 us of every gotool process.
constexpr int kStackCheckDepth = 128;
// stack_limit_ until the limit is looked up (StackLimit never returns it).
constexpr uintptr_t kStackLimitUnknown = 1;

// StackLimit returns the lowest stack address the current thread may reach while
// parsing (0 if unknown).
uintptr_t StackLimit() {
  thread_local uintptr_t limit = [] {
    pthread_attr_t attr;
    uintptr_t lo = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr) {
        lo = reinterpret_cast<uintptr_t>(addr) + kStackMargin;
      }
      pthread_attr_destroy(&attr);
    }
    return lo;
  }();
  return limit;
}

// CountNewlines counts the '\n' bytes in [p, end), eight bytes at a time.
int CountNewlines(const char* p, const char* end) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7full;
  int n = 0;
  for (; end - p >= 8; p += 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    v ^= kOnes * '\n';  // newline bytes become zero
    // High bit set exactly in the zero bytes (no carries between bytes).
    uint64_t zero = ~(((v & kLow7) + kLow7) | v | kLow7);
    n += int(((zero >> 7) * kOnes) >> 56);  // sum of the per-byte flags
  }
  for (; p < end; p++) n += *p == '\n';
  return n;
}

bool IsLineDirective(std::string_view text) {
  return text.starts_with("//line ") || text.starts_with("/*line ");
}

}  // namespace

Parser::Parser(base::File* file, std::string_view src, base::Arena& arena, unsigned mode)
    : file_(file),
      src_(src),
      arena_(arena),
      mode_(mode),
      scanner_(
          file, src, &arena,
          [this](base::Pos pos, std::string_view msg) {
            if (compiler()) {
              AddCompilerError(pos, CompilerScanMessage(msg));
            } else {
              errors_.Add(file_->PositionFor(pos, true), std::string(msg));
            }
          },
          // cmd/compile's directives are comments.
          ((mode & (kParseComments | kCompilerErrors)) ? kScanComments : 0u) |
              ((mode & kCompilerErrors) ? kScanCompilerErrors : 0u)),
      stack_limit_(kStackLimitUnknown) {
  scratch_.reserve(256);
  Next();
}

// Next0 advances to the next token, comments included.
void Parser::Next0() {
  if (bailed_) {
    tok_ = Token::EOF_;
    lit_ = {};
    return;
  }
  int scan_errors = scanner_.error_count();
  TokenInfo t = scanner_.Scan();
  // cmd/compile's scanner reports an invalid character and skips it.
  while (t.tok == Token::ILLEGAL && compiler()) t = scanner_.Scan();
  pos_ = t.pos;
  tok_ = t.tok;
  // Copied word by word: read back as one 16-byte load, the two words Scan stored
  // would stall store forwarding.
  lit_ = std::string_view(t.lit.data(), t.lit.size());
  tok_bad_ = scanner_.error_count() != scan_errors;
  if (tok_ == Token::SEMICOLON && lit_ == "\n" && compiler()) pos_ = CompilerNewlinePos(pos_);
}

// Line returns the (//line-adjusted, as token.File.Line) line of p.
int Parser::Line(base::Pos p) {
  if (!p.IsValid()) return 0;
  if (line_directive_seen_) return file_->Line(p);
  // Unadjusted: one plus the newlines before p, not counting a newline that ends
  // the file (token.File records no line start there).
  int size = int(src_.size());
  int k = std::min(file_->Offset(p), size - 1);
  if (k < 0) k = 0;
  const char* s = src_.data();
  if (k >= line_cache_offset_) {
    line_cache_line_ += CountNewlines(s + line_cache_offset_, s + k);
  } else {
    line_cache_line_ -= CountNewlines(s + k, s + line_cache_offset_);
  }
  line_cache_offset_ = k;
  return line_cache_line_;
}

// ConsumeComment consumes the current comment token and sets *endline to the line
// on which it ends.
Comment* Parser::ConsumeComment(int* endline) {
  if (IsLineDirective(lit_)) line_directive_seen_ = true;
  if (compiler() && lit_.starts_with("//go:")) OnDirective(pos_, lit_);
  *endline = Line(pos_);
  if (lit_.size() > 1 && lit_[1] == '*') {
    *endline += int(std::count(lit_.begin(), lit_.end(), '\n'));
  }
  Comment* c = New<Comment>();
  c->Slash = pos_;
  c->Text = lit_;
  Next0();
  return c;
}

// ConsumeCommentGroup consumes adjacent comments (separated by at most n empty
// lines), records the group in the file's comments and returns it.
CommentGroup* Parser::ConsumeCommentGroup(int n, int* endline) {
  size_t mark = comment_scratch_.size();
  *endline = Line(pos_);
  while (tok_ == Token::COMMENT && Line(pos_) <= *endline + n) {
    comment_scratch_.push_back(ConsumeComment(endline));
  }
  size_t count = comment_scratch_.size() - mark;
  Comment** data = static_cast<Comment**>(arena_.Allocate(count * sizeof(Comment*), alignof(Comment*)));
  std::copy(comment_scratch_.begin() + long(mark), comment_scratch_.end(), data);
  comment_scratch_.resize(mark);
  CommentGroup* g = New<CommentGroup>();
  g->List = List<Comment>{data, uint32_t(count)};
  comments_.push_back(g);
  return g;
}

// Next advances to the next non-comment token, collecting comment groups and
// remembering the lead comment (a group ending on the line before the next token)
// and the line comment (a group after the previous token on its line).
void Parser::Next() {
  lead_comment_ = nullptr;
  line_comment_ = nullptr;
  base::Pos prev = pos_;
  Next0();
  if (tok_ != Token::COMMENT) return;

  CommentGroup* comment = nullptr;
  int endline = 0;
  int prev_line = Line(prev);  // queried in source order: Line counts forward
  if (Line(pos_) == prev_line) {
    // On the previous token's line: not a lead comment, maybe a line comment.
    comment = ConsumeCommentGroup(0, &endline);
    if (Line(pos_) != endline || tok_ == Token::EOF_) line_comment_ = comment;
  }
  endline = -1;
  while (tok_ == Token::COMMENT) comment = ConsumeCommentGroup(1, &endline);
  if (endline + 1 == Line(pos_)) lead_comment_ = comment;
}

void Parser::Bailout() {
  bailed_ = true;
  tok_ = Token::EOF_;
  lit_ = {};
}

// Error records an error unless it is on the line of the previous one; after more
// than 10 errors parsing stops (both only without kAllErrors).
void Parser::Error(base::Pos pos, std::string_view msg) {
  if (compiler()) {
    SyntaxError(pos, msg);
    return;
  }
  if (bailed_) return;
  base::Position epos = file_->PositionFor(pos, true);
  if (!(mode_ & kAllErrors)) {
    size_t n = errors_.size();
    if (n > 0 && errors_[n - 1].pos.line == epos.line) return;
    if (n > 10) {
      Bailout();
      return;
    }
  }
  errors_.Add(std::move(epos), std::string(msg));
}

void Parser::PlainError(base::Pos pos, std::string_view msg) {
  if (compiler()) {
    AddCompilerError(pos, std::string(msg));
  } else {
    Error(pos, msg);
  }
}

// ErrorExpected reports "expected what", naming the current token when the error is
// at its position.
void Parser::ErrorExpected(base::Pos pos, std::string_view what) {
  if (compiler()) {
    CompilerExpected(pos, what);
    return;
  }
  std::string msg = "expected ";
  msg += what;
  if (pos == pos_) {
    if (tok_ == Token::SEMICOLON && lit_ == "\n") {
      msg += ", found newline";
    } else if (IsLiteral(tok_)) {
      msg += ", found ";
      msg += lit_;
    } else {
      msg += ", found '";
      msg += TokenString(tok_);
      msg += "'";
    }
  }
  Error(pos, msg);
}

static std::string Quoted(Token tok) {
  std::string s = "'";
  s += TokenString(tok);
  s += "'";
  return s;
}

base::Pos Parser::Expect(Token tok) {
  base::Pos pos = pos_;
  if (list_aborted_) {
    // After a list error, cmd/compile leaves a missing closing token unreported.
    list_aborted_ = false;
    if (tok_ != tok) return pos;
  }
  if (tok_ != tok) ErrorExpected(pos, Quoted(tok));
  Next();  // make progress
  return pos;
}

// Expect2 is Expect returning NoPos when tok is missing.
base::Pos Parser::Expect2(Token tok) {
  base::Pos pos;
  if (tok_ == tok) {
    pos = pos_;
  } else {
    ErrorExpected(pos_, Quoted(tok));
  }
  Next();
  return pos;
}

// ExpectClosing is Expect with a better message for a missing comma before a newline.
base::Pos Parser::ExpectClosing(Token tok, std::string_view context) {
  if (compiler()) return Expect(tok);
  if (tok_ != tok && tok_ == Token::SEMICOLON && lit_ == "\n") {
    std::string msg = "missing ',' before newline in ";
    msg += context;
    Error(pos_, msg);
    Next();
  }
  return Expect(tok);
}

void Parser::ExpectSemi() {
  if (compiler()) {
    CompilerExpectSemi();
    return;
  }
  // A semicolon is optional before a closing ')' or '}'.
  if (tok_ == Token::RPAREN || tok_ == Token::RBRACE) return;
  switch (tok_) {
    case Token::COMMA:
      ErrorExpected(pos_, "';'");  // permit ',' instead of ';' but complain
      Next();
      break;
    case Token::SEMICOLON:
      Next();
      break;
    default: {
      ErrorExpected(pos_, "';'");
      Advance(kStmtStart);
    }
  }
}

// AtComma reports whether a list continues: at a ',' or, complaining about the
// missing comma, at anything but follow.
bool Parser::AtComma(std::string_view context, Token follow) {
  if (tok_ == Token::COMMA) return true;
  if (tok_ == follow) return false;
  if (compiler()) {
    CompilerListError(context, follow);
    return false;
  }
  std::string msg = "missing ','";
  if (tok_ == Token::SEMICOLON && lit_ == "\n") msg += " before newline";
  msg += " in ";
  msg += context;
  Error(pos_, msg);
  return true;  // "insert" the comma and continue
}

// Advance skips tokens up to one in to (or EOF), making sure that repeated calls
// without progress eventually consume something.
void Parser::Advance(const TokenSet& to) {
  for (; tok_ != Token::EOF_; Next()) {
    if (!to.Has(tok_)) continue;
    if (pos_ == sync_pos_ && sync_cnt_ < 10) {
      sync_cnt_++;
      return;
    }
    if (pos_ > sync_pos_) {
      sync_pos_ = pos_;
      sync_cnt_ = 0;
      return;
    }
  }
}

bool Parser::IncNestLev() {
  nest_lev_++;
  if (nest_lev_ > kMaxNestLev) {
    Error(pos_, "exceeded max nesting depth");
    Bailout();
    return false;
  }
  if (nest_lev_ < kStackCheckDepth) return true;
  if (stack_limit_ == kStackLimitUnknown) stack_limit_ = StackLimit();
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) < stack_limit_) {
    need_big_stack_ = true;
    Bailout();
    return false;
  }
  return true;
}

// SafePos returns p if it lies in the file, else the file's EOF position.
base::Pos Parser::SafePos(base::Pos p) const {
  int off = int(p.value()) - file_->base();
  if (off < 0 || off > file_->size()) return file_->PosAt(file_->size());
  return p;
}

BadExpr* Parser::NewBadExpr(base::Pos from, base::Pos to) {
  BadExpr* x = New<BadExpr>();
  x->From = from;
  x->To = to;
  return x;
}

Ident* Parser::NewIdent(base::Pos pos, std::string_view name) {
  Ident* x = New<Ident>();
  x->NamePos = pos;
  x->Name = name;
  return x;
}

Expr* Unparen(Expr* x) {
  while (x->kind == NodeKind::ParenExpr) x = x->As<ParenExpr>()->X;
  return x;
}

}  // namespace internal

namespace {

struct ParseJob {
  base::FileSet* fset = nullptr;
  std::string filename;
  std::string_view src;
  base::Arena* arena = nullptr;
  unsigned mode = 0;
  bool expr_only = false;  // ParseExprFrom rather than ParseFile
  File* file = nullptr;
  Expr* expr = nullptr;
  base::ErrorList errors;
  base::ErrorList late_errors;
  std::vector<Linkname> linknames;
  bool need_big_stack = false;
};

void RunParse(ParseJob* job) {
  base::File* file = job->fset->AddFile(job->filename, int(job->src.size()));
  file->SetContent(job->src);
  internal::Parser p(file, job->src, *job->arena, job->mode);
  if (job->expr_only) {
    job->expr = p.ParseExprOnly();
  } else {
    job->file = p.ParseFile();
  }
  if (p.need_big_stack()) {
    job->need_big_stack = true;
    return;
  }
  if (!job->expr_only && !job->file) {
    // As go/parser: a valid but empty File.
    job->file = NewNode<File>(*job->arena);
    job->file->Name = NewNode<Ident>(*job->arena);
  }
  job->errors = std::move(p.errors());
  job->errors.Sort();
  job->linknames = p.TakeLinknames();
  job->late_errors = std::move(p.decl_errors());
}

void* RunParseThread(void* arg) {
  RunParse(static_cast<ParseJob*>(arg));
  return nullptr;
}

// RunOnBigStack runs the parse on a thread whose stack is large enough for
// go/parser's maximum nesting depth.
bool RunOnBigStack(ParseJob* job) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_attr_setstacksize(&attr, size_t(1) << 30);
  pthread_t thread;
  bool ok = pthread_create(&thread, &attr, RunParseThread, job) == 0;
  pthread_attr_destroy(&attr);
  if (ok) pthread_join(thread, nullptr);
  return ok;
}

// Run parses on the calling thread and, if its stack runs low, again (into a fresh
// File of fset) on a thread with a large stack.
void Run(ParseJob* job) {
  RunParse(job);
  if (!job->need_big_stack) return;
  job->need_big_stack = false;
  job->errors.Reset();
  job->late_errors.Reset();
  job->linknames.clear();
  if (!RunOnBigStack(job) || job->need_big_stack) {
    // No thread or still too deep: report it as go/parser's nesting limit would.
    job->file = nullptr;
    job->expr = nullptr;
    job->errors.Reset();
    job->errors.Add(base::Position{job->filename, 0, 0, 0}, "exceeded max nesting depth");
  }
  if (!job->expr_only && !job->file) {
    job->file = NewNode<File>(*job->arena);
    job->file->Name = NewNode<Ident>(*job->arena);
  }
}

}  // namespace

ParseResult ParseFile(base::FileSet& fset, std::string filename, std::string_view src,
                      base::Arena& arena, unsigned mode) {
  ParseJob job;
  job.fset = &fset;
  job.filename = std::move(filename);
  job.src = src;
  job.arena = &arena;
  job.mode = mode;
  job.expr_only = false;
  Run(&job);
  ParseResult r;
  r.file = job.file;
  r.errors = std::move(job.errors);
  r.late_errors = std::move(job.late_errors);
  r.linknames = std::move(job.linknames);
  return r;
}

ParseExprResult ParseExprFrom(base::FileSet& fset, std::string filename, std::string_view src,
                              base::Arena& arena, unsigned mode) {
  ParseJob job;
  job.fset = &fset;
  job.filename = std::move(filename);
  job.src = src;
  job.arena = &arena;
  job.mode = mode;
  job.expr_only = true;
  Run(&job);
  ParseExprResult r;
  r.expr = job.expr;
  r.errors = std::move(job.errors);
  return r;
}

}  // namespace gotool::syntax
