// The printer's comment handling: which comment comes next, how much whitespace goes
// before and after it, /*-style comment re-indentation, and doc-comment rewriting.
#include <string>
#include <vector>

#include "fmt/doccomment.h"
#include "fmt/doccomment_text.h"
#include "fmt/printer_impl.h"
#include "pkg/base/utf8.h"
#include "pkg/syntax/constraint.h"

namespace gotool::gofmt::internal {
namespace {

base::Pos CommentEnd(const CommentRef& c) { return c.slash + int64_t(c.text.size()); }

base::Pos GroupPos(const syntax::CommentGroup* g) { return g->List[0]->Slash; }

base::Pos GroupEnd(const syntax::CommentGroup* g) {
  const syntax::Comment* c = g->List.back();
  return c->Slash + int64_t(c->Text.size());
}

// IsBlank reports whether s has only white space (tabs and blanks in this context).
bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) > ' ') return false;
  }
  return true;
}

// CommonPrefix returns the common prefix of a and b made of white space and '*'.
std::string_view CommonPrefix(std::string_view a, std::string_view b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i] &&
         (static_cast<unsigned char>(a[i]) <= ' ' || a[i] == '*')) {
    i++;
  }
  return a.substr(0, i);
}

// StripCommonPrefix removes the common indentation of the lines of a /*-style
// comment (all but the first line) so that re-printing them at the printer's
// indentation lays the comment out nicely: aligned text, a vertical line of stars,
// or a closing */ on its own line aligned with the opening /*.
void StripCommonPrefix(std::vector<std::string>& lines) {
  if (lines.size() <= 1) return;
  // The prefix of the inner non-blank lines; blank inner lines become empty. With
  // no such line, the last line decides.
  std::string prefix;
  bool prefix_set = false;
  if (lines.size() > 2) {
    for (size_t i = 1; i + 1 < lines.size(); i++) {
      if (IsBlank(lines[i])) {
        lines[i].clear();
      } else {
        if (!prefix_set) {
          prefix = lines[i];
          prefix_set = true;
        }
        prefix = std::string(CommonPrefix(prefix, lines[i]));
      }
    }
  }
  if (!prefix_set) prefix = std::string(CommonPrefix(lines.back(), lines.back()));

  bool line_of_stars = false;
  if (size_t star = prefix.find('*'); star != std::string::npos) {
    // Keep the stars aligned: drop a blank before them from the prefix.
    prefix.resize(star);
    if (!prefix.empty() && prefix.back() == ' ') prefix.pop_back();
    line_of_stars = true;
  } else {
    const std::string& first = lines[0];
    if (IsBlank(std::string_view(first).substr(2))) {
      // No text after the /*: keep text indented relative to /* and */ by
      // dropping up to 3 blanks or a tab from the prefix.
      size_t i = prefix.size();
      for (int n = 0; n < 3 && i > 0 && prefix[i - 1] == ' '; n++) i--;
      if (i == prefix.size() && i > 0 && prefix[i - 1] == '\t') i--;
      prefix.resize(i);
    } else {
      // Text after the /*: the white space before it, with the /* counted as two
      // blanks unless a tab follows it, may be a suffix of the prefix.
      size_t n = 2;
      while (n < first.size() && static_cast<unsigned char>(first[n]) <= ' ') n++;
      std::string suffix;
      if (n > 2 && first[2] == '\t') {
        suffix = first.substr(2, n - 2);
      } else {
        suffix = "  " + first.substr(2, n - 2);
      }
      if (prefix.size() >= suffix.size() &&
          prefix.compare(prefix.size() - suffix.size(), suffix.size(), suffix) == 0) {
        prefix.resize(prefix.size() - suffix.size());
      }
    }
  }

  // A last line of only "*/" aligns with the opening /*; otherwise it is text and
  // takes part in the prefix.
  std::string& last = lines.back();
  size_t close = last.find("*/");
  if (IsBlank(std::string_view(last).substr(0, close))) {
    last = prefix + (line_of_stars ? " */" : "*/");
  } else {
    prefix = std::string(CommonPrefix(prefix, last));
  }
  for (size_t i = 1; i < lines.size(); i++) {
    if (!lines[i].empty()) lines[i].erase(0, prefix.size());
  }
}

}  // namespace

bool Printer::CommentsHaveNewline(syntax::List<syntax::Comment> list) {
  int line = LineFor(list[0]->Slash);
  for (size_t i = 0; i < list.size; i++) {
    if (i > 0 && LineFor(list[i]->Slash) != line) return true;
    std::string_view t = list[i]->Text;
    if (t.size() >= 2 && (t[1] == '/' || t.find('\n') != std::string_view::npos)) return true;
  }
  return false;
}

void Printer::NextComment() {
  while (cindex_ < ncomments_) {
    const syntax::CommentGroup* c = comments_[cindex_++];
    if (!c->List.empty()) {
      comment_ = c;
      comment_offset_ = PosFor(GroupPos(c)).offset;
      comment_newline_ = CommentsHaveNewline(c->List);
      return;
    }
  }
  comment_offset_ = kInfinity;
}

int Printer::CommentSizeBefore(const Position& next) {
  CommentInfo saved{cindex_, comment_, comment_offset_, comment_newline_};
  int size = 0;
  while (CommentBefore(next)) {
    for (const syntax::Comment* c : comment_->List) size += int(c->Text.size());
    NextComment();
  }
  cindex_ = saved.cindex;
  comment_ = saved.comment;
  comment_offset_ = saved.comment_offset;
  comment_newline_ = saved.comment_newline;
  return size;
}

void Printer::SetComment(const syntax::CommentGroup* g) {
  if (g == nullptr || !use_node_comments_) return;
  if (comments_ == nullptr) {
    comments_ = node_comment_;
    ncomments_ = 1;
  } else if (cindex_ < ncomments_) {
    // Pending comments should not exist here; flush those before g.
    Flush(PosFor(GroupPos(g)), Token::ILLEGAL);
    ncomments_ = 1;
  }
  node_comment_[0] = g;
  cindex_ = 0;
  // A pending comment in comment_ (a line comment directly followed by a lead
  // comment) must not be overwritten.
  if (comment_offset_ == kInfinity) NextComment();
}

void Printer::WriteCommentPrefix(const Position& pos, const Position& next, const CommentRef* prev,
                                 Token tok) {
  // The first item printed gets no whitespace before it.
  if (output_.empty()) return;

  if (pos.line == last_.line && (prev == nullptr || prev->text[1] != '/')) {
    // Comment on the line of the last item: at least one separator.
    bool has_sep = false;
    if (prev == nullptr) {
      // First comment of a group.
      size_t j = 0;
      for (size_t i = 0; i < wsbuf_.size(); i++) {
        Ws ch = wsbuf_[i];
        if (ch == Ws::kBlank) {
          wsbuf_[i] = Ws::kIgnore;  // blanks before a comment are dropped
          continue;
        }
        if (ch == Ws::kVtab) {
          has_sep = true;  // existing tabs align commented struct fields
          continue;
        }
        if (ch == Ws::kIndent) continue;  // applied below
        j = i;
        break;
      }
      WriteWhitespace(j);
    }
    if (!has_sep) {
      // A /*-style comment followed on the same line by the next item is set off
      // by a blank, anything else by a tab.
      WriteByte(pos.line == next.line ? ' ' : '\t', 1);
    }
    return;
  }

  // Comment on a different line: at least one line break.
  bool dropped_linebreak = false;
  size_t j = 0;
  for (size_t i = 0; i < wsbuf_.size(); i++) {
    Ws ch = wsbuf_[i];
    if (ch == Ws::kBlank || ch == Ws::kVtab) {
      wsbuf_[i] = Ws::kIgnore;  // no horizontal space before line breaks
      continue;
    }
    if (ch == Ws::kIndent) continue;
    if (ch == Ws::kUnindent) {
      // Apply an unindent that is not the last one (it closes a multi-line
      // construct), or one the comment is aligned with when no } follows; the
      // last one otherwise closes a block and the comment belongs to what follows.
      if (i + 1 < wsbuf_.size() && wsbuf_[i + 1] == Ws::kUnindent) continue;
      if (tok != Token::RBRACE && pos.column == next.column) continue;
    } else if (ch == Ws::kNewline || ch == Ws::kFormfeed) {
      wsbuf_[i] = Ws::kIgnore;
      dropped_linebreak = prev == nullptr;  // only for a group's first comment
    }
    j = i;
    break;
  }
  WriteWhitespace(j);

  int n = 0;
  if (pos.IsValid() && last_.IsValid()) {
    n = pos.line - last_.line;
    if (n < 0) n = 0;
  }
  // At package scope, keep a blank line before a doc comment that a dropped line
  // break would have lost (issue 2570).
  if (indent_ == 0 && dropped_linebreak) n++;
  // A line comment always ends its line.
  if (n == 0 && prev != nullptr && prev->text[1] == '/') n = 1;
  // Formfeeds break columns before a comment.
  if (n > 0) WriteByte('\f', n > kMaxNewlines ? kMaxNewlines : n);
}

void Printer::WriteComment(const CommentRef& comment) {
  std::string_view text = comment.text;
  Position pos = PosFor(comment.slash);

  // A //line directive in column 1 stays unindented to remain valid.
  int saved_indent = indent_;
  bool restore = text.starts_with("//line ") && (!pos.IsValid() || pos.column == 1);
  if (restore) indent_ = 0;

  if (text[1] == '/') {
    if (syntax::IsGoBuild(text)) {
      go_build_.push_back(output_.size());
    } else if (syntax::IsPlusBuild(text)) {
      plus_build_.push_back(output_.size());
    }
    WriteString(pos, base::TrimRightSpace(text), true);
  } else {
    // /*-style comments are printed line by line; WriteByte indents each line.
    std::vector<std::string> lines;
    for (size_t start = 0;;) {
      size_t nl = text.find('\n', start);
      lines.emplace_back(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
    // A comment starting in column 1 that will be indented: indent its other lines
    // as if it had been indented already, so that formatting is idempotent.
    if (pos.IsValid() && pos.column == 1 && indent_ > 0) {
      for (size_t i = 1; i < lines.size(); i++) lines[i].insert(0, "   ");
    }
    StripCommonPrefix(lines);
    for (size_t i = 0; i < lines.size(); i++) {
      if (i > 0) {
        WriteByte('\f', 1);
        pos = pos_;
      }
      if (!lines[i].empty()) WriteString(pos, base::TrimRightSpace(lines[i]), true);
    }
  }
  if (restore) indent_ = saved_indent;
}

std::pair<bool, bool> Printer::WriteCommentSuffix(bool needs_linebreak) {
  bool wrote_newline = false, dropped_ff = false;
  for (Ws& ch : wsbuf_) {
    switch (ch) {
      case Ws::kBlank:
      case Ws::kVtab:
        ch = Ws::kIgnore;  // no trailing whitespace
        break;
      case Ws::kIndent:
      case Ws::kUnindent:
        break;  // keep indentation changes
      case Ws::kNewline:
      case Ws::kFormfeed:
        // Keep exactly one line break if one is needed; remember dropped formfeeds.
        if (needs_linebreak) {
          needs_linebreak = false;
          wrote_newline = true;
        } else {
          if (ch == Ws::kFormfeed) dropped_ff = true;
          ch = Ws::kIgnore;
        }
        break;
      default:
        break;
    }
  }
  WriteWhitespace(wsbuf_.size());
  if (needs_linebreak) {
    WriteByte('\n', 1);
    wrote_newline = true;
  }
  return {wrote_newline, dropped_ff};
}

bool Printer::ContainsLinebreak() const {
  for (Ws ch : wsbuf_) {
    if (ch == Ws::kNewline || ch == Ws::kFormfeed) return true;
  }
  return false;
}

std::pair<bool, bool> Printer::IntersperseComments(const Position& next, Token tok) {
  CommentRef last;
  bool have_last = false;
  std::vector<std::string> formatted;
  std::vector<CommentRef> list;
  while (CommentBefore(next)) {
    const syntax::CommentGroup* group = comment_;
    list.clear();
    for (const syntax::Comment* c : group->List) list.push_back(CommentRef{c->Slash, c->Text});
    bool changed = false;
    // An unindented comment abutting the next token is a top-level doc comment
    // (except cgo's comments before import "C").
    if (last_tok_ != Token::IMPORT && PosFor(GroupPos(group)).column == 1 &&
        PosFor(GroupEnd(group) + 1) == next) {
      std::vector<std::string_view> texts;
      for (const CommentRef& c : list) texts.push_back(c.text);
      if (auto doc = FormatDocComment(texts)) {
        formatted = std::move(*doc);
        list.clear();
        for (const std::string& t : formatted) list.push_back(CommentRef{group->List[0]->Slash, t});
      }
      changed = true;
      if (list.empty()) {
        // The doc comment vanished: keep the whitespace before it and continue at
        // next, where no further comment can be pending.
        WriteCommentPrefix(PosFor(GroupPos(group)), next, have_last ? &last : nullptr, tok);
        pos_ = next;
        last_ = next;
        NextComment();
        return WriteCommentSuffix(false);
      }
    }
    for (const CommentRef& c : list) {
      WriteCommentPrefix(PosFor(c.slash), next, have_last ? &last : nullptr, tok);
      WriteComment(c);
      last = c;
      have_last = true;
    }
    if (changed) {
      // Continue where the original comment ended.
      const syntax::Comment* orig = group->List.back();
      last = CommentRef{orig->Slash, orig->Text};
      pos_ = PosFor(CommentEnd(last));
      last_ = pos_;
    }
    NextComment();
  }

  if (!have_last) return {false, false};
  // After a /*-style comment on the line of the next item, add a separator unless
  // the item is a comma or closes a just opened paren or bracket: a line break if
  // line breaks are pending outside composite literals (issue 15137), else a blank.
  bool needs_linebreak = false;
  if (!(unsigned(mode_) & unsigned(PMode::kNoExtraBlank)) && last.text[1] == '*' &&
      LineFor(last.slash) == next.line && tok != Token::COMMA &&
      (tok != Token::RPAREN || prev_open_ == Token::LPAREN) &&
      (tok != Token::RBRACK || prev_open_ == Token::LBRACK)) {
    if (ContainsLinebreak() && !(unsigned(mode_) & unsigned(PMode::kNoExtraLinebreak)) &&
        level_ == 0) {
      needs_linebreak = true;
    } else {
      WriteByte(' ', 1);
    }
  }
  // A line break after a //-style comment, before EOF, and before a closing }
  // unless disabled.
  if (last.text[1] == '/' || tok == Token::EOF_ ||
      (tok == Token::RBRACE && !(unsigned(mode_) & unsigned(PMode::kNoExtraLinebreak)))) {
    needs_linebreak = true;
  }
  return WriteCommentSuffix(needs_linebreak);
}

}  // namespace gotool::gofmt::internal
