// txtar archives: parsing "-- name --" marker lines and formatting them back.
#include "pkg/base/txtar.h"

namespace gotool::base {
namespace {

constexpr std::string_view kMarker = "-- ";
constexpr std::string_view kMarkerEnd = " --";

std::string_view TrimSpace(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n\v\f");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n\v\f");
  return s.substr(b, e - b + 1);
}

// IsMarker reports whether data starts with a marker line; if so it returns the file
// name and sets *after to the text following the line.
std::string_view IsMarker(std::string_view data, std::string_view* after) {
  if (data.substr(0, kMarker.size()) != kMarker) return {};
  std::string_view line = data;
  *after = {};
  if (std::size_t nl = data.find('\n'); nl != std::string_view::npos) {
    line = data.substr(0, nl);
    *after = data.substr(nl + 1);
  }
  if (line.size() < kMarker.size() + kMarkerEnd.size() ||
      line.substr(line.size() - kMarkerEnd.size()) != kMarkerEnd)
    return {};
  return TrimSpace(line.substr(kMarker.size(), line.size() - kMarker.size() - kMarkerEnd.size()));
}

std::string WithNewline(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// FindFileMarker splits data at the first marker line: the text before it, the
// marker's file name ("" when there is none) and the text after the marker line.
std::string_view FindFileMarker(std::string_view data, std::string* before,
                                std::string_view* after) {
  std::size_t i = 0;
  for (;;) {
    std::string_view rest;
    std::string_view name = IsMarker(data.substr(i), &rest);
    if (!name.empty()) {
      *before = std::string(data.substr(0, i));
      *after = rest;
      return name;
    }
    std::size_t nl = data.find('\n', i);
    if (nl == std::string_view::npos) {
      *before = WithNewline(data);
      *after = {};
      return {};
    }
    i = nl + 1;
  }
}

}  // namespace

Txtar ParseTxtar(std::string_view data) {
  Txtar archive;
  std::string_view rest;
  std::string_view name = FindFileMarker(data, &archive.comment, &rest);
  while (!name.empty()) {
    TxtarFile file{std::string(name), ""};
    name = FindFileMarker(rest, &file.data, &rest);
    archive.files.push_back(std::move(file));
  }
  return archive;
}

std::string FormatTxtar(const Txtar& archive) {
  std::string out = WithNewline(archive.comment);
  for (const TxtarFile& f : archive.files) {
    out += "-- " + f.name + " --\n";
    out += WithNewline(f.data);
  }
  return out;
}

}  // namespace gotool::base
