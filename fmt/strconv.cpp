// Go string literal decoding (strconv.Unquote) for import paths.
#include "fmt/strconv.h"

#include "pkg/base/utf8.h"

namespace gotool::gofmt {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool Unquote(std::string_view lit, std::string* out) {
  if (lit.size() < 2 || lit.front() != lit.back()) return false;
  std::string_view body = lit.substr(1, lit.size() - 2);
  if (lit.front() == '`') {
    if (body.find('`') != std::string_view::npos) return false;
    for (char c : body) {
      if (c != '\r') out->push_back(c);
    }
    return true;
  }
  if (lit.front() != '"') return false;
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '"' || c == '\n') return false;
    if (c != '\\') {
      out->push_back(c);
      i++;
      continue;
    }
    if (i + 1 >= body.size()) return false;
    char e = body[i + 1];
    i += 2;
    switch (e) {
      case 'a':
        out->push_back('\a');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '"':
        out->push_back('"');
        break;
      case 'x':
      case 'u':
      case 'U': {
        size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + n > body.size()) return false;
        int32_t v = 0;
        for (size_t k = 0; k < n; k++) {
          int h = HexValue(body[i + k]);
          if (h < 0) return false;
          v = v * 16 + h;
        }
        i += n;
        if (e == 'x') {
          out->push_back(char(v));
        } else {
          if (!base::ValidRune(v)) return false;
          base::AppendRune(out, v);
        }
        break;
      }
      default: {
        if (e < '0' || e > '7' || i + 2 > body.size()) return false;
        int v = e - '0';
        for (size_t k = 0; k < 2; k++) {
          char d = body[i + k];
          if (d < '0' || d > '7') return false;
          v = v * 8 + (d - '0');
        }
        if (v > 255) return false;
        i += 2;
        out->push_back(char(v));
      }
    }
  }
  return true;
}

}  // namespace gotool::gofmt
