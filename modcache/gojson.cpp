// JSON output in encoding/json's MarshalIndent layout and string escaping.
#include "modcache/gojson.h"

#include <fmt/core.h>

#include "pkg/base/utf8.h"

namespace gotool::modcache {

std::string JSONQuote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"':
          out += "\\\"";
          continue;
        case '\\':
          out += "\\\\";
          continue;
        case '\n':
          out += "\\n";
          continue;
        case '\r':
          out += "\\r";
          continue;
        case '\t':
          out += "\\t";
          continue;
        default:
          break;
      }
      if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        out += fmt::format("\\u00{:02x}", c);
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    base::DecodedRune d = base::DecodeRune(s.substr(i));
    if (d.rune == 0xFFFD && d.width == 1) {
      out += "\\ufffd";
    } else if (d.rune == 0x2028 || d.rune == 0x2029) {
      out += fmt::format("\\u{:04x}", d.rune);
    } else {
      out.append(s.substr(i, d.width));
    }
    i += d.width;
  }
  return out + "\"";
}

void JSONWriter::Indent() {
  out_ += '\n';
  out_.append(depth_, '\t');
}

void JSONWriter::Key(std::string_view key) {
  if (!first_) out_ += ',';
  if (depth_ > 0) Indent();
  first_ = false;
  if (!key.empty()) out_ += JSONQuote(key) + ": ";
}

void JSONWriter::BeginObject(std::string_view key) {
  Key(key);
  out_ += '{';
  ++depth_;
  first_ = true;
}

void JSONWriter::EndObject() {
  --depth_;
  if (!first_) Indent();
  out_ += '}';
  first_ = false;
}

void JSONWriter::BeginArray(std::string_view key) {
  Key(key);
  out_ += '[';
  ++depth_;
  first_ = true;
}

void JSONWriter::EndArray() {
  --depth_;
  if (!first_) Indent();
  out_ += ']';
  first_ = false;
}

void JSONWriter::String(std::string_view key, std::string_view value) {
  Key(key);
  out_ += JSONQuote(value);
}

void JSONWriter::Null(std::string_view key) {
  Key(key);
  out_ += "null";
}

void JSONWriter::Bool(std::string_view key, bool value) {
  Key(key);
  out_ += value ? "true" : "false";
}

std::string JSONWriter::Take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace gotool::modcache
