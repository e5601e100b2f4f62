// go.mod printer: x/mod/modfile's standard layout, and token quoting.
#include <fmt/core.h>

#include <array>

#include "modcache/modfile_syntax.h"
#include "modcache/module.h"
#include "pkg/base/utf8.h"

namespace gotool::modcache::modfile {
namespace {

std::string_view TrimSpace(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r\v\f");
  if (b == std::string_view::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\n\r\v\f") - b + 1);
}

// Printer accumulates the output, the pending end-of-line comments and the margin.
class Printer {
 public:
  std::string out;

  void File(const FileSyntax& f) {
    for (const Comment& c : f.comments.before) {
      out += TrimSpace(c.token);
      Newline();
    }
    for (std::size_t i = 0; i < f.stmt.size(); ++i) {
      const Stmt& s = f.stmt[i];
      Expr(CommentsOf(s), s);
      if (!std::holds_alternative<std::shared_ptr<CommentBlock>>(s)) Newline();
      for (const Comment& c : CommentsOf(s).after) {
        out += TrimSpace(c.token);
        Newline();
      }
      if (i + 1 < f.stmt.size()) Newline();
    }
  }

 private:
  // Newline ends the line, printing pending end-of-line comments first.
  void Newline() {
    if (!pending_.empty()) {
      out += ' ';
      for (std::size_t i = 0; i < pending_.size(); ++i) {
        if (i > 0) {
          Trim();
          out += '\n';
          out.append(margin_, '\t');
        }
        out += TrimSpace(pending_[i].token);
      }
      pending_.clear();
    }
    Trim();
    out += '\n';
    out.append(margin_, '\t');
  }

  void Trim() {
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  }

  std::size_t Indent() const {
    std::size_t n = out.rfind('\n');
    return n == std::string::npos ? out.size() : out.size() - n - 1;
  }

  // Before prints the whole-line comments of an element at the margin.
  void Before(const Comments& c) {
    if (c.before.empty()) return;
    Trim();
    if (Indent() > 0) out += '\n';
    out.append(margin_, '\t');
    for (const Comment& com : c.before) {
      out += TrimSpace(com.token);
      Newline();
    }
  }

  void Queue(const Comments& c) {
    pending_.insert(pending_.end(), c.suffix.begin(), c.suffix.end());
  }

  void Expr(const Comments& c, const Stmt& s) {
    Before(c);
    if (auto* l = std::get_if<std::shared_ptr<Line>>(&s)) {
      Tokens((*l)->token);
    } else if (auto* b = std::get_if<std::shared_ptr<LineBlock>>(&s)) {
      Block(**b);
    }
    Queue(c);
  }

  void Block(const LineBlock& b) {
    Tokens(b.token);
    out += ' ';
    Before(b.lparen.comments);
    out += '(';
    Queue(b.lparen.comments);
    ++margin_;
    for (const auto& l : b.line) {
      Newline();
      Before(l->comments);
      Tokens(l->token);
      Queue(l->comments);
    }
    --margin_;
    Newline();
    Before(b.rparen.comments);
    out += ')';
    Queue(b.rparen.comments);
  }

  // Tokens joins tokens with spaces, none inside brackets or before a comma.
  void Tokens(const std::vector<std::string>& tokens) {
    const char* sep = "";
    for (const std::string& t : tokens) {
      if (t == "," || t == ")" || t == "]" || t == "}") sep = "";
      out += sep;
      out += t;
      sep = " ";
      if (t == "(" || t == "[" || t == "{") sep = "";
    }
  }

  std::vector<Comment> pending_;
  std::size_t margin_ = 0;
};

}  // namespace

std::string Format(const FileSyntax& f) {
  Printer p;
  p.File(f);
  return std::move(p.out);
}

namespace {

// kPlainASCII marks the bytes that never make a token need quotes: printable ASCII
// other than space, quotes and brackets.
constexpr std::array<bool, 256> kPlainASCII = [] {
  std::array<bool, 256> t{};
  for (int c = 0x21; c < 0x7f; ++c) t[c] = true;
  for (char c : std::string_view("\"'`()[]{},")) t[static_cast<unsigned char>(c)] = false;
  return t;
}();

}  // namespace

bool MustQuote(std::string_view s) {
  if (s.empty()) return true;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    // Plain ASCII (nearly every go.mod token) without decoding; a comment start
    // ("//" or "/*") needs quotes too.
    if (kPlainASCII[c]) {
      if (c == '/' && i + 1 < s.size() && (s[i + 1] == '/' || s[i + 1] == '*')) return true;
      ++i;
      continue;
    }
    base::DecodedRune d =
        c < 0x80 ? base::DecodedRune{static_cast<int32_t>(c), 1} : base::DecodeRune(s.substr(i));
    i += d.width;
    switch (d.rune) {
      case ' ':
      case '"':
      case '\'':
      case '`':
        return true;
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
        if (s.size() > 1) return true;
        break;
      default:
        if (!base::IsPrint(d.rune)) return true;
    }
  }
  return false;
}

std::string AutoQuote(std::string_view s) {
  return MustQuote(s) ? module::Quote(s) : std::string(s);
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// UnquoteEscape decodes the escape at s[*i] (just after the backslash) into out.
bool UnquoteEscape(std::string_view s, std::size_t* i, std::string* out) {
  if (*i >= s.size()) return false;
  char c = s[(*i)++];
  switch (c) {
    case 'a':
      *out += '\a';
      return true;
    case 'b':
      *out += '\b';
      return true;
    case 'f':
      *out += '\f';
      return true;
    case 'n':
      *out += '\n';
      return true;
    case 'r':
      *out += '\r';
      return true;
    case 't':
      *out += '\t';
      return true;
    case 'v':
      *out += '\v';
      return true;
    case '\\':
      *out += '\\';
      return true;
    case '"':
      *out += '"';
      return true;
    case 'x':
    case 'u':
    case 'U': {
      int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      if (*i + n > s.size()) return false;
      int32_t v = 0;
      for (int k = 0; k < n; ++k) {
        int h = HexValue(s[*i + k]);
        if (h < 0) return false;
        v = v * 16 + h;
      }
      *i += n;
      if (c == 'x') {
        *out += static_cast<char>(v);
        return true;
      }
      if (!base::ValidRune(v)) return false;
      base::AppendRune(out, v);
      return true;
    }
    default:
      if (c < '0' || c > '7' || *i + 2 > s.size()) return false;
      int v = c - '0';
      for (int k = 0; k < 2; ++k) {
        char d = s[(*i)++];
        if (d < '0' || d > '7') return false;
        v = v * 8 + (d - '0');
      }
      if (v > 255) return false;
      *out += static_cast<char>(v);
      return true;
  }
}

}  // namespace

bool Unquote(std::string_view s, std::string* out) {
  out->clear();
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  s = s.substr(1, s.size() - 2);
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\n') return false;
    if (c != '\\') {
      *out += c;
      ++i;
      continue;
    }
    ++i;
    if (!UnquoteEscape(s, &i, out)) return false;
  }
  return true;
}

}  // namespace gotool::modcache::modfile
