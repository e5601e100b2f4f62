// Doc-comment reformatting: block structure (spans → paragraphs, headings, lists,
// code), the canonical comment printer, and go/printer's doc-comment rewrite.
#include "fmt/doccomment.h"

#include "fmt/doccomment_text.h"
#include "pkg/base/utf8.h"

namespace gotool::gofmt {
namespace {

using base::TrimSpace;
using doccomment::LinkDef;
using doccomment::LinkDefs;
using Lines = std::vector<std::string_view>;

enum class SpanKind { kCode, kHeading, kList, kOldHeading, kPara };

// Span is a run of lines [start, end) forming one block.
struct Span {
  size_t start, end;
  SpanKind kind;
};

// Paragraph text is kept as source lines until links are known.
struct Paragraph {
  Lines lines;
  std::string rendered;
};

struct ListItem {
  std::string_view number;  // "" for a bullet
  std::vector<Paragraph> content;
};

struct Block {
  SpanKind kind;
  std::string text;             // heading text, or code (each line "\n"-terminated)
  Paragraph para;               // kPara
  std::vector<ListItem> items;  // kList
  bool force_blank_before = false;
  bool force_blank_between = false;

  // BlankBetween reports whether list items are separated by blank lines.
  bool BlankBetween() const {
    if (force_blank_between) return true;
    for (const ListItem& item : items) {
      if (item.content.size() != 1) return true;
    }
    return false;
  }
};

bool Indented(std::string_view line) {
  return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

bool IsBlank(std::string_view s) { return s.empty() || s == "\n"; }

std::string_view LeadingSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) i++;
  return s.substr(0, i);
}

// Unindent drops blank lines at both ends and the indentation common to all
// non-blank lines; lines of only white space become empty.
Lines Unindent(Lines lines) {
  size_t b = 0, e = lines.size();
  while (b < e && IsBlank(lines[b])) b++;
  while (e > b && IsBlank(lines[e - 1])) e--;
  if (b == e) return {};
  std::string_view prefix = LeadingSpace(lines[b]);
  for (size_t i = b + 1; i < e; i++) {
    if (IsBlank(lines[i])) continue;
    std::string_view lead = LeadingSpace(lines[i]);
    size_t n = 0;
    while (n < prefix.size() && n < lead.size() && prefix[n] == lead[n]) n++;
    prefix = prefix.substr(0, n);
  }
  Lines out;
  out.reserve(e - b);
  for (size_t i = b; i < e; i++) {
    std::string_view line = lines[i];
    if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
    if (TrimSpace(line).empty()) line = {};
    out.push_back(line);
  }
  while (!out.empty() && out.front().empty()) out.erase(out.begin());
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

// ListMarker recognises "- text", "* text", "+ text", "• text", "1. text" and
// "1) text" (after trimming), returning the number ("" for bullets) and the rest.
bool ListMarker(std::string_view line, std::string_view* num, std::string_view* rest) {
  line = TrimSpace(line);
  if (line.empty()) return false;
  if (line[0] == '*' || line[0] == '+' || line[0] == '-') {
    *num = {}, *rest = line.substr(1);
  } else if (line.starts_with("\xe2\x80\xa2")) {  // •
    *num = {}, *rest = line.substr(3);
  } else if (line[0] >= '0' && line[0] <= '9') {
    size_t n = 1;
    while (n < line.size() && line[n] >= '0' && line[n] <= '9') n++;
    if (n >= line.size() || (line[n] != '.' && line[n] != ')')) return false;
    *num = line.substr(0, n), *rest = line.substr(n + 1);
  } else {
    return false;
  }
  return Indented(*rest) && !TrimSpace(*rest).empty();
}

bool IsList(std::string_view line) {
  std::string_view num, rest;
  return ListMarker(line, &num, &rest);
}

bool IsHeading(std::string_view line) {
  return line.size() >= 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '\t') &&
         TrimSpace(line) != "#";
}

// IsOldHeading: a single capitalised line without sentence punctuation, between
// blank lines, followed by unindented text.
bool IsOldHeading(std::string_view line, const Lines& all, size_t off) {
  if (off == 0 || !all[off - 1].empty() || off + 2 >= all.size() || !all[off + 1].empty() ||
      !LeadingSpace(all[off + 2]).empty()) {
    return false;
  }
  line = TrimSpace(line);
  int32_t first = base::DecodeRune(line).rune;
  if (!base::IsLetter(first) || !doccomment::IsUpper(first)) return false;
  int32_t last = base::DecodeLastRune(line).rune;
  if (!base::IsLetter(last) && !base::IsDigit(last)) return false;
  if (line.find_first_of(";:!?+*/=[]{}_^&~%#@<\">\\") != std::string_view::npos ||
      line.find("\xc2\xb0") != std::string_view::npos ||  // °
      line.find("\xc2\xa7") != std::string_view::npos) {  // §
    return false;
  }
  // An apostrophe may only start a possessive "'s".
  for (size_t i = line.find('\''); i != std::string_view::npos; i = line.find('\'', i + 1)) {
    std::string_view after = line.substr(i + 1);
    if (after != "s" && !after.starts_with("s ")) return false;
  }
  // A period must be followed by a non-space (as in "v1.2").
  for (size_t i = line.find('.'); i != std::string_view::npos; i = line.find('.', i + 1)) {
    std::string_view after = line.substr(i + 1);
    if (after.empty() || after[0] == ' ') return false;
  }
  return true;
}

// ParseSpans splits unindented lines into block spans.
std::vector<Span> ParseSpans(const Lines& lines) {
  std::vector<Span> spans;
  size_t i = 0;
  size_t force_indent = 0;  // lines before this are treated as indented
  const size_t n = lines.size();
  while (true) {
    while (i < n && lines[i].empty()) i++;
    if (i >= n) break;
    size_t start = i, end = i;
    SpanKind kind;
    if (i < force_indent || Indented(lines[i])) {
      // Indented block: a list if it starts with a marker, else code. A list may
      // continue with unindented markers until a blank line.
      bool unindented_list_ok = IsList(lines[i]) && i < force_indent;
      i++;
      while (i < n && (lines[i].empty() || i < force_indent || Indented(lines[i]) ||
                       (unindented_list_ok && IsList(lines[i])))) {
        if (lines[i].empty()) unindented_list_ok = false;
        i++;
      }
      end = i;
      while (end > start && lines[end - 1].empty()) end--;
      // A closing brace right after code belongs to it.
      if (end < n && lines[end].starts_with("}")) end++;
      kind = IsList(lines[start]) ? SpanKind::kList : SpanKind::kCode;
    } else {
      i++;
      while (i < n && !lines[i].empty() && !Indented(lines[i])) i++;
      end = i;
      // Unindented text followed by indented non-list text: a list or code may have
      // lost its indentation at its start; treat the tail as indented.
      if (i < n && !lines[i].empty() && !IsList(lines[i])) {
        if (IsList(lines[i - 1])) {
          force_indent = end;
          end--;
          while (end > start && IsList(lines[end - 1])) end--;
        } else if (lines[i - 1].ends_with("{") || lines[i - 1].ends_with("\\")) {
          force_indent = end;
          end--;
        }
        if (start == end && force_indent > start) {
          i = start;
          continue;
        }
      }
      if (end - start == 1 && IsHeading(lines[start])) {
        kind = SpanKind::kHeading;
      } else if (end - start == 1 && IsOldHeading(lines[start], lines, start)) {
        kind = SpanKind::kOldHeading;
      } else {
        kind = SpanKind::kPara;
      }
    }
    spans.push_back(Span{start, end, kind});
    i = end;
  }
  return spans;
}

// Doc is a parsed comment.
class Doc {
 public:
  explicit Doc(std::string_view text);
  std::string Print();

 private:
  // ParagraphOrLinks returns false when all lines are link definitions (then recorded).
  bool ParagraphOrLinks(Lines lines, Paragraph* para);
  void AddList(const Lines& lines, bool force_blank_before);
  void AddCode(const Lines& lines);
  void PrintBlock(const Block& b, std::string* out);

  std::vector<Block> blocks_;
  LinkDefs links_;
};

bool Doc::ParagraphOrLinks(Lines lines, Paragraph* para) {
  std::vector<LinkDef> defs;
  for (std::string_view line : lines) {
    LinkDef def;
    if (!doccomment::ParseLinkDef(line, &def)) {
      para->lines = std::move(lines);
      return true;
    }
    defs.push_back(def);
  }
  for (const LinkDef& def : defs) links_.Add(def);
  return false;
}

void Doc::AddList(const Lines& lines, bool force_blank_before) {
  Block b{SpanKind::kList, {}, {}, {}, force_blank_before, false};
  std::string_view num0, rest0;
  ListMarker(lines[0], &num0, &rest0);
  Lines text;
  auto flush = [&] {
    if (!b.items.empty()) {
      Paragraph para;
      if (ParagraphOrLinks(text, &para)) b.items.back().content.push_back(std::move(para));
    }
    text.clear();
  };
  for (std::string_view line : lines) {
    std::string_view num, rest;
    if (ListMarker(line, &num, &rest) && num.empty() == num0.empty()) {
      flush();
      b.items.push_back(ListItem{num, {}});
      line = rest;
    }
    line = TrimSpace(line);
    if (line.empty()) {
      b.force_blank_between = true;
      flush();
      continue;
    }
    text.push_back(line);
  }
  flush();
  blocks_.push_back(std::move(b));
}

void Doc::AddCode(const Lines& lines) {
  Block b{SpanKind::kCode, {}, {}, {}, false, false};
  for (std::string_view line : Unindent(lines)) {
    b.text.append(line);
    b.text.push_back('\n');
  }
  blocks_.push_back(std::move(b));
}

Doc::Doc(std::string_view text) {
  Lines raw;
  for (size_t pos = 0;;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      raw.push_back(text.substr(pos));
      break;
    }
    raw.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  Lines lines = Unindent(std::move(raw));
  size_t prev_end = 0;
  for (const Span& s : ParseSpans(lines)) {
    Lines part(lines.begin() + long(s.start), lines.begin() + long(s.end));
    switch (s.kind) {
      case SpanKind::kList:
        AddList(part, prev_end < s.start);
        break;
      case SpanKind::kCode:
        AddCode(part);
        break;
      case SpanKind::kOldHeading:
        blocks_.push_back(Block{s.kind, std::string(TrimSpace(part[0])), {}, {}, false, false});
        break;
      case SpanKind::kHeading:
        blocks_.push_back(
            Block{s.kind, std::string(TrimSpace(part[0].substr(1))), {}, {}, false, false});
        break;
      case SpanKind::kPara: {
        Block b{s.kind, {}, {}, {}, false, false};
        if (ParagraphOrLinks(std::move(part), &b.para)) blocks_.push_back(std::move(b));
        break;
      }
    }
    prev_end = s.end;
  }
  // Inline text is rendered only now, when every link definition is known.
  auto render = [&](Paragraph* p) {
    std::string joined;
    for (size_t i = 0; i < p->lines.size(); i++) {
      if (i > 0) joined.push_back('\n');
      joined.append(p->lines[i]);
    }
    doccomment::RenderLinkedText(joined, &links_, &p->rendered);
  };
  for (Block& b : blocks_) {
    if (b.kind == SpanKind::kPara) render(&b.para);
    if (b.kind == SpanKind::kList) {
      for (ListItem& item : b.items) {
        for (Paragraph& p : item.content) render(&p);
      }
    }
  }
}

// AppendIndented appends s with indent after each of its newlines.
void AppendIndented(std::string_view s, std::string_view indent, std::string* out) {
  for (char c : s) {
    out->push_back(c);
    if (c == '\n') out->append(indent);
  }
}

void Doc::PrintBlock(const Block& b, std::string* out) {
  switch (b.kind) {
    case SpanKind::kPara:
      out->append(b.para.rendered);
      out->push_back('\n');
      break;
    case SpanKind::kHeading:
    case SpanKind::kOldHeading:
      out->append("# ");
      out->append(b.text);
      out->push_back('\n');
      break;
    case SpanKind::kCode:
      for (size_t pos = 0; pos < b.text.size();) {
        size_t nl = b.text.find('\n', pos);
        if (nl > pos) {
          out->push_back('\t');
          out->append(b.text, pos, nl - pos);
        }
        out->push_back('\n');
        pos = nl + 1;
      }
      break;
    case SpanKind::kList: {
      bool loose = b.BlankBetween();
      for (size_t i = 0; i < b.items.size(); i++) {
        const ListItem& item = b.items[i];
        if (i > 0 && loose) out->push_back('\n');
        out->push_back(' ');
        if (item.number.empty()) {
          out->append(" - ");
        } else {
          out->append(item.number);
          out->append(". ");
        }
        constexpr std::string_view kFourSpace = "    ";
        for (size_t j = 0; j < item.content.size(); j++) {
          if (j > 0) {
            out->push_back('\n');
            out->append(kFourSpace);
          }
          AppendIndented(item.content[j].rendered, kFourSpace, out);
          out->push_back('\n');
        }
      }
      break;
    }
  }
}

std::string Doc::Print() {
  std::string out;
  for (size_t i = 0; i < blocks_.size(); i++) {
    const Block& b = blocks_[i];
    bool blank_before = b.kind != SpanKind::kList || b.force_blank_before || b.BlankBetween();
    if (i > 0 && blank_before) out.push_back('\n');
    PrintBlock(b, &out);
  }
  // Link definitions go last: the used ones, then the unused ones.
  for (bool used : {true, false}) {
    bool first = true;
    for (const LinkDef& def : links_.all()) {
      if (def.used != used) continue;
      if (first) out.push_back('\n');
      first = false;
      out.push_back('[');
      out.append(def.text);
      out.append("]: ");
      out.append(def.url);
      out.push_back('\n');
    }
  }
  return out;
}

// AllStars reports whether every line after the first of a /* */ comment's interior
// starts (after blanks) with '*', the old boxed style that is left alone.
bool AllStars(std::string_view text) {
  for (size_t i = 0; i < text.size(); i++) {
    if (text[i] != '\n') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) j++;
    if (j < text.size() && text[j] != '*') return false;
  }
  return true;
}

}  // namespace

std::string ReformatCommentText(std::string_view text) { return Doc(text).Print(); }

bool IsDirective(std::string_view c) {
  if (c.starts_with("line ") || c.starts_with("extern ") || c.starts_with("export ")) {
    return true;
  }
  size_t colon = c.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= c.size()) return false;
  for (size_t i = 0; i <= colon + 1; i++) {
    if (i == colon) continue;
    char b = c[i];
    if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) return false;
  }
  return true;
}

std::optional<std::vector<std::string>> FormatDocComment(
    std::span<const std::string_view> comments) {
  if (comments.empty()) return std::nullopt;
  std::string text;
  std::vector<std::string_view> directives;
  bool block = false;
  if (comments.size() == 1 && comments[0].starts_with("/*")) {
    std::string_view c = comments[0];
    // One-line /* */ comments and boxed ones would only get worse.
    if (c.size() < 4 || c.find('\n') == std::string_view::npos || AllStars(c)) {
      return std::nullopt;
    }
    text = c.substr(2, c.size() - 4);
    block = true;
  } else if (comments[0].starts_with("//")) {
    for (std::string_view c : comments) {
      if (!c.starts_with("//")) return std::nullopt;
      std::string_view body = c.substr(2);
      if (IsDirective(body)) {
        directives.push_back(c);
        continue;
      }
      if (body.starts_with(' ')) body.remove_prefix(1);
      text.append(body);
      text.push_back('\n');
    }
  } else {
    return std::nullopt;
  }
  if (text.empty()) return std::nullopt;

  std::string printed = ReformatCommentText(text);
  std::vector<std::string> out;
  if (block) {
    out.push_back("/*\n" + printed + "*/");
    return out;
  }
  for (size_t pos = 0; pos < printed.size();) {
    size_t nl = printed.find('\n', pos);
    if (nl == std::string::npos) nl = printed.size();
    std::string_view line(printed.data() + pos, nl - pos);
    if (line.empty()) {
      out.emplace_back("//");
    } else if (line[0] == '\t') {
      out.push_back("//" + std::string(line));
    } else {
      out.push_back("// " + std::string(line));
    }
    pos = nl + 1;
  }
  if (!directives.empty()) {
    out.emplace_back("//");
    for (std::string_view d : directives) out.emplace_back(d);
  }
  return out;
}

}  // namespace gotool::gofmt
