// The printer's token stream: whitespace buffering, positions, text output, the
// trimmer, and the Format entry point that runs printer → tabwriter → trimmer.
#include "fmt/printer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "fmt/printer_impl.h"
#include "fmt/tabwriter.h"

namespace gotool::gofmt {
namespace internal {

Printer::Printer(const LineTable* src, NodeSizes* sizes, bool normalize_numbers, int base_indent)
    : src_(src),
      node_sizes_(sizes),
      normalize_numbers_(normalize_numbers),
      base_indent_(base_indent) {
  wsbuf_.reserve(16);
}

int Printer::LineFor(base::Pos p) {
  if (p != cached_pos_) {
    cached_pos_ = p;
    cached_line_ = PosFor(p).line;
  }
  return cached_line_;
}

// ---- Low-level output ----

void Printer::WriteIndent() {
  // "Hard" tabs: indentation columns must not be discarded by the tabwriter.
  int n = base_indent_ + indent_;
  if (n > 0) output_.append(size_t(n), '\t');
  pos_.offset += n;
  pos_.column += n;
  out_.column += n;
}

void Printer::WriteByte(char ch, int n) {
  if (end_alignment_) {
    // A literal broke the line: ignore alignment up to the end of the line and
    // end the line with a formfeed to terminate the column block.
    if (ch == '\t' || ch == '\v') {
      ch = ' ';
    } else if (ch == '\n' || ch == '\f') {
      ch = '\f';
      end_alignment_ = false;
    }
  }
  if (out_.column == 1) WriteIndent();
  output_.append(size_t(n), ch);
  pos_.offset += n;
  if (ch == '\n' || ch == '\f') {
    pos_.line += n;
    out_.line += n;
    pos_.column = 1;
    out_.column = 1;
    return;
  }
  pos_.column += n;
  out_.column += n;
}

namespace {

// CountLineBreaks counts the '\n' and '\f' bytes of s and finds the last one; '\f'
// is rare, so the common case is one memchr pass per line.
void CountLineBreaks(std::string_view s, int* count, size_t* last) {
  const char* begin = s.data();
  const char* end = begin + s.size();
  if (std::memchr(begin, '\f', s.size()) == nullptr) {
    for (const char* p = begin;
         (p = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)))); p++) {
      ++*count;
      *last = size_t(p - begin);
    }
    return;
  }
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\n' || s[i] == '\f') {
      ++*count;
      *last = i;
    }
  }
}

}  // namespace

void Printer::WriteString(const Position& pos, std::string_view s, bool is_lit) {
  if (out_.column == 1) WriteIndent();
  // The new position is computed in a local and stored once: pos_ updated field by
  // field and then copied whole (last_ = pos_) stalls store forwarding.
  // p is the position of s (set after the indentation moved it).
  Position p = pos.IsValid() ? pos : pos_;
  // Literal text is escaped so that the tabwriter passes it through unchanged.
  if (is_lit) output_.push_back(kTabEscape);
  output_.append(s);
  int nlines = 0;
  size_t li = 0;
  // Raw strings and comments (both written as literals) may contain line breaks:
  // each one breaks any column formatting for the rest of the line. Tokens and
  // identifiers never do.
  if (is_lit) CountLineBreaks(s, &nlines, &li);
  p.offset += int(s.size());
  if (nlines > 0) {
    end_alignment_ = true;
    int c = int(s.size() - li);
    p.line += nlines;
    p.column = c;
    out_.line += nlines;
    out_.column = c;
  } else {
    p.column += int(s.size());
    out_.column += int(s.size());
  }
  if (is_lit) output_.push_back(kTabEscape);
  pos_ = p;
  last_ = p;
}

void Printer::WriteWhitespace(size_t n) {
  for (size_t i = 0; i < n; i++) {
    Ws ch = wsbuf_[i];
    switch (ch) {
      case Ws::kIgnore:
        break;
      case Ws::kIndent:
        indent_++;
        break;
      case Ws::kUnindent:
        indent_--;
        if (indent_ < 0) indent_ = 0;
        break;
      case Ws::kNewline:
      case Ws::kFormfeed:
        // A line break followed by a "correcting" unindent is swapped with it so
        // that labels are positioned correctly; the break becomes a formfeed so a
        // long label does not widen the column of the lines before it.
        if (i + 1 < n && wsbuf_[i + 1] == Ws::kUnindent) {
          wsbuf_[i] = Ws::kUnindent;
          wsbuf_[i + 1] = Ws::kFormfeed;
          i--;
          continue;
        }
        [[fallthrough]];
      default:
        WriteByte(char(ch), 1);
    }
  }
  wsbuf_.erase(wsbuf_.begin(), wsbuf_.begin() + long(n));
}

// ---- The print stream ----

void Printer::RecordPrevOpen() {
  switch (last_tok_) {
    case Token::ILLEGAL:
      break;  // whitespace
    case Token::LPAREN:
    case Token::LBRACK:
      prev_open_ = last_tok_;
      break;
    default:
      prev_open_ = Token::ILLEGAL;
  }
}

void Printer::PrintArg(Ws w) {
  RecordPrevOpen();
  // Ignores are never buffered: they would hide "correcting" unindents.
  if (w == Ws::kIgnore) return;
  // The buffer holds 16 entries, as go/printer's; when full it is written out.
  if (wsbuf_.size() == 16) WriteWhitespace(16);
  wsbuf_.push_back(w);
  // Line breaks affect the current state: comments may be interspersed before
  // the next token.
  if (w == Ws::kNewline || w == Ws::kFormfeed) implied_semi_ = false;
  last_tok_ = Token::ILLEGAL;
}

void Printer::PrintArg(base::Pos p) {
  RecordPrevOpen();
  if (p.IsValid()) pos_ = PosFor(p);  // accurate position of the next item
}

void Printer::PrintArg(const syntax::Ident* x) {
  RecordPrevOpen();
  last_tok_ = Token::IDENT;
  EmitToken(x->Name, false, true);
}

void Printer::PrintLit(std::string_view value, Token kind) {
  RecordPrevOpen();
  last_tok_ = kind;
  EmitToken(value, true, true);
}

void Printer::PrintArg(std::string_view error_text) {
  RecordPrevOpen();
  last_tok_ = Token::STRING;
  EmitToken(error_text, true, true);
}

namespace {

// MayCombine reports whether token prev followed by a token starting with next would
// scan as a different token.
bool MayCombine(Token prev, char next) {
  switch (prev) {
    case Token::INT:
      return next == '.';
    case Token::ADD:
      return next == '+';
    case Token::SUB:
      return next == '-';
    case Token::QUO:
      return next == '*';
    case Token::LSS:
      return next == '-' || next == '<';
    case Token::AND:
      return next == '&' || next == '^';
    default:
      return false;
  }
}

int NLimit(int n) { return n > kMaxNewlines ? kMaxNewlines : n; }

}  // namespace

void Printer::PrintArg(Token t) {
  RecordPrevOpen();
  std::string_view s = syntax::TokenString(t);
  if (MayCombine(last_tok_, s[0])) {
    // Separate the tokens by a blank so they do not combine.
    wsbuf_.assign(1, Ws::kBlank);
  }
  bool implied_semi = false;
  switch (t) {
    case Token::BREAK:
    case Token::CONTINUE:
    case Token::FALLTHROUGH:
    case Token::RETURN:
    case Token::INC:
    case Token::DEC:
    case Token::RPAREN:
    case Token::RBRACK:
    case Token::RBRACE:
      implied_semi = true;
      break;
    default:
      break;
  }
  last_tok_ = t;
  EmitToken(s, false, implied_semi);
}

void Printer::EmitToken(std::string_view data, bool is_lit, bool implied_semi) {
  Position next = pos_;  // estimated or accurate position of the next item
  auto [wrote_newline, dropped_ff] = Flush(next, last_tok_);
  // Keep extra newlines present in the source unless they would imply a semicolon
  // (not in Flush: that would add newlines at the end of the file).
  if (!implied_semi_) {
    int n = NLimit(next.line - pos_.line);
    if (wrote_newline && n == kMaxNewlines) n = kMaxNewlines - 1;
    if (n > 0) {
      WriteByte(dropped_ff ? '\f' : '\n', n);
      implied_semi = false;
    }
  }
  if (line_ptr_) {
    *line_ptr_ = out_.line;
    line_ptr_ = nullptr;
  }
  WriteString(next, data, is_lit);
  implied_semi_ = implied_semi;
}

std::pair<bool, bool> Printer::Flush(const Position& next, Token tok) {
  if (CommentBefore(next)) return IntersperseComments(next, tok);
  WriteWhitespace(wsbuf_.size());
  return {false, false};
}

// ---- Whole files and nodes ----

void Printer::PrintFile(const syntax::File* file) {
  comments_ = file->Comments.data;
  ncomments_ = file->Comments.size;
  // As go/printer: node comments print only when the list is nil, not when it is
  // empty (gofmt -r can leave an empty list while replaced nodes keep comments).
  use_node_comments_ = file->Comments.data == nullptr;
  NextComment();
  Print(PMode::kNone);
  File(file);
}

void Printer::PrintNode(const syntax::Node* node) {
  use_node_comments_ = true;
  NextComment();
  Print(PMode::kNone);
  if (auto* e = syntax::DynCast<syntax::Expr>(node)) {
    Expr(e);
  } else if (auto* s = syntax::DynCast<syntax::Stmt>(node)) {
    // A labeled statement unindents to place its label.
    if (s->Is<syntax::LabeledStmt>()) indent_ = 1;
    Stmt(s, false);
  } else if (auto* d = syntax::DynCast<syntax::Decl>(node)) {
    Decl(d);
  } else if (auto* sp = syntax::DynCast<syntax::Spec>(node)) {
    Spec(sp, 1, false);
  } else if (auto* f = syntax::DynCast<syntax::File>(node)) {
    File(f);
  }
}

void Printer::Finish() {
  implied_semi_ = false;  // EOF acts like a newline
  Flush(Position{kInfinity, kInfinity, 0}, Token::EOF_);
  FixGoBuildLines();
}

namespace {

// kSpecial marks the bytes Trim looks at: blanks, line ends and the tab escape.
constexpr auto kSpecial = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : {' ', '\t', '\v', '\n', '\f'}) special[c] = true;
  special[static_cast<unsigned char>(kTabEscape)] = true;
  return special;
}();

// AppendKept appends text that Trim keeps, a vertical tab read as a tab.
void AppendKept(std::string_view text, bool has_vtab, std::string* out) {
  size_t at = out->size();
  out->append(text);
  if (!has_vtab) return;
  for (size_t i = at; i < out->size(); i++) {
    if ((*out)[i] == '\v') (*out)[i] = '\t';
  }
}

}  // namespace

// TrimGeneral copies data in runs: it only stops at special bytes, and copies what
// lies between the places where it drops bytes (trailing blanks, tab escapes).
void TrimGeneral(std::string_view data, std::string* out) {
  constexpr size_t kNone = std::string_view::npos;
  const size_t size = data.size();
  size_t copy_from = 0;   // start of the bytes not yet copied
  size_t blanks = kNone;  // start of the current run of blanks
  bool has_vtab = false;  // a vertical tab lies in data[copy_from:]
  for (size_t i = 0; i < size; i++) {
    char b = data[i];
    if (!kSpecial[static_cast<unsigned char>(b)]) {
      blanks = kNone;
      continue;
    }
    if (b == ' ' || b == '\t' || b == '\v') {
      if (blanks == kNone) blanks = i;
      has_vtab |= b == '\v';
      continue;
    }
    if (b == '\n' || b == '\f') {
      size_t keep_end = blanks != kNone ? blanks : i;
      AppendKept(data.substr(copy_from, keep_end - copy_from), has_vtab, out);
      out->push_back('\n');
      copy_from = i + 1;
      blanks = kNone;
      has_vtab = false;
      continue;
    }
    // Escaped text: keep what comes before it and its content, drop the escapes.
    AppendKept(data.substr(copy_from, i - copy_from), has_vtab, out);
    blanks = kNone;
    has_vtab = false;
    size_t close = data.find(kTabEscape, i + 1);
    if (close == std::string_view::npos) {
      out->append(data.substr(i + 1));
      return;
    }
    out->append(data.substr(i + 1, close - i - 1));
    copy_from = close + 1;
    i = close;
  }
  size_t keep_end = blanks != kNone ? blanks : size;
  AppendKept(data.substr(copy_from, keep_end - copy_from), has_vtab, out);
}

namespace {

// FindLineEndOrEscape returns the index of the first '\n', '\f' or tab escape in
// data at or after i, or data.size(); sixteen bytes at a time where SSE2 is there.
size_t FindLineEndOrEscape(std::string_view data, size_t i) {
  const char* p = data.data();
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
  const __m128i ff = _mm_set1_epi8('\f');
  const __m128i esc = _mm_set1_epi8(kTabEscape);
  for (; i + 16 <= data.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff)),
                               _mm_cmpeq_epi8(v, esc));
    if (unsigned bits = unsigned(_mm_movemask_epi8(hit))) return i + size_t(std::countr_zero(bits));
  }
#endif
  for (; i < data.size(); i++) {
    if (p[i] == '\n' || p[i] == '\f' || p[i] == kTabEscape) return i;
  }
  return data.size();
}

// BlanksBefore returns the start of the run of blanks ending at end, not before from.
size_t BlanksBefore(std::string_view data, size_t from, size_t end) {
  while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t')) end--;
  return end;
}

}  // namespace

// Trim jumps from line end to line end: without vertical tabs (which tabwriter
// output only has inside escaped text), only a line end preceded by blanks, a
// formfeed or an escape makes it copy; everything between is copied in one piece.
void Trim(std::string_view data, std::string* out) {
  if (std::memchr(data.data(), '\v', data.size()) != nullptr) return TrimGeneral(data, out);
  const size_t size = data.size();
  size_t copy_from = 0;  // start of the bytes not yet copied
  for (size_t i = FindLineEndOrEscape(data, 0); i < size; i = FindLineEndOrEscape(data, i)) {
    if (data[i] == kTabEscape) {
      // Escaped text: keep what comes before it and its content, drop the escapes.
      out->append(data.substr(copy_from, i - copy_from));
      size_t close = data.find(kTabEscape, i + 1);
      if (close == std::string_view::npos) {
        out->append(data.substr(i + 1));
        return;
      }
      out->append(data.substr(i + 1, close - i - 1));
      copy_from = i = close + 1;
      continue;
    }
    size_t keep_end = BlanksBefore(data, copy_from, i);
    if (keep_end < i || data[i] == '\f') {
      out->append(data.substr(copy_from, keep_end - copy_from));
      out->push_back('\n');
      copy_from = i + 1;
    }
    i++;
  }
  out->append(data.substr(copy_from, BlanksBefore(data, copy_from, size) - copy_from));
}

int TrimmedOneLineSize(std::string_view data) {
  if (std::memchr(data.data(), '\n', data.size()) != nullptr ||
      std::memchr(data.data(), '\f', data.size()) != nullptr) {
    return -1;
  }
  // Trim drops every escape byte, and the blanks at the end unless they lie inside
  // an escape left open (an odd number of escapes).
  size_t escapes = size_t(std::count(data.begin(), data.end(), kTabEscape));
  size_t end = data.size();
  if (escapes % 2 == 0) {
    while (end > 0 && (data[end - 1] == ' ' || data[end - 1] == '\t' || data[end - 1] == '\v')) {
      end--;
    }
  }
  return int(end - escapes);
}

}  // namespace internal

FormatResult Format(const syntax::File& file, const base::FileSet& fset, std::string_view src,
                    const FormatOptions& options) {
  LineTable lines(fset.FileFor(file.Package), src);
  return Format(file, lines, options);
}

FormatResult Format(const syntax::File& file, const LineTable& lines,
                    const FormatOptions& options) {
  internal::NodeSizes sizes;
  internal::Printer p(&lines, &sizes, options.normalize_numbers, options.indent);
  // Printer output is the source re-spaced plus tabwriter escapes around literals and
  // comments: a quarter more than the source is rarely exceeded.
  size_t source_size = size_t(lines.SourceSize());
  p.ReserveOutput(source_size + source_size / 4 + 4096);
  p.PrintFile(&file);
  p.Finish();

  FormatResult result;
  if (options.raw_format) {
    result.output.reserve(p.output().size());  // Trim only removes bytes
    internal::Trim(p.output(), &result.output);
    return result;
  }
  // The printer output goes through the tabwriter in pieces, and the aligned text
  // through the trimmer as soon as it holds whole lines: only one piece of aligned
  // text is ever in memory. The tabwriter emits text only when it flushes, at the end
  // of a line outside any escape, where trimming can stop and resume. Alignment turns
  // tabs into runs of blanks, trimming drops escapes and trailing blanks: an eighth
  // more than the printer output is rarely exceeded.
  std::string_view text = p.output();
  result.output.reserve(text.size() + text.size() / 8 + 4096);
  std::string aligned;
  Tabwriter tw(&aligned);
  constexpr size_t kPiece = 16 << 10;
  for (size_t at = 0; at < text.size(); at += kPiece) {
    tw.Write(text.substr(at, kPiece));
    if (!aligned.empty() && aligned.back() == '\n') {
      internal::Trim(aligned, &result.output);
      aligned.clear();
    }
  }
  tw.Flush();
  internal::Trim(aligned, &result.output);
  return result;
}

}  // namespace gotool::gofmt
