// Doc-comment inline text: link references, doc links, automatic URLs and the
// rewriting of `` and '' into typographic quotes, as go/doc/comment parses them.
#include "fmt/doccomment_text.h"

#include <algorithm>
#include <array>

#include "pkg/base/utf8.h"

namespace gotool::gofmt::doccomment {
namespace {

struct UpperRange {
  int32_t lo, hi, stride;
};
#include "fmt/unicode_upper.inc"

constexpr std::string_view kLeftQuote = "\xe2\x80\x9c";   // “
constexpr std::string_view kRightQuote = "\xe2\x80\x9d";  // ”

// Byte-class predicates of go/doc/comment's URL and identifier scanners.
bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHostChar(unsigned char c) {
  return IsAsciiAlnum(c) || c == '_' || c == '@' || c == '-' || c == '.' || c == '[' || c == ']' ||
         c == ':';
}
// IsUrlPunct: punctuation that may sit inside a URL but never ends one.
bool IsUrlPunct(unsigned char c) {
  return c == '.' || c == ',' || c == ':' || c == ';' || c == '?' || c == '!';
}
bool IsPathChar(unsigned char c) {
  return IsAsciiAlnum(c) ||
         std::string_view("$'()*+&#=@~_/-[]{}%").find(char(c)) != std::string_view::npos;
}
bool IsIdentAscii(unsigned char c) { return IsAsciiAlnum(c) || c == '_'; }
bool IsImportPathChar(unsigned char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '~' || c == '_' || c == '+';
}

bool IsScheme(std::string_view s) {
  static constexpr std::string_view kSchemes[] = {"file",  "ftp",    "gopher", "http",
                                                  "https", "mailto", "nntp"};
  return std::find(std::begin(kSchemes), std::end(kSchemes), s) != std::end(kSchemes);
}

// AutoUrl returns the length of the URL ("scheme://host/path") that s starts with,
// or 0. Trailing punctuation and unbalanced closing brackets are not part of it.
size_t AutoUrl(std::string_view s) {
  if (s.size() < 7) return 0;
  size_t i;
  if (s[3] == ':')
    i = 3;
  else if (s[4] == ':')
    i = 4;
  else if (s[5] == ':')
    i = 5;
  else if (s[6] == ':')
    i = 6;
  else
    return 0;
  if (i + 3 > s.size() || s.substr(i, 3) != "://" || !IsScheme(s.substr(0, i))) return 0;
  i += 3;
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i >= s.size() || !IsHostChar(at(i)) || IsUrlPunct(at(i))) return 0;
  i++;
  size_t end = i;
  for (; i < s.size() && IsHostChar(at(i)); i++) {
    if (!IsUrlPunct(at(i))) end = i + 1;
  }
  i = end;
  // The path: brackets must balance for a closing one to be included.
  std::string expect;
  for (; i < s.size(); i++) {
    unsigned char c = at(i);
    if (IsUrlPunct(c)) continue;
    if (!IsPathChar(c)) break;
    if (c == '(')
      expect.push_back(')');
    else if (c == '{')
      expect.push_back('}');
    else if (c == '[')
      expect.push_back(']');
    else if (c == ')' || c == '}' || c == ']') {
      if (expect.empty() || expect.back() != char(c)) break;
      expect.pop_back();
    }
    if (expect.empty()) end = i + 1;
  }
  return end;
}

// IdentLength returns the length of the identifier s starts with (letters, and
// ASCII digits after the first byte), or 0.
size_t IdentLength(std::string_view s) {
  size_t n = 0;
  while (n < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[n]);
    if (c < 0x80) {
      if (IsIdentAscii(c) && (n > 0 || c < '0' || c > '9')) {
        n++;
        continue;
      }
      break;
    }
    base::DecodedRune r = base::DecodeRune(s.substr(n));
    if (!base::IsLetter(r.rune)) break;
    n += size_t(r.width);
  }
  return n;
}

// IsName reports whether s is an exported identifier.
bool IsName(std::string_view s) {
  if (s.empty() || IdentLength(s) != s.size()) return false;
  return IsUpper(base::DecodeRune(s).rune);
}

// SplitDocName splits "a.b.Name" into "a.b" and "Name"; found is false when the part
// after the last dot is not a name.
void SplitDocName(std::string_view text, std::string_view* before, std::string_view* name,
                  bool* found) {
  size_t dot = text.rfind('.');
  std::string_view last = dot == std::string_view::npos ? text : text.substr(dot + 1);
  if (!IsName(last)) {
    *before = text, *name = {}, *found = false;
    return;
  }
  *before = dot == std::string_view::npos ? std::string_view() : text.substr(0, dot);
  *name = last;
  *found = true;
}

bool ValidImportPathElem(std::string_view elem) {
  if (elem.empty() || elem.front() == '.' || elem.back() == '.') return false;
  return std::all_of(elem.begin(), elem.end(),
                     [](char c) { return IsImportPathChar(static_cast<unsigned char>(c)); });
}

bool ValidImportPath(std::string_view path) {
  if (path.empty() || !base::ValidUTF8(path) || path.front() == '-' || path.back() == '/' ||
      path.find("//") != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); i++) {
    if (i == path.size() || path[i] == '/') {
      if (!ValidImportPathElem(path.substr(start, i - start))) return false;
      start = i + 1;
    }
  }
  return true;
}

// IsStdTopLevel reports whether name is a standard-library package path without a
// slash (the only std paths a slash-free doc link can name).
bool IsStdTopLevel(std::string_view name) {
  static constexpr std::string_view kStd[] = {
      "bufio",   "bytes",   "context", "crypto",  "embed",   "encoding", "errors",
      "expvar",  "flag",    "fmt",     "hash",    "html",    "image",    "io",
      "log",     "math",    "mime",    "net",     "os",      "path",     "plugin",
      "reflect", "regexp",  "runtime", "sort",    "strconv", "strings",  "sync",
      "syscall", "testing", "time",    "unicode", "unsafe"};
  return std::find(std::begin(kStd), std::end(kStd), name) != std::end(kStd);
}

// IsPunctOrSpaceAround: the rune next to a doc link must be punctuation or space.
// Only ASCII punctuation is recognised: whether a doc link is found changes the
// printed text only when an automatic URL runs straight into its "[", and URLs are
// ASCII, so a non-ASCII neighbour never makes a difference.
bool IsPunctOrSpaceAround(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' ||
         std::string_view("!\"#%&'()*,-./:;?@[\\]_{}").find(char(c)) != std::string_view::npos;
}

// IsDocLink reports whether "[text]" between before and after is a doc link
// ([pkg], [pkg.Name], [pkg.Recv.Name]); without symbol lookup, [Name] never is.
bool IsDocLink(std::string_view text, std::string_view before, std::string_view after) {
  if (!before.empty() && !IsPunctOrSpaceAround(static_cast<unsigned char>(before.back()))) {
    return false;
  }
  if (!after.empty() && !IsPunctOrSpaceAround(static_cast<unsigned char>(after.front()))) {
    return false;
  }
  if (!text.empty() && text[0] == '*') text.remove_prefix(1);
  std::string_view pkg, name, recv;
  bool found;
  SplitDocName(text, &pkg, &name, &found);
  if (found) {
    bool ignored;
    SplitDocName(pkg, &pkg, &recv, &ignored);
  }
  if (pkg.empty()) return false;
  if (pkg.find('/') != std::string_view::npos) return ValidImportPath(pkg);
  return IsStdTopLevel(pkg);
}

// RenderText appends s with `` and '' turned into quotes. With auto_link, automatic
// URLs are copied verbatim and identifiers skipped whole, as the parser does.
void RenderText(std::string_view s, bool auto_link, std::string* out) {
  size_t wrote = 0;
  size_t i = 0;
  while (i < s.size()) {
    std::string_view t = s.substr(i);
    if (auto_link) {
      if (size_t n = AutoUrl(t)) {
        i += n;
        continue;
      }
      if (size_t n = IdentLength(t)) {
        i += n;
        continue;
      }
    }
    if (t.starts_with("``")) {
      if (t.size() >= 3 && t[2] == '`') {
        // Three or more backticks stay as they are. go/doc/comment measures the
        // run with an index into s against the suffix t; keep that arithmetic.
        i += 3;
        while (i < t.size() && t[i] == '`') i++;
        continue;
      }
      out->append(s, wrote, i - wrote);
      out->append(kLeftQuote);
      i += 2;
      wrote = i;
    } else if (t.starts_with("''")) {
      out->append(s, wrote, i - wrote);
      out->append(kRightQuote);
      i += 2;
      wrote = i;
    } else {
      i++;
    }
  }
  out->append(s, wrote, std::string_view::npos);
}

}  // namespace

void LinkDefs::Add(LinkDef def) {
  first_.emplace(def.text, defs_.size());
  defs_.push_back(def);
}

LinkDef* LinkDefs::Use(std::string_view text) {
  auto it = first_.find(text);
  if (it == first_.end()) return nullptr;
  LinkDef* def = &defs_[it->second];
  def->used = true;
  return def;
}

bool ParseLinkDef(std::string_view line, LinkDef* def) {
  if (line.empty() || line[0] != '[') return false;
  size_t i = line.find("]:");
  if (i == std::string_view::npos || i + 3 >= line.size() ||
      (line[i + 2] != ' ' && line[i + 2] != '\t')) {
    return false;
  }
  std::string_view url = base::TrimSpace(line.substr(i + 3));
  size_t j = url.find("://");
  if (j == std::string_view::npos || !IsScheme(url.substr(0, j))) return false;
  def->text = line.substr(1, i - 1);
  def->url = url;
  def->used = false;
  return true;
}

void RenderLinkedText(std::string_view s, LinkDefs* defs, std::string* out) {
  size_t wrote = 0;
  auto flush = [&](size_t i) {
    if (wrote < i) RenderText(s.substr(wrote, i - wrote), true, out);
    wrote = i;
  };
  std::string key;  // text since the last "[", newlines and tabs as spaces
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (c == '\n' || c == '\t') c = ' ';
    if (c == '[') {
      start = i;
    } else if (c == ']') {
      if (start != std::string_view::npos) {
        std::string_view inner = s.substr(start + 1, i - start - 1);
        if (defs->Use(key) != nullptr || IsDocLink(inner, s.substr(0, start), s.substr(i + 1))) {
          flush(start);
          out->push_back('[');
          RenderText(inner, false, out);
          out->push_back(']');
          wrote = i + 1;
        }
      }
      start = std::string_view::npos;
      key.clear();
    }
    if (start != std::string_view::npos && i != start) key.push_back(c);
  }
  flush(s.size());
}

bool IsUpper(int32_t r) {
  if (r < 0x80) return r >= 'A' && r <= 'Z';
  const UpperRange* end = std::end(kUpperRanges);
  const UpperRange* it = std::upper_bound(std::begin(kUpperRanges), end, r,
                                          [](int32_t v, const UpperRange& g) { return v < g.lo; });
  if (it == std::begin(kUpperRanges)) return false;
  --it;
  return r <= it->hi && (r - it->lo) % it->stride == 0;
}

}  // namespace gotool::gofmt::doccomment
